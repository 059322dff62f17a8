/**
 * Property tests over random acceptance times, start dates, zones, role types and facts.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { DEFAULT_ORG_POLICY, MAIN_STAGES, type TPlannedItem } from '../../contracts/playbook.js';
import { isWorkingDay } from '../calendar/is-working-day.js';
import { isInQuietHours } from '../policy/quiet-hours.js';
import { addLocalDays, diffLocalDays, formatLocalIso, startOfLocalDay, toLocalDate } from '../time/local-time.js';
import { findStep, DEFAULT_PLAYBOOK } from '../playbooks/default-playbook.js';
import { createCandidateState } from '../events/candidate-state.js';
import { instantiateStep } from '../events/instantiate-step.js';
import { computePlan } from './compute-plan.js';
import { replan } from './replan.js';
import { buildCandidate } from './plan-fixtures.js';
import type { TCandidateFacts } from './types.js';

const ZONES = ['Asia/Shanghai', 'America/New_York', 'Europe/Berlin', 'Asia/Kolkata'] as const;
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** A random candidate: start date in 2026, accepted 0–45 days (plus random minutes) before S. */
const candidateArb = fc
  .record({
    startOffset: fc.integer({ min: 20, max: 340 }),
    acceptedBeforeMinutes: fc.integer({ min: 0, max: 45 * 24 * 60 }),
    timeZone: fc.constantFrom(...ZONES),
    roleType: fc.constantFrom('tech', 'management', 'sales', 'operations', 'campus', 'other' as const),
    relocation: fc.boolean(),
    backgroundCheck: fc.boolean(),
    channels: fc.subarray(['email', 'sms', 'portal', 'wechat'] as const, { minLength: 1 }),
  })
  .map((r): TCandidateFacts => {
    const startDate = addLocalDays('2026-01-01', r.startOffset);
    const accepted = new Date(startOfLocalDay(startDate, r.timeZone).getTime() - r.acceptedBeforeMinutes * 60_000);
    return buildCandidate({
      startDate,
      offerAcceptedAt: formatLocalIso(accepted, r.timeZone),
      timeZone: r.timeZone,
      roleType: r.roleType,
      relocation: r.relocation,
      backgroundCheck: r.backgroundCheck,
      channels: [...r.channels],
    });
  });

function planFor(candidate: TCandidateFacts) {
  return computePlan({ candidate, playbook: DEFAULT_PLAYBOOK, policy: DEFAULT_ORG_POLICY, now: candidate.offerAcceptedAt });
}

const isMessage = (item: TPlannedItem) => item.action === 'message';
const RUNS = { numRuns: 300 };

