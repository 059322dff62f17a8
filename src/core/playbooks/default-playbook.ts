/**
 * The seeded default playbook (标准入职跟进), reproducing DESIGN §3 step for step, plus the
 * labour-contract steps after arrival (extension, below the DESIGN tables).
 * S = start date (local midnight), A = offer accepted. Template keys equal step ids.
 */
import { ZPlaybook, type TPlaybook, type TPlaybookStep } from '../../contracts/playbook.js';

type TStepInput = Omit<TPlaybookStep, 'templateKey'> & { templateKey?: string };

function defineStep(step: TStepInput): TPlaybookStep {
  return { ...step, templateKey: step.templateKey ?? step.id };
}

const MAIN_STEPS: TPlaybookStep[] = [
  // offer_confirmation: the source requires all three "within 24 hours" of acceptance,
  // hence an SLA of A + 24h on each (a quiet-hours move may not push them past it).
  defineStep({
    id: 'offer.send_package',
    stage: 'offer_confirmation',
    anchor: 'offer_accepted',
    offset: { hours: 2 },
    sla: { hours: 24 },
    owners: ['hr'],
    action: 'message',
    channels: ['email'],
    summary: 'Email: formal offer + employee handbook + job description',
  }),
  defineStep({
    id: 'offer.confirmation_call',
    stage: 'offer_confirmation',
    anchor: 'offer_accepted',
    offset: { hours: 24 },
    sla: { hours: 24 },
    owners: ['hr'],
    action: 'call',
    summary: 'Call: confirm intent; probation criteria, social insurance/housing fund, special needs',
  }),
  defineStep({
    id: 'offer.channel_invite',
    stage: 'offer_confirmation',
    anchor: 'offer_accepted',
    offset: { hours: 24 },
    sla: { hours: 24 },
    owners: ['hr'],
    action: 'message',
    channels: ['email', 'portal'],
    summary: 'Message: invite to the company group (WeCom/DingTalk/Feishu) and official account',
  }),
  // prep: one to two weeks before S.
  defineStep({
    id: 'prep.checklist',
    stage: 'prep',
    anchor: 'start_date',
    offset: { days: -14, at: '10:00' },
    owners: ['hr'],
    action: 'message',
    channels: ['email'],
    summary: 'Message: materials checklist + process guide (time, place, contact, parking)',
  }),
  defineStep({
    id: 'prep.relocation_support',
    stage: 'prep',
    anchor: 'start_date',
    offset: { days: -10 },
    owners: ['hr'],
    action: 'task',
    conditions: { relocation: true },
    summary: 'Task: housing suggestions / travel subsidy',
  }),
  defineStep({
    id: 'prep.manager_intro_call',
    stage: 'prep',
    anchor: 'start_date',
    offset: { days: -7 },
    owners: ['manager'],
    action: 'call',
    summary: 'Call, 15–20 min: team, current projects, first goals',
  }),
  defineStep({
    id: 'prep.background_check_consent',
    stage: 'prep',
    anchor: 'start_date',
    offset: { days: -14, at: '10:00' },
    owners: ['hr'],
    action: 'message',
    channels: ['email'],
    conditions: { backgroundCheck: true },
    summary: 'Message: background-check scope + written authorization form',
  }),
  defineStep({
    id: 'prep.documents_prereview',
    stage: 'prep',
    anchor: 'start_date',
    offset: { days: -7 },
    owners: ['hr'],
    action: 'task',
    summary: 'Task: review submitted materials',
  }),
  // final_days: light daily care, one message a day.
  defineStep({
    id: 'final.daily_care',
    stage: 'final_days',
    anchor: 'start_date',
    offset: { days: -3, at: '10:00' },
    repeat: { times: 3, every: { days: 1 } },
    owners: ['hr'],
    action: 'message',
    channels: ['wechat', 'email', 'portal'],
    summary: 'Message, once on each of S−3, S−2, S−1 at 10:00',
  }),
  defineStep({
    id: 'final.logistics_confirm',
    stage: 'final_days',
    anchor: 'start_date',
    offset: { days: -3, at: '10:00' },
    owners: ['hr'],
    action: 'message',
    channels: ['email', 'portal'],
    mayMergeWith: ['*'],
    summary: "Message: confirm transport, arrival time; contact name, phone, desk (may share the day's message)",
  }),
  defineStep({
    id: 'final.preonboarding_meeting',
    stage: 'final_days',
    anchor: 'start_date',
    offset: { days: -2 },
    owners: ['hr'],
    action: 'meeting',
    summary: 'Meeting with candidate + manager + HRBP; calendar invite (.ics)',
  }),
  // day_one.
  defineStep({
    id: 'day1.workstation_prep',
    stage: 'day_one',
    anchor: 'start_date',
    offset: { days: -1, at: '18:00' },
    owners: ['admin'],
    action: 'task',
    summary: 'Task: badge, computer, stationery, welcome kit',
  }),
  defineStep({
    id: 'day1.reception',
    stage: 'day_one',
    anchor: 'start_date',
    offset: { days: 0, at: '09:00' },
    owners: ['hr'],
    action: 'task',
    summary: 'Task: meet at the entrance, contract, access card, team, tour',
  }),
  defineStep({
    id: 'day1.checkin',
    stage: 'day_one',
    anchor: 'start_date',
    offset: { days: 0, at: '18:00' },
    owners: ['hr', 'manager'],
    action: 'task',
    summary: 'Task: end-of-day check; record issues',
  }),
];

