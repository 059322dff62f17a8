/**
 * Per-day quota bookkeeping (modelled on Documenso's `universal/quota-usage.ts`): an
 * immutable record of units used per local date, plus pure helpers to ask and record.
 * It is a persistent list (each record points at the book it extends), so recording is
 * O(1) and every earlier book stays valid — plans try a placement and keep or drop it.
 */
export interface TQuotaUsage {
  readonly day: string | null;
  readonly amount: number;
  readonly rest: TQuotaUsage | null;
}

const EMPTY: TQuotaUsage = { day: null, amount: 0, rest: null };

/** An empty usage book, or one seeded from already-used days. */
export function createQuotaUsage(days: Iterable<string> = []): TQuotaUsage {
  let usage = EMPTY;
  for (const day of days) usage = recordQuotaUsage(usage, day);
  return usage;
}

/** Units used on a day. */
export function getQuotaUsed(usage: TQuotaUsage, day: string): number {
  let used = 0;
  for (let entry: TQuotaUsage | null = usage; entry !== null; entry = entry.rest) {
    if (entry.day === day) used += entry.amount;
  }
  return used;
}

/** Units left on a day under a limit (never negative). */
export function getRemainingQuota(usage: TQuotaUsage, day: string, limit: number): number {
  return Math.max(0, limit - getQuotaUsed(usage, day));
}

/** A new usage book with `amount` more units used on `day`. */
export function recordQuotaUsage(usage: TQuotaUsage, day: string, amount = 1): TQuotaUsage {
  return { day, amount, rest: usage };
}
