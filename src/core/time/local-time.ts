/**
 * Local-time helpers. Every instant is a `Date` (UTC underneath); wall-clock arithmetic
 * uses the zone offset from @date-fns/tz (`tzOffset`) in an explicit IANA zone, so results
 * do not depend on the machine's zone. Offsets are memoised per zone and quarter hour
 * (zone rules only change on quarter-hour boundaries): looking them up through Intl on
 * every call made a plan cost milliseconds. Nothing here reads the clock.
 */
import { tzOffset } from '@date-fns/tz';
import { DomainError } from '../errors.js';

const LOCAL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const LOCAL_TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;
export const MINUTE_MS = 60_000;
export const HOUR_MS = 60 * MINUTE_MS;
export const DAY_MS = 24 * HOUR_MS;

/** Throw unless `timeZone` is a zone Intl knows. */
export function assertTimeZone(timeZone: string, field = 'timezone'): void {
  if (KNOWN_ZONES.has(timeZone)) return;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
    KNOWN_ZONES.add(timeZone);
  } catch {
    throw new DomainError('invalid_time_zone', `unknown time zone ${timeZone}`, { field });
  }
}

const KNOWN_ZONES = new Set<string>();
const QUARTER_HOUR_MS = 15 * MINUTE_MS;
/** Per zone: UTC day number → the day's offset, or NaN when it changes during that day. */
const DAY_OFFSETS = new Map<string, Map<number, number>>();
/** Per zone: quarter hour → offset, for the few days on which the offset changes. */
const QUARTER_OFFSETS = new Map<string, Map<number, number>>();

function lookupOffset(timeZone: string, ms: number): number {
  const offset = tzOffset(timeZone, new Date(ms));
  if (Number.isNaN(offset)) throw new DomainError('invalid_time_zone', `unknown time zone ${timeZone}`, { field: 'timezone' });
  return offset;
}

function zoneMemo(memo: Map<string, Map<number, number>>, timeZone: string): Map<number, number> {
  let zone = memo.get(timeZone);
  if (!zone) memo.set(timeZone, (zone = new Map()));
  else if (zone.size > 100_000) zone.clear();
  return zone;
}

/**
 * The zone's UTC offset in minutes at an instant (memoised; deterministic). Most UTC days
 * have one offset all day: it is looked up once per day (at its start, middle and end —
 * zones change at most once a day). Days with a change fall back to quarter hours, the
 * finest granularity any zone's rules use.
 */
export function getZoneOffset(timeZone: string, ms: number): number {
  const days = zoneMemo(DAY_OFFSETS, timeZone);
  const day = Math.floor(ms / DAY_MS);
  let offset = days.get(day);
  if (offset === undefined) {
    const start = lookupOffset(timeZone, day * DAY_MS);
    const constant = lookupOffset(timeZone, day * DAY_MS + DAY_MS / 2) === start && lookupOffset(timeZone, (day + 1) * DAY_MS - 1) === start;
    offset = constant ? start : Number.NaN;
    days.set(day, offset);
  }
  if (!Number.isNaN(offset)) return offset;
  const quarters = zoneMemo(QUARTER_OFFSETS, timeZone);
  const bucket = Math.floor(ms / QUARTER_HOUR_MS);
  let exact = quarters.get(bucket);
  if (exact === undefined) quarters.set(bucket, (exact = lookupOffset(timeZone, bucket * QUARTER_HOUR_MS)));
  return exact;
}

/** The wall clock of an instant in a zone, read through UTC getters of a shifted Date. */
function toWall(instant: Date, timeZone: string): Date {
  const ms = instant.getTime();
  return new Date(ms + getZoneOffset(timeZone, ms) * MINUTE_MS);
}

/**
 * The instant at which a zone's wall clock shows `wallMs` (a UTC-encoded wall time). A
 * wall time inside a DST gap is shifted forward by the gap, as TZDate does.
 */
