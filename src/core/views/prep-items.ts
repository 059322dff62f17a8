/**
 * First-day preparation as admin staff track it: workstation, badge, computer and welcome
 * kit. The default playbook has one admin step for all four (`day1.workstation_prep`); an
 * organisation whose playbook splits them (`day1.badge`, …) gets each item from its own step.
 */
import { PREP_ITEMS, type TPrepItem, type TPrepItemKind } from '../../contracts/team-views.js';
import { isOverdue, pickStepTask, toStepState, type TaskFacts } from './task-facts.js';

/** The step that covers every item in the default playbook (DESIGN §3). */
export const COMBINED_PREP_STEP = 'day1.workstation_prep';

/** A step dedicated to one item, when the organisation's playbook has one. */
export const ITEM_STEP: Record<TPrepItemKind, string> = {
  workstation: 'day1.workstation',
  badge: 'day1.badge',
  computer: 'day1.computer',
  welcome_kit: 'day1.welcome_kit',
};

const DEDICATED: readonly string[] = Object.values(ITEM_STEP);

/**
 * The task behind an item: its own step's task, else the combined preparation step's,
 * else — a playbook that renamed the step — the admin task of the first day, else any
 * other admin task not dedicated to another item. Undefined before the plan runs.
 */
function findItemTask(adminTasks: readonly TaskFacts[], item: TPrepItemKind): TaskFacts | undefined {
  const general = adminTasks.filter((t) => !DEDICATED.includes(t.stepId));
  return pickStepTask(adminTasks, [ITEM_STEP[item]])
    ?? pickStepTask(adminTasks, [COMBINED_PREP_STEP])
    ?? pickStepTask(general.filter((t) => t.stage === 'day_one'), general.map((t) => t.stepId))
    ?? pickStepTask(general, general.map((t) => t.stepId));
}

/**
 * The four items of one candidate from that candidate's admin-owned tasks. Items served
 * by the same task say so (`sharedWith`): completing it completes them all.
 */
export function mapPrepItems(adminTasks: readonly TaskFacts[], nowMs: number): TPrepItem[] {
  const byItem = PREP_ITEMS.map((item) => ({ item, task: findItemTask(adminTasks, item) }));
  return byItem.map(({ item, task }) => ({
    item,
    state: toStepState(task),
    taskKey: task?.key ?? null,
    stepId: task?.stepId ?? null,
    dueAt: task?.dueAt ?? null,
    overdue: task ? isOverdue(task, nowMs) : false,
    completedAt: task?.completedAt ?? null,
    sharedWith: task ? byItem.filter((o) => o.item !== item && o.task?.key === task.key).map((o) => o.item) : [],
  }));
}
