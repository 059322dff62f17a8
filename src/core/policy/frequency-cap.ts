import type { TOrgPolicy } from '../../contracts/playbook.js';
import { diffLocalDays } from '../time/local-time.js';

/**
 * Is a local date inside the final window before S (S−N … S−1, N = 7 by default)? The
 * start day itself is outside: DESIGN §3 counts "the 7 days before S".
 */
export function isInFinalWindow(localDate: string, startDate: string, policy: TOrgPolicy): boolean {
  const daysBefore = diffLocalDays(localDate, startDate);
  return daysBefore >= 1 && daysBefore <= policy.frequencyCap.finalWindowDays;
}

/** Proactive candidate messages allowed on a local date (all channels together). */
export function getDailyMessageLimit(localDate: string, startDate: string, policy: TOrgPolicy): number {
  return isInFinalWindow(localDate, startDate, policy)
    ? policy.frequencyCap.finalWindowPerDay
    : policy.frequencyCap.otherwisePerDay;
}
