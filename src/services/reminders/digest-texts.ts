/**
 * The words of the staff digest in both languages (STYLE: zh-CN and en-US from the
 * start). Step names follow the console's catalogue (web/console/locales), so an owner
 * reads the same name in the email and on the task page.
 */
import { formatDateTime } from '../../core/templates/index.js';
import { formatLocalIso } from '../../core/time/local-time.js';

export type TDigestLocale = 'zh-CN' | 'en-US';

/** A user's locale as one the digest speaks (unknown values read as zh-CN, the product default). */
export function toDigestLocale(locale: string | null | undefined): TDigestLocale {
  return locale === 'en-US' ? 'en-US' : 'zh-CN';
}

const STEP_NAMES: Record<string, { 'zh-CN': string; 'en-US': string }> = {
  'offer.send_package': { 'zh-CN': '发送正式 Offer 资料包', 'en-US': 'Send the offer package' },
  'offer.confirmation_call': { 'zh-CN': '入职意向确认电话', 'en-US': 'Confirmation call' },
  'offer.channel_invite': { 'zh-CN': '邀请加入企业群与公众号', 'en-US': 'Invite to company channels' },
  'offer.approve_withdrawal': { 'zh-CN': '审批撤回 Offer 申请', 'en-US': 'Approve or refuse the offer withdrawal' },
  'prep.checklist': { 'zh-CN': '发送入职材料清单', 'en-US': 'Send the materials checklist' },
  'prep.relocation_support': { 'zh-CN': '异地安置支持', 'en-US': 'Relocation support' },
  'prep.manager_intro_call': { 'zh-CN': '直属上级沟通电话', 'en-US': 'Manager intro call' },
  'prep.background_check_consent': { 'zh-CN': '背景调查授权', 'en-US': 'Background check authorization' },
  'prep.documents_prereview': { 'zh-CN': '预审入职材料', 'en-US': 'Pre-review submitted documents' },
  'final.daily_care': { 'zh-CN': '入职前每日关怀', 'en-US': 'Daily care message' },
  'final.logistics_confirm': { 'zh-CN': '确认报到安排', 'en-US': 'Confirm arrival logistics' },
  'final.preonboarding_meeting': { 'zh-CN': '入职前沟通会', 'en-US': 'Pre-onboarding meeting' },
  'day1.workstation_prep': { 'zh-CN': '准备工牌、电脑和工位', 'en-US': 'Prepare badge, computer and desk' },
  'day1.reception': { 'zh-CN': '首日接待', 'en-US': 'Day-one reception' },
  'day1.checkin': { 'zh-CN': '首日结束回访', 'en-US': 'End-of-day check-in' },
  'day1.issue': { 'zh-CN': '处理首日问题', 'en-US': 'Resolve a day-one issue' },
  'delay.understand_reason': { 'zh-CN': '了解延期原因', 'en-US': 'Understand the delay' },
  'delay.escalate_manager': { 'zh-CN': '延期升级至用人经理', 'en-US': 'Escalate the delay to the manager' },
  'delay.escalate_executive': { 'zh-CN': '延期升级至高管', 'en-US': 'Escalate the delay to an executive' },
  'salary.evaluate': { 'zh-CN': '评估调薪请求', 'en-US': 'Evaluate the salary request' },
  'salary.reissue_offer': { 'zh-CN': '重新发放 Offer', 'en-US': 'Reissue the offer' },
  'salary.explain_total_comp': { 'zh-CN': '说明整体薪酬', 'en-US': 'Explain total compensation' },
  'declined.thank_you': { 'zh-CN': '发送感谢信', 'en-US': 'Send a thank-you note' },
  'declined.ask_reason': { 'zh-CN': '了解拒绝原因', 'en-US': 'Ask for the reason' },
  'pool.nurture': { 'zh-CN': '人才库定期问候', 'en-US': 'Talent pool update' },
  'risk.unresponsive_call': { 'zh-CN': '失联候选人跟进电话', 'en-US': 'Call the unresponsive candidate' },
  'contract.sign_labour_contract': { 'zh-CN': '签订书面劳动合同', 'en-US': 'Sign the written labour contract' },
  'contract.escalate_executive': { 'zh-CN': '劳动合同临近法定期限', 'en-US': 'Labour contract near its legal deadline' },
};