describe('plan properties', () => {
  it('no candidate message is due inside quiet hours', () => {
    fc.assert(
      fc.property(candidateArb, (candidate) => {
        const context = { timeZone: candidate.timeZone, quietHours: DEFAULT_ORG_POLICY.quietHours };
        for (const item of planFor(candidate).items.filter(isMessage)) {
          expect(isInQuietHours(new Date(item.dueAt), context), item.dueAtLocal).toBe(false);
        }
      }),
      RUNS,
    );
  });

  it('at most one proactive message per local day in the final 7 days, two otherwise', () => {
    fc.assert(
      fc.property(candidateArb, (candidate) => {
        const perDay = new Map<string, number>();
        for (const item of planFor(candidate).items) {
          if (!isMessage(item) || item.mergedInto !== null) continue;
          const day = toLocalDate(new Date(item.dueAt), candidate.timeZone);
          perDay.set(day, (perDay.get(day) ?? 0) + 1);
        }
        for (const [day, count] of perDay) {
          const before = diffLocalDays(day, candidate.startDate);
          expect(count, day).toBeLessThanOrEqual(before >= 1 && before <= 7 ? 1 : 2);
        }
      }),
      RUNS,
    );
  });

  it('every offer-confirmation step is due within 24h of acceptance when S is at least 8 days away', () => {
    fc.assert(
      fc.property(
        candidateArb.filter((c) => startOfLocalDay(c.startDate, c.timeZone).getTime() - Date.parse(c.offerAcceptedAt) >= 8 * DAY),
        (candidate) => {
          const accepted = Date.parse(candidate.offerAcceptedAt);
          const offer = planFor(candidate).items.filter((item) => item.stage === 'offer_confirmation');
          expect(offer.map((i) => i.stepId).sort()).toEqual(['offer.channel_invite', 'offer.confirmation_call', 'offer.send_package']);
          for (const item of offer) {
            const due = Date.parse(item.dueAt);
            expect(due).toBeGreaterThanOrEqual(accepted);
            expect(due - accepted, item.key).toBeLessThanOrEqual(24 * HOUR);
            expect(item.slaBreached).toBe(false);
          }
        },
      ),
      RUNS,
    );
  });

  it('keeps the stage order under compression and never plans before acceptance', () => {
    fc.assert(
      fc.property(candidateArb, (candidate) => {
        const plan = planFor(candidate);
        const accepted = Date.parse(candidate.offerAcceptedAt);
        const itemsByKey = new Map(plan.items.map((i) => [i.key, i]));
        // A merged message spans the stages of all the steps it carries.
        const span = (item: TPlannedItem) => {
          const lead = item.mergedInto ? itemsByKey.get(item.mergedInto)! : item;
          const ranks = lead.mergedStepKeys.map((k) => (MAIN_STAGES as readonly string[]).indexOf(itemsByKey.get(k)!.stage));
          return { min: Math.min(...ranks), max: Math.max(...ranks) };
        };
        const lateOffer = startOfLocalDay(candidate.startDate, candidate.timeZone).getTime() - accepted < 2 * DAY;
        for (const a of plan.items) {
          expect(Date.parse(a.dueAt)).toBeGreaterThanOrEqual(accepted);
          for (const b of plan.items) {
            if (span(a).max >= span(b).min) continue;
            if (lateOffer && a.stage === 'offer_confirmation') continue; // documented exception
            expect(Date.parse(a.dueAt), `${a.key} ≤ ${b.key}`).toBeLessThanOrEqual(Date.parse(b.dueAt));
          }
        }
        // Pre-start stages finish before day one begins.
        const dayStart = startOfLocalDay(candidate.startDate, candidate.timeZone).getTime();
        for (const item of plan.items.filter((i) => i.stage === 'prep' || i.stage === 'final_days')) {
          expect(Date.parse(item.dueAt)).toBeLessThan(dayStart);
        }
      }),
      RUNS,
    );
  });

  it('business-day SLAs land on working days of the site calendar', () => {
    const stepIds = ['salary.evaluate', 'day1.issue', 'risk.unresponsive_call'];
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(2025, 0, 1), max: Date.UTC(2026, 11, 20) }),
        fc.constantFrom(...ZONES),
        fc.constantFrom(...stepIds),
        fc.constantFrom('CN' as const, 'WEEKEND' as const),
        (ms, timeZone, stepId, calendarId) => {
          const calendar = { id: calendarId, overrides: [] };
          const state = createCandidateState(buildCandidate({ timeZone, calendar }));
          const made = instantiateStep(state, { playbook: DEFAULT_PLAYBOOK, policy: DEFAULT_ORG_POLICY }, stepId, {
            from: new Date(ms).toISOString(),
          });
          expect(made).not.toBeNull();
          const due = new Date(made!.item.dueAt);
          expect(findStep(DEFAULT_PLAYBOOK, stepId)?.offset.businessDays).toBe(1);
          expect(isWorkingDay(toLocalDate(due, timeZone), calendar)).toBe('working');
          expect(due.getTime()).toBeGreaterThan(ms);
        },
      ),
      RUNS,
    );
  });

  it('a re-plan never moves done steps and cancels only what it drops', () => {
    fc.assert(
      fc.property(
        candidateArb,
        fc.integer({ min: -20, max: 30 }),
        fc.integer({ min: 0, max: 100 }),
        fc.integer({ min: 0, max: 10 * 24 * 60 }),
        (candidate, shiftDays, donePercent, minutesAfter) => {
          const first = planFor(candidate);
          const now = new Date(Date.parse(candidate.offerAcceptedAt) + minutesAfter * 60_000);
          const released = first.items.filter((i) => Date.parse(i.dueAt) <= now.getTime());
          const done = released.filter((_, index) => (index * 37) % 100 < donePercent);
          const completed = done.map((item) => ({ key: item.key, at: item.dueAt }));
          const result = replan(first, {
            candidate: { ...candidate, startDate: addLocalDays(candidate.startDate, shiftDays) },
            playbook: DEFAULT_PLAYBOOK,
            policy: DEFAULT_ORG_POLICY,
            now: now.toISOString(),
            history: { completed },
          });
          const doneKeys = new Set(done.map((i) => i.key));
          expect(result.done.map((i) => i.key).sort()).toEqual([...doneKeys].sort());
          for (const item of result.done) expect(item).toEqual(first.items.find((i) => i.key === item.key));
          for (const item of [...result.plan.items, ...result.moved, ...result.cancelled]) expect(doneKeys.has(item.key)).toBe(false);
          const nextKeys = new Set(result.plan.items.map((i) => i.key));
          for (const item of result.cancelled) expect(nextKeys.has(item.key)).toBe(false);
        },
      ),
      { numRuns: 200 },
    );
  });
});
