/**
 * The written labour contract after arrival, in the reducer: `arrived` records the
 * employment start and the legal deadline and creates HR's signing task; time alone raises
 * the louder escalation once fewer than 5 calendar days remain and the task is still open;
 * signing closes that escalation with it. Exits cancel the task like any open item.
 */
import {
  clampToLegalDeadline,
  computeLabourContractDeadline,
  findDeadlineEscalationAt,
  LABOUR_CONTRACT_ESCALATION_STEP,
  LABOUR_CONTRACT_STEP,
} from '../calendar/labour-contract-deadline.js';
import { formatLocalIso, formatUtcIso, parseInstant, toLocalDate } from '../time/local-time.js';
import { listOpenItems } from './candidate-state.js';
import { toCreationEffect } from './effects.js';
import { instantiateStep } from './instantiate-step.js';
import type { TCandidateState, TEffect, TEngineConfig, TReduction } from './types.js';

/** On arrival (employment starts on the arrival's local date at the site): the HR task, due by the deadline. */
export function startLabourContract(state: TCandidateState, at: string, config: TEngineConfig): TReduction {
  const employmentStart = toLocalDate(parseInstant(at), state.candidate.timeZone);
  const legalDeadline = computeLabourContractDeadline(employmentStart);
  const next: TCandidateState = { ...state, labourContract: { employmentStart, legalDeadline, escalated: false } };
  return createContractItem(next, at, config, LABOUR_CONTRACT_STEP);
}

/** Is the signing task still open (neither done nor cancelled)? */
export function isLabourContractOpen(state: TCandidateState): boolean {
  return listOpenItems(state).some((item) => item.stepId === LABOUR_CONTRACT_STEP);
}

/** When the near-deadline escalation is due to be raised (epoch ms), or null when it never will be. */
export function findContractEscalationAt(state: TCandidateState, config: TEngineConfig): number | null {
  const contract = state.labourContract;
  if (!contract || contract.escalated || !isLabourContractOpen(state)) return null;
  return findDeadlineEscalationAt(contract.legalDeadline, state.candidate.timeZone, config.policy.workingHours).getTime();
}

/** Raise the louder escalation (once), due by the legal deadline at the latest. */
export function raiseContractEscalation(state: TCandidateState, at: string, config: TEngineConfig): TReduction {
  if (!state.labourContract) return { state, effects: [] };
  const next: TCandidateState = { ...state, labourContract: { ...state.labourContract, escalated: true } };
  return createContractItem(next, at, config, LABOUR_CONTRACT_ESCALATION_STEP);
}

/** Signing settles the matter: an open near-deadline escalation is done with it. */
export function closeContractEscalations(state: TCandidateState, at: string): TCandidateState {
  const open = listOpenItems(state).filter((item) => item.stepId === LABOUR_CONTRACT_ESCALATION_STEP);
  if (!open.length) return state;
  return { ...state, completed: [...state.completed, ...open.map((item) => ({ key: item.key, at }))] };
}

function createContractItem(state: TCandidateState, at: string, config: TEngineConfig, stepId: string): TReduction {
  const contract = state.labourContract;
  const made = contract ? instantiateStep(state, config, stepId, { from: at }) : null;
  if (!contract || !made) return { state, effects: [] };
  const timeZone = state.candidate.timeZone;
  const due = clampToLegalDeadline(parseInstant(made.item.dueAt), contract.legalDeadline, timeZone, config.policy.workingHours);
  const item = { ...made.item, dueAt: formatUtcIso(due), dueAtLocal: formatLocalIso(due, timeZone) };
  const next: TCandidateState = {
    ...state,
    exceptionItems: [...state.exceptionItems, item],
    occurrences: { ...state.occurrences, [stepId]: (state.occurrences[stepId] ?? 0) + 1 },
  };
  const created = toCreationEffect(next, item, at);
  const effect: TEffect = created.kind === 'task' || created.kind === 'escalation' ? { ...created, legalDeadline: contract.legalDeadline } : created;
  return { state: next, effects: [effect] };
}
