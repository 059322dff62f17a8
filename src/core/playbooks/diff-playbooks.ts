/**
 * What changed between two playbook versions, step by step, and between the plans they
 * give one candidate, item by item. Pure: both sides are passed in.
 */
import type { TPlannedItem, TPlaybook } from '../../contracts/playbook.js';

export interface TStepChanges {
  added: string[];
  removed: string[];
  /** Steps present in both whose definition differs in any field. */
  changed: string[];
}

export interface TPlanDiff {
  /** Items only the new plan has. */
  added: TPlannedItem[];
  /** Items only the old plan has. */
  removed: TPlannedItem[];
  /** Items in both whose due time differs. */
  moved: Array<{ key: string; stepId: string; from: string; to: string }>;
}

/** Steps added, removed and changed from `before` to `after` (ids in `after`'s order, removed in `before`'s). */
export function compareSteps(before: TPlaybook | null, after: TPlaybook): TStepChanges {
  const old = new Map((before?.steps ?? []).map((step) => [step.id, step]));
  const next = new Set(after.steps.map((step) => step.id));
  return {
    added: after.steps.filter((step) => !old.has(step.id)).map((step) => step.id),
    removed: [...old.keys()].filter((id) => !next.has(id)),
    changed: after.steps
      .filter((step) => old.has(step.id) && canonicalJson(old.get(step.id)) !== canonicalJson(step))
      .map((step) => step.id),
  };
}

/** Item keys (`stepId#occurrence`) added, removed and moved between two plans of one candidate. */
export function diffPlans(before: readonly TPlannedItem[], after: readonly TPlannedItem[]): TPlanDiff {
  const old = new Map(before.map((item) => [item.key, item]));
  const next = new Map(after.map((item) => [item.key, item]));
  return {
    added: after.filter((item) => !old.has(item.key)),
    removed: before.filter((item) => !next.has(item.key)),
    moved: after.flatMap((item) => {
      const was = old.get(item.key);
      return was && was.dueAt !== item.dueAt ? [{ key: item.key, stepId: item.stepId, from: was.dueAt, to: item.dueAt }] : [];
    }),
  };
}

/** JSON with object keys sorted, so key order does not count as a change. */
function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)))
      : v);
}
