import { describe, expect, it } from 'vitest';
import { DEFAULT_ORG_POLICY } from '../../contracts/playbook.js';
import type { TDomainEvent } from '../../contracts/scenario.js';
import { buildCandidate } from '../plan/plan-fixtures.js';
import { DEFAULT_PLAYBOOK } from '../playbooks/default-playbook.js';
import { advanceClock, findNextWakeAt } from './advance-clock.js';
import { createCandidateState } from './candidate-state.js';
import { planForEvent, startCandidate } from './plan-for-event.js';
import type { TCandidateState, TEffect } from './types.js';

const config = { playbook: DEFAULT_PLAYBOOK, policy: DEFAULT_ORG_POLICY };

function run(events: TDomainEvent[], until?: string, overrides = {}): { state: TCandidateState; effects: TEffect[] } {
  let { state, effects } = startCandidate(buildCandidate(overrides), config);
  const all = [...effects];
  for (const event of events) {
    ({ state, effects } = planForEvent(state, event, config));
    all.push(...effects);
  }
  if (until) {
    ({ state, effects } = advanceClock(state, until, config));
    all.push(...effects);
  }
  return { state, effects: all };
}

const find = (effects: TEffect[], kind: TEffect['kind'], step?: string) =>
  effects.filter((e) => e.kind === kind && (step === undefined || ('step' in e && e.step === step)));

