import { SMS_NEW_MESSAGE } from './sms-notices.js';
import type { TTemplateDefinition } from './types.js';

/** offer.send_package — formal offer, employee handbook and job description (A + 2h). */
const sendPackage: TTemplateDefinition = {
  id: 'offer.send_package',
  step: 'offer.send_package',
  kind: 'message',
  audience: 'candidate',
  locales: {
    'zh-CN': {
      subject: '{{ org.name }}正式录用通知：{{ offer.position }}',
      body: `{{ candidate.name }}，您好！

谢谢您接受我们的邀请，欢迎加入{{ org.name }}。随信附上加盖公章的正式录用通知书，以及《员工手册》和《岗位职责说明书》，您可以提前了解公司的制度和这个岗位要做的事。

请帮忙核对几项关键信息：
- 岗位：{{ offer.position }}（{{ offer.department }}）
- 入职日期：{{ offer.startDate | format_date: 'zh' }}
- 工作地点：{{ site.name }}，{{ site.address }}
- 试用期：{{ offer.probationMonths }} 个月
{%- case candidate.roleType -%}
{%- when 'tech' %}

《岗位职责说明书》里列了团队现在用的技术栈和您会参与的系统。如果想提前看看哪一块，告诉我们，我们请团队准备资料。
{%- when 'management' %}

入职前我们会安排您和{{ manager.name }}聊一次，介绍团队的人员构成和工作方式，让您对即将带领的团队先有个整体印象。
{%- when 'campus' %}

入职后的头几周以新人培训为主，还会有一位导师陪您上手，详细的培训安排会在入职前发给您。
{%- endcase %}

如果信息有出入，或者对录用通知有任何疑问，直接回复这封邮件或打 {{ hr.phone }} 找我就好。所有文件也都保存在您的候选人页面：{{ portal.link }}

{{ hr.name }}
{{ org.name }} 人力资源部`,
      sms: SMS_NEW_MESSAGE.zh,
    },
    'en-US': {
      subject: 'Your offer from {{ org.name }}: {{ offer.position }}',
      body: `Hi {{ candidate.name }},

Thank you for accepting, and welcome to {{ org.name }}! Attached are your signed and stamped offer letter, our employee handbook and the job description, so you can get to know how we work before you arrive.

Please check the key details:
- Position: {{ offer.position }} ({{ offer.department }})
- Start date: {{ offer.startDate | format_date: 'en' }}
- Place of work: {{ site.name }}, {{ site.address }}
- Probation: {{ offer.probationMonths }} months
{%- case candidate.roleType -%}
{%- when 'tech' %}

The job description lists the stack the team uses today and the systems you will work on. If you would like to dig into any part early, tell us and the team will share material.
{%- when 'management' %}

Before you start, we will set up a conversation with {{ manager.name }} about who is on the team and how it works, so you have a picture of the people you will lead.
{%- when 'campus' %}

Your first weeks are mostly structured training, and a mentor will help you find your feet. We will send the training plan before you start.
{%- endcase %}

If anything looks wrong or you have questions about the offer, reply to this email or call me on {{ hr.phone }}. All documents are also in your candidate page: {{ portal.link }}

{{ hr.name }}
People team, {{ org.name }}`,
      sms: SMS_NEW_MESSAGE.en,
    },
  },
};

/** offer.channel_invite — company group (WeCom/DingTalk/Feishu) and official account (A + 24h). */
const channelInvite: TTemplateDefinition = {
  id: 'offer.channel_invite',
  step: 'offer.channel_invite',
  kind: 'message',
  audience: 'candidate',
  locales: {
    'zh-CN': {
      subject: '邀请您加入{{ org.name }}新同事群',
      body: `{{ candidate.name }}，您好！

为了让入职前的通知更及时，我们建了一个{% case org.imPlatform %}{% when 'wecom' %}企业微信{% when 'dingtalk' %}钉钉{% when 'feishu' %}飞书{% endcase %}群，群里有近期加入的新同事和负责接待的同事。点开链接就能加入：{% if invite %}{{ invite.link }}{% else %}{{ portal.link }}{% endif %}
{%- if org.officialAccount != "" %}

也欢迎关注公众号“{{ org.officialAccount }}”，那里会分享团队日常和公司的新动态。
{%- endif %}

加不加群都不影响入职，重要的信息我们仍会通过邮件和候选人页面发给您。

{{ hr.name }}`,
      sms: SMS_NEW_MESSAGE.zh,
    },
    'en-US': {
      subject: 'Join the {{ org.name }} newcomers group',
      body: `Hi {{ candidate.name }},

To keep you posted before your first day, we run a {% case org.imPlatform %}{% when 'wecom' %}WeCom{% when 'dingtalk' %}DingTalk{% when 'feishu' %}Feishu{% endcase %} group with other people joining soon and the colleagues who will welcome you. Join with this link: {% if invite %}{{ invite.link }}{% else %}{{ portal.link }}{% endif %}
{%- if org.officialAccount != "" %}

You can also follow our official account "{{ org.officialAccount }}" for a look at team life and company news.
{%- endif %}

Joining is entirely optional: anything important still reaches you by email and on your candidate page.

{{ hr.name }}`,
      sms: SMS_NEW_MESSAGE.en,
    },
  },
};

