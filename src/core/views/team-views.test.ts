import { describe, expect, it } from 'vitest';
import { buildHireSteps } from './hire-steps.js';
import { mapPrepItems } from './prep-items.js';
import { pickStepTask, type TaskFacts } from './task-facts.js';

const NOW = Date.parse('2026-12-01T02:00:00Z');

function task(over: Partial<TaskFacts> & { stepId: string }): TaskFacts {
  return {
    key: `${over.stepId}#0`, stage: 'prep', action: 'task', ownerRoles: ['hr'], channel: null, status: 'open',
    dueAt: '2026-12-05T02:00:00Z', completedAt: null, outcome: '', ...over,
  };
}

const DEFAULTS = {
  'prep.manager_intro_call': { stage: 'prep', action: 'call', ownerRoles: ['manager'] },
  'final.preonboarding_meeting': { stage: 'final_days', action: 'meeting', ownerRoles: ['hr'] },
  'day1.checkin': { stage: 'day_one', action: 'task', ownerRoles: ['hr', 'manager'] },
};

describe('pickStepTask', () => {
  it('prefers open work, then done, then cancelled, then the latest due', () => {
    const done = task({ stepId: 'a.b', key: 'a.b#0', status: 'done' });
    const open = task({ stepId: 'a.b', key: 'a.b#1', status: 'open', dueAt: '2026-11-01T00:00:00Z' });
    const cancelled = task({ stepId: 'a.b', key: 'a.b#2', status: 'cancelled', dueAt: '2027-01-01T00:00:00Z' });
    expect(pickStepTask([done, open, cancelled], ['a.b'])?.key).toBe('a.b#1');
    expect(pickStepTask([cancelled, done], ['a.b'])?.key).toBe('a.b#0');
    const later = task({ stepId: 'a.b', key: 'a.b#3', status: 'done', dueAt: '2026-12-31T00:00:00Z' });
    expect(pickStepTask([done, later], ['a.b'])?.key).toBe('a.b#3');
    expect(pickStepTask([done], ['x.y'])).toBeUndefined();
  });
});

describe('buildHireSteps', () => {
  it('lists the three manager steps in order, with what the manager may complete', () => {
    const tasks = [
      task({ stepId: 'day1.checkin', stage: 'day_one', ownerRoles: ['hr', 'manager'] }),
      task({ stepId: 'final.preonboarding_meeting', stage: 'final_days', action: 'meeting', ownerRoles: ['hr'] }),
      task({ stepId: 'prep.manager_intro_call', action: 'call', ownerRoles: ['manager'], status: 'done', completedAt: '2026-11-30T02:00:00Z', outcome: 'met the team', dueAt: '2026-11-29T02:00:00Z' }),
      task({ stepId: 'offer.confirmation_call', ownerRoles: ['hr'] }),
    ];
    const { steps, otherTasks } = buildHireSteps(tasks, 'manager', NOW, DEFAULTS);
    expect(steps.map((s) => [s.stepId, s.state, s.canComplete])).toEqual([
      ['prep.manager_intro_call', 'done', false],
      ['final.preonboarding_meeting', 'open', false], // HR runs it; the manager joins
      ['day1.checkin', 'open', true],
    ]);
    expect(steps[0]!.outcome).toBe('met the team');
    expect(otherTasks).toEqual([]);
  });

  it('shows steps as not planned before the plan runs, and drops a step the playbook lacks', () => {
    const { steps } = buildHireSteps([], 'manager', NOW, { 'prep.manager_intro_call': DEFAULTS['prep.manager_intro_call'] });
    expect(steps).toHaveLength(1);
    expect(steps[0]).toMatchObject({ stepId: 'prep.manager_intro_call', state: 'not_planned', taskKey: null, action: 'call', canComplete: false, overdue: false });
  });

  it('marks overdue open work and lists the role’s other open tasks by due time', () => {
    const tasks = [
      task({ stepId: 'prep.manager_intro_call', ownerRoles: ['manager'], dueAt: '2026-11-30T00:00:00Z' }),
      task({ stepId: 'salary.evaluate', ownerRoles: ['hr', 'manager'], dueAt: '2026-12-03T00:00:00Z' }),
      task({ stepId: 'delay.escalate_manager', ownerRoles: ['manager'], dueAt: '2026-12-02T00:00:00Z' }),
      task({ stepId: 'delay.understand_reason', ownerRoles: ['hr'] }),
      task({ stepId: 'risk.unresponsive_call', ownerRoles: ['manager'], status: 'done' }),
    ];
    const { steps, otherTasks } = buildHireSteps(tasks, 'manager', NOW, DEFAULTS);
    expect(steps[0]).toMatchObject({ overdue: true, canComplete: true });
    expect(otherTasks.map((t) => t.stepId)).toEqual(['delay.escalate_manager', 'salary.evaluate']);
    expect(otherTasks.every((t) => t.canComplete)).toBe(true);
  });
});

describe('mapPrepItems', () => {
  it('maps all four items to the default playbook’s one preparation task', () => {
    const prep = task({ stepId: 'day1.workstation_prep', key: 'day1.workstation_prep#0', stage: 'day_one', ownerRoles: ['admin'], dueAt: '2026-11-30T10:00:00Z' });
    const items = mapPrepItems([prep], NOW);
    expect(items.map((i) => i.item)).toEqual(['workstation', 'badge', 'computer', 'welcome_kit']);
    expect(items.every((i) => i.taskKey === 'day1.workstation_prep#0' && i.state === 'open' && i.overdue)).toBe(true);
    expect(items.find((i) => i.item === 'badge')!.sharedWith).toEqual(['workstation', 'computer', 'welcome_kit']);
  });

  it('uses an item’s own step when the playbook has one', () => {
    const prep = task({ stepId: 'day1.workstation_prep', key: 'day1.workstation_prep#0', stage: 'day_one', ownerRoles: ['admin'] });
    const badge = task({ stepId: 'day1.badge', key: 'day1.badge#0', stage: 'day_one', ownerRoles: ['admin'], status: 'done', completedAt: '2026-11-30T00:00:00Z' });
    const items = mapPrepItems([prep, badge], NOW);
    const badgeItem = items.find((i) => i.item === 'badge')!;
    expect(badgeItem).toMatchObject({ state: 'done', taskKey: 'day1.badge#0', sharedWith: [], completedAt: '2026-11-30T00:00:00Z' });
    expect(items.find((i) => i.item === 'computer')!.sharedWith).toEqual(['workstation', 'welcome_kit']);
  });

  it('falls back to another admin task of the first day, and is not planned without tasks', () => {
    const renamed = task({ stepId: 'day1.it_setup', key: 'day1.it_setup#0', stage: 'day_one', ownerRoles: ['admin'], status: 'cancelled' });
    const earlier = task({ stepId: 'prep.order_desk', key: 'prep.order_desk#0', stage: 'prep', ownerRoles: ['admin'] });
    expect(mapPrepItems([earlier, renamed], NOW).every((i) => i.taskKey === 'day1.it_setup#0' && i.state === 'cancelled')).toBe(true);
    expect(mapPrepItems([earlier], NOW).every((i) => i.taskKey === 'prep.order_desk#0')).toBe(true);
    const none = mapPrepItems([], NOW);
    expect(none.every((i) => i.state === 'not_planned' && i.taskKey === null && i.sharedWith.length === 0)).toBe(true);
  });
});
