import { SMS_ACTION_NEEDED } from './sms-notices.js';
import type { TTemplateDefinition } from './types.js';

/** salary.reissue_offer — approved adjustment: formal email and a new offer version to re-accept. */
const reissueOffer: TTemplateDefinition = {
  id: 'salary.reissue_offer',
  step: 'salary.reissue_offer',
  kind: 'message',
  audience: 'candidate',
  locales: {
    'zh-CN': {
      subject: '更新后的录用通知（第 {{ offer.version }} 版）',
      body: `{{ candidate.name }}，您好！

关于您提出的薪资调整，我们评估后同意调整。现以正式邮件确认变更后的内容，并重新出具录用通知：

- 岗位：{{ offer.position }}
- 月度基本工资：{{ compensation.monthlyBase | format_money: 'zh' }}，每年发放 {{ compensation.monthsPerYear }} 个月
- 入职日期：{{ offer.startDate | format_date: 'zh' }}

第 {{ offer.version }} 版录用通知在附件里，也可以在候选人页面查看。请{% if offer.respondBy %}在 {{ offer.respondBy | format_date: 'zh' }} 前{% endif %}在页面上确认接受，确认后之前的版本不再适用：{{ portal.link }}

{{ hr.name }}`,
      sms: SMS_ACTION_NEEDED.zh,
    },
    'en-US': {
      subject: 'Your updated offer (version {{ offer.version }})',
      body: `Hi {{ candidate.name }},

We have reviewed your request about pay and agreed to the change. This email confirms the new terms formally, and we are issuing a new offer:

- Position: {{ offer.position }}
- Monthly base pay: {{ compensation.monthlyBase | format_money: 'en' }}, paid {{ compensation.monthsPerYear }} months a year
- Start date: {{ offer.startDate | format_date: 'en' }}

Version {{ offer.version }} of the offer is attached and on your candidate page. Please accept it there{% if offer.respondBy %} by {{ offer.respondBy | format_date: 'en' }}{% endif %}; once you do, it replaces the earlier version: {{ portal.link }}

{{ hr.name }}`,
      sms: SMS_ACTION_NEEDED.en,
    },
  },
};

/** salary.explain_total_comp — rejected adjustment: explain bonus, allowances and annual bonus. */
const explainTotalComp: TTemplateDefinition = {
  id: 'salary.explain_total_comp',
  step: 'salary.explain_total_comp',
  kind: 'message',
  audience: 'candidate',
  locales: {
    'zh-CN': {
      subject: '关于您的整体薪酬',
      body: `{{ candidate.name }}，您好！

谢谢您坦诚地说出对薪资的想法。我们认真评估后，这次暂时没办法调整月度基本工资。不过只看月薪可能不够全面，想把整体薪酬跟您讲清楚：

- 月度基本工资：{{ compensation.monthlyBase | format_money: 'zh' }}，每年发放 {{ compensation.monthsPerYear }} 个月
- 绩效奖金：{{ compensation.bonusNote }}
- 补贴：{{ compensation.allowancesNote }}
- 年终奖：{{ compensation.annualBonusNote }}

如果方便，我很乐意打个电话，和您一起把这些折算成全年总额，看看和您的预期差在哪里。也欢迎直接回复邮件。

{{ hr.name }}`,
    },
    'en-US': {
      subject: 'Your total compensation',
      body: `Hi {{ candidate.name }},

Thank you for being open about your expectations on pay. After careful review we cannot change the monthly base this time — but the monthly figure is only part of the picture, so here is the whole package:

- Monthly base: {{ compensation.monthlyBase | format_money: 'en' }}, paid {{ compensation.monthsPerYear }} months a year
- Performance bonus: {{ compensation.bonusNote }}
- Allowances: {{ compensation.allowancesNote }}
- Annual bonus: {{ compensation.annualBonusNote }}

If it helps, I would be glad to call and work out the yearly total with you, to see where the gap to your expectation really is. Or simply reply to this email.

{{ hr.name }}`,
    },
  },
};

