import type { TCandidateStatus } from '../../contracts/playbook.js';
import { DomainError } from '../errors.js';

/**
 * Legal lifecycle moves (DESIGN §2): offer_sent → offer_accepted → preboarding → started →
 * onboarded; `declined` only before acceptance, `reneged` only after; `withdrawn` (by the
 * employer) from any open state before arrival; `delayed` while a start date is
 * renegotiated, left by a new date (back to preboarding) or an exit; after arrival
 * (`started`, `onboarded`) only leaving, recorded as `reneged`.
 */
const TRANSITIONS: Readonly<Record<TCandidateStatus, readonly TCandidateStatus[]>> = {
  offer_sent: ['offer_accepted', 'declined', 'withdrawn'],
  offer_accepted: ['preboarding', 'delayed', 'started', 'reneged', 'withdrawn'],
  preboarding: ['delayed', 'started', 'reneged', 'withdrawn'],
  delayed: ['preboarding', 'reneged', 'withdrawn'],
  // A hire who leaves after arrival is recorded as reneged (their unsigned contract is cancelled).
  started: ['onboarded', 'reneged'],
  onboarded: ['reneged'],
  declined: [],
  reneged: [],
  withdrawn: [],
};

/** Statuses with no way out. */
export const TERMINAL_STATUSES: readonly TCandidateStatus[] = ['declined', 'reneged', 'withdrawn'];

/**
 * Statuses whose plan has stopped: the terminal ones and `onboarded` (the pre-onboarding
 * plan is finished, though a hire may still leave before signing the labour contract).
 */
export const PLAN_STOPPED_STATUSES: readonly TCandidateStatus[] = ['onboarded', ...TERMINAL_STATUSES];

/** May the candidate move from `from` to `to`? */
export function canTransition(from: TCandidateStatus, to: TCandidateStatus): boolean {
  return TRANSITIONS[from].includes(to);
}

/** Return `to`, or throw `illegal_transition` naming both statuses. */
export function transitionStatus(from: TCandidateStatus, to: TCandidateStatus): TCandidateStatus {
  if (!canTransition(from, to)) {
    throw new DomainError('illegal_transition', `cannot move a candidate from ${from} to ${to}`, {
      field: 'status',
      details: { from, to },
    });
  }
  return to;
}
