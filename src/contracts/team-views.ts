/**
 * Team views: the hiring manager's home (their incoming hires and the steps they take part
 * in) and the admin staff's logistics board (first-day preparation by start date).
 */
import { z } from 'zod';
import { ZCandidateStatus, ZLocalDate, ZUuid } from './common.js';
import { ZRiskAssessment } from './pipeline.js';
import { ZLogisticsConfirmation } from './portal-extras.js';

/** The playbook steps a hiring manager runs or joins (DESIGN §3), in the order they come. */
export const MANAGER_STEP_IDS = ['prep.manager_intro_call', 'final.preonboarding_meeting', 'day1.checkin'] as const;

/** Where a step stands; `not_planned` until the offer is accepted and the plan runs. */
export const STEP_STATES = ['open', 'done', 'cancelled', 'not_planned'] as const;
export const ZStepState = z.enum(STEP_STATES);
export type TStepState = z.infer<typeof ZStepState>;

export const ZHireStep = z.object({
  stepId: z.string(),
  /** The task to complete through `POST /candidates/:id/tasks/:key/complete`; null before the plan runs. */
  taskKey: z.string().nullable(),
  stage: z.string(),
  action: z.string(),
  ownerRoles: z.array(z.string()),
  channel: z.string().nullable(),
  state: ZStepState,
  dueAt: z.string().nullable(),
  overdue: z.boolean(),
  completedAt: z.string().nullable(),
  outcome: z.string(),
  /** True when the caller's role owns the open task (a manager joins the pre-onboarding meeting; HR runs it). */
  canComplete: z.boolean(),
});
export type THireStep = z.infer<typeof ZHireStep>;

const ZNamed = z.object({ id: ZUuid, name: z.string() });

export const ZMyHire = z.object({
  id: ZUuid,
  fullName: z.string(),
  positionTitle: z.string(),
  status: ZCandidateStatus,
  department: ZNamed,
  site: ZNamed,
  startDate: ZLocalDate,
  /** Days from today at the candidate's site to the start date. */
  daysToStart: z.number().int(),
  hrOwner: ZNamed.nullable(),
  /** Advisory, with its reasons (DESIGN §5). */
  risk: ZRiskAssessment,
  /** The intro call, the pre-onboarding meeting and the day-one check, in this order (one the playbook dropped is left out). */
  steps: z.array(ZHireStep),
  /** Other open tasks the caller's role owns for this hire (a counter-offer escalation, a salary evaluation). */
  otherTasks: z.array(ZHireStep),
});
export type TMyHire = z.infer<typeof ZMyHire>;

export const ZMyHiresQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(100).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});
export type TMyHiresQuery = z.infer<typeof ZMyHiresQuery>;

export const ZMyHires = z.object({
  /** Hires not yet started, and those who started in the last two weeks; soonest start first. */
  items: z.array(ZMyHire),
  total: z.number().int(),
  generatedAt: z.string(),
});
export type TMyHires = z.infer<typeof ZMyHires>;

/** What admin staff prepare for day one (DESIGN §3 `day1.workstation_prep`). */
export const PREP_ITEMS = ['workstation', 'badge', 'computer', 'welcome_kit'] as const;
export const ZPrepItemKind = z.enum(PREP_ITEMS);
export type TPrepItemKind = z.infer<typeof ZPrepItemKind>;

export const ZPrepItem = z.object({
  item: ZPrepItemKind,
  state: ZStepState,
  /** The admin task behind the item; completing it completes every item it covers. */
  taskKey: z.string().nullable(),
  stepId: z.string().nullable(),
  dueAt: z.string().nullable(),
  overdue: z.boolean(),
  completedAt: z.string().nullable(),
  /** The other items the same task covers. */
  sharedWith: z.array(ZPrepItemKind),
});
export type TPrepItem = z.infer<typeof ZPrepItem>;

export const ZLogisticsBoardRow = z.object({
  candidateId: ZUuid,
  fullName: z.string(),
  positionTitle: z.string(),
  status: ZCandidateStatus,
  department: ZNamed,
  site: ZNamed,
  startDate: ZLocalDate,
  daysToStart: z.number().int(),
  adminContact: ZNamed.nullable(),
  arrival: z.object({
    /** The site's arrival time on day one (HH:mm). */
    expectedTime: z.string(),
    /** How and when the candidate said they will come (portal), if they did. */
    confirmation: ZLogisticsConfirmation.nullable(),
    /** The confirmation was given for an earlier start date. */
    outdated: z.boolean(),
  }),
  items: z.array(ZPrepItem),
});
export type TLogisticsBoardRow = z.infer<typeof ZLogisticsBoardRow>;

export const ZLogisticsBoardQuery = z.strictObject({
  /** First start date shown (default: today in the organisation's time zone). */
  from: ZLocalDate.optional(),
  /** Last start date shown (default: four weeks after `from`). */
  to: ZLocalDate.optional(),
  /** Only this site. */
  site: ZUuid.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});
export type TLogisticsBoardQuery = z.infer<typeof ZLogisticsBoardQuery>;

export const ZLogisticsBoard = z.object({
  from: ZLocalDate,
  to: ZLocalDate,
  /** Candidates starting in the range, by start date; never pay, contact details or documents. */
  items: z.array(ZLogisticsBoardRow),
  total: z.number().int(),
  generatedAt: z.string(),
});
export type TLogisticsBoard = z.infer<typeof ZLogisticsBoard>;
