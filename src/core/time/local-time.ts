/**
 * Local-time helpers. Every instant is a `Date` (UTC underneath); every wall-clock
 * computation goes through @date-fns/tz `TZDate` in an explicit IANA zone, so results do
 * not depend on the machine's zone. Nothing here reads the clock.
 */
import { TZDate } from '@date-fns/tz';
import { addDays, addMonths, format } from 'date-fns';
import { DomainError } from '../errors.js';

const LOCAL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const LOCAL_TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;
export const MINUTE_MS = 60_000;
export const HOUR_MS = 60 * MINUTE_MS;
export const DAY_MS = 24 * HOUR_MS;

/** Throw unless `timeZone` is a zone Intl knows. */
export function assertTimeZone(timeZone: string, field = 'timezone'): void {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
  } catch {
    throw new DomainError('invalid_time_zone', `unknown time zone ${timeZone}`, { field });
  }
}

/** Parse an ISO 8601 instant (with offset or Z). */
export function parseInstant(iso: string, field = 'at'): Date {
  const hasZone = /(Z|[+-]\d{2}:?\d{2})$/.test(iso);
  const date = new Date(iso);
  if (!hasZone || Number.isNaN(date.getTime())) {
    throw new DomainError('invalid_input', `expected an ISO 8601 instant with offset, got ${iso}`, { field });
  }
  return date;
}

/** Split and validate `YYYY-MM-DD`. */
export function parseLocalDate(localDate: string, field = 'date'): { year: number; month: number; day: number } {
  const match = LOCAL_DATE.exec(localDate);
  if (match) {
    const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
    const probe = new Date(Date.UTC(year, month - 1, day));
    if (probe.getUTCFullYear() === year && probe.getUTCMonth() === month - 1 && probe.getUTCDate() === day) {
      return { year, month, day };
    }
  }
  throw new DomainError('invalid_local_date', `expected a date YYYY-MM-DD, got ${localDate}`, { field });
}

/** `HH:MM` → minutes after local midnight. */
export function parseLocalTime(localTime: string, field = 'time'): number {
  const match = LOCAL_TIME.exec(localTime);
  if (!match) throw new DomainError('invalid_local_time', `expected HH:MM, got ${localTime}`, { field });
  return Number(match[1]) * 60 + Number(match[2]);
}

/** The local calendar date of an instant in a zone. */
export function toLocalDate(instant: Date, timeZone: string): string {
  return format(new TZDate(instant.getTime(), timeZone), 'yyyy-MM-dd');
}

/** Minutes after local midnight of an instant in a zone. */
export function toLocalMinutes(instant: Date, timeZone: string): number {
  const local = new TZDate(instant.getTime(), timeZone);
  return local.getHours() * 60 + local.getMinutes();
}

/**
 * The instant of a local wall-clock time on a local date. A time that falls in a DST gap
 * resolves the way TZDate does (shifted forward), which never happens at the 09:00/10:00/
 * 18:00 times playbooks use in the zones we serve.
 */
export function atLocalTime(localDate: string, minutesOfDay: number, timeZone: string): Date {
  const { year, month, day } = parseLocalDate(localDate);
  const local = new TZDate(year, month - 1, day, Math.floor(minutesOfDay / 60), minutesOfDay % 60, timeZone);
  return new Date(local.getTime());
}

/** Local midnight of a date (S in DESIGN §3). */
export function startOfLocalDay(localDate: string, timeZone: string): Date {
  return atLocalTime(localDate, 0, timeZone);
}

/** Pure date arithmetic on `YYYY-MM-DD` (no zone involved). */
export function addLocalDays(localDate: string, days: number): string {
  const { year, month, day } = parseLocalDate(localDate);
  return new Date(Date.UTC(year, month - 1, day + days)).toISOString().slice(0, 10);
}

/** 0 = Sunday … 6 = Saturday. */
export function localDayOfWeek(localDate: string): number {
  const { year, month, day } = parseLocalDate(localDate);
  return new Date(Date.UTC(year, month - 1, day)).getUTCDay();
}

/** Add calendar days keeping the local wall-clock time (DST-safe). */
export function addCalendarDays(instant: Date, days: number, timeZone: string): Date {
  return new Date(addDays(new TZDate(instant.getTime(), timeZone), days).getTime());
}

/** Add calendar months keeping the local wall-clock time (end-of-month clamps). */
export function addCalendarMonths(instant: Date, months: number, timeZone: string): Date {
  return new Date(addMonths(new TZDate(instant.getTime(), timeZone), months).getTime());
}

/** `2026-12-11T10:00:00+08:00`. */
export function formatLocalIso(instant: Date, timeZone: string): string {
  return format(new TZDate(instant.getTime(), timeZone), "yyyy-MM-dd'T'HH:mm:ssxxx");
}

/** `2026-12-11T02:00:00Z` (no milliseconds; plans work at minute precision). */
export function formatUtcIso(instant: Date): string {
  return instant.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** Number of whole local days from `from` to `to` (both YYYY-MM-DD). */
export function diffLocalDays(from: string, to: string): number {
  const a = parseLocalDate(from);
  const b = parseLocalDate(to);
  return Math.round((Date.UTC(b.year, b.month - 1, b.day) - Date.UTC(a.year, a.month - 1, a.day)) / DAY_MS);
}

export function maxInstant(a: Date, b: Date): Date {
  return a.getTime() >= b.getTime() ? a : b;
}
