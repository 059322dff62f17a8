/**
 * Time-driven rules, evaluated up to a given instant: due messages are handed to the
 * dispatcher, a delay still open after 48h escalates to an executive, two messages sent
 * without a reply raise risk.unresponsive_call (deliveries.ts), talent-pool nurture
 * messages go out while consent is valid, an unsigned labour contract escalates when
 * fewer than 5 days remain to its legal deadline.
 */
import type { TPlannedItem } from '../../contracts/playbook.js';
import { findStep } from '../playbooks/default-playbook.js';
import { resolveOffset } from '../plan/resolve-offset.js';
import { applyQuietHours } from '../policy/quiet-hours.js';
import { addCalendarMonths, formatUtcIso, parseInstant } from '../time/local-time.js';
import { isCompleted, isPlanRunning } from './candidate-state.js';
import { awaitSend, findUnresponsiveWake, type TUnresponsiveWake } from './deliveries.js';
import { toCreationEffect, toMessageEffect } from './effects.js';
import { instantiateStep } from './instantiate-step.js';
import { findContractEscalationAt, raiseContractEscalation } from './labour-contract.js';
import type { TCandidateState, TEffect, TEngineConfig, TReduction } from './types.js';

const POOL_STATUSES = ['declined', 'reneged', 'withdrawn'];
const MAX_WAKES = 10_000;

type TWake =
  | { at: number; kind: 'message'; item: TPlannedItem }
  | { at: number; kind: 'delay_open' }
  | TUnresponsiveWake
  | { at: number; kind: 'nurture' }
  | { at: number; kind: 'contract_deadline' };

function pendingMessages(state: TCandidateState): TPlannedItem[] {
  const planItems = isPlanRunning(state) ? (state.plan?.items ?? []) : [];
  return [...planItems, ...state.exceptionItems].filter(
    (item) =>
      item.kind === 'message' &&
      item.mergedInto === null &&
      !isCompleted(state, item.key) &&
      !state.cancelled.includes(item.key),
  );
}

function listWakes(state: TCandidateState, config: TEngineConfig): TWake[] {
  const wakes: TWake[] = pendingMessages(state).map((item) => ({ at: Date.parse(item.dueAt), kind: 'message', item }));
  const escalation = findStep(config.playbook, 'delay.escalate_executive');
  if (state.openDelay && !state.openDelay.escalated && escalation?.ifStillOpenAfter) {
    const context = { timeZone: state.candidate.timeZone, calendar: config.policy.calendar, workingHours: config.policy.workingHours };
    const at = resolveOffset(parseInstant(state.openDelay.requestedAt), escalation.ifStillOpenAfter, context).at;
    wakes.push({ at: at.getTime(), kind: 'delay_open' });
  }
  const unresponsive = findUnresponsiveWake(state, config);
  if (unresponsive) wakes.push(unresponsive);
  if (state.consent?.nextNurtureAt && POOL_STATUSES.includes(state.status)) {
    wakes.push({ at: Date.parse(state.consent.nextNurtureAt), kind: 'nurture' });
  }
  const contractAt = findContractEscalationAt(state, config);
  if (contractAt !== null) wakes.push({ at: contractAt, kind: 'contract_deadline' });
  return wakes.sort((a, b) => a.at - b.at);
}

/** The next instant at which time alone will produce effects (ISO), or null. */
export function findNextWakeAt(state: TCandidateState, config: TEngineConfig): string | null {
  const [first] = listWakes(state, config);
  return first ? formatUtcIso(new Date(first.at)) : null;
}

/** Apply every time-driven rule due up to `now`, in time order. */
export function advanceClock(state: TCandidateState, now: string, config: TEngineConfig): TReduction {
  const nowMs = parseInstant(now, 'now').getTime();
  const effects: TEffect[] = [];
  let current = state;
  for (let i = 0; i < MAX_WAKES; i += 1) {
    const [wake] = listWakes(current, config);
    if (!wake || wake.at > nowMs) break;
    const result = fireWake(current, wake, config);
    current = result.state;
    effects.push(...result.effects);
  }
  return { state: { ...current, clock: maxIso(current.clock, now) }, effects };
}

