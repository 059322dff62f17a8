/**
 * Closing day one in the simulator (DESIGN §7): the `onboarded` status line comes at the
 * last of the check-in and the day-one issues, in either order; `day_one_issue_resolved`
 * names its issue by `key`, and without one while several are open the event is refused,
 * saying which keys are open.
 */
import { describe, expect, it } from 'vitest';
import { buildCandidate, buildScenario, useSimulator, type Line } from './helpers.js';

const simulate = useSimulator();
const candidate = buildCandidate('c1', { startDate: '2026-02-13', offerAcceptedAt: '2026-01-20T10:00:00+08:00' });
const DAY_ONE = [
  { at: '2026-02-13T09:05:00+08:00', candidate: 'c1', type: 'arrived' },
  { at: '2026-02-13T11:00:00+08:00', candidate: 'c1', type: 'day_one_issue_reported', issue: 'no laptop' },
  { at: '2026-02-13T12:00:00+08:00', candidate: 'c1', type: 'day_one_issue_reported', issue: 'no badge' },
];
const onboarded = (lines: Line[]) => lines.filter((l) => l.kind === 'status' && l.status === 'onboarded').map((l) => l.at);

describe('day one closes in the simulator', () => {
  it('check-in first: onboarded when the last issue is resolved', async () => {
    const lines = await simulate(buildScenario([candidate], [
      ...DAY_ONE,
      { at: '2026-02-13T18:00:00+08:00', candidate: 'c1', type: 'task_completed', step: 'day1.checkin' },
      { at: '2026-02-14T10:00:00+08:00', candidate: 'c1', type: 'day_one_issue_resolved', key: 'day1.issue#1' },
      { at: '2026-02-14T11:00:00+08:00', candidate: 'c1', type: 'day_one_issue_resolved', key: 'day1.issue#1' },
      { at: '2026-02-14T15:00:00+08:00', candidate: 'c1', type: 'day_one_issue_resolved' },
    ], '2026-03-01T00:00:00+08:00'));
    expect(onboarded(lines)).toEqual(['2026-02-14T15:00:00+08:00']);
  });

  it('issues first: onboarded at the check-in', async () => {
    const lines = await simulate(buildScenario([candidate], [
      ...DAY_ONE,
      { at: '2026-02-13T14:00:00+08:00', candidate: 'c1', type: 'task_completed', step: 'day1.issue', key: 'day1.issue#0' },
      { at: '2026-02-13T15:00:00+08:00', candidate: 'c1', type: 'day_one_issue_resolved', key: 'day1.issue#1' },
      { at: '2026-02-13T18:00:00+08:00', candidate: 'c1', type: 'task_completed', step: 'day1.checkin' },
    ], '2026-03-01T00:00:00+08:00'));
    expect(onboarded(lines)).toEqual(['2026-02-13T18:00:00+08:00']);
  });

  it('an unnamed resolution while two issues are open is refused, naming the open keys', async () => {
    await expect(simulate(buildScenario([candidate], [
      ...DAY_ONE,
      { at: '2026-02-13T15:00:00+08:00', candidate: 'c1', type: 'day_one_issue_resolved' },
    ], '2026-03-01T00:00:00+08:00'))).rejects.toThrow(/name the one resolved by its task key \(day1\.issue#0, day1\.issue#1\)/);
    // The missing field is the one named: events.<index>.key.
    const refused = await simulate(buildScenario([candidate], [
      ...DAY_ONE,
      { at: '2026-02-13T15:00:00+08:00', candidate: 'c1', type: 'day_one_issue_resolved' },
    ], '2026-03-01T00:00:00+08:00')).catch((err: unknown) => err);
    expect(refused).toMatchObject({ path: ['events', DAY_ONE.length, 'key'] });
  });
});
