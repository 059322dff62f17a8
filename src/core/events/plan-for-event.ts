/**
 * The pure event reducer: (state, event) → (state, effects). Time-driven rules run first
 * up to the event's time (advanceClock), then the event applies. Effects are exactly the
 * simulator's line kinds: task, message, escalation, status, cancelled.
 */
import type { TCandidateStatus } from '../../contracts/playbook.js';
import type { TDomainEvent } from '../../contracts/scenario.js';
import { DomainError } from '../errors.js';
import { PLAN_STOPPED_STATUSES, transitionStatus } from '../lifecycle/transition-status.js';
import { computePlan } from '../plan/compute-plan.js';
import { replan } from '../plan/replan.js';
import { addCalendarMonths, formatUtcIso, parseInstant, parseLocalDate } from '../time/local-time.js';
import { advanceClock, bumpOccurrence, computeNurtureAt } from './advance-clock.js';
import { buildPlanHistory, createCandidateState, listOpenItems } from './candidate-state.js';
import { toCancelledEffect, toCreationEffect, toStatusEffect } from './effects.js';
import { instantiateStep, type TInstantiateOptions } from './instantiate-step.js';
import { completeStep, resolveDayOneIssue } from './complete-step.js';
import { startLabourContract } from './labour-contract.js';
import type { TCandidateState, TEffect, TEngineConfig, TReduction } from './types.js';
import type { TCandidateFacts } from '../plan/types.js';

/** Reduce one domain event (after running time-driven rules up to its time). */
export function planForEvent(state: TCandidateState, event: TDomainEvent, config: TEngineConfig): TReduction {
  const at = formatUtcIso(parseInstant(event.at, 'at'));
  const advanced = advanceClock(state, at, config);
  const applied = applyEvent(advanced.state, event, at, config);
  return { state: applied.state, effects: [...advanced.effects, ...applied.effects] };
}

/** Create the state for an accepted candidate and plan it (status offer_accepted). */
export function startCandidate(candidate: TCandidateFacts, config: TEngineConfig): TReduction {
  const state = createCandidateState(candidate, { clock: candidate.offerAcceptedAt });
  return planForEvent(state, { type: 'offer_accepted', at: candidate.offerAcceptedAt }, config);
}

function applyEvent(state: TCandidateState, event: TDomainEvent, at: string, config: TEngineConfig): TReduction {
  switch (event.type) {
    case 'offer_accepted':
      return acceptOffer(state, at, config);
    case 'offer_declined':
    case 'reneged': {
      // Declining after acceptance is reneging (DESIGN §2: declined only before acceptance).
      const target: TCandidateStatus = state.status === 'offer_sent' ? 'declined' : 'reneged';
      return stopPlan(state, at, config, target, event.talentPoolConsent === true);
    }
    case 'start_date_changed':
      return changeStartDate(state, at, config, event.startDate);
    case 'delay_requested':
      return requestDelay(state, at, config, event.reason, event.proposedStartDate);
    case 'salary_adjustment_requested':
      return createItems(state, at, config, ['salary.evaluate'], {});
    case 'salary_adjustment_decided':
      return createItems(state, at, config, ['salary.reissue_offer', 'salary.explain_total_comp'], { decision: event.decision });
    case 'candidate_replied':
      return { state: { ...state, lastReplyAt: at }, effects: [] };
    case 'candidate_unresponsive':
      return createItems(state, at, config, ['risk.unresponsive_call'], {});
    case 'task_completed':
      return completeStep(state, at, config, event.step, event.key);
    case 'arrived': {
      const started = changeStatus(state, at, 'started');
      const contract = startLabourContract(started.state, at, config);
      return { state: contract.state, effects: [...started.effects, ...contract.effects] };
    }
    case 'day_one_issue_reported':
      return createItems(state, at, config, ['day1.issue'], {}, event.issue);
    case 'day_one_issue_resolved':
      return resolveDayOneIssue(state, at, config, event.key);
    case 'talent_pool_consent_given':
      return giveConsent(state, at, config);
    case 'talent_pool_consent_withdrawn':
      return withdrawConsent(state, at);
    case 'offer_sent':
      if (state.status !== 'offer_sent') throw illegal(state.status, 'offer_sent');
      return { state, effects: [] };
    default:
      // checklist_item_*, background_check_authorized, logistics_confirmed: recorded on
      // the timeline by services; they change nothing in the plan.
      return { state, effects: [] };
  }
}

function illegal(from: TCandidateStatus, to: string): DomainError {
  return new DomainError('illegal_transition', `cannot move a candidate from ${from} to ${to}`, { field: 'type', details: { from, to } });
}

function changeStatus(state: TCandidateState, at: string, status: TCandidateStatus): TReduction {
  const to = transitionStatus(state.status, status);
  return { state: { ...state, status: to }, effects: [toStatusEffect(state, at, state.status, to)] };
}

