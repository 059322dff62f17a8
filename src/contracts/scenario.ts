/**
 * Simulator scenario (DESIGN §7): strict objects (unknown fields are rejected), values
 * checked with the path naming the field, event fields checked per event type.
 */
import { z } from 'zod';
import {
  ZCandidateChannel,
  ZCalendarId,
  ZDeclineReason,
  ZDelayReason,
  ZLanguage,
  ZLocalDate,
  ZRoleType,
  ZSalaryDecision,
  ZTimeZone,
} from './playbook.js';

/** ISO 8601 instant with an explicit offset (or Z). */
export const ZInstant = z.iso.datetime({ offset: true });

const base = { at: ZInstant, candidate: z.string().min(1) };

function defineEvent<T extends string, S extends z.ZodRawShape>(type: T, shape: S) {
  return z.strictObject({ ...base, type: z.literal(type), ...shape });
}

const NO_FIELD_EVENTS = [
  'offer_sent',
  'offer_accepted',
  'salary_adjustment_requested',
  'candidate_replied',
  'candidate_unresponsive',
  'checklist_item_submitted',
  'checklist_item_reviewed',
  'background_check_authorized',
  'logistics_confirmed',
  'arrived',
  'talent_pool_consent_given',
  'talent_pool_consent_withdrawn',
] as const;

/** A task's key as the task list shows it (`day1.issue#1`): names one occurrence of a step. */
const ZTaskKey = z.string().max(120).regex(/^[a-z0-9_]+\.[a-z0-9_]+#\d+$/, 'a task key like day1.issue#0');

export const ZScenarioEvent = z.discriminatedUnion('type', [
  defineEvent('start_date_changed', { startDate: ZLocalDate }),
  defineEvent('delay_requested', { reason: ZDelayReason, proposedStartDate: ZLocalDate.optional() }),
  defineEvent('offer_declined', { reason: ZDeclineReason, talentPoolConsent: z.boolean().optional() }),
  defineEvent('reneged', { reason: ZDeclineReason, talentPoolConsent: z.boolean().optional() }),
  defineEvent('salary_adjustment_decided', { decision: ZSalaryDecision }),
  defineEvent('day_one_issue_reported', { issue: z.string().trim().min(1).max(2000) }),
  defineEvent('task_completed', { step: z.string().min(1).max(100), key: ZTaskKey.optional() }),
  // Which issue was resolved; may be left out only while a single issue is open.
  defineEvent('day_one_issue_resolved', { key: ZTaskKey.optional() }),
  ...NO_FIELD_EVENTS.map((type) => defineEvent(type, {})),
]);
export type TScenarioEvent = z.infer<typeof ZScenarioEvent>;

export const ZScenarioCandidate = z.strictObject({
  ref: z.string().min(1),
  name: z.string().min(1),
  roleType: ZRoleType,
  startDate: ZLocalDate,
  offerAcceptedAt: ZInstant,
  timezone: ZTimeZone.optional(),
  channels: z.array(ZCandidateChannel).min(1).optional(),
  relocation: z.boolean().optional(),
  backgroundCheck: z.boolean().optional(),
  language: ZLanguage.optional(),
});
export type TScenarioCandidate = z.infer<typeof ZScenarioCandidate>;

export const ZScenario = z
  .strictObject({
    org: z.strictObject({
      timezone: ZTimeZone,
      calendar: ZCalendarId.default('CN'),
      playbook: z.string().min(1).default('default'),
    }),
    candidates: z.array(ZScenarioCandidate).min(1),
    events: z.array(ZScenarioEvent).default([]),
    until: ZInstant,
  })
  .superRefine((scenario, ctx) => {
    const refs = new Set<string>();
    scenario.candidates.forEach((candidate, index) => {
      if (refs.has(candidate.ref)) {
        ctx.addIssue({ code: 'custom', message: `duplicate candidate ref ${candidate.ref}`, path: ['candidates', index, 'ref'] });
      }
      refs.add(candidate.ref);
    });
    scenario.events.forEach((event, index) => {
      if (!refs.has(event.candidate)) {
        ctx.addIssue({ code: 'custom', message: `unknown candidate ${event.candidate}`, path: ['events', index, 'candidate'] });
      }
    });
  });
export type TScenario = z.infer<typeof ZScenario>;

/** An event as the engine sees it (the scenario's `candidate` routes it). */
export type TDomainEvent = TScenarioEvent extends infer E ? (E extends unknown ? Omit<E, 'candidate'> : never) : never;