describe('planForEvent', () => {
  it('acceptance emits the status and creates every task with its due time; messages wait', () => {
    const { effects, state } = startCandidate(buildCandidate(), config);
    expect(effects[0]).toMatchObject({ kind: 'status', status: 'offer_accepted', atLocal: '2026-11-25T10:00:00+08:00' });
    expect(find(effects, 'task', 'day1.reception')[0]).toMatchObject({ dueAtLocal: '2026-12-14T09:00:00+08:00' });
    expect(find(effects, 'message')).toEqual([]);
    expect(findNextWakeAt(state, config)).toBe('2026-11-25T04:00:00Z');
  });

  it('sends due messages as time passes, merged steps in one message', () => {
    const { effects } = run([{ type: 'candidate_replied', at: '2026-11-27T09:00:00+08:00' }], '2026-12-11T12:00:00+08:00');
    const merged = find(effects, 'message', 'final.daily_care')[0];
    expect(merged).toMatchObject({ atLocal: '2026-12-11T10:00:00+08:00', channel: 'email' });
    expect(merged.kind === 'message' && merged.mergedSteps).toEqual(['final.daily_care', 'final.logistics_confirm']);
  });

  it('delay_requested (counteroffer): status, +4 working hours task, manager +24h, executive after 48h', () => {
    const { effects, state } = run(
      [{ type: 'delay_requested', at: '2026-12-01T16:00:00+08:00', reason: 'counteroffer' }],
      '2026-12-04T00:00:00+08:00',
    );
    expect(state.status).toBe('delayed');
    expect(find(effects, 'task', 'delay.understand_reason')[0]).toMatchObject({ dueAtLocal: '2026-12-02T11:00:00+08:00' });
    expect(find(effects, 'escalation', 'delay.escalate_manager')[0]).toMatchObject({ dueAtLocal: '2026-12-02T16:00:00+08:00', owners: ['manager'] });
    expect(find(effects, 'escalation', 'delay.escalate_executive')[0]).toMatchObject({
      atLocal: '2026-12-03T16:00:00+08:00',
      dueAtLocal: '2026-12-05T16:00:00+08:00',
      owners: ['executive'],
    });
  });

  it('a delay closed by a new start date within 48h does not escalate to the executive', () => {
    const { effects, state } = run(
      [
        { type: 'delay_requested', at: '2026-12-01T09:00:00+08:00', reason: 'handover' },
        { type: 'start_date_changed', at: '2026-12-02T09:00:00+08:00', startDate: '2026-12-28' },
      ],
      '2026-12-10T00:00:00+08:00',
    );
    expect(find(effects, 'escalation', 'delay.escalate_manager')).toEqual([]);
    expect(find(effects, 'escalation', 'delay.escalate_executive')).toEqual([]);
    expect(state.status).toBe('preboarding');
    expect(find(effects, 'task', 'day1.reception').at(-1)).toMatchObject({ dueAtLocal: '2026-12-28T09:00:00+08:00' });
  });

  it('offer declined after acceptance: reneged, plan cancelled, thank-you + ask-reason, talent pool', () => {
    const { effects, state } = run(
      [{ type: 'reneged', at: '2026-12-02T10:00:00+08:00', reason: 'counteroffer', talentPoolConsent: true }],
      '2027-04-01T00:00:00+08:00',
    );
    expect(state.status).toBe('reneged');
    expect(find(effects, 'cancelled').map((e) => 'step' in e && e.step)).toContain('day1.reception');
    expect(find(effects, 'message', 'declined.thank_you')[0]).toMatchObject({ atLocal: '2026-12-03T10:00:00+08:00' });
    expect(find(effects, 'task', 'declined.ask_reason')).toHaveLength(1);
    // No plan message after the stop; nurture every 3 months.
    expect(find(effects, 'message', 'final.daily_care')).toEqual([]);
    expect(find(effects, 'message', 'pool.nurture').map((e) => e.atLocal)).toEqual(['2027-03-02T10:00:00+08:00']);
  });

  it('nurture runs every 3 months until consent expires after 24 months, and stops on withdrawal', () => {
    const full = run([{ type: 'reneged', at: '2026-12-02T10:00:00+08:00', reason: 'salary', talentPoolConsent: true }], '2029-12-31T00:00:00+08:00');
    expect(find(full.effects, 'message', 'pool.nurture')).toHaveLength(7);
    const withdrawn = run(
      [
        { type: 'reneged', at: '2026-12-02T10:00:00+08:00', reason: 'salary', talentPoolConsent: true },
        { type: 'talent_pool_consent_withdrawn', at: '2027-04-01T10:00:00+08:00' },
      ],
      '2029-12-31T00:00:00+08:00',
    );
    expect(find(withdrawn.effects, 'message', 'pool.nurture')).toHaveLength(1);
    expect(find(withdrawn.effects, 'cancelled', 'pool.nurture')).toHaveLength(1);
  });

  it('salary flow: evaluate +1 business day; decisions pick the matching message', () => {
    const { effects } = run(
      [
        { type: 'salary_adjustment_requested', at: '2026-11-27T15:00:00+08:00' }, // Friday
        { type: 'salary_adjustment_decided', at: '2026-11-30T11:00:00+08:00', decision: 'rejected' },
      ],
      '2026-12-02T00:00:00+08:00',
    );
    expect(find(effects, 'task', 'salary.evaluate')[0]).toMatchObject({ dueAtLocal: '2026-11-30T15:00:00+08:00', owners: ['hr', 'manager'] });
    expect(find(effects, 'message', 'salary.explain_total_comp')[0]).toMatchObject({ atLocal: '2026-12-01T11:00:00+08:00' });
    expect(find(effects, 'message', 'salary.reissue_offer')).toEqual([]);
  });

  it('day-one issue on Friday 2026-02-13 is due on the make-up Saturday 2026-02-14', () => {
    const { effects } = run(
      [
        { type: 'arrived', at: '2026-02-13T09:05:00+08:00' },
        { type: 'day_one_issue_reported', at: '2026-02-13T11:00:00+08:00', issue: 'no laptop' },
      ],
      undefined,
      { startDate: '2026-02-13', offerAcceptedAt: '2026-01-20T10:00:00+08:00' },
    );
    expect(find(effects, 'task', 'day1.issue')[0]).toMatchObject({ dueAtLocal: '2026-02-14T11:00:00+08:00', detail: 'no laptop' });
  });

  it('task completion drives preboarding and onboarded; unknown steps are typed errors', () => {
    const { state } = run([
      { type: 'task_completed', at: '2026-11-26T11:00:00+08:00', step: 'offer.confirmation_call' },
      { type: 'arrived', at: '2026-12-14T09:00:00+08:00' },
      { type: 'task_completed', at: '2026-12-14T18:30:00+08:00', step: 'day1.checkin' },
    ]);
    expect(state.status).toBe('onboarded');
    const started = startCandidate(buildCandidate(), config).state;
    expect(() => planForEvent(started, { type: 'task_completed', at: '2026-11-26T11:00:00+08:00', step: 'nope.step' }, config)).toThrowError(
      expect.objectContaining({ code: 'unknown_step', field: 'step' }),
    );
  });

  it('illegal lifecycle events are rejected', () => {
    const fresh = createCandidateState(buildCandidate());
    expect(() => planForEvent(fresh, { type: 'arrived', at: '2026-12-14T09:00:00+08:00' }, config)).toThrowError(
      expect.objectContaining({ code: 'illegal_transition' }),
    );
    const { state } = run([{ type: 'reneged', at: '2026-12-02T10:00:00+08:00', reason: 'other' }]);
    expect(() => planForEvent(state, { type: 'start_date_changed', at: '2026-12-03T10:00:00+08:00', startDate: '2026-12-30' }, config)).toThrowError(
      expect.objectContaining({ code: 'plan_stopped' }),
    );
  });

  it('offer_declined before acceptance ends in declined', () => {
    const fresh = createCandidateState(buildCandidate());
    const { state, effects } = planForEvent(fresh, { type: 'offer_declined', at: '2026-11-24T10:00:00+08:00', reason: 'location' }, config);
    expect(state.status).toBe('declined');
    expect(effects[0]).toMatchObject({ kind: 'status', from: 'offer_sent', status: 'declined' });
  });
});
