import { DAY_MS } from '../time/local-time.js';

/**
 * Push a proactive call task until it is at least `minDays` away from every other
 * proactive call of the candidate (escalations are not passed in: they are exempt).
 */
export function applyCallSpacing(due: Date, otherCalls: readonly Date[], minDays: number): Date {
  const spacing = minDays * DAY_MS;
  let at = due.getTime();
  // Each pass can only move forward past one call, so calls.length + 1 passes suffice.
  for (let pass = 0; pass <= otherCalls.length; pass += 1) {
    const conflict = otherCalls.find((call) => Math.abs(at - call.getTime()) < spacing);
    if (!conflict) return new Date(at);
    at = conflict.getTime() + spacing;
  }
  return new Date(at);
}