/** offer.confirmation_call — HR call script (A + 24h). */
const confirmationCall: TTemplateDefinition = {
  id: 'offer.confirmation_call',
  step: 'offer.confirmation_call',
  kind: 'call_script',
  audience: 'staff',
  locales: {
    'zh-CN': {
      subject: '确认入职意向：{{ candidate.name }}（{{ offer.position }}）',
      body: `通话目标：和 {{ candidate.name }} 一对一确认入职意向，解答录用通知里的疑问。10–15 分钟为宜。

1. 开场：感谢对方接受录用，先确认现在方便通话。
2. 意向：确认 {{ offer.startDate | format_date: 'zh' }} 入职的安排不变；对方若有顾虑，先听完再回应。
3. 试用期：说明 {{ offer.probationMonths }} 个月试用期怎么考核——看哪些目标、谁来评估、什么时候给反馈。
4. 社保和公积金：说明缴纳地、从哪个月开始缴、个人和公司各自的缴纳比例（以当地政策为准），以及转移手续怎么办。
5. 特殊需求：是否需要公司开具入职证明或其他证明？原单位交接需要多久，离职证明预计哪天能拿到？
{%- case candidate.roleType -%}
{%- when 'tech' %}
6. 岗位：问问对方对技术栈、开发设备有没有想先了解的，记下来转给直属上级。
{%- when 'management' %}
6. 团队：问问对方最想先了解团队的哪些情况，转给直属上级准备。
{%- when 'campus' %}
6. 毕业手续：确认毕业时间，以及就业协议、档案和户口迁移等手续的进度。
{%- endcase %}

收尾：告诉对方接下来会收到什么（入群邀请、入职准备清单），以及有问题找谁：{{ hr.name }}，{{ hr.phone }}。
只谈和工作有关的话题，不打听与录用无关的个人情况。通话后把对方的反馈和待跟进事项记到时间线上。`,
    },
    'en-US': {
      subject: 'Confirm intent to join: {{ candidate.name }} ({{ offer.position }})',
      body: `Goal: a one-to-one call with {{ candidate.name }} to confirm they are still joining and to answer questions about the offer. Aim for 10–15 minutes.

1. Opening: thank them for accepting and check that now is a good time.
2. Intent: confirm the start date of {{ offer.startDate | format_date: 'en' }} still works; if they have doubts, listen fully before answering.
3. Probation: explain how the {{ offer.probationMonths }}-month probation is assessed — which goals, who reviews, when they get feedback.
4. Social insurance and housing fund: where contributions are paid, from which month, the employee and employer rates (per local rules), and how a transfer works.
5. Special needs: do they need an employment certificate or other letter from us? How long is the handover at their current employer, and when do they expect the certificate of separation?
{%- case candidate.roleType -%}
{%- when 'tech' %}
6. Role: ask what they would like to know about the stack or their equipment, and pass it to the hiring manager.
{%- when 'management' %}
6. Team: ask what they most want to learn about the team first, and pass it to the hiring manager.
{%- when 'campus' %}
6. Graduation: confirm the graduation date and the progress of the employment agreement, student file and residence transfer.
{%- endcase %}

Close: tell them what comes next (group invitation, materials checklist) and who to ask: {{ hr.name }}, {{ hr.phone }}.
Keep to work-related topics and do not probe into personal matters unrelated to the job. Afterwards, record their feedback and follow-ups on the timeline.`,
    },
  },
};

export const OFFER_TEMPLATES: readonly TTemplateDefinition[] = [sendPackage, confirmationCall, channelInvite];
