/**
 * Per-day quota bookkeeping (modelled on Documenso's `universal/quota-usage.ts`): an
 * immutable map from local date to units used, plus pure helpers to ask and record.
 */
export type TQuotaUsage = ReadonlyMap<string, number>;

/** An empty usage book, or one seeded from already-used days. */
export function createQuotaUsage(days: Iterable<string> = []): TQuotaUsage {
  let usage: TQuotaUsage = new Map();
  for (const day of days) usage = recordQuotaUsage(usage, day);
  return usage;
}

/** Units used on a day. */
export function getQuotaUsed(usage: TQuotaUsage, day: string): number {
  return usage.get(day) ?? 0;
}

/** Units left on a day under a limit (never negative). */
export function getRemainingQuota(usage: TQuotaUsage, day: string, limit: number): number {
  return Math.max(0, limit - getQuotaUsed(usage, day));
}

/** A new usage book with `amount` more units used on `day`. */
export function recordQuotaUsage(usage: TQuotaUsage, day: string, amount = 1): TQuotaUsage {
  const next = new Map(usage);
  next.set(day, getQuotaUsed(usage, day) + amount);
  return next;
}