function fromWall(wallMs: number, timeZone: string): Date {
  const first = getZoneOffset(timeZone, wallMs);
  let at = wallMs - first * MINUTE_MS;
  const second = getZoneOffset(timeZone, at);
  if (second !== first) {
    at = wallMs - second * MINUTE_MS;
    const third = getZoneOffset(timeZone, at);
    if (third !== second) at = wallMs - Math.min(second, third) * MINUTE_MS;
  }
  return new Date(at);
}

/** Parse an ISO 8601 instant (with offset or Z). */
export function parseInstant(iso: string, field = 'at'): Date {
  const hasZone = iso.endsWith('Z') || /[+-]\d{2}:?\d{2}$/.test(iso);
  const date = new Date(iso);
  if (!hasZone || Number.isNaN(date.getTime())) {
    throw new DomainError('invalid_input', `expected an ISO 8601 instant with offset, got ${iso}`, { field });
  }
  return date;
}

/**
 * Local dates as day numbers (days since 1970-01-01): plans do a lot of date arithmetic,
 * and parsing/formatting `YYYY-MM-DD` each time was most of a plan's cost. Both directions
 * are memoised (bounded); a date string is validated once, when first seen.
 */
const DAY_NUMBERS = new Map<string, number>();
const DAY_STRINGS = new Map<number, string>();
const MEMO_LIMIT = 200_000;

function remember<K, V>(map: Map<K, V>, key: K, value: V): V {
  if (map.size >= MEMO_LIMIT) map.clear();
  map.set(key, value);
  return value;
}

/** `YYYY-MM-DD` → days since 1970-01-01; throws on an invalid date. */
export function localDateToDayNumber(localDate: string, field = 'date'): number {
  const known = DAY_NUMBERS.get(localDate);
  if (known !== undefined) return known;
  const match = LOCAL_DATE.exec(localDate);
  if (match) {
    const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
    const probe = new Date(Date.UTC(year, month - 1, day));
    if (probe.getUTCFullYear() === year && probe.getUTCMonth() === month - 1 && probe.getUTCDate() === day) {
      return remember(DAY_NUMBERS, localDate, Math.round(probe.getTime() / DAY_MS));
    }
  }
  throw new DomainError('invalid_local_date', `expected a date YYYY-MM-DD, got ${localDate}`, { field });
}

/** Days since 1970-01-01 → `YYYY-MM-DD`. */
export function dayNumberToLocalDate(dayNumber: number): string {
  return DAY_STRINGS.get(dayNumber) ?? remember(DAY_STRINGS, dayNumber, new Date(dayNumber * DAY_MS).toISOString().slice(0, 10));
}

/** Split and validate `YYYY-MM-DD`. */
export function parseLocalDate(localDate: string, field = 'date'): { year: number; month: number; day: number } {
  const probe = new Date(localDateToDayNumber(localDate, field) * DAY_MS);
  return { year: probe.getUTCFullYear(), month: probe.getUTCMonth() + 1, day: probe.getUTCDate() };
}

/** `HH:MM` → minutes after local midnight. */
const LOCAL_TIMES = new Map<string, number>();

export function parseLocalTime(localTime: string, field = 'time'): number {
  const known = LOCAL_TIMES.get(localTime);
  if (known !== undefined) return known;
  const match = LOCAL_TIME.exec(localTime);
  if (!match) throw new DomainError('invalid_local_time', `expected HH:MM, got ${localTime}`, { field });
  return remember(LOCAL_TIMES, localTime, Number(match[1]) * 60 + Number(match[2]));
}

/** The local calendar date of an instant in a zone. */
export function toLocalDate(instant: Date, timeZone: string): string {
  const ms = instant.getTime();
  return dayNumberToLocalDate(Math.floor((ms + getZoneOffset(timeZone, ms) * MINUTE_MS) / DAY_MS));
}

/** Minutes after local midnight of an instant in a zone. */
export function toLocalMinutes(instant: Date, timeZone: string): number {
  const ms = instant.getTime();
  const wallMs = ms + getZoneOffset(timeZone, ms) * MINUTE_MS;
  return Math.floor((((wallMs % DAY_MS) + DAY_MS) % DAY_MS) / MINUTE_MS);
}

