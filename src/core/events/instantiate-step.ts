import type { TPlannedItem, TPlaybookStep } from '../../contracts/playbook.js';
import { resolveCalendar } from '../calendar/resolve-calendar.js';
import { createMessageBook, placeMessage } from '../policy/place-message.js';
import { matchesConditions } from '../plan/match-conditions.js';
import { resolveOffset } from '../plan/resolve-offset.js';
import { buildPlannedItem } from '../plan/build-planned-item.js';
import { toStepKey } from '../plan/select-delivery.js';
import { findStep } from '../playbooks/default-playbook.js';
import { parseInstant } from '../time/local-time.js';
import type { TCandidateState, TEngineConfig } from './types.js';

export interface TInstantiateOptions {
  /** Instant the offset counts from (the event time, or the "still open" moment). */
  from: string;
  eventReason?: string;
  decision?: 'approved' | 'rejected';
}

/**
 * Turn an exception step into a planned item anchored on an event: conditions, offset on
 * the site calendar, and for messages quiet hours and (unless exempt) the daily cap.
 * Returns null when the playbook lacks the step or its conditions do not hold.
 */
export function instantiateStep(
  state: TCandidateState,
  config: TEngineConfig,
  stepId: string,
  options: TInstantiateOptions,
): { item: TPlannedItem; step: TPlaybookStep } | null {
  const step = findStep(config.playbook, stepId);
  if (!step) return null;
  const facts = { candidate: state.candidate, eventReason: options.eventReason, decision: options.decision };
  if (!matchesConditions(step, facts)) return null;
  const { candidate } = state;
  const context = {
    timeZone: candidate.timeZone,
    calendar: resolveCalendar(candidate.calendar, config.policy.calendar),
    workingHours: config.policy.workingHours,
  };
  const from = parseInstant(options.from);
  const natural = resolveOffset(from, step.offset, context);
  const occurrence = state.occurrences[stepId] ?? 0;
  const key = toStepKey(stepId, occurrence);
  let due = natural.at;
  if (step.action === 'message') {
    const book = createMessageBook(state.sentMessages.map((at) => parseInstant(at)), candidate.timeZone);
    const placed = placeMessage(
      book,
      { key, stepId, due, mayMergeWith: [], capExempt: step.capExempt },
      { timeZone: candidate.timeZone, startDate: candidate.startDate, policy: config.policy },
    );
    due = placed.placement.at;
  }
  const item = buildPlannedItem(step, candidate, {
    key, occurrence, due, natural: natural.at, calendarDataMissing: natural.calendarDataMissing,
  });
  return { item, step };
}
