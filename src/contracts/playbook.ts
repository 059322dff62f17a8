/**
 * Playbook contracts: a follow-up playbook is DATA (editable by org admins, versioned).
 * The pure engine in `src/core/plan` turns a playbook + candidate facts into planned items.
 * See DESIGN §3.
 */
import { z } from 'zod';

/** `HH:MM`, 24-hour local wall-clock time. */
export const ZLocalTime = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'expected a local time HH:MM (00:00–23:59)');
export type TLocalTime = z.infer<typeof ZLocalTime>;

/** `YYYY-MM-DD` that is a real calendar date. */
export const ZLocalDate = z.iso.date();
export type TLocalDate = z.infer<typeof ZLocalDate>;

/** IANA time zone name; validated through Intl (pure, no I/O). */
export const ZTimeZone = z.string().refine(isValidTimeZone, 'expected an IANA time zone like Asia/Shanghai');

function isValidTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: value });
    return value.length > 0;
  } catch {
    return false;
  }
}

/** DESIGN §2 domain events (also the simulator vocabulary, §7). */
export const DOMAIN_EVENT_TYPES = [
  'offer_sent',
  'offer_accepted',
  'offer_declined',
  'reneged',
  'start_date_changed',
  'delay_requested',
  'salary_adjustment_requested',
  'salary_adjustment_decided',
  'candidate_replied',
  'candidate_unresponsive',
  'task_completed',
  'checklist_item_submitted',
  'checklist_item_reviewed',
  'background_check_authorized',
  'logistics_confirmed',
  'arrived',
  'day_one_issue_reported',
  'day_one_issue_resolved',
  'talent_pool_consent_given',
  'talent_pool_consent_withdrawn',
] as const;
export const ZDomainEventType = z.enum(DOMAIN_EVENT_TYPES);
export type TDomainEventType = z.infer<typeof ZDomainEventType>;

/** Lifecycle statuses (DESIGN §2). */
export const CANDIDATE_STATUSES = [
  'offer_sent',
  'offer_accepted',
  'preboarding',
  'started',
  'onboarded',
  'declined',
  'reneged',
  'withdrawn',
  'delayed',
] as const;
export const ZCandidateStatus = z.enum(CANDIDATE_STATUSES);
export type TCandidateStatus = z.infer<typeof ZCandidateStatus>;

/** Main stages in their required order, then the exception stages. */
export const MAIN_STAGES = ['offer_confirmation', 'prep', 'final_days', 'day_one'] as const;
/** `contract`: the written labour contract after arrival (劳动合同法 Art.10), beyond the DESIGN §3 tables. */
export const EXCEPTION_STAGES = ['delay', 'salary', 'declined', 'talent_pool', 'day_one_issue', 'risk', 'contract'] as const;
export const ZStage = z.enum([...MAIN_STAGES, ...EXCEPTION_STAGES]);
export type TStage = z.infer<typeof ZStage>;

export const ZOwnerRole = z.enum(['hr', 'hrbp', 'manager', 'admin', 'executive']);
export type TOwnerRole = z.infer<typeof ZOwnerRole>;

export const ZStepAction = z.enum(['message', 'call', 'meeting', 'checklist', 'task']);
export type TStepAction = z.infer<typeof ZStepAction>;

/**
 * Channels that reach a candidate (DESIGN §4). `wecom` (external contact), `wechat`
 * (personal) and `phone` need a person: the engine turns such a message into a task for
 * its owner carrying the prepared text.
 */
export const ZCandidateChannel = z.enum(['email', 'portal', 'sms', 'wecom', 'wechat', 'phone']);
export type TCandidateChannel = z.infer<typeof ZCandidateChannel>;
export const PERSON_OPERATED_CHANNELS: readonly TCandidateChannel[] = ['wecom', 'wechat', 'phone'];

export const ZRoleType = z.enum(['tech', 'management', 'sales', 'operations', 'campus', 'other']);
export type TRoleType = z.infer<typeof ZRoleType>;

export const ZLanguage = z.enum(['zh-CN', 'en-US']);
export type TLanguage = z.infer<typeof ZLanguage>;

export const ZDelayReason = z.enum(['counteroffer', 'handover', 'personal', 'health', 'other']);
export type TDelayReason = z.infer<typeof ZDelayReason>;

/** Fixed decline-reason list (DESIGN §3: no sensitive questions). */
export const ZDeclineReason = z.enum(['salary', 'role', 'career', 'counteroffer', 'location', 'personal', 'other']);
export type TDeclineReason = z.infer<typeof ZDeclineReason>;

export const ZSalaryDecision = z.enum(['approved', 'rejected']);
export type TSalaryDecision = z.infer<typeof ZSalaryDecision>;

