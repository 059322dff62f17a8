/**
 * The steps a hiring manager sees per hire: the intro call, the pre-onboarding meeting and
 * the day-one check (DESIGN §3), each from its task, plus any other open task the role owns.
 */
import { MANAGER_STEP_IDS, type THireStep } from '../../contracts/team-views.js';
import { isOverdue, pickStepTask, toStepState, type TaskFacts } from './task-facts.js';

/** What the playbook says about a step, for a step whose task does not exist yet. */
export interface StepDefaults {
  stage: string;
  action: string;
  ownerRoles: string[];
}

function presentStep(stepId: string, task: TaskFacts | undefined, defaults: StepDefaults | undefined, role: string, nowMs: number): THireStep {
  const ownerRoles = task?.ownerRoles ?? defaults?.ownerRoles ?? [];
  return {
    stepId,
    taskKey: task?.key ?? null,
    stage: task?.stage ?? defaults?.stage ?? '',
    action: task?.action ?? defaults?.action ?? '',
    ownerRoles,
    channel: task?.channel ?? null,
    state: toStepState(task),
    dueAt: task?.dueAt ?? null,
    overdue: task ? isOverdue(task, nowMs) : false,
    completedAt: task?.completedAt ?? null,
    outcome: task?.outcome ?? '',
    canComplete: task !== undefined && task.status === 'open' && ownerRoles.includes(role),
  };
}

/**
 * One hire's manager steps, in playbook order. A step without a task shows as not planned
 * when the organisation's playbook has it, and is left out when the playbook dropped it.
 * `tasks` are that hire's tasks; `role` is the caller's (it decides what they may complete).
 */
export function buildHireSteps(
  tasks: readonly TaskFacts[],
  role: string,
  nowMs: number,
  defaults: Partial<Record<string, StepDefaults>>,
): { steps: THireStep[]; otherTasks: THireStep[] } {
  const steps: THireStep[] = [];
  for (const stepId of MANAGER_STEP_IDS) {
    const task = pickStepTask(tasks, [stepId]);
    if (!task && !defaults[stepId]) continue;
    steps.push(presentStep(stepId, task, defaults[stepId], role, nowMs));
  }
  const fixed: readonly string[] = MANAGER_STEP_IDS;
  const otherTasks = tasks
    .filter((t) => t.status === 'open' && t.ownerRoles.includes(role) && !fixed.includes(t.stepId))
    .sort((a, b) => a.dueAt.localeCompare(b.dueAt) || a.key.localeCompare(b.key))
    .map((t) => presentStep(t.stepId, t, undefined, role, nowMs));
  return { steps, otherTasks };
}