function maxIso(a: string, b: string): string {
  return Date.parse(a) >= Date.parse(b) ? a : b;
}

function fireWake(state: TCandidateState, wake: TWake, config: TEngineConfig): TReduction {
  const at = formatUtcIso(new Date(wake.at));
  switch (wake.kind) {
    case 'message':
      return sendMessage(state, wake.item, config);
    case 'delay_open':
      return createTimedItem({ ...state, openDelay: state.openDelay && { ...state.openDelay, escalated: true } }, config, 'delay.escalate_executive', at);
    case 'unresponsive':
      return createTimedItem({ ...state, unresponsiveRaisedFor: wake.streakStart }, config, 'risk.unresponsive_call', at);
    case 'delivery_check':
      // Nothing to do in the reducer: the services have folded in what was sent; the next look moves on from here.
      return { state: { ...state, clock: maxIso(state.clock, at) }, effects: [] };
    case 'nurture':
      return sendNurture(state, config, at);
    case 'contract_deadline':
      return raiseContractEscalation(state, at, config);
  }
}

function sendMessage(state: TCandidateState, item: TPlannedItem, config: TEngineConfig): TReduction {
  const keys = item.mergedStepKeys;
  const all = [...(state.plan?.items ?? []), ...state.exceptionItems];
  const stepIds = keys.map((key) => all.find((candidate) => candidate.key === key)?.stepId ?? key);
  const step = findStep(config.playbook, item.stepId);
  const next: TCandidateState = awaitSend({
    ...state,
    completed: [...state.completed, ...keys.map((key) => ({ key, at: item.dueAt }))],
    sentMessages: step?.capExempt ? state.sentMessages : [...state.sentMessages, item.dueAt],
  }, item, config);
  return { state: next, effects: [toMessageEffect(next, item, stepIds)] };
}

function createTimedItem(state: TCandidateState, config: TEngineConfig, stepId: string, at: string): TReduction {
  const made = instantiateStep(state, config, stepId, { from: at });
  if (!made) return { state, effects: [] };
  const next = bumpOccurrence({ ...state, exceptionItems: [...state.exceptionItems, made.item] }, stepId);
  return { state: next, effects: [toCreationEffect(next, made.item, at)] };
}

function sendNurture(state: TCandidateState, config: TEngineConfig, at: string): TReduction {
  const consent = state.consent;
  if (!consent) return { state, effects: [] };
  const made = instantiateStep(state, config, 'pool.nurture', { from: at });
  const sent = consent.sent + 1;
  const nextNurtureAt = computeNurtureAt(state, config, consent.givenAt, consent.expiresAt, sent + 1);
  let next: TCandidateState = { ...state, consent: { ...consent, sent, nextNurtureAt } };
  if (!made) return { state: next, effects: [] };
  const item = { ...made.item, dueAt: at };
  next = bumpOccurrence(
    { ...next, completed: [...next.completed, { key: item.key, at }], sentMessages: [...next.sentMessages, at] },
    'pool.nurture',
  );
  return { state: next, effects: [toMessageEffect(next, item, [item.stepId])] };
}

/**
 * The n-th nurture time (n ≥ 1): consent time + n × period, out of quiet hours; null once
 * it reaches the consent's expiry.
 */
export function computeNurtureAt(
  state: TCandidateState,
  config: TEngineConfig,
  givenAt: string,
  expiresAt: string,
  n: number,
): string | null {
  const months = findStep(config.playbook, 'pool.nurture')?.recurrence?.everyMonths;
  if (!months) return null;
  const timeZone = state.candidate.timeZone;
  const raw = addCalendarMonths(parseInstant(givenAt), months * n, timeZone);
  const at = applyQuietHours(raw, { timeZone, quietHours: config.policy.quietHours });
  return at.getTime() < Date.parse(expiresAt) ? formatUtcIso(at) : null;
}

export function bumpOccurrence(state: TCandidateState, stepId: string): TCandidateState {
  return { ...state, occurrences: { ...state.occurrences, [stepId]: (state.occurrences[stepId] ?? 0) + 1 } };
}
