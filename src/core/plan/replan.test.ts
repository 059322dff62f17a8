import { describe, expect, it } from 'vitest';
import { computePlan } from './compute-plan.js';
import { buildPlanInput } from './plan-fixtures.js';
import { replan } from './replan.js';

describe('replan', () => {
  const first = computePlan(buildPlanInput());
  const now = '2026-12-01T09:00:00+08:00';
  const completed = [
    { key: 'offer.send_package#0', at: '2026-11-25T04:00:00Z' },
    { key: 'prep.checklist#0', at: '2026-11-30T02:00:00Z' },
  ];

  it('moves pending S-anchored steps to the new start date and keeps done steps', () => {
    const result = replan(first, { ...buildPlanInput({ startDate: '2026-12-28' }, now), history: { completed } });
    const items = new Map(result.plan.items.map((i) => [i.key, i]));
    expect(items.get('day1.reception#0')?.dueAtLocal).toBe('2026-12-28T09:00:00+08:00');
    expect(items.has('prep.checklist#0')).toBe(false);
    expect(result.done.map((i) => i.key)).toEqual(['offer.send_package#0', 'prep.checklist#0']);
    expect(result.moved.map((i) => i.key)).toContain('day1.reception#0');
  });

  it('keeps an overdue open task whose playbook time did not change (not reported as moved)', () => {
    const result = replan(first, { ...buildPlanInput({ startDate: '2026-12-28' }, now), history: { completed } });
    const call = result.plan.items.find((i) => i.key === 'offer.confirmation_call#0');
    expect(call?.dueAtLocal).toBe('2026-11-26T10:00:00+08:00');
    expect(result.moved.map((i) => i.key)).not.toContain('offer.confirmation_call#0');
  });

  it('reports steps the new facts drop as cancelled', () => {
    const withRelocation = computePlan(buildPlanInput({ relocation: true }));
    const result = replan(withRelocation, { ...buildPlanInput({ relocation: false }, now), history: { completed } });
    expect(result.cancelled.map((i) => i.key)).toEqual(['prep.relocation_support#0']);
  });

  it('an earlier start date cancels exactly the pending steps that no longer fit before day one', () => {
    const result = replan(first, { ...buildPlanInput({ startDate: '2026-12-03' }, now), history: { completed } });
    const passed = result.plan.skipped.filter((s) => s.reason === 'window_passed').map((s) => s.key);
    // The manager's call cannot keep three days from the confirmation call before 12-03.
    expect(passed).toContain('prep.manager_intro_call#0');
    expect(result.cancelled.map((i) => i.key).sort()).toEqual(passed.sort());
  });
});
