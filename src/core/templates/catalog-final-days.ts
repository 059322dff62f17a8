import { SMS_NEW_EVENT, SMS_NEW_MESSAGE } from './sms-notices.js';
import type { TTemplateDefinition } from './types.js';

/**
 * final.daily_care — one short, warm note on each of S−3, S−2 and S−1 (10:00). Short on
 * purpose: the frequency cap allows one proactive message a day in the last week.
 */
function dailyCare(variant: 's-3' | 's-2' | 's-1', zh: { subject: string; body: string }, en: { subject: string; body: string }): TTemplateDefinition {
  return {
    id: `final.daily_care.${variant}`,
    step: 'final.daily_care',
    variant,
    kind: 'message',
    audience: 'candidate',
    locales: {
      'zh-CN': { ...zh, sms: SMS_NEW_MESSAGE.zh },
      'en-US': { ...en, sms: SMS_NEW_MESSAGE.en },
    },
  };
}

const dailyCareThreeDays = dailyCare(
  's-3',
  {
    subject: '还有三天，我们就见面了',
    body: `{{ candidate.name }}，您好！

再过三天就是您来{{ org.name }}的日子了。这几天想到任何问题——材料、路线，甚至第一天穿什么——随时问我，不用攒着。

{{ hr.name }}`,
  },
  {
    subject: 'Three days to go',
    body: `Hi {{ candidate.name }},

Just three days until you join {{ org.name }}. If anything comes to mind — paperwork, directions, even what to wear on day one — ask me any time; no need to save questions up.

{{ hr.name }}`,
  },
);

const dailyCareTwoDays = dailyCare(
  's-2',
  {
    subject: '材料准备得怎么样了？',
    body: `{{ candidate.name }}，您好！

想跟您确认一下，清单上的材料都备齐了吗？如果离职证明之类的文件还在办，跟我说一声就行，我们可以先办其他手续，不会耽误您报到。
{%- case candidate.roleType -%}
{%- when 'tech' %}
您的电脑和开发账号已经在准备了，到岗就能用上。
{%- when 'campus' %}
新人培训的日程已经放在候选人页面，有空可以先看看：{{ portal.link }}
{%- endcase %}

{{ hr.name }}`,
  },
  {
    subject: 'How is your paperwork coming along?',
    body: `Hi {{ candidate.name }},

A quick check: have you got everything on the checklist? If something like the certificate of separation is still on its way, just let me know — we can start the other formalities first and your start is not affected.
{%- case candidate.roleType -%}
{%- when 'tech' %}
Your laptop and developer accounts are being set up, so they will be ready when you arrive.
{%- when 'campus' %}
The training schedule is already on your candidate page if you would like a look: {{ portal.link }}
{%- endcase %}

{{ hr.name }}`,
  },
);

const dailyCareOneDay = dailyCare(
  's-1',
  {
    subject: '明天见！',
    body: `{{ candidate.name }}，您好！

明天就正式见面啦。{{ site.arrivalTime }} 到 {{ site.name }} 后，{{ contact.name }} 会在大堂等您；万一路上耽搁了，给 TA 打个电话（{{ contact.phone }}）就好。

《入职登记表》的电子版已经放在候选人页面，今晚有空可以先填上：{{ portal.link }}

早点休息，明天见！
{{ hr.name }}`,
  },
  {
    subject: 'See you tomorrow!',
    body: `Hi {{ candidate.name }},

Tomorrow is the day. When you reach {{ site.name }} at {{ site.arrivalTime }}, {{ contact.name }} will be waiting in the lobby; if you are held up on the way, a quick call to {{ contact.phone }} is all it takes.

The online registration form is ready on your candidate page, if you have a moment tonight: {{ portal.link }}

Rest well, and see you tomorrow!
{{ hr.name }}`,
  },
);