/** declined.thank_you — within 24h of a decline or renege; the talent-pool opt-in stays separate. */
const declinedThankYou: TTemplateDefinition = {
  id: 'declined.thank_you',
  step: 'declined.thank_you',
  kind: 'message',
  audience: 'candidate',
  locales: {
    'zh-CN': {
      subject: '谢谢您，{{ candidate.name }}',
      body: `{{ candidate.name }}，您好！

收到您的决定了。感谢您这段时间投入的精力，也感谢您对{{ org.name }}的认可，和您的每次交流我们都很珍惜。

祝您在新的方向上一切顺利。以后出现适合您的机会，我们很希望还能想到您：如果您愿意，可以在下面的页面选择加入我们的人才库，加入与否完全由您决定，之后也可以随时退出：{{ portal.link }}

{{ hr.name }}`,
    },
    'en-US': {
      subject: 'Thank you, {{ candidate.name }}',
      body: `Hi {{ candidate.name }},

Thank you for letting us know. We appreciate the time you gave us and your interest in {{ org.name }}; we enjoyed every conversation.

All the best with the path you have chosen. Should a role come up that fits you, we would love to think of you again: if you like, you can join our talent pool on the page below. It is entirely your choice, and you can leave at any time: {{ portal.link }}

{{ hr.name }}`,
    },
  },
};

/** pool.nurture — quarterly note while talent-pool consent is valid; always carries the opt-out. */
const poolNurture: TTemplateDefinition = {
  id: 'pool.nurture',
  step: 'pool.nurture',
  kind: 'message',
  audience: 'candidate',
  locales: {
    'zh-CN': {
      subject: '{{ org.name }} 最近的新鲜事',
      body: `{{ candidate.name }}，您好！

好久不见，跟您分享一下{{ org.name }}最近的变化：

{{ pool.highlights }}

目前开放的机会都在这里，看看有没有让您心动的：{{ pool.openingsLink }}

这样的邮件大约每三个月一封。您的人才库授权有效期到 {{ pool.consentExpiresOn | format_date: 'zh' }}；不想再收到的话，点这里退出，我们会删除相关资料：{{ pool.optOutLink }}

{{ hr.name }}`,
    },
    'en-US': {
      subject: 'News from {{ org.name }}',
      body: `Hi {{ candidate.name }},

It has been a while — here is what has changed at {{ org.name }} lately:

{{ pool.highlights }}

Current openings are all here, in case one catches your eye: {{ pool.openingsLink }}

We write about once every three months. Your talent-pool consent is valid until {{ pool.consentExpiresOn | format_date: 'en' }}; to stop these emails, opt out here and we will delete your details: {{ pool.optOutLink }}

{{ hr.name }}`,
    },
  },
};

/** day1.checkin — end-of-day check for HR and the manager (S 18:00); issues become tasks. */
const dayOneCheckin: TTemplateDefinition = {
  id: 'day1.checkin',
  step: 'day1.checkin',
  kind: 'task',
  audience: 'staff',
  locales: {
    'zh-CN': {
      subject: '入职首日回访：{{ candidate.name }}',
      body: `下班前，请 HR 和直属上级{{ manager.name }}分别和 {{ candidate.name }} 聊几分钟，了解第一天的感受。每个需要跟进的问题单独记一条，1 个工作日内解决。

可以这样问：
1. 电脑、账号和门禁卡今天都能正常用吗？
2. 团队的人都见过了吗？遇到问题知道先找谁吗？
3. 这周要做的事情清楚吗？哪里还有点模糊？
{%- case candidate.roleType -%}
{%- when 'tech' %}
4. 开发环境搭好了吗？代码仓库和文档的权限都开了吗？
{%- when 'management' %}
4. 和团队成员的一对一约好了吗？
{%- when 'campus' %}
4. 培训日程和导师都对接上了吗？
{%- endcase %}
5. 今天有没有哪里不方便，或者我们可以做得更好的地方？

一切顺利的话，也请在系统里标记完成。`,
    },
    'en-US': {
      subject: 'Day-one check-in: {{ candidate.name }}',
      body: `Before the end of the day, HR and the manager {{ manager.name }} each take a few minutes with {{ candidate.name }} to hear how the first day went. Record every issue that needs follow-up as its own item; each is resolved within one working day.

Questions that work well:
1. Are your laptop, accounts and access card all working?
2. Have you met the team? Do you know who to ask when you are stuck?
3. Is this week's work clear? Is anything still fuzzy?
{%- case candidate.roleType -%}
{%- when 'tech' %}
4. Is your dev environment set up, with access to the repositories and docs?
{%- when 'management' %}
4. Are your one-to-ones with the team booked?
{%- when 'campus' %}
4. Have you connected with your mentor and got the training schedule?
{%- endcase %}
5. Was anything inconvenient today, or what could we have done better?

If all went well, mark the task done anyway.`,
    },
  },
};

export const FOLLOW_UP_TEMPLATES: readonly TTemplateDefinition[] = [reissueOffer, explainTotalComp, declinedThankYou, poolNurture, dayOneCheckin];
