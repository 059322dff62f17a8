import type { TCandidateStatus, TPlannedItem } from '../../contracts/playbook.js';
import type { TCandidateFacts, TPlanHistory } from '../plan/types.js';
import { PLAN_STOPPED_STATUSES } from '../lifecycle/transition-status.js';
import type { TCandidateState } from './types.js';

/** A fresh candidate record (offer sent, nothing planned yet). */
export function createCandidateState(
  candidate: TCandidateFacts,
  options: { status?: TCandidateStatus; clock?: string } = {},
): TCandidateState {
  return {
    candidate,
    status: options.status ?? 'offer_sent',
    plan: null,
    exceptionItems: [],
    completed: [],
    cancelled: [],
    sentMessages: [],
    lastReplyAt: null,
    openDelay: null,
    consent: null,
    unresponsiveRaisedFor: null,
    occurrences: {},
    clock: options.clock ?? candidate.offerAcceptedAt,
  };
}

export function isCompleted(state: TCandidateState, key: string): boolean {
  return state.completed.some((entry) => entry.key === key);
}

/** Items still open: not done, not cancelled (main plan first, then exceptions). */
export function listOpenItems(state: TCandidateState): TPlannedItem[] {
  const open = (item: TPlannedItem) => !isCompleted(state, item.key) && !state.cancelled.includes(item.key);
  return [...(state.plan?.items ?? []), ...state.exceptionItems].filter(open);
}

/** Does the main plan still run (not stopped by an exit, not finished)? */
export function isPlanRunning(state: TCandidateState): boolean {
  return state.plan !== null && !PLAN_STOPPED_STATUSES.includes(state.status);
}

/** History for a re-plan: done steps, sent messages, calls already due. */
export function buildPlanHistory(state: TCandidateState, now: string): TPlanHistory {
  const nowMs = Date.parse(now);
  const calls = (state.plan?.items ?? [])
    .filter((item) => item.action === 'call' && item.kind !== 'escalation' && Date.parse(item.dueAt) <= nowMs)
    .map((item) => item.dueAt);
  return { completed: state.completed, sentMessages: state.sentMessages, calls };
}