/** What a step's offset counts from. Exception steps are anchored on a domain event. */
export const ZAnchor = z.union([z.enum(['offer_accepted', 'start_date']), ZDomainEventType]);
export type TAnchor = z.infer<typeof ZAnchor>;

/**
 * Offset from the anchor. Calendar `days` move the local date (keeping local time, or
 * landing on `at`); `hours`/`minutes` are elapsed time; `businessDays` and
 * `workingHours` count on the site calendar. Combine at most one business unit.
 */
export const ZOffset = z
  .strictObject({
    days: z.int().optional(),
    hours: z.int().optional(),
    minutes: z.int().optional(),
    /** Local time of day on the resulting date, e.g. "10:00". */
    at: ZLocalTime.optional(),
    businessDays: z.int().nonnegative().optional(),
    workingHours: z.int().nonnegative().optional(),
  })
  .refine((o) => !(o.businessDays !== undefined && o.workingHours !== undefined), {
    message: 'use either businessDays or workingHours, not both',
    path: ['workingHours'],
  });
export type TOffset = z.infer<typeof ZOffset>;

/** All listed conditions must hold (AND); an absent condition always holds. */
export const ZStepConditions = z.strictObject({
  relocation: z.boolean().optional(),
  backgroundCheck: z.boolean().optional(),
  roleTypes: z.array(ZRoleType).min(1).optional(),
  siteIds: z.array(z.string().min(1)).min(1).optional(),
  /** Reason carried by the anchor event, e.g. `counteroffer` for delay_requested. */
  eventReasons: z.array(z.string().min(1)).min(1).optional(),
  decision: ZSalaryDecision.optional(),
});
export type TStepConditions = z.infer<typeof ZStepConditions>;

/** Repeat the step: occurrence k (0-based) is due at offset + k × every. */
export const ZRepeat = z.strictObject({
  times: z.int().min(2).max(31),
  every: z.strictObject({ days: z.int().min(1) }),
});
export type TRepeat = z.infer<typeof ZRepeat>;

/** Open-ended recurrence (pool.nurture): every N months while a consent is valid. */
export const ZRecurrence = z.strictObject({
  everyMonths: z.int().min(1),
  /** The recurrence stops when this consent lapses. */
  whileConsent: z.literal('talent_pool'),
});
export type TRecurrence = z.infer<typeof ZRecurrence>;

export const ZPlaybookStep = z.strictObject({
  /** Stable API name, e.g. `offer.send_package`. */
  id: z.string().regex(/^[a-z0-9_]+\.[a-z0-9_]+$/, 'expected a step id like offer.send_package'),
  stage: ZStage,
  anchor: ZAnchor,
  /** Further events that trigger the same step (declined.* runs on offer_declined and reneged). */
  alsoOn: z.array(ZDomainEventType).min(1).optional(),
  /**
   * Only when the anchored matter is still open this long after the anchor (delay still
   * open after 48h → executive). The offset then counts from that moment.
   */
  ifStillOpenAfter: ZOffset.optional(),
  offset: ZOffset,
  owners: z.array(ZOwnerRole).min(1),
  action: ZStepAction,
  /** Preferred candidate channels for `message` steps, best first. */
  channels: z.array(ZCandidateChannel).min(1).optional(),
  templateKey: z.string().min(1),
  /** Human summary (English) of what the step does; UI text goes through i18n by templateKey. */
  summary: z.string().optional(),
  conditions: ZStepConditions.optional(),
  /** Deadline relative to the anchor, e.g. offer.send_package must happen by A + 24h. */
  sla: ZOffset.optional(),
  repeat: ZRepeat.optional(),
  recurrence: ZRecurrence.optional(),
  /**
   * Message steps only: which other steps this one may share a day's message with.
   * `['*']` = any mergeable step; `[]` = never merged (it then needs its own day).
   */
  mayMergeWith: z.array(z.string().min(1)).optional(),
  /** Escalations are exempt from call spacing. */
  escalation: z.boolean().optional(),
  /** Answers to the candidate's own request are exempt from the frequency cap. */
  capExempt: z.boolean().optional(),
});
export type TPlaybookStep = z.infer<typeof ZPlaybookStep>;

export const ZPlaybook = z
  .strictObject({
    key: z.string().min(1),
    version: z.int().min(1),
    name: z.string().min(1),
    steps: z.array(ZPlaybookStep).min(1),
  })
  .superRefine((playbook, ctx) => {
    const seen = new Set<string>();
    playbook.steps.forEach((step, index) => {
      if (seen.has(step.id)) {
        ctx.addIssue({ code: 'custom', message: `duplicate step id ${step.id}`, path: ['steps', index, 'id'] });
      }
      seen.add(step.id);
      if (step.action === 'message' && !step.channels) {
        ctx.addIssue({ code: 'custom', message: 'message steps need channels', path: ['steps', index, 'channels'] });
      }
    });
  });
