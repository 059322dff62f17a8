import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RISK_SIGNALS, scoreRisk, type RiskSignals } from './score-risk.js';

const calm: RiskSignals = {
  daysToStart: 20, unansweredMessages: 0, daysSinceLastReply: 1, latestPulse: 5, delayRequested: false, counterOffer: false,
  salaryRequestOpen: false, overdueTasks: 0, logisticsConfirmed: false, checklistStarted: false, noticeDays: 30,
};

const arbSignals: fc.Arbitrary<RiskSignals> = fc.record({
  daysToStart: fc.option(fc.integer({ min: -40, max: 120 }), { nil: null }),
  unansweredMessages: fc.integer({ min: 0, max: 12 }),
  daysSinceLastReply: fc.option(fc.integer({ min: 0, max: 60 }), { nil: null }),
  latestPulse: fc.option(fc.integer({ min: 1, max: 5 }), { nil: null }),
  delayRequested: fc.boolean(),
  counterOffer: fc.boolean(),
  salaryRequestOpen: fc.boolean(),
  overdueTasks: fc.integer({ min: 0, max: 20 }),
  logisticsConfirmed: fc.boolean(),
  checklistStarted: fc.boolean(),
  noticeDays: fc.option(fc.integer({ min: 0, max: 120 }), { nil: null }),
});

/** One step that makes things worse for the candidate's follow-up (never better). */
const arbWorsening: fc.Arbitrary<(s: RiskSignals) => RiskSignals> = fc.oneof(
  fc.integer({ min: 1, max: 5 }).map((k) => (s: RiskSignals) => ({ ...s, unansweredMessages: s.unansweredMessages + k })),
  fc.integer({ min: 1, max: 20 }).map((k) => (s: RiskSignals) => ({ ...s, daysSinceLastReply: s.daysSinceLastReply === null ? null : s.daysSinceLastReply + k })),
  fc.integer({ min: 1, max: 5 }).map((p) => (s: RiskSignals) => ({ ...s, latestPulse: s.latestPulse === null ? p : Math.min(s.latestPulse, p) })),
  fc.constant((s: RiskSignals) => ({ ...s, delayRequested: true })),
  fc.constant((s: RiskSignals) => ({ ...s, counterOffer: true })),
  fc.constant((s: RiskSignals) => ({ ...s, salaryRequestOpen: true })),
  fc.integer({ min: 1, max: 5 }).map((k) => (s: RiskSignals) => ({ ...s, overdueTasks: s.overdueTasks + k })),
  fc.constant((s: RiskSignals) => ({ ...s, logisticsConfirmed: false })),
  fc.constant((s: RiskSignals) => ({ ...s, checklistStarted: false })),
  fc.integer({ min: 1, max: 30 }).map((k) => (s: RiskSignals) => ({ ...s, noticeDays: s.noticeDays === null ? null : Math.max(0, s.noticeDays - k) })),
);

/** Personal traits the score must never read (DESIGN §5), plus record fields that are not signals. */
const PROTECTED = ['gender', 'age', 'birthDate', 'maritalStatus', 'pregnant', 'ethnicity', 'religion', 'health', 'politicalAffiliation', 'hukou', 'fullName', 'salaryMonthly', 'nationality'];

describe('scoreRisk', () => {
  it('is low with no reasons when the follow-up is calm', () => {
    expect(scoreRisk(calm)).toEqual({ level: 'low', score: 0, reasons: [] });
  });

  it('rates an unresponsive candidate with a counter-offer high and says why', () => {
    const r = scoreRisk({ ...calm, unansweredMessages: 3, daysSinceLastReply: 6, delayRequested: true, counterOffer: true });
    expect(r.level).toBe('high');
    expect(r.reasons.map((x) => x.code)).toEqual(['counter_offer', 'unanswered_messages', 'delay_requested', 'no_reply']);
    expect(r.reasons.find((x) => x.code === 'unanswered_messages')?.params).toEqual({ count: 3 });
  });

  it('flags unconfirmed logistics and an unstarted checklist only close to the start', () => {
    expect(scoreRisk({ ...calm, daysToStart: 20 }).reasons).toEqual([]);
    expect(scoreRisk({ ...calm, daysToStart: 5 }).reasons.map((x) => x.code)).toEqual(['checklist_not_started']);
    const close = scoreRisk({ ...calm, daysToStart: 2 });
    expect(close.reasons.map((x) => x.code)).toEqual(['logistics_unconfirmed', 'checklist_not_started']);
    expect(close.level).toBe('medium');
    expect(scoreRisk({ ...calm, daysToStart: 2, logisticsConfirmed: true, checklistStarted: true }).reasons).toEqual([]);
    expect(scoreRisk({ ...calm, daysToStart: -1 }).reasons).toEqual([]);
  });

  it('reads a low pulse, short notice and overdue work', () => {
    expect(scoreRisk({ ...calm, latestPulse: 1 })).toMatchObject({ level: 'medium', reasons: [{ code: 'low_pulse', params: { score: 1 } }] });
    expect(scoreRisk({ ...calm, noticeDays: 3 }).reasons).toEqual([{ code: 'short_notice', params: { days: 3 }, points: 10 }]);
    expect(scoreRisk({ ...calm, overdueTasks: 9 }).reasons).toEqual([{ code: 'overdue_tasks', params: { count: 9 }, points: 15 }]);
  });

  it('never lowers the score when a bad signal is added (monotonic)', () => {
    fc.assert(fc.property(arbSignals, fc.array(arbWorsening, { minLength: 1, maxLength: 4 }), (s, steps) => {
      const worse = steps.reduce((acc, step) => step(acc), s);
      const before = scoreRisk(s);
      const after = scoreRisk(worse);
      expect(after.score).toBeGreaterThanOrEqual(before.score);
      const rank = { low: 0, medium: 1, high: 2 };
      expect(rank[after.level]).toBeGreaterThanOrEqual(rank[before.level]);
    }), { numRuns: 500 });
  });

  it('ignores everything outside the listed signals, protected traits included', () => {
    const arbExtra = fc.dictionary(fc.constantFrom(...PROTECTED), fc.oneof(fc.string(), fc.integer(), fc.boolean()));
    fc.assert(fc.property(arbSignals, arbExtra, (s, extra) => {
      const withExtra = { ...extra, ...s } as RiskSignals;
      expect(scoreRisk(withExtra)).toEqual(scoreRisk(s));
    }), { numRuns: 300 });
    for (const trait of PROTECTED) expect(RISK_SIGNALS as readonly string[]).not.toContain(trait);
  });

  it('always explains a level above low, and its points add up to the score', () => {
    fc.assert(fc.property(arbSignals, (s) => {
      const r = scoreRisk(s);
      if (r.level !== 'low') expect(r.reasons.length).toBeGreaterThan(0);
      expect(r.score).toBe(Math.min(100, r.reasons.reduce((sum, x) => sum + x.points, 0)));
      expect(r.score === 0).toBe(r.reasons.length === 0);
      expect(r.score).toBeLessThanOrEqual(100);
    }), { numRuns: 500 });
  });

  it('is deterministic and does not change its input', () => {
    fc.assert(fc.property(arbSignals, (s) => {
      const copy = structuredClone(s);
      expect(scoreRisk(s)).toEqual(scoreRisk(copy));
      expect(s).toEqual(copy);
    }), { numRuns: 100 });
  });
});