/** final.logistics_confirm — transport, arrival time, contact name/phone/desk (S − 3d). */
const logisticsConfirm: TTemplateDefinition = {
  id: 'final.logistics_confirm',
  step: 'final.logistics_confirm',
  kind: 'message',
  audience: 'candidate',
  locales: {
    'zh-CN': {
      subject: '请确认报到当天的安排',
      body: `{{ candidate.name }}，您好！

为了让报到当天一切顺利，请帮忙确认下面的安排，回复“确认”或告诉我需要调整的地方：

- 报到时间：{{ offer.startDate | format_date: 'zh' }} {{ site.arrivalTime }}
- 报到地点：{{ site.name }}，{{ site.address }}
- 您打算怎么过来？地铁、公交、自驾还是其他方式？{% if site.parking != "" %}自驾的话：{{ site.parking }}{% endif %}
- 当天对接人：{{ contact.name }}，电话 {{ contact.phone }}{% if contact.desk != "" %}，工位 {{ contact.desk }}{% endif %}

到了以后找不到人，直接打 {{ contact.name }} 的电话就行。

{{ hr.name }}`,
      sms: SMS_NEW_MESSAGE.zh,
    },
    'en-US': {
      subject: 'Please confirm your first-day arrangements',
      body: `Hi {{ candidate.name }},

To make your first day smooth, please confirm the arrangements below — reply "confirmed" or tell me what to change:

- Arrival: {{ offer.startDate | format_date: 'en' }}, {{ site.arrivalTime }}
- Place: {{ site.name }}, {{ site.address }}
- How will you travel? Metro, bus, car or something else?{% if site.parking != "" %} If driving: {{ site.parking }}{% endif %}
- Your contact on the day: {{ contact.name }}, {{ contact.phone }}{% if contact.desk != "" %}, desk {{ contact.desk }}{% endif %}

If you cannot find anyone when you arrive, call {{ contact.name }} directly.

{{ hr.name }}`,
      sms: SMS_NEW_MESSAGE.en,
    },
  },
};

/** final.preonboarding_meeting — invitation text sent with the .ics (S − 2d). */
const preonboardingMeeting: TTemplateDefinition = {
  id: 'final.preonboarding_meeting',
  step: 'final.preonboarding_meeting',
  kind: 'meeting_invite',
  audience: 'candidate',
  locales: {
    'zh-CN': {
      subject: '预入职沟通会：{{ meeting.at | format_datetime: "zh" }}',
      body: `{{ candidate.name }}，您好！

入职前我们想和您开一个 {{ meeting.durationMinutes }} 分钟的线上沟通会，参加的有您的直属上级{{ manager.name }}{% if hrbp %}、HRBP {{ hrbp.name }}{% endif %}和我。

- 时间：{{ meeting.at | format_datetime: 'zh' }}
- 会议链接：{{ meeting.link }}

这不是考核，而是让您把想问的事提前问清楚，比如具体做什么、和团队怎么配合、绩效怎么评估。可以先想想这些问题：
- 第一个月最重要的几件事是什么？
- 新同事能得到哪些培训和支持？
{%- case candidate.roleType -%}
{%- when 'tech' %}
- 开发流程和代码评审是怎么进行的？
{%- when 'management' %}
- 团队眼下最大的挑战是什么？
{%- when 'campus' %}
- 培训期间怎么安排，导师是谁？
{%- endcase %}

日历邀请在附件里；时间不合适的话，回复一个您方便的时间就好。

{{ hr.name }}`,
      sms: SMS_NEW_EVENT.zh,
    },
    'en-US': {
      subject: 'Pre-onboarding meeting: {{ meeting.at | format_datetime: "en" }}',
      body: `Hi {{ candidate.name }},

Before you start, we would like a {{ meeting.durationMinutes }}-minute video call with you, your manager {{ manager.name }}{% if hrbp %}, {{ hrbp.name }} (HRBP){% endif %} and me.

- When: {{ meeting.at | format_datetime: 'en' }}
- Link: {{ meeting.link }}

This is not an assessment. It is your chance to ask what you want to know — what the work involves, how the team collaborates, how performance is reviewed. Some questions to think about:
- What matters most in my first month?
- What training and support do newcomers get?
{%- case candidate.roleType -%}
{%- when 'tech' %}
- How do development and code review work here?
{%- when 'management' %}
- What is the team's biggest challenge right now?
{%- when 'campus' %}
- How is the training period organised, and who is my mentor?
{%- endcase %}

The calendar invitation is attached; if the time does not suit you, reply with one that does.

{{ hr.name }}`,
      sms: SMS_NEW_EVENT.en,
    },
  },
};

export const FINAL_DAYS_TEMPLATES: readonly TTemplateDefinition[] = [
  dailyCareThreeDays,
  dailyCareTwoDays,
  dailyCareOneDay,
  logisticsConfirm,
  preonboardingMeeting,
];