export type TPlaybook = z.infer<typeof ZPlaybook>;

export const ZQuietHours = z.strictObject({ start: ZLocalTime, end: ZLocalTime });
export type TQuietHours = z.infer<typeof ZQuietHours>;

export const ZWorkingHours = z
  .strictObject({ start: ZLocalTime, end: ZLocalTime })
  .refine((w) => w.start < w.end, { message: 'working hours must start before they end', path: ['end'] });
export type TWorkingHours = z.infer<typeof ZWorkingHours>;

/** `CN`: China statutory holidays + make-up days; `WEEKEND`: plain Monday–Friday. */
export const ZCalendarId = z.enum(['CN', 'WEEKEND']);
export type TCalendarId = z.infer<typeof ZCalendarId>;

export const ZCalendarOverride = z.strictObject({ date: ZLocalDate, working: z.boolean() });
export type TCalendarOverride = z.infer<typeof ZCalendarOverride>;

export const ZBusinessCalendar = z.strictObject({
  id: ZCalendarId,
  overrides: z.array(ZCalendarOverride).default([]),
});
export type TBusinessCalendar = z.infer<typeof ZBusinessCalendar>;

export const ZOrgPolicy = z.strictObject({
  /** No candidate-facing outbound message inside this local window; it moves to `end`. */
  quietHours: ZQuietHours.default({ start: '21:00', end: '09:00' }),
  frequencyCap: z
    .strictObject({
      /** Days before S (S−N … S−1) that count as the final week. */
      finalWindowDays: z.int().min(0).default(7),
      finalWindowPerDay: z.int().min(1).default(1),
      otherwisePerDay: z.int().min(1).default(2),
    })
    .default({ finalWindowDays: 7, finalWindowPerDay: 1, otherwisePerDay: 2 }),
  callSpacing: z
    .strictObject({ minDaysBetweenCalls: z.int().min(0).default(3) })
    .default({ minDaysBetweenCalls: 3 }),
  workingHours: ZWorkingHours.default({ start: '09:00', end: '18:00' }),
  calendar: ZBusinessCalendar.default({ id: 'CN', overrides: [] }),
  /** Unanswered-message rule for risk.unresponsive_call. */
  unresponsive: z
    .strictObject({ messages: z.int().min(1).default(2), withinHours: z.int().min(1).default(72) })
    .default({ messages: 2, withinHours: 72 }),
  /** Talent-pool consent lifetime (DESIGN §5). */
  talentPoolConsentMonths: z.int().min(1).default(24),
});
export type TOrgPolicy = z.infer<typeof ZOrgPolicy>;
export type TOrgPolicyInput = z.input<typeof ZOrgPolicy>;

/** Defaults from DESIGN §3. */
export const DEFAULT_ORG_POLICY: TOrgPolicy = ZOrgPolicy.parse({});

/** How a planned item reaches people: a candidate message or a task for staff. */
export const ZPlannedKind = z.enum(['message', 'task', 'escalation']);
export type TPlannedKind = z.infer<typeof ZPlannedKind>;

/** One item of a computed plan (the preview HR sees, the rows the dispatcher claims). */
export const ZPlannedItem = z.strictObject({
  /** `stepId#occurrence`, stable across re-plans. */
  key: z.string(),
  stepId: z.string(),
  occurrence: z.int().min(0),
  stage: ZStage,
  owners: z.array(ZOwnerRole),
  action: ZStepAction,
  kind: ZPlannedKind,
  channel: ZCandidateChannel.nullable(),
  templateKey: z.string(),
  /** Message whose channel needs a person: the task carries the prepared text. */
  preparedMessage: z.boolean(),
  /** UTC ISO instant. */
  dueAt: z.iso.datetime(),
  /** Same instant in the candidate's zone, ISO with offset. */
  dueAtLocal: z.iso.datetime({ offset: true }),
  /** Before policies and compression (UTC ISO). */
  naturalDueAt: z.iso.datetime(),
  /** All step keys carried by this message (itself first) when steps merged. */
  mergedStepKeys: z.array(z.string()),
  /** Set on a step that rides in another item's message (that item's key). */
  mergedInto: z.string().nullable(),
  compressed: z.boolean(),
  calendarDataMissing: z.boolean(),
  /** SLA deadline (UTC ISO) and whether the due time misses it. */
  slaDueAt: z.iso.datetime().nullable(),
  slaBreached: z.boolean(),
});
export type TPlannedItem = z.infer<typeof ZPlannedItem>;