const EXCEPTION_STEPS: TPlaybookStep[] = [
  defineStep({
    id: 'delay.understand_reason',
    stage: 'delay',
    anchor: 'delay_requested',
    offset: { workingHours: 4 },
    owners: ['hr'],
    action: 'task',
    summary: 'Task: reason, options (new date, re-sell the role)',
  }),
  defineStep({
    id: 'delay.escalate_manager',
    stage: 'delay',
    anchor: 'delay_requested',
    offset: { hours: 24 },
    conditions: { eventReasons: ['counteroffer'] },
    owners: ['manager'],
    action: 'task',
    escalation: true,
    summary: 'Escalation: the hiring manager talks to the candidate about the counteroffer',
  }),
  defineStep({
    id: 'delay.escalate_executive',
    stage: 'delay',
    anchor: 'delay_requested',
    ifStillOpenAfter: { hours: 48 },
    offset: { hours: 48 },
    owners: ['executive'],
    action: 'task',
    escalation: true,
    summary: 'Escalation: delay still open after 48h',
  }),
  defineStep({
    id: 'salary.evaluate',
    stage: 'salary',
    anchor: 'salary_adjustment_requested',
    offset: { businessDays: 1 },
    owners: ['hr', 'manager'],
    action: 'task',
    summary: 'Task: evaluate against the pay band',
  }),
  defineStep({
    id: 'salary.reissue_offer',
    stage: 'salary',
    anchor: 'salary_adjustment_decided',
    conditions: { decision: 'approved' },
    offset: { hours: 24 },
    owners: ['hr'],
    action: 'message',
    channels: ['email'],
    capExempt: true,
    summary: 'Email: formal confirmation + new offer version to re-accept',
  }),
  defineStep({
    id: 'salary.explain_total_comp',
    stage: 'salary',
    anchor: 'salary_adjustment_decided',
    conditions: { decision: 'rejected' },
    offset: { hours: 24 },
    owners: ['hr'],
    action: 'message',
    channels: ['email', 'portal'],
    capExempt: true,
    summary: 'Message: bonus, allowances, annual bonus (total compensation)',
  }),
  defineStep({
    id: 'declined.thank_you',
    stage: 'declined',
    anchor: 'offer_declined',
    alsoOn: ['reneged'],
    offset: { hours: 24 },
    owners: ['hr'],
    action: 'message',
    channels: ['email'],
    summary: 'Thank-you email',
  }),
  defineStep({
    id: 'declined.ask_reason',
    stage: 'declined',
    anchor: 'offer_declined',
    alsoOn: ['reneged'],
    offset: { hours: 24 },
    owners: ['hr'],
    action: 'task',
    summary: 'Task: reason from the fixed list; no sensitive questions',
  }),
  defineStep({
    id: 'pool.nurture',
    stage: 'talent_pool',
    anchor: 'talent_pool_consent_given',
    offset: {},
    recurrence: { everyMonths: 3, whileConsent: 'talent_pool' },
    owners: ['hr'],
    action: 'message',
    channels: ['email'],
    summary: 'Low-frequency message with company news / openings',
  }),
  defineStep({
    id: 'day1.issue',
    stage: 'day_one_issue',
    anchor: 'day_one_issue_reported',
    offset: { businessDays: 1 },
    owners: ['hr'],
    action: 'task',
    summary: 'Task: resolve one reported day-one issue',
  }),
  defineStep({
    id: 'risk.unresponsive_call',
    stage: 'risk',
    anchor: 'candidate_unresponsive',
    offset: { businessDays: 1 },
    owners: ['hr'],
    action: 'call',
    escalation: true,
    summary: 'Call: the candidate has not answered two messages within 72h',
  }),
];

/**
 * Beyond the DESIGN §3 tables: the written labour contract after arrival (劳动合同法 Art.10:
 * within one month of the employment start; Art.82: double wages from the second month).
 * The engine carries the legal deadline (arrival date + 1 month − 1 day) on both tasks and
 * never lets them fall due after it; the escalation is raised by the engine, not by an
 * offset, once fewer than 5 calendar days remain and the contract is still unsigned.
 */
const EXTENSION_STEPS: TPlaybookStep[] = [
  defineStep({
    id: 'contract.sign_labour_contract',
    stage: 'contract',
    anchor: 'arrived',
    offset: { businessDays: 7 },
    owners: ['hr'],
    action: 'task',
    summary: 'Task: sign the written labour contract and record the signing date (legal deadline: one month from arrival)',
  }),
  defineStep({
    id: 'contract.escalate_executive',
    stage: 'contract',
    anchor: 'arrived',
    offset: { businessDays: 1 },
    owners: ['executive', 'hrbp'],
    action: 'task',
    escalation: true,
    summary: 'Escalation: labour contract still unsigned with fewer than 5 days to the legal deadline',
  }),
];

/** The default playbook, validated against its own schema at load. */
export const DEFAULT_PLAYBOOK: TPlaybook = ZPlaybook.parse({
  key: 'default',
  version: 1,
  name: '标准入职跟进 / Standard pre-onboarding follow-up',
  steps: [...MAIN_STEPS, ...EXCEPTION_STEPS, ...EXTENSION_STEPS],
});

/** Look up a step by id (undefined when the playbook has none). */
export function findStep(playbook: TPlaybook, stepId: string): TPlaybookStep | undefined {
  return playbook.steps.find((step) => step.id === stepId);
}
