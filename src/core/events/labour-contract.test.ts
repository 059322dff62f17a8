import { describe, expect, it } from 'vitest';
import { DEFAULT_ORG_POLICY } from '../../contracts/playbook.js';
import type { TDomainEvent } from '../../contracts/scenario.js';
import { buildCandidate } from '../plan/plan-fixtures.js';
import { DEFAULT_PLAYBOOK } from '../playbooks/default-playbook.js';
import { advanceClock, findNextWakeAt } from './advance-clock.js';
import { planForEvent, startCandidate } from './plan-for-event.js';
import type { TCandidateState, TEffect } from './types.js';

const config = { playbook: DEFAULT_PLAYBOOK, policy: DEFAULT_ORG_POLICY };
/** Starts Monday 2026-11-30 (holiday data covers 2026: no provisional days). */
const candidate = buildCandidate({ startDate: '2026-11-30', offerAcceptedAt: '2026-11-16T10:00:00+08:00' });
const ARRIVED = '2026-11-30T09:10:00+08:00';

function run(events: TDomainEvent[], until?: string): { state: TCandidateState; effects: TEffect[] } {
  let { state, effects } = startCandidate(candidate, config);
  const all: TEffect[] = [];
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

const contractEffects = (effects: TEffect[]) => effects.filter((e) => 'step' in e && e.step.startsWith('contract.'));

describe('labour contract after arrival', () => {
  it('arrived starts employment and gives HR the signing task, due on the 7th business day, carrying the legal deadline', () => {
    const { state, effects } = run([{ type: 'arrived', at: ARRIVED }]);
    expect(state.status).toBe('started');
    expect(state.labourContract).toEqual({ employmentStart: '2026-11-30', legalDeadline: '2026-12-29', escalated: false });
    expect(contractEffects(effects)).toEqual([expect.objectContaining({
      kind: 'task', step: 'contract.sign_labour_contract', stage: 'contract', owners: ['hr'], action: 'task',
      atLocal: ARRIVED, dueAtLocal: '2026-12-09T09:10:00+08:00', legalDeadline: '2026-12-29', calendarDataMissing: false,
    })]);
  });

  it('still unsigned with fewer than 5 days left: an escalation to an executive and the HRBP, once, due by the deadline', () => {
    const { state, effects } = run([{ type: 'arrived', at: ARRIVED }], '2027-01-31T00:00:00+08:00');
    const escalations = contractEffects(effects).filter((e) => e.kind === 'escalation');
    expect(escalations).toEqual([expect.objectContaining({
      step: 'contract.escalate_executive', owners: ['executive', 'hrbp'], atLocal: '2026-12-25T09:00:00+08:00',
      dueAtLocal: '2026-12-28T09:00:00+08:00', legalDeadline: '2026-12-29',
    })]);
    expect(state.labourContract?.escalated).toBe(true);
    expect(findNextWakeAt(state, config)).toBeNull();
  });

  it('signed in time: no escalation; signed after it was raised: the escalation is done with it', () => {
    const early = run([
      { type: 'arrived', at: ARRIVED },
      { type: 'task_completed', at: '2026-12-03T15:00:00+08:00', step: 'contract.sign_labour_contract' },
    ], '2027-01-31T00:00:00+08:00');
    expect(contractEffects(early.effects).filter((e) => e.kind === 'escalation')).toEqual([]);
    const late = run([
      { type: 'arrived', at: ARRIVED },
      { type: 'task_completed', at: '2026-12-26T10:00:00+08:00', step: 'contract.sign_labour_contract' },
    ]);
    const keys = late.state.completed.map((c) => c.key);
    expect(keys).toEqual(expect.arrayContaining(['contract.sign_labour_contract#0', 'contract.escalate_executive#0']));
  });

  it('a second arrived is refused and changes nothing', () => {
    const { state } = run([{ type: 'arrived', at: ARRIVED }]);
    expect(() => planForEvent(state, { type: 'arrived', at: '2026-12-01T09:00:00+08:00' }, config)).toThrowError(
      expect.objectContaining({ code: 'illegal_transition' }),
    );
  });

  it.each([
    ['right after arrival', [] as TDomainEvent[]],
    ['after the end-of-day check (onboarded)', [{ type: 'task_completed', at: '2026-11-30T18:30:00+08:00', step: 'day1.checkin' }] as TDomainEvent[]],
  ])('leaving %s: reneged, the unsigned contract task is cancelled and never escalates', (_name, between) => {
    const { state, effects } = run([
      { type: 'arrived', at: ARRIVED },
      ...between,
      { type: 'reneged', at: '2026-12-04T11:00:00+08:00', reason: 'personal' },
    ], '2027-01-31T00:00:00+08:00');
    expect(state.status).toBe('reneged');
    expect(effects.filter((e) => e.kind === 'cancelled' && e.step === 'contract.sign_labour_contract')).toHaveLength(1);
    expect(contractEffects(effects).filter((e) => e.kind === 'escalation')).toEqual([]);
  });

  it('an org playbook without the step plans no contract task', () => {
    const playbook = { ...DEFAULT_PLAYBOOK, steps: DEFAULT_PLAYBOOK.steps.filter((s) => !s.id.startsWith('contract.')) };
    const started = startCandidate(candidate, { ...config, playbook });
    const { state, effects } = planForEvent(started.state, { type: 'arrived', at: ARRIVED }, { ...config, playbook });
    expect(contractEffects(effects)).toEqual([]);
    expect(advanceClock(state, '2027-01-31T00:00:00+08:00', { ...config, playbook }).effects.filter((e) => e.kind === 'escalation')).toEqual([]);
  });
});
