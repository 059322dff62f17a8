/**
 * Sliding-window rate limiting per credential, pure: time is always passed in.
 *
 * A sliding window is used even where a provider might count aligned minutes: never more
 * than N in ANY window of length W implies never more than N in an aligned one, so it is
 * safe under either interpretation (CHANNELS.md leaves WeCom's unconfirmed).
 */

export interface RateWindow {
  /** Most sends allowed in any window of `windowMs`. */
  limit: number;
  windowMs: number;
}

export type RateDecision = { kind: 'now' } | { kind: 'wait'; until: number };

/** Provider limits from CHANNELS.md, per credential (robot key, bot webhook, app member). */
export const PROVIDER_LIMITS = {
  wecomRobot: [{ limit: 20, windowMs: 60_000 }],
  dingtalkRobot: [{ limit: 20, windowMs: 60_000 }],
  feishuBot: [
    { limit: 100, windowMs: 60_000 },
    { limit: 5, windowMs: 1_000 },
  ],
  wecomAppMember: [
    { limit: 30, windowMs: 60_000 },
    { limit: 1000, windowMs: 3_600_000 },
  ],
} as const satisfies Record<string, readonly RateWindow[]>;

/**
 * Decides whether `count` more sends may happen at `now`, given the times of earlier sends.
 * A send at t counts against every window (t - W, t]. When not allowed, answers the
 * earliest instant at which all windows have room, assuming no other sends meanwhile.
 * Throws RangeError if `count` exceeds a window's limit (it would never fit).
 */
export function decideRate(
  history: readonly number[],
  windows: readonly RateWindow[],
  now: number,
  count = 1,
): RateDecision {
  let until = now;
  for (const { limit, windowMs } of windows) {
    if (count > limit) throw new RangeError(`cannot send ${count} at once under a limit of ${limit}`);
    const inWindow = history.filter((t) => t > now - windowMs && t <= now).sort((a, b) => a - b);
    const excess = inWindow.length + count - limit;
    if (excess <= 0) continue;
    // The oldest `excess` sends must leave the window: the last of them leaves at t + W.
    const leaveAt = inWindow[excess - 1] + windowMs;
    if (leaveAt > until) until = leaveAt;
  }
  return until > now ? { kind: 'wait', until } : { kind: 'now' };
}

export interface RateLimiter {
  /** Decides without recording. */
  check(key: string, now: number, count?: number): RateDecision;
  /** Decides and, when the answer is `now`, records the sends in the same step. */
  acquire(key: string, now: number, count?: number): RateDecision;
}

/**
 * Holds send times per key in memory and applies `decideRate`. The state is per process:
 * with several workers sharing a credential, give each a proportional share of the limit.
 * History older than the longest window is pruned as `now` advances, so callers should
 * pass a non-decreasing clock.
 * @param windows the limits every key obeys
 */
export function createRateLimiter(windows: readonly RateWindow[]): RateLimiter {
  const longest = Math.max(...windows.map((w) => w.windowMs));
  const histories = new Map<string, number[]>();

  const readHistory = (key: string, now: number): number[] => {
    // Pruning keeps memory bounded by the largest window's limit.
    const kept = (histories.get(key) ?? []).filter((t) => t > now - longest);
    histories.set(key, kept);
    return kept;
  };

  return {
    check(key, now, count = 1) {
      return decideRate(readHistory(key, now), windows, now, count);
    },
    acquire(key, now, count = 1) {
      const history = readHistory(key, now);
      const decision = decideRate(history, windows, now, count);
      if (decision.kind === 'now') for (let i = 0; i < count; i += 1) history.push(now);
      return decision;
    },
  };
}
