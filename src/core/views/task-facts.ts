/** A stored task as the team views read it (times as ISO strings). */
export interface TaskFacts {
  key: string;
  stepId: string;
  stage: string;
  action: string;
  ownerRoles: string[];
  channel: string | null;
  /** 'open' | 'done' | 'cancelled'. */
  status: string;
  dueAt: string;
  completedAt: string | null;
  outcome: string;
}

const STATUS_RANK: Record<string, number> = { open: 0, done: 1, cancelled: 2 };

/**
 * The task that speaks for a step: an open one first (work still to do), then a done one,
 * then a cancelled one; the latest due among equals (a re-plan or a repeat leaves several).
 */
export function pickStepTask(tasks: readonly TaskFacts[], stepIds: readonly string[]): TaskFacts | undefined {
  let best: TaskFacts | undefined;
  for (const task of tasks) {
    if (!stepIds.includes(task.stepId)) continue;
    if (!best) { best = task; continue; }
    const rank = (STATUS_RANK[task.status] ?? 3) - (STATUS_RANK[best.status] ?? 3);
    if (rank < 0 || (rank === 0 && task.dueAt > best.dueAt)) best = task;
  }
  return best;
}

/** Open and past its due time at `nowMs`. */
export function isOverdue(task: TaskFacts, nowMs: number): boolean {
  return task.status === 'open' && Date.parse(task.dueAt) < nowMs;
}

/** The view's state of a task's stored status (`not_planned` when there is no task yet). */
export function toStepState(task: TaskFacts | undefined): 'open' | 'done' | 'cancelled' | 'not_planned' {
  if (!task) return 'not_planned';
  return task.status === 'done' ? 'done' : task.status === 'cancelled' ? 'cancelled' : 'open';
}
