import { z } from 'zod';
import { ZInstant, ZScenarioEvent } from './scenario.js';
import { ZUuid } from './common.js';

/**
 * A domain event as the API takes it: the simulator's event shapes without the
 * `candidate` ref (the URL names the candidate) and with `at` defaulting to now.
 */
export const ZEventInput = z.discriminatedUnion(
  'type',
  (ZScenarioEvent.options as readonly z.ZodObject[]).map((o) => o.omit({ candidate: true }).extend({ at: ZInstant.optional() })) as unknown as [
    z.ZodObject<{ type: z.ZodLiteral<string> }>, ...z.ZodObject<{ type: z.ZodLiteral<string> }>[],
  ],
);
export type TEventInput = { type: string; at?: string } & Record<string, unknown>;

export const ZEventHeaders = z.object({
  'idempotency-key': z.string().min(8).max(200).regex(/^[A-Za-z0-9:._-]+$/, 'letters, digits and : . _ - only').optional(),
});

export const ZEventResult = z.object({ applied: z.boolean(), eventId: ZUuid, status: z.string() });

export const PLAN_ITEM_STATES = ['done', 'sent', 'open', 'planned', 'cancelled', 'outbox', 'failed'] as const;

export const ZPlanItemView = z.object({
  key: z.string(),
  stepId: z.string(),
  stage: z.string(),
  kind: z.string(),
  action: z.string(),
  owners: z.array(z.string()),
  channel: z.string().nullable(),
  dueAt: z.string(),
  state: z.enum(PLAN_ITEM_STATES),
  at: z.string().nullable(),
  mergedInto: z.string().nullable(),
  slaBreached: z.boolean(),
  calendarDataMissing: z.boolean(),
  /** Labour-contract steps: the last day to sign in time (YYYY-MM-DD, site's date); null otherwise. */
  legalDeadline: z.string().nullable(),
});
export type TPlanItemView = z.infer<typeof ZPlanItemView>;

export const ZPlanView = z.object({
  status: z.string(),
  started: z.boolean(),
  items: z.array(ZPlanItemView),
  warnings: z.array(z.object({ code: z.string(), message: z.string() })),
});
export type TPlanView = z.infer<typeof ZPlanView>;

export const ZTaskView = z.object({
  candidateId: ZUuid,
  candidateName: z.string(),
  key: z.string(),
  stepId: z.string(),
  stage: z.string(),
  kind: z.string(),
  action: z.string(),
  ownerRoles: z.array(z.string()),
  channel: z.string().nullable(),
  preparedMessage: z.boolean(),
  detail: z.string(),
  dueAt: z.string(),
  overdue: z.boolean(),
  status: z.string(),
  completedAt: z.string().nullable(),
  outcome: z.string(),
  calendarDataMissing: z.boolean(),
  /** Labour-contract tasks and their escalations: the last day to sign in time (YYYY-MM-DD); null otherwise. */
  legalDeadline: z.string().nullable(),
});
export type TTaskView = z.infer<typeof ZTaskView>;

export const ZTaskListQuery = z.strictObject({
  status: z.enum(['open', 'done', 'cancelled', 'all']).default('open'),
  due: z.enum(['overdue', 'today', 'upcoming', 'all']).default('all'),
  candidateId: ZUuid.optional(),
  mine: z.enum(['true', 'false']).default('false'),
  limit: z.coerce.number().int().min(1).max(200).default(100),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});
export type TTaskListQuery = z.infer<typeof ZTaskListQuery>;

export const ZTaskParams = z.strictObject({ id: ZUuid, key: z.string().min(3).max(120).regex(/^[a-z0-9_]+\.[a-z0-9_]+(#\d+)?(!escalated)?$/, 'a task key like offer.confirmation_call#0') });

export const ZCompleteTask = z.strictObject({
  outcome: z.string().trim().max(2000).default(''),
  candidateFeedback: z.string().max(2000).default(''),
  /** How the candidate was reached, when the task was a call or a hand-sent message. */
  channel: z.enum(['phone', 'wechat', 'wecom', 'email', 'video', 'in_person', 'other']).optional(),
  /** The labour-contract task only: the day the contract was signed (site's date; default today). */
  signedOn: z.iso.date().optional(),
});

export const ZOutboxQuery = z.strictObject({
  status: z.enum(['scheduled', 'sending', 'sent', 'failed', 'dead', 'cancelled', 'outbox']).optional(),
  candidateId: ZUuid.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});

export const ZOutboxMessage = z.object({
  id: ZUuid, candidateId: ZUuid, candidateName: z.string(), stepIds: z.array(z.string()), channel: z.string(), status: z.string(),
  sendAfter: z.string(), attempts: z.number().int(), lastError: z.string().nullable(), recipient: z.string(), subject: z.string(),
  bodyText: z.string(), sentAt: z.string().nullable(),
});