/**
 * The instant of a local wall-clock time on a local date. A time that falls in a DST gap
 * resolves the way TZDate does (shifted forward), which never happens at the 09:00/10:00/
 * 18:00 times playbooks use in the zones we serve.
 */
export function atLocalTime(localDate: string, minutesOfDay: number, timeZone: string): Date {
  return fromWall(localDateToDayNumber(localDate) * DAY_MS + minutesOfDay * MINUTE_MS, timeZone);
}

/** Local midnight of a date (S in DESIGN §3). */
export function startOfLocalDay(localDate: string, timeZone: string): Date {
  return atLocalTime(localDate, 0, timeZone);
}

/** Pure date arithmetic on `YYYY-MM-DD` (no zone involved). */
export function addLocalDays(localDate: string, days: number): string {
  return dayNumberToLocalDate(localDateToDayNumber(localDate) + days);
}

/** 0 = Sunday … 6 = Saturday. */
export function localDayOfWeek(localDate: string): number {
  // 1970-01-01 was a Thursday (4).
  return (((localDateToDayNumber(localDate) + 4) % 7) + 7) % 7;
}

/** Add calendar days keeping the local wall-clock time (DST-safe). */
export function addCalendarDays(instant: Date, days: number, timeZone: string): Date {
  // The wall clock is UTC-encoded, so whole days are exact multiples of DAY_MS there.
  return fromWall(toWall(instant, timeZone).getTime() + days * DAY_MS, timeZone);
}

/** Add calendar months keeping the local wall-clock time (end-of-month clamps). */
export function addCalendarMonths(instant: Date, months: number, timeZone: string): Date {
  const wall = toWall(instant, timeZone);
  const day = wall.getUTCDate();
  const target = Date.UTC(wall.getUTCFullYear(), wall.getUTCMonth() + months, 1);
  const lastDay = new Date(Date.UTC(new Date(target).getUTCFullYear(), new Date(target).getUTCMonth() + 1, 0)).getUTCDate();
  const msOfDay = wall.getTime() - Date.UTC(wall.getUTCFullYear(), wall.getUTCMonth(), day);
  return fromWall(target + (Math.min(day, lastDay) - 1) * DAY_MS + msOfDay, timeZone);
}

const TWO_DIGITS = Array.from({ length: 100 }, (_, n) => String(n).padStart(2, '0'));

/** `YYYY-MM-DDTHH:MM:SS` of a UTC-encoded wall time (whole seconds; no Date, no toISOString). */
function formatWall(wallMs: number): string {
  const day = Math.floor(wallMs / DAY_MS);
  const seconds = Math.floor((wallMs - day * DAY_MS) / 1000);
  const hh = TWO_DIGITS[Math.floor(seconds / 3600)]!;
  const mm = TWO_DIGITS[Math.floor(seconds / 60) % 60]!;
  return `${dayNumberToLocalDate(day)}T${hh}:${mm}:${TWO_DIGITS[seconds % 60]!}`;
}

/** `2026-12-11T10:00:00+08:00`. */
export function formatLocalIso(instant: Date, timeZone: string): string {
  const ms = instant.getTime();
  const offset = getZoneOffset(timeZone, ms);
  const abs = Math.abs(offset);
  const sign = offset < 0 ? '-' : '+';
  return `${formatWall(ms + offset * MINUTE_MS)}${sign}${TWO_DIGITS[Math.floor(abs / 60)]!}:${TWO_DIGITS[abs % 60]!}`;
}

/** `2026-12-11T02:00:00Z` (no milliseconds; plans work at minute precision). */
export function formatUtcIso(instant: Date): string {
  return `${formatWall(instant.getTime())}Z`;
}

/** Number of whole local days from `from` to `to` (both YYYY-MM-DD). */
export function diffLocalDays(from: string, to: string): number {
  return localDateToDayNumber(to) - localDateToDayNumber(from);
}

export function maxInstant(a: Date, b: Date): Date {
  return a.getTime() >= b.getTime() ? a : b;
}
