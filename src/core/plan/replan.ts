import type { TPlannedItem } from '../../contracts/playbook.js';
import { parseInstant } from '../time/local-time.js';
import { computePlan } from './compute-plan.js';
import type { TComputePlanInput, TPlan } from './types.js';

export interface TReplanResult {
  plan: TPlan;
  /** Previously planned items that are done: reported untouched, never moved. */
  done: TPlannedItem[];
  /** Pending items of the previous plan that the new plan drops. */
  cancelled: TPlannedItem[];
  /** Items whose due time changed (the new version). */
  moved: TPlannedItem[];
  /** Items that were not in the previous plan. */
  added: TPlannedItem[];
}

/**
 * Re-plan after a fact changed (start date, relocation…): done steps stay as they were,
 * pending steps move with their anchor, dropped ones are reported as cancelled. An item
 * already released (due before `now`) whose playbook time did not change keeps its due
 * time, so an open overdue task is not reported as moved.
 */
export function replan(previous: TPlan, input: TComputePlanInput): TReplanResult {
  const now = parseInstant(input.now, 'now').getTime();
  const completed = new Set((input.history?.completed ?? []).map((entry) => entry.key));
  const previousByKey = new Map(previous.items.map((item) => [item.key, item]));
  const fresh = computePlan(input);

  const items = fresh.items.map((item) => {
    const before = previousByKey.get(item.key);
    const released = before && Date.parse(before.dueAt) <= now && before.naturalDueAt === item.naturalDueAt;
    return released ? before : item;
  });
  const nextKeys = new Set(items.map((item) => item.key));
  const done = previous.items.filter((item) => completed.has(item.key));
  const cancelled = previous.items.filter((item) => !completed.has(item.key) && !nextKeys.has(item.key));
  const moved = items.filter((item) => {
    const before = previousByKey.get(item.key);
    return before !== undefined && before.dueAt !== item.dueAt;
  });
  const added = items.filter((item) => !previousByKey.has(item.key));
  return { plan: { ...fresh, items }, done, cancelled, moved, added };
}