function acceptOffer(state: TCandidateState, at: string, config: TEngineConfig): TReduction {
  const status = changeStatus(state, at, 'offer_accepted');
  const candidate = { ...state.candidate, offerAcceptedAt: at };
  const plan = computePlan({ candidate, playbook: config.playbook, policy: config.policy, now: at, history: buildPlanHistory(state, at) });
  const next: TCandidateState = { ...status.state, candidate, plan };
  const created = plan.items.filter((item) => item.kind !== 'message').map((item) => toCreationEffect(next, item, at));
  return { state: next, effects: [...status.effects, ...created] };
}

/** Create exception items (tasks/escalations announced now; messages wait for their time). */
function createItems(
  state: TCandidateState,
  at: string,
  config: TEngineConfig,
  stepIds: string[],
  options: Omit<TInstantiateOptions, 'from'>,
  detail?: string,
): TReduction {
  let current = state;
  const effects: TEffect[] = [];
  for (const stepId of stepIds) {
    const made = instantiateStep(current, config, stepId, { ...options, from: at });
    if (!made) continue;
    current = bumpOccurrence({ ...current, exceptionItems: [...current.exceptionItems, made.item] }, stepId);
    if (made.item.kind !== 'message') effects.push(toCreationEffect(current, made.item, at, detail));
  }
  return { state: current, effects };
}

function cancelOpenItems(state: TCandidateState, at: string, reason: string): TReduction {
  const open = listOpenItems(state);
  return {
    state: { ...state, cancelled: [...state.cancelled, ...open.map((item) => item.key)] },
    effects: open.map((item) => toCancelledEffect(state, at, item, reason)),
  };
}

function stopPlan(state: TCandidateState, at: string, config: TEngineConfig, target: TCandidateStatus, consent: boolean): TReduction {
  const status = changeStatus(state, at, target);
  const cancelled = cancelOpenItems({ ...status.state, openDelay: null }, at, target);
  const created = createItems(cancelled.state, at, config, ['declined.thank_you', 'declined.ask_reason'], {});
  const pooled = consent ? giveConsent(created.state, at, config) : { state: created.state, effects: [] };
  return { state: pooled.state, effects: [...status.effects, ...cancelled.effects, ...created.effects, ...pooled.effects] };
}

function changeStartDate(state: TCandidateState, at: string, config: TEngineConfig, startDate: string): TReduction {
  parseLocalDate(startDate, 'startDate');
  if (PLAN_STOPPED_STATUSES.includes(state.status)) {
    throw new DomainError('plan_stopped', `the plan of a ${state.status} candidate cannot be re-planned`, { field: 'type' });
  }
  const resumed = state.status === 'delayed' ? changeStatus({ ...state, openDelay: null }, at, 'preboarding') : { state, effects: [] };
  const candidate = { ...resumed.state.candidate, startDate };
  const base: TCandidateState = { ...resumed.state, candidate };
  if (!state.plan) return { state: base, effects: resumed.effects };
  const result = replan(state.plan, {
    candidate,
    playbook: config.playbook,
    policy: config.policy,
    now: at,
    history: buildPlanHistory(state, at),
  });
  const next: TCandidateState = {
    ...base,
    plan: result.plan,
    cancelled: [...base.cancelled, ...result.cancelled.map((item) => item.key)],
  };
  const effects: TEffect[] = [
    ...resumed.effects,
    ...result.cancelled.map((item) => toCancelledEffect(next, at, item, 'start_date_changed')),
    ...[...result.moved, ...result.added].filter((item) => item.kind !== 'message').map((item) => toCreationEffect(next, item, at)),
  ];
  return { state: next, effects };
}

function requestDelay(
  state: TCandidateState,
  at: string,
  config: TEngineConfig,
  reason: NonNullable<TCandidateState['openDelay']>['reason'],
  proposedStartDate: string | undefined,
): TReduction {
  const status = state.status === 'delayed' ? { state, effects: [] } : changeStatus(state, at, 'delayed');
  const openDelay = { requestedAt: at, reason, escalated: false, ...(proposedStartDate ? { proposedStartDate } : {}) };
  const created = createItems({ ...status.state, openDelay }, at, config, ['delay.understand_reason', 'delay.escalate_manager'], {
    eventReason: reason,
  });
  return { state: created.state, effects: [...status.effects, ...created.effects] };
}

function giveConsent(state: TCandidateState, at: string, config: TEngineConfig): TReduction {
  const expiresAt = formatUtcIso(addCalendarMonths(parseInstant(at), config.policy.talentPoolConsentMonths, state.candidate.timeZone));
  const nextNurtureAt = computeNurtureAt(state, config, at, expiresAt, 1);
  return { state: { ...state, consent: { givenAt: at, expiresAt, nextNurtureAt, sent: 0 } }, effects: [] };
}

function withdrawConsent(state: TCandidateState, at: string): TReduction {
  // Only a running nurture has a scheduled message to cancel.
  const pending = state.consent?.nextNurtureAt && ['declined', 'reneged', 'withdrawn'].includes(state.status);
  const effects = pending ? [toCancelledEffect(state, at, { key: `pool.nurture#${state.occurrences['pool.nurture'] ?? 0}`, stepId: 'pool.nurture' }, 'consent_withdrawn')] : [];
  return { state: { ...state, consent: null }, effects };
}
