import { SMS_ACTION_NEEDED, SMS_NEW_MESSAGE } from './sms-notices.js';
import type { TTemplateDefinition } from './types.js';

/** prep.checklist — materials checklist plus the first-day process guide (S − 14d 10:00). */
const checklist: TTemplateDefinition = {
  id: 'prep.checklist',
  step: 'prep.checklist',
  kind: 'message',
  audience: 'candidate',
  locales: {
    'zh-CN': {
      subject: '入职准备清单和报到指引（{{ offer.startDate | format_date: "zh" }}入职）',
      body: `{{ candidate.name }}，您好！

离入职还有两周左右，先把要准备的材料和报到当天的安排发给您，您可以从容准备。

要准备的材料：
{% for item in checklist.items %}{{ forloop.index }}. {{ item.title }}{% if item.note != "" %}——{{ item.note }}{% endif %}
{% endfor %}
需要上传的材料，请在 {{ checklist.dueDate | format_date: 'zh' }} 前传到候选人页面，我们会提前帮您核对，免得报到当天来回跑：{{ portal.link }}

报到当天：
- 时间：{{ offer.startDate | format_date: 'zh' }} {{ site.arrivalTime }}
- 地点：{{ site.name }}，{{ site.address }}
- 对接人：{{ contact.name }}，电话 {{ contact.phone }}
{%- if site.parking != "" %}
- 停车：{{ site.parking }}
{%- endif %}

《入职登记表》的电子版会在入职前一天发给您，提前填好能省下不少现场时间。有任何问题，回复这封邮件或打 {{ hr.phone }} 都可以。

{{ hr.name }}`,
      sms: SMS_NEW_MESSAGE.zh,
    },
    'en-US': {
      subject: 'What to bring and how your first day works ({{ offer.startDate | format_date: "en" }})',
      body: `Hi {{ candidate.name }},

About two weeks to go! Here is what to prepare and how the first day will run, so nothing is a rush at the end.

What to prepare:
{% for item in checklist.items %}{{ forloop.index }}. {{ item.title }}{% if item.note != "" %} — {{ item.note }}{% endif %}
{% endfor %}
Please upload the items that need it to your candidate page by {{ checklist.dueDate | format_date: 'en' }}. We check them in advance so you do not have to come back for anything: {{ portal.link }}

On the day:
- Time: {{ offer.startDate | format_date: 'en' }}, {{ site.arrivalTime }}
- Place: {{ site.name }}, {{ site.address }}
- Your contact: {{ contact.name }}, {{ contact.phone }}
{%- if site.parking != "" %}
- Parking: {{ site.parking }}
{%- endif %}

We will send the online registration form the day before you start; filling it in early saves time on site. Questions? Reply to this email or call {{ hr.phone }}.

{{ hr.name }}`,
      sms: SMS_NEW_MESSAGE.en,
    },
  },
};

/** prep.background_check_consent — scope and written authorisation before any check starts. */
const backgroundCheckConsent: TTemplateDefinition = {
  id: 'prep.background_check_consent',
  step: 'prep.background_check_consent',
  kind: 'message',
  audience: 'candidate',
  locales: {
    'zh-CN': {
      subject: '背景调查说明及书面授权',
      body: `{{ candidate.name }}，您好！

按照公司的入职流程，{{ offer.position }}岗位需要做背景调查。开始之前，我们先把范围讲清楚，并请您书面授权：

- 调查范围：{{ backgroundCheck.scope }}
- 核实项目：{{ backgroundCheck.items | join: '、' }}
- 执行机构：{{ backgroundCheck.vendor }}

只有在您签署授权书之后调查才会开始，而且只核实上面列出的项目。授权书可以在候选人页面查看和签署，您也可以随时撤回授权，撤回后调查会立即停止：{{ portal.link }}

如果对哪一项有顾虑，比如暂时不方便联系现在的单位，请先告诉我，我们一起商量时间安排。

{{ hr.name }}`,
      sms: SMS_ACTION_NEEDED.zh,
    },
    'en-US': {
      subject: 'Background check: scope and your written authorization',
      body: `Hi {{ candidate.name }},

Our joining process for the {{ offer.position }} role includes a background check. Before anything starts, here is exactly what it covers, and we need your written authorization:

- Scope: {{ backgroundCheck.scope }}
- Items checked: {{ backgroundCheck.items | join: ', ' }}
- Carried out by: {{ backgroundCheck.vendor }}

The check starts only after you sign the authorization, and covers only the items above. You can read and sign it on your candidate page, and you can withdraw it at any time — the check stops as soon as you do: {{ portal.link }}

If any item worries you, for example contacting your current employer too early, tell me first and we will agree on timing together.

{{ hr.name }}`,
      sms: SMS_ACTION_NEEDED.en,
    },
  },
};

/** prep.manager_intro_call — hiring manager's 15–20 minute call script (S − 7d). */
const managerIntroCall: TTemplateDefinition = {
  id: 'prep.manager_intro_call',
  step: 'prep.manager_intro_call',
  kind: 'call_script',
  audience: 'staff',
  locales: {
    'zh-CN': {
      subject: '入职前通话：{{ candidate.name }}（{{ offer.startDate | format_date: "zh" }}入职）',
      body: `请在这周和 {{ candidate.name }} 通一次电话，15–20 分钟就够。目的是让对方感受到团队的期待，并对第一阶段的工作心里有底。

建议话题：
1. 团队：团队有几个人、各自负责什么、平时和哪些部门打交道最多。
2. 近期项目：团队这一两个季度的重点项目，以及新同事会参与哪一块。
3. 初期目标：入职第一个月希望完成的两三件事，以及怎样算做得好。
{%- case candidate.roleType -%}
{%- when 'tech' %}
4. 技术：简单介绍技术栈、代码仓库和开发环境的准备，第一周由谁带着熟悉代码。
{%- when 'management' %}
4. 团队文化：团队的协作方式和例会节奏，以及您希望新管理者最先认识的人和了解的事。
{%- when 'campus' %}
4. 培训：新人培训怎么安排、导师是谁，第一个月以学习为主，再逐步接手工作。
{%- endcase %}

最后问问对方还想了解什么，并提一句入职前两天会有一次预入职沟通会。通话后在系统里标记完成；需要 HR 跟进的事写在备注里。`,
    },
    'en-US': {
      subject: 'Intro call with {{ candidate.name }} (starts {{ offer.startDate | format_date: "en" }})',
      body: `Please call {{ candidate.name }} this week; 15–20 minutes is enough. The point is to show the team is looking forward to them and to make the first weeks feel concrete.

Suggested topics:
1. The team: how many people, who does what, and which teams you work with most.
2. Current projects: the team's main projects this quarter or next, and where the new hire will contribute.
3. First goals: two or three things you hope they achieve in the first month, and what good looks like.
{%- case candidate.roleType -%}
{%- when 'tech' %}
4. Tech: a short tour of the stack, repositories and dev environment setup, and who will pair with them in week one.
{%- when 'management' %}
4. Culture: how the team collaborates, its meeting rhythm, and the people and topics a new leader should learn about first.
{%- when 'campus' %}
4. Training: how onboarding training works, who their mentor is, and that the first month is mostly learning before taking on work.
{%- endcase %}

Finish by asking what else they would like to know, and mention the pre-onboarding meeting two days before the start. Mark the call done afterwards; put anything HR should follow up in the notes.`,
    },
  },
};

export const PREP_TEMPLATES: readonly TTemplateDefinition[] = [checklist, managerIntroCall, backgroundCheckConsent];