/** A step's name in the locale; a custom playbook step without a name shows its id. */
export function nameStep(stepId: string, locale: TDigestLocale): string {
  return STEP_NAMES[stepId]?.[locale] ?? stepId;
}

const TEXTS = {
  'zh-CN': {
    subject: (date: string, overdue: number, today: number) => `【Preboard】${date} 待办：逾期 ${overdue} 项，今日到期 ${today} 项`,
    greeting: (name: string) => `${name}，您好：`,
    intro: '以下是分配给您的入职跟进任务（按截止时间排序）。',
    overdue: '已逾期',
    today: '今日到期',
    upcoming: (days: number) => `未来 ${days} 天`,
    due: '截止',
    escalated: '[升级] ',
    more: (n: number) => `……另有 ${n} 项，请在控制台查看`,
    link: (url: string) => `在控制台处理任务：${url}`,
    footer: '此邮件由 Preboard 每天自动发送一次。',
  },
  'en-US': {
    subject: (date: string, overdue: number, today: number) => `Preboard daily digest ${date}: ${overdue} overdue, ${today} due today`,
    greeting: (name: string) => `Hello ${name},`,
    intro: 'These pre-onboarding tasks are assigned to you (earliest due first).',
    overdue: 'Overdue',
    today: 'Due today',
    upcoming: (days: number) => `Next ${days} days`,
    due: 'due',
    escalated: '[Escalation] ',
    more: (n: number) => `… and ${n} more in the console`,
    link: (url: string) => `Work through them in the console: ${url}`,
    footer: 'Preboard sends this digest once a day.',
  },
} as const;

export interface DigestItem {
  candidateName: string;
  stepId: string;
  kind: string;
  dueAt: Date;
}

export interface DigestSections {
  overdue: DigestItem[];
  today: DigestItem[];
  upcoming: DigestItem[];
}

export interface DigestEmailInput {
  locale: TDigestLocale;
  recipientName: string;
  /** 'YYYY-MM-DD' in the org's zone: the day this digest is for. */
  localDate: string;
  timeZone: string;
  horizonDays: number;
  sections: DigestSections;
  tasksUrl: string;
}

/** Items per section before "… and N more": a digest is a nudge, the console is the list. */
const MAX_PER_SECTION = 20;

/** The digest's subject and plain text: overdue first, then today, then the coming days. */
export function buildDigestEmail(input: DigestEmailInput): { subject: string; text: string } {
  const t = TEXTS[input.locale];
  const lang = input.locale === 'zh-CN' ? 'zh' : 'en';
  const line = (item: DigestItem) => {
    const due = formatDateTime(formatLocalIso(item.dueAt, input.timeZone), lang);
    const prefix = item.kind === 'escalation' ? t.escalated : '';
    return `- ${prefix}${item.candidateName} · ${nameStep(item.stepId, input.locale)} · ${t.due} ${due}`;
  };
  const section = (title: string, items: DigestItem[]) => {
    if (!items.length) return [];
    const shown = items.slice(0, MAX_PER_SECTION).map(line);
    if (items.length > MAX_PER_SECTION) shown.push(t.more(items.length - MAX_PER_SECTION));
    return [`${title} (${items.length})`, ...shown, ''];
  };
  const { overdue, today, upcoming } = input.sections;
  const text = [
    t.greeting(input.recipientName), '', t.intro, '',
    ...section(t.overdue, overdue),
    ...section(t.today, today),
    ...section(t.upcoming(input.horizonDays), upcoming),
    t.link(input.tasksUrl), '', t.footer, '',
  ].join('\n');
  return { subject: t.subject(input.localDate, overdue.length, today.length), text };
}
