/**
 * What reached the candidate, for the unanswered-message rule (two outbound messages
 * without a reply within 72 h → HR's call). A message counts only once it was actually
 * sent, at its send time: the dispatcher's for the messages it sends, the moment staff
 * mark it sent for a message a person sends by hand (WeChat, phone). Its planned time is
 * not enough — it may be retried, end as a dead letter, or stay in the outbox.
 *
 * The reducer hands a message to the dispatcher at its planned time and keeps it as
 * awaiting; the services report what became of it (`recordDeliveries`) each time the
 * engine runs. While awaiting messages could still complete a streak, the engine wakes to
 * look again 72 h on: a message sent at S is then seen by S + 72 h at the latest, so the
 * call is raised at exactly S + 72 h.
 */
import type { TPlannedItem } from '../../contracts/playbook.js';
import { findStep } from '../playbooks/default-playbook.js';
import { HOUR_MS } from '../time/local-time.js';
import type { TCandidateState, TEngineConfig } from './types.js';

/** Unresponsiveness only matters while the candidate may still drop out before day one. */
const PRE_START_STATUSES = ['offer_accepted', 'preboarding', 'delayed'];

/** What became of a message handed to the dispatcher: sent at `sentAt`, or never (null: dead, cancelled, kept in the outbox). */
export interface TDeliveryReport {
  key: string;
  sentAt: string | null;
}

export type TUnresponsiveWake =
  | { at: number; kind: 'unresponsive'; streakStart: string }
  /** Awaiting messages could complete a streak: look at what was sent again then. */
  | { at: number; kind: 'delivery_check' };

const byTime = (a: { at: string }, b: { at: string }) => Date.parse(a.at) - Date.parse(b.at);

/** Does this message count towards unresponsiveness (the steps exempt from the daily cap do not)? */
function countsAsOutreach(config: TEngineConfig, stepId: string): boolean {
  return findStep(config.playbook, stepId)?.capExempt !== true;
}

/** The dispatcher now has the message (its planned time): it counts once reported sent. */
export function awaitSend(state: TCandidateState, item: TPlannedItem, config: TEngineConfig): TCandidateState {
  if (!countsAsOutreach(config, item.stepId)) return state;
  return { ...state, awaitingSend: [...(state.awaitingSend ?? []), { key: item.key, at: item.dueAt }] };
}

/** Staff marked a hand-sent message sent (its task completed at `at`): it reached the candidate then. */
export function noteHandSent(state: TCandidateState, item: TPlannedItem, at: string, config: TEngineConfig): TCandidateState {
  if (!item.preparedMessage || !countsAsOutreach(config, item.stepId)) return state;
  if ((state.confirmedSends ?? []).some((sent) => sent.key === item.key)) return state;
  return { ...state, confirmedSends: [...(state.confirmedSends ?? []), { key: item.key, at }].sort(byTime) };
}

/** Keys still awaiting a report (the services look these up). */
export function listAwaitingKeys(state: TCandidateState): string[] {
  return (state.awaitingSend ?? []).map((entry) => entry.key);
}

/**
 * Folds in what the dispatcher did: a sent message counts from its send time, one that
 * will never be sent stops awaiting. Reports for keys not awaiting change nothing, so the
 * same report twice is one.
 */
export function recordDeliveries(state: TCandidateState, reports: readonly TDeliveryReport[]): TCandidateState {
  const awaiting = state.awaitingSend ?? [];
  const settled = new Map(reports.filter((r) => awaiting.some((a) => a.key === r.key)).map((r) => [r.key, r.sentAt]));
  if (settled.size === 0) return state;
  const sent = [...settled].flatMap(([key, at]) => (at === null ? [] : [{ key, at }]));
  return {
    ...state,
    awaitingSend: awaiting.filter((a) => !settled.has(a.key)),
    confirmedSends: [...(state.confirmedSends ?? []), ...sent].sort(byTime),
  };
}

/**
 * The unanswered-message rule's next wake: the call `withinHours` after the n-th message
 * sent since the last reply (once per streak), or a look at awaiting messages that could
 * still complete one.
 */
export function findUnresponsiveWake(state: TCandidateState, config: TEngineConfig): TUnresponsiveWake | null {
  if (!PRE_START_STATUSES.includes(state.status)) return null;
  const { messages, withinHours } = config.policy.unresponsive;
  const reply = state.lastReplyAt === null ? -Infinity : Date.parse(state.lastReplyAt);
  const streak = (state.confirmedSends ?? []).filter((sent) => Date.parse(sent.at) > reply);
  if (streak.length >= messages) {
    if (state.unresponsiveRaisedFor === streak[0]!.at) return null;
    return { at: Date.parse(streak[messages - 1]!.at) + withinHours * HOUR_MS, kind: 'unresponsive', streakStart: streak[0]!.at };
  }
  const awaiting = (state.awaitingSend ?? []).map((entry) => Date.parse(entry.at)).sort((a, b) => a - b);
  const needed = messages - streak.length;
  if (awaiting.length < needed) return null;
  // Sent no earlier than planned, and not before the engine last looked.
  return { at: Math.max(awaiting[needed - 1]!, Date.parse(state.clock)) + withinHours * HOUR_MS, kind: 'delivery_check' };
}
