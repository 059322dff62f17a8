import type { TQuietHours } from '../../contracts/playbook.js';
import { addLocalDays, atLocalTime, parseLocalTime, toLocalDate, toLocalMinutes } from '../time/local-time.js';

export interface TQuietHoursContext {
  timeZone: string;
  quietHours: TQuietHours;
}

/** Is a local minute-of-day inside the quiet window (which may wrap midnight)? */
function isQuietMinute(minutes: number, start: number, end: number): boolean {
  if (start === end) return false;
  return start > end ? minutes >= start || minutes < end : minutes >= start && minutes < end;
}

/** True when an instant falls inside the candidate's local quiet hours. */
export function isInQuietHours(instant: Date, context: TQuietHoursContext): boolean {
  const start = parseLocalTime(context.quietHours.start, 'quietHours.start');
  const end = parseLocalTime(context.quietHours.end, 'quietHours.end');
  return isQuietMinute(toLocalMinutes(instant, context.timeZone), start, end);
}

/**
 * Move a candidate-facing send out of quiet hours: an instant inside 21:00–09:00 moves to
 * the window's end (09:00) on the right local day; any other instant is returned as is.
 */
export function applyQuietHours(instant: Date, context: TQuietHoursContext): Date {
  const quiet = locateInQuietWindow(instant, context);
  if (!quiet) return instant;
  const { start, end, minutes, localDate } = quiet;
  // Evening part of a window that wraps midnight ends tomorrow morning.
  const endDate = start > end && minutes >= start ? addLocalDays(localDate, 1) : localDate;
  return atLocalTime(endDate, end, context.timeZone);
}

/** Where an instant sits in the quiet window (local minutes and date), or null when allowed. */
function locateInQuietWindow(instant: Date, context: TQuietHoursContext) {
  const start = parseLocalTime(context.quietHours.start, 'quietHours.start');
  const end = parseLocalTime(context.quietHours.end, 'quietHours.end');
  const minutes = toLocalMinutes(instant, context.timeZone);
  if (!isQuietMinute(minutes, start, end)) return null;
  return { start, end, minutes, localDate: toLocalDate(instant, context.timeZone) };
}

/** First allowed moment of a local day (the quiet window's end, or midnight). */
export function getFirstAllowedMoment(localDate: string, context: TQuietHoursContext): Date {
  return applyQuietHours(atLocalTime(localDate, 0, context.timeZone), context);
}

/**
 * The latest allowed moment at or before an instant: the instant itself when allowed,
 * else one minute before the quiet window containing it began (20:59 for 21:00–09:00).
 * Used to pull a send forward when waiting for 09:00 would miss a deadline.
 */
export function findLastAllowedMoment(instant: Date, context: TQuietHoursContext): Date {
  const quiet = locateInQuietWindow(instant, context);
  if (!quiet) return instant;
  const { start, end, minutes, localDate } = quiet;
  // Morning part of a window that wraps midnight began the previous evening.
  const startDate = start > end && minutes < end ? addLocalDays(localDate, -1) : localDate;
  return new Date(atLocalTime(startDate, start, context.timeZone).getTime() - 60_000);
}
