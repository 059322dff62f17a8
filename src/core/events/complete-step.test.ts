/**
 * Day one in the reducer: `onboarded` follows the last of (check-in done, every day-one
 * issue closed), in either order; `day_one_issue_resolved` names its issue by task key
 * (or, in the older shape, only while one issue is open), and resolving an issue already
 * closed changes nothing.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_ORG_POLICY } from '../../contracts/playbook.js';
import type { TDomainEvent } from '../../contracts/scenario.js';
import { ZScenarioEvent } from '../../contracts/scenario.js';
import { buildCandidate } from '../plan/plan-fixtures.js';
import { DEFAULT_PLAYBOOK } from '../playbooks/default-playbook.js';
import { planForEvent, startCandidate } from './plan-for-event.js';
import type { TCandidateState, TEffect } from './types.js';

const config = { playbook: DEFAULT_PLAYBOOK, policy: DEFAULT_ORG_POLICY };
const ARRIVED = '2026-12-14T09:00:00+08:00';
const minutesAfterArrival = (m: number) => new Date(Date.parse(ARRIVED) + m * 60_000).toISOString();

function apply(state: TCandidateState, events: TDomainEvent[]) {
  const effects: TEffect[] = [];
  for (const event of events) {
    const r = planForEvent(state, event, config);
    state = r.state;
    effects.push(...r.effects);
  }
  return { state, effects };
}

/** Arrived, with `issues` day-one issues reported (keys day1.issue#0…). */
function arrivedWithIssues(issues: number): TCandidateState {
  const { state } = startCandidate(buildCandidate(), config);
  return apply(state, [
    { type: 'arrived', at: ARRIVED },
    ...Array.from({ length: issues }, (_, i): TDomainEvent => ({ type: 'day_one_issue_reported', at: minutesAfterArrival(10 + i), issue: `issue ${i}` })),
  ]).state;
}

const checkIn = (at: string): TDomainEvent => ({ type: 'task_completed', at, step: 'day1.checkin' });
const resolve = (at: string, key?: string): TDomainEvent => ({ type: 'day_one_issue_resolved', at, ...(key ? { key } : {}) });
const onboardedAt = (effects: TEffect[]) => effects.filter((e) => e.kind === 'status' && e.status === 'onboarded').map((e) => e.at);

describe('onboarded after day one', () => {
  it('waits for the open issues when the check-in is done first', () => {
    const done = apply(arrivedWithIssues(2), [checkIn(minutesAfterArrival(540)), resolve(minutesAfterArrival(600), 'day1.issue#1')]);
    expect(done.state.status).toBe('started');
    const last = apply(done.state, [resolve(minutesAfterArrival(1500), 'day1.issue#0')]);
    expect(last.state.status).toBe('onboarded');
    expect(onboardedAt(last.effects)).toEqual(['2026-12-15T02:00:00Z']);
  });

  it('waits for the check-in when the issues are closed first', () => {
    const closed = apply(arrivedWithIssues(1), [resolve(minutesAfterArrival(120))]);
    expect(closed.state.status).toBe('started');
    const checked = apply(closed.state, [checkIn(minutesAfterArrival(540))]);
    expect(onboardedAt(checked.effects)).toEqual(['2026-12-14T10:00:00Z']);
  });

  it('without issues, the check-in alone completes day one', () => {
    expect(apply(arrivedWithIssues(0), [checkIn(minutesAfterArrival(540))]).state.status).toBe('onboarded');
  });

  it('in any order of closing, onboarded comes once, at the last of them (property)', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 4 }), fc.integer({ min: 0, max: 1_000 }), (issues, seed) => {
      const steps: TDomainEvent[] = Array.from({ length: issues }, (_, i) => resolve('', `day1.issue#${i}`));
      steps.push(checkIn(''));
      // A deterministic shuffle per seed, then times one hour apart.
      const order = steps.map((event, i) => ({ event, rank: (i * 7919 + seed * 104729) % 1009 })).sort((a, b) => a.rank - b.rank);
      const timed = order.map(({ event }, i) => ({ ...event, at: minutesAfterArrival(60 * (i + 1)) }) as TDomainEvent);
      const { state, effects } = apply(arrivedWithIssues(issues), timed);
      expect(state.status).toBe('onboarded');
      expect(onboardedAt(effects)).toEqual([new Date(Date.parse(timed.at(-1)!.at)).toISOString().replace('.000Z', 'Z')]);
    }), { numRuns: 60 });
  });
});

describe('day_one_issue_resolved names its issue', () => {
  it('closes the issue it names, and a repeat for it changes nothing', () => {
    const first = apply(arrivedWithIssues(2), [resolve(minutesAfterArrival(60), 'day1.issue#1')]);
    expect(first.state.completed.map((c) => c.key)).toContain('day1.issue#1');
    expect(first.state.completed.map((c) => c.key)).not.toContain('day1.issue#0');
    const repeat = planForEvent(first.state, resolve(minutesAfterArrival(61), 'day1.issue#1'), config);
    expect(repeat.effects).toEqual([]);
    expect(repeat.state.completed).toEqual(first.state.completed);
  });

  it('without a key, closes the only open issue; with several open it asks for the key', () => {
    const one = apply(arrivedWithIssues(1), [resolve(minutesAfterArrival(60))]);
    expect(one.state.completed.map((c) => c.key)).toContain('day1.issue#0');
    expect(() => planForEvent(arrivedWithIssues(2), resolve(minutesAfterArrival(60)), config)).toThrowError(
      expect.objectContaining({ field: 'key', message: expect.stringContaining('day1.issue#0, day1.issue#1') }),
    );
    // A retry of the older shape once nothing is open is refused rather than closing something else.
    expect(() => planForEvent(one.state, resolve(minutesAfterArrival(61)), config)).toThrowError(expect.objectContaining({ field: 'key' }));
  });

  it('refuses a key that is not a day-one issue of this candidate', () => {
    const state = arrivedWithIssues(1);
    for (const key of ['day1.issue#7', 'day1.checkin#0']) {
      expect(() => planForEvent(state, resolve(minutesAfterArrival(60), key), config)).toThrowError(expect.objectContaining({ code: 'unknown_step', field: 'key' }));
    }
  });

  it('task_completed by key closes that occurrence only', () => {
    const { state } = apply(arrivedWithIssues(2), [{ type: 'task_completed', at: minutesAfterArrival(60), step: 'day1.issue', key: 'day1.issue#1' }]);
    expect(state.completed.filter((c) => c.key.startsWith('day1.issue')).map((c) => c.key)).toEqual(['day1.issue#1']);
  });

  it('the schema takes the key and names the field when it is malformed', () => {
    const base = { at: ARRIVED, candidate: 'c1', type: 'day_one_issue_resolved' };
    expect(ZScenarioEvent.safeParse({ ...base, key: 'day1.issue#2' }).success).toBe(true);
    expect(ZScenarioEvent.safeParse(base).success).toBe(true);
    const bad = ZScenarioEvent.safeParse({ ...base, key: 'laptop' });
    expect(bad.error?.issues.map((i) => i.path.join('.'))).toEqual(['key']);
  });
});
