import type { TCandidateStatus, TPlannedItem } from '../../contracts/playbook.js';
import { formatLocalIso, formatUtcIso, parseInstant } from '../time/local-time.js';
import type { TCandidateState, TEffect, TItemFields } from './types.js';

function stamp(state: TCandidateState, at: string): { at: string; atLocal: string; candidate: string } {
  const instant = parseInstant(at);
  return { at: formatUtcIso(instant), atLocal: formatLocalIso(instant, state.candidate.timeZone), candidate: state.candidate.ref };
}

function itemFields(item: TPlannedItem): TItemFields {
  return { key: item.key, step: item.stepId, stage: item.stage, owners: item.owners, action: item.action, channel: item.channel };
}

/** The effect announcing a planned item at creation time `at` (tasks, escalations). */
export function toCreationEffect(state: TCandidateState, item: TPlannedItem, at: string, detail?: string): TEffect {
  const base = { ...stamp(state, at), ...itemFields(item) };
  if (item.kind === 'escalation') {
    return { ...base, kind: 'escalation', dueAt: item.dueAt, dueAtLocal: item.dueAtLocal, calendarDataMissing: item.calendarDataMissing };
  }
  return {
    ...base,
    kind: 'task',
    dueAt: item.dueAt,
    dueAtLocal: item.dueAtLocal,
    preparedMessage: item.preparedMessage,
    calendarDataMissing: item.calendarDataMissing,
    ...(detail !== undefined ? { detail } : {}),
  };
}

/** A message effect at its send time, carrying every merged step id. */
export function toMessageEffect(state: TCandidateState, item: TPlannedItem, stepIds: string[]): TEffect {
  return { ...stamp(state, item.dueAt), ...itemFields(item), kind: 'message', mergedSteps: stepIds };
}

export function toStatusEffect(state: TCandidateState, at: string, from: TCandidateStatus, status: TCandidateStatus): TEffect {
  return { ...stamp(state, at), kind: 'status', from, status };
}

export function toCancelledEffect(state: TCandidateState, at: string, item: { key: string; stepId: string }, reason: string): TEffect {
  return { ...stamp(state, at), kind: 'cancelled', key: item.key, step: item.stepId, reason };
}
