/**
 * Reusing the later stages across candidates with the same start must never change a
 * plan: for random pairs of candidates who share a start day, zone and facts but accept
 * at different times (some late enough to compress, some with tight caps or long call
 * spacing, some with SLA'd or merging messages in later stages), the plan computed with
 * reuse equals the plan computed from scratch.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_ORG_POLICY, type TOrgPolicy, type TPlaybook } from '../../contracts/playbook.js';
import { DEFAULT_PLAYBOOK } from '../playbooks/default-playbook.js';
import { addLocalDays, formatLocalIso, startOfLocalDay } from '../time/local-time.js';
import { computePlan } from './compute-plan.js';
import { buildCandidate } from './plan-fixtures.js';

const ZONES = ['Asia/Shanghai', 'America/New_York', 'Europe/Berlin', 'Asia/Kolkata'] as const;

const POLICIES: TOrgPolicy[] = [
  DEFAULT_ORG_POLICY,
  { ...DEFAULT_ORG_POLICY, frequencyCap: { finalWindowDays: 14, finalWindowPerDay: 1, otherwisePerDay: 1 } },
  { ...DEFAULT_ORG_POLICY, callSpacing: { minDaysBetweenCalls: 20 }, quietHours: { start: '18:00', end: '11:00' } },
];

/**
 * The default playbook; with an SLA on a later-stage message; with every message merging;
 * and with only tasks in prep (the first later step is then a task, which only the
 * floor and stage-end bounds protect).
 */
const PLAYBOOKS: TPlaybook[] = [
  DEFAULT_PLAYBOOK,
  { ...DEFAULT_PLAYBOOK, steps: DEFAULT_PLAYBOOK.steps.map((s) => (s.id === 'prep.checklist' ? { ...s, sla: { days: 2 } } : s)) },
  { ...DEFAULT_PLAYBOOK, steps: DEFAULT_PLAYBOOK.steps.map((s) => (s.action === 'message' ? { ...s, mayMergeWith: ['*'] } : s)) },
  { ...DEFAULT_PLAYBOOK, steps: DEFAULT_PLAYBOOK.steps.filter((s) => !(s.stage === 'prep' && s.action !== 'task')) },
];

const pairArb = fc.record({
  startOffset: fc.integer({ min: 20, max: 340 }),
  acceptedBefore: fc.tuple(fc.integer({ min: 0, max: 60 * 24 * 60 }), fc.integer({ min: 0, max: 60 * 24 * 60 })),
  timeZone: fc.constantFrom(...ZONES),
  roleType: fc.constantFrom('tech', 'management', 'sales', 'operations', 'campus', 'other' as const),
  relocation: fc.boolean(),
  backgroundCheck: fc.boolean(),
  channels: fc.subarray(['email', 'sms', 'portal', 'wechat'] as const, { minLength: 1 }),
  policy: fc.constantFrom(...POLICIES),
  playbook: fc.constantFrom(...PLAYBOOKS),
});

describe('reusing later stages across candidates with the same start', () => {
  it('gives exactly the plan computed from scratch, and is actually used', () => {
    let reused = 0;
    let total = 0;
    fc.assert(
      fc.property(pairArb, (r) => {
        const startDate = addLocalDays('2026-01-01', r.startOffset);
        for (const minutes of r.acceptedBefore) {
          const accepted = new Date(startOfLocalDay(startDate, r.timeZone).getTime() - minutes * 60_000);
          const candidate = buildCandidate({
            startDate, offerAcceptedAt: formatLocalIso(accepted, r.timeZone), timeZone: r.timeZone, roleType: r.roleType,
            relocation: r.relocation, backgroundCheck: r.backgroundCheck, channels: [...r.channels],
          });
          const input = { candidate, playbook: r.playbook, policy: r.policy, now: candidate.offerAcceptedAt };
          const withReuse = computePlan(input);
          expect(withReuse).toEqual(computePlan(input, { reuse: false }));
          total += 1;
          if (withReuse.items.some((item) => Object.isFrozen(item))) reused += 1;
        }
      }),
      { numRuns: 400 },
    );
    // Most pairs accept well before the start: the reuse path must carry real weight here.
    expect(reused).toBeGreaterThan(total / 4);
  });

  it('places afresh when a first-stage message shares a day with a later one (daily cap)', () => {
    const policy = POLICIES[1]!;
    // A twin accepted weeks earlier primes the reuse of the later stages.
    const twin = buildCandidate({ offerAcceptedAt: '2026-11-02T10:00:00+08:00' });
    computePlan({ candidate: twin, playbook: DEFAULT_PLAYBOOK, policy, now: twin.offerAcceptedAt });
    // Accepted so that the channel invite (A + 24h) goes out at 09:30 on S−14, the checklist's day.
    const candidate = buildCandidate({ offerAcceptedAt: '2026-11-29T09:30:00+08:00' });
    const input = { candidate, playbook: DEFAULT_PLAYBOOK, policy, now: candidate.offerAcceptedAt };
    const plan = computePlan(input);
    expect(plan).toEqual(computePlan(input, { reuse: false }));
    const checklist = plan.items.find((item) => item.stepId === 'prep.checklist');
    expect(checklist?.dueAtLocal.slice(0, 10)).toBe('2026-12-01');
  });

  it('never reuses for a re-plan with history', () => {
    const candidate = buildCandidate();
    const input = { candidate, playbook: DEFAULT_PLAYBOOK, policy: DEFAULT_ORG_POLICY, now: candidate.offerAcceptedAt };
    computePlan(input);
    const replanned = computePlan({ ...input, history: { completed: [{ key: 'offer.send_package#0', at: candidate.offerAcceptedAt }] } });
    expect(replanned.items.length).toBeGreaterThan(0);
    expect(replanned.items.every((item) => !Object.isFrozen(item))).toBe(true);
  });
});
