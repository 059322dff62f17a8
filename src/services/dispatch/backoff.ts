/** After this many attempts a message is dead and staff are told (DESIGN §6). */
export const DEFAULT_MAX_ATTEMPTS = 8;

const BASE_DELAY_MS = 60_000;
const MAX_DELAY_MS = 6 * 60 * 60_000;

/**
 * Delay before the next attempt: 1, 2, 4 … minutes (capped at 6 h), never sooner than the
 * provider asked for (SMTP 4xx, rate limits). Pure.
 */
export function computeRetryDelayMs(attempts: number, retryAfterMs = 0): number {
  const exponential = Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** Math.max(0, attempts - 1));
  return Math.max(exponential, retryAfterMs);
}
