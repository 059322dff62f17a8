/**
 * What the staff group robots post, in the language each robot was given: the daily
 * digest summary, the escalations of a run and the test message. Names of people and
 * steps and counts only — never candidate data (a group is wider than the candidate's team).
 */
import type { TLanguage } from '../../contracts/common.js';
import { nameStep } from '../reminders/digest-texts.js';

export type StaffTexts = Record<TLanguage, string>;

/** Most escalation lines in one group message; the rest are counted (robots cap text at 2 KB). */
const MAX_GROUP_LINES = 15;

const ROLE_NAMES: Record<TLanguage, Record<string, string>> = {
  'zh-CN': { hr: '招聘 HR', hrbp: 'HRBP', manager: '用人经理', admin: '行政 / IT', executive: '高管', org_admin: '组织管理员' },
  'en-US': { hr: 'HR', hrbp: 'HRBP', manager: 'Hiring manager', admin: 'Admin / IT', executive: 'Executive', org_admin: 'Org admin' },
};

const TEXTS = {
  'zh-CN': {
    digestTitle: (date: string) => `Preboard ${date} 每日待办`,
    owner: (name: string, overdue: number, today: number) => `- ${name}：逾期 ${overdue} 项，今日到期 ${today} 项`,
    nothing: '- 无逾期或今日到期的待办',
    escalationTitle: (n: number) => `Preboard 升级提醒（${n} 项）`,
    escalation: (step: string, owners: string, since: string, deadline: string | null) =>
      `- ${step} → ${owners}（${since} 起逾期${deadline ? `，法定期限 ${deadline}` : ''}）`,
    more: (n: number) => `- ……另有 ${n} 项`,
    test: (name: string) => `Preboard：「${name}」测试消息，员工提醒将发送到这里。`,
    listSeparator: '、',
  },
  'en-US': {
    digestTitle: (date: string) => `Preboard daily tasks ${date}`,
    owner: (name: string, overdue: number, today: number) => `- ${name}: ${overdue} overdue, ${today} due today`,
    nothing: '- Nothing overdue or due today',
    escalationTitle: (n: number) => `Preboard escalations (${n})`,
    escalation: (step: string, owners: string, since: string, deadline: string | null) =>
      `- ${step} → ${owners} (overdue since ${since}${deadline ? `; legal deadline ${deadline}` : ''})`,
    more: (n: number) => `- … and ${n} more`,
    test: (name: string) => `Preboard: test message for "${name}". Staff reminders will appear here.`,
    listSeparator: ', ',
  },
} as const;

const LANGUAGES = Object.keys(TEXTS) as TLanguage[];
const inEveryLanguage = (build: (language: TLanguage) => string): StaffTexts =>
  Object.fromEntries(LANGUAGES.map((language) => [language, build(language)])) as StaffTexts;

export interface DigestOwnerCounts {
  name: string;
  overdue: number;
  today: number;
}

/** The group summary of a digest run: per owner, overdue and due-today counts, and the link. */
export function buildDigestSummaryTexts(localDate: string, owners: readonly DigestOwnerCounts[], tasksUrl: string): StaffTexts {
  const busy = owners.filter((o) => o.overdue + o.today > 0)
    .sort((a, b) => b.overdue - a.overdue || b.today - a.today || a.name.localeCompare(b.name));
  return inEveryLanguage((language) => {
    const t = TEXTS[language];
    const lines = busy.map((o) => t.owner(o.name, o.overdue, o.today));
    return [t.digestTitle(localDate), ...(lines.length ? lines : [t.nothing]), tasksUrl].join('\n');
  });
}

export interface EscalatedTask {
  stepId: string;
  /** Roles the escalation went to. */
  owners: readonly string[];
  /** When the original task fell due: local wall time `YYYY-MM-DDTHH:mm…` in the org's zone. */
  overdueSince: string;
  /** The legal deadline it carries (`YYYY-MM-DD`), if any. */
  legalDeadline: string | null;
}

/** The group message of one run's escalations: the step, who has it now, since when. */
export function buildEscalationTexts(tasks: readonly EscalatedTask[], tasksUrl: string): StaffTexts {
  return inEveryLanguage((language) => {
    const t = TEXTS[language];
    const lines = tasks.slice(0, MAX_GROUP_LINES).map((task) => t.escalation(
      nameStep(task.stepId, language), task.owners.map((r) => ROLE_NAMES[language][r] ?? r).join(t.listSeparator),
      task.overdueSince.slice(0, 16).replace('T', ' '), task.legalDeadline,
    ));
    const more = tasks.length > MAX_GROUP_LINES ? [t.more(tasks.length - MAX_GROUP_LINES)] : [];
    return [t.escalationTitle(tasks.length), ...lines, ...more, tasksUrl].join('\n');
  });
}

/** The test message an admin sends from the console. */
export const buildTestText = (language: TLanguage, channelName: string): string => TEXTS[language].test(channelName);
