/**
 * Completing a step in the reducer: by its key (`day1.issue#1`) when the event names one,
 * else the first open task of the step. A key already done is a no-op, so a retry of the
 * same completion changes nothing. Lifecycle moves that wait on tasks live here too: the
 * confirmation call moves an accepted candidate to `preboarding`, and a started hire is
 * `onboarded` once the end-of-day check-in is done AND every day-one issue is closed,
 * whichever comes last.
 */
import type { TPlannedItem } from '../../contracts/playbook.js';
import { LABOUR_CONTRACT_STEP } from '../calendar/labour-contract-deadline.js';
import { DomainError } from '../errors.js';
import { transitionStatus } from '../lifecycle/transition-status.js';
import { isCompleted, listOpenItems } from './candidate-state.js';
import { noteHandSent } from './deliveries.js';
import { toStatusEffect } from './effects.js';
import { closeContractEscalations } from './labour-contract.js';
import type { TCandidateState, TEngineConfig, TReduction } from './types.js';

export const DAY_ONE_CHECKIN_STEP = 'day1.checkin';
export const DAY_ONE_ISSUE_STEP = 'day1.issue';

/** The task a completion names: by key, or the first open task of the step. Null: already done. */
function findTask(state: TCandidateState, stepId: string, key: string | undefined): TPlannedItem | null {
  if (key === undefined) {
    const open = listOpenItems(state).find((item) => item.stepId === stepId && item.kind !== 'message');
    if (!open) throw new DomainError('unknown_step', `no open task for step ${stepId}`, { field: 'step' });
    return open;
  }
  const item = [...(state.plan?.items ?? []), ...state.exceptionItems].find((candidate) => candidate.key === key);
  if (!item || item.stepId !== stepId || item.kind === 'message') {
    throw new DomainError('unknown_step', `no task ${key} of step ${stepId}`, { field: 'key' });
  }
  if (isCompleted(state, key)) return null;
  if (state.cancelled.includes(key)) throw new DomainError('unknown_step', `the task ${key} was cancelled`, { field: 'key' });
  return item;
}

/** `task_completed` (and a resolved day-one issue): the task is done, with what follows from it. */
export function completeStep(state: TCandidateState, at: string, config: TEngineConfig, stepId: string, key?: string): TReduction {
  const item = findTask(state, stepId, key);
  if (!item) return { state, effects: [] };
  const marked = noteHandSent({ ...state, completed: [...state.completed, { key: item.key, at }] }, item, at, config);
  const done = stepId === LABOUR_CONTRACT_STEP ? closeContractEscalations(marked, at) : marked;
  if (stepId === 'offer.confirmation_call' && state.status === 'offer_accepted') return moveTo(done, at, 'preboarding');
  if ((stepId === DAY_ONE_CHECKIN_STEP || stepId === DAY_ONE_ISSUE_STEP) && isDayOneSettled(done)) return moveTo(done, at, 'onboarded');
  return { state: done, effects: [] };
}

/**
 * `day_one_issue_resolved`: the issue it names by `key`; without a key (the older shape)
 * only while exactly one issue is open, so a retry can never close a second one.
 */
export function resolveDayOneIssue(state: TCandidateState, at: string, config: TEngineConfig, key: string | undefined): TReduction {
  if (key === undefined) {
    const open = listOpenItems(state).filter((item) => item.stepId === DAY_ONE_ISSUE_STEP);
    if (open.length > 1) {
      throw new DomainError('invalid_input', `${open.length} day-one issues are open: name the one resolved by its task key (${open.map((i) => i.key).join(', ')})`, {
        field: 'key',
      });
    }
    if (open.length === 0) throw new DomainError('unknown_step', 'no day-one issue is open', { field: 'key' });
  }
  return completeStep(state, at, config, DAY_ONE_ISSUE_STEP, key);
}

/** A started hire whose check-in is done and whose day-one issues are all closed. */
function isDayOneSettled(state: TCandidateState): boolean {
  if (state.status !== 'started') return false;
  const checkedIn = [...(state.plan?.items ?? [])].some((item) => item.stepId === DAY_ONE_CHECKIN_STEP && isCompleted(state, item.key));
  return checkedIn && !listOpenItems(state).some((item) => item.stepId === DAY_ONE_ISSUE_STEP);
}

function moveTo(state: TCandidateState, at: string, status: 'preboarding' | 'onboarded'): TReduction {
  const to = transitionStatus(state.status, status);
  return { state: { ...state, status: to }, effects: [toStatusEffect(state, at, state.status, to)] };
}
