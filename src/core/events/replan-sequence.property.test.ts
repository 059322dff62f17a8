/**
 * Re-planning under any sequence of start-date changes (issue 6): nothing stale is sent —
 * every message goes out as an item of the plan made for the start date current at its
 * send time (the daily-care notes on S−3…S−1 of THAT date) — and nothing done is done again.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_ORG_POLICY } from '../../contracts/playbook.js';
import { buildCandidate } from '../plan/plan-fixtures.js';
import { DEFAULT_PLAYBOOK } from '../playbooks/default-playbook.js';
import { addLocalDays, diffLocalDays, formatUtcIso, toLocalDate } from '../time/local-time.js';
import { advanceClock } from './advance-clock.js';
import { planForEvent, startCandidate } from './plan-for-event.js';
import type { TCandidateState, TEffect } from './types.js';

const config = { playbook: DEFAULT_PLAYBOOK, policy: DEFAULT_ORG_POLICY };
const ZONE = 'Asia/Shanghai';
const ACCEPTED = '2027-01-04T02:00:00Z';
const FIRST_START = '2027-02-22';
const HOUR = 3600_000;

/** A change: hours after the previous one, and the new start date as days after the change's own local day. */
const arbChange = fc.record({ afterHours: fc.integer({ min: 1, max: 10 * 24 }), leadDays: fc.integer({ min: 5, max: 60 }) });
const arbScenario = fc.record({
  changes: fc.array(arbChange, { minLength: 1, maxLength: 6 }),
  /** Complete the confirmation call before the n-th change (or never). */
  completeCallBefore: fc.option(fc.integer({ min: 0, max: 5 }), { nil: undefined }),
});

interface Sent { key: string; step: string; steps: string[]; at: string; startDate: string }

function run(scenario: { changes: { afterHours: number; leadDays: number }[]; completeCallBefore: number | undefined }) {
  const start = startCandidate(buildCandidate({ startDate: FIRST_START, offerAcceptedAt: ACCEPTED, timeZone: ZONE }), config);
  let state: TCandidateState = start.state;
  const sent: Sent[] = [];
  const done = new Map<string, string>();
  const redone: string[] = [];
  const observe = (before: TCandidateState, effects: TEffect[]) => {
    for (const e of effects) {
      if (e.kind === 'message') {
        // Sent while `before` was current: it must be an item of that plan, due then.
        const item = [...(before.plan?.items ?? []), ...before.exceptionItems].find((i) => i.key === e.key);
        expect(item, `${e.key} was not in the current plan`).toBeDefined();
        expect(item!.dueAt).toBe(e.at);
        if (done.has(e.key)) redone.push(e.key);
        done.set(e.key, e.at);
        sent.push({ key: e.key, step: e.step, steps: e.mergedSteps, at: e.at, startDate: before.candidate.startDate });
      }
      if (e.kind === 'task' && done.has(e.key)) redone.push(e.key);
    }
  };
  let clock = Date.parse(ACCEPTED);
  let lastChangeAt = clock;
  for (const [n, change] of scenario.changes.entries()) {
    clock += change.afterHours * HOUR;
    const at = formatUtcIso(new Date(clock));
    if (scenario.completeCallBefore === n && state.status === 'offer_accepted') {
      const completed = planForEvent(state, { type: 'task_completed', at, step: 'offer.confirmation_call' }, config);
      observe(state, completed.effects);
      state = completed.state;
      done.set('offer.confirmation_call#0', at);
    }
    if (Date.parse(`${state.candidate.startDate}T00:00:00+08:00`) <= clock) break; // day one has come: no more changes
    const startDate = addLocalDays(toLocalDate(new Date(clock), ZONE), change.leadDays);
    const before = state;
    const reduced = planForEvent(state, { type: 'start_date_changed', at, startDate }, config);
    // Time-driven sends up to `at` happened under the old date; the event's own effects create no messages.
    observe(before, reduced.effects);
    state = reduced.state;
    lastChangeAt = clock;
  }
  const end = advanceClock(state, `${addLocalDays(state.candidate.startDate, 2)}T00:00:00+08:00`, config);
  observe(state, end.effects);
  return { sent, redone, finalStart: end.state.candidate.startDate, lastChangeAt };
}

describe('re-planning under any sequence of start-date changes', () => {
  it('sends only current-plan messages, daily care on S−3…S−1 of the date current then, and never re-does a done step', () => {
    fc.assert(fc.property(arbScenario, (scenario) => {
      const { sent, redone } = run(scenario);
      expect(redone).toEqual([]);
      for (const m of sent.filter((x) => x.steps.includes('final.daily_care'))) {
        const daysBefore = diffLocalDays(toLocalDate(new Date(m.at), ZONE), m.startDate);
        expect(daysBefore, `${m.key} at ${m.at} for start ${m.startDate}`).toBeGreaterThanOrEqual(1);
        expect(daysBefore).toBeLessThanOrEqual(3);
      }
      // Start-anchored messages never go out on or after the start date current at their send time.
      for (const m of sent.filter((x) => x.steps.some((step) => step.startsWith('prep.') || step.startsWith('final.')))) {
        expect(diffLocalDays(toLocalDate(new Date(m.at), ZONE), m.startDate), m.key).toBeGreaterThanOrEqual(1);
      }
    }), { numRuns: 60 });
  });

  it('each daily-care note goes out exactly once over the whole run, none lost and none repeated', () => {
    fc.assert(fc.property(arbScenario, (scenario) => {
      const { sent, finalStart, lastChangeAt } = run(scenario);
      const notes = sent.flatMap((m) => m.steps.filter((step) => step === 'final.daily_care'));
      // Done stays done: a note sent before a later change is not sent again for the new date.
      expect(notes).toHaveLength(3);
      // Notes still pending when the date last changed go out for that final date.
      const afterLastChange = sent.filter((m) => m.steps.includes('final.daily_care') && Date.parse(m.at) > lastChangeAt);
      expect(afterLastChange.every((m) => m.startDate === finalStart)).toBe(true);
}), { numRuns: 40 });
  });
});
