/**
 * Business-day and working-hour arithmetic on a site calendar, in a site time zone.
 * Results carry `calendarDataMissing` when any day consulted lies outside the holiday
 * data: the value is then provisional (Mon–Fri), flagged, never presented as certain.
 */
import type { TBusinessCalendar, TWorkingHours } from '../../contracts/playbook.js';
import { DomainError } from '../errors.js';
import { addLocalDays, atLocalTime, parseLocalTime, toLocalDate, toLocalMinutes } from '../time/local-time.js';
import { classifyDayProvisionally } from './is-working-day.js';

export interface TCalendarContext {
  timeZone: string;
  calendar: TBusinessCalendar;
  workingHours: TWorkingHours;
}

export interface TCalendarDate {
  date: string;
  calendarDataMissing: boolean;
}

export interface TCalendarInstant {
  at: Date;
  calendarDataMissing: boolean;
}

/** Ten years of days: no real calendar has that many consecutive non-working days. */
const MAX_SCAN_DAYS = 3660;

/** The first working day strictly after `localDate` (or on it, when `inclusive`). */
export function findNextWorkingDay(
  localDate: string,
  calendar: TBusinessCalendar,
  options: { inclusive?: boolean } = {},
): TCalendarDate {
  let missing = false;
  let date = options.inclusive ? localDate : addLocalDays(localDate, 1);
  for (let i = 0; i < MAX_SCAN_DAYS; i += 1) {
    const day = classifyDayProvisionally(date, calendar);
    missing ||= day.missing;
    if (day.working) return { date, calendarDataMissing: missing };
    date = addLocalDays(date, 1);
  }
  throw new DomainError('invalid_input', 'calendar has no working day within ten years', { field: 'calendar' });
}

/**
 * Add `days` business days to a local date: the `days`-th working day after it.
 * `addBusinessDays('2026-02-13', 1, CN)` is the make-up Saturday 2026-02-14.
 */
export function addBusinessDays(localDate: string, days: number, calendar: TBusinessCalendar): TCalendarDate {
  let missing = false;
  let date = localDate;
  for (let i = 0; i < days; i += 1) {
    const next = findNextWorkingDay(date, calendar);
    missing ||= next.calendarDataMissing;
    date = next.date;
  }
  return { date, calendarDataMissing: missing };
}

/**
 * The instant itself when it lies inside working hours of a working day, else the start
 * of the next working period.
 */
export function findNextWorkingMoment(instant: Date, context: TCalendarContext): TCalendarInstant {
  const { timeZone, calendar, workingHours } = context;
  const start = parseLocalTime(workingHours.start, 'workingHours.start');
  const end = parseLocalTime(workingHours.end, 'workingHours.end');
  const localDate = toLocalDate(instant, timeZone);
  const minutes = toLocalMinutes(instant, timeZone);
  const today = classifyDayProvisionally(localDate, calendar);
  if (today.working && minutes < end) {
    const at = minutes >= start ? instant : atLocalTime(localDate, start, timeZone);
    return { at, calendarDataMissing: today.missing };
  }
  const next = findNextWorkingDay(localDate, calendar);
  return {
    at: atLocalTime(next.date, start, timeZone),
    calendarDataMissing: today.missing || next.calendarDataMissing,
  };
}

/**
 * Add working hours (e.g. "+4 working hours"): time only runs inside working hours on
 * working days. Starting outside them counts from the next working moment.
 */
export function addWorkingHours(instant: Date, hours: number, context: TCalendarContext): TCalendarInstant {
  const { timeZone, calendar, workingHours } = context;
  const end = parseLocalTime(workingHours.end, 'workingHours.end');
  let { at, calendarDataMissing: missing } = findNextWorkingMoment(instant, context);
  let remainingMs = hours * 3_600_000;
  for (let i = 0; i < MAX_SCAN_DAYS; i += 1) {
    const localDate = toLocalDate(at, timeZone);
    const dayEnd = atLocalTime(localDate, end, timeZone);
    const available = dayEnd.getTime() - at.getTime();
    if (remainingMs <= available) return { at: new Date(at.getTime() + remainingMs), calendarDataMissing: missing };
    remainingMs -= available;
    const next = findNextWorkingMoment(dayEnd, context);
    missing ||= next.calendarDataMissing;
    at = next.at;
  }
  throw new DomainError('invalid_input', 'working hours do not fit the calendar', { field: 'workingHours' });
}

/**
 * "+N business days" for an instant: same local time N working days later. An instant on
 * a non-working day first rolls to the start of the next working day, so the owner always
 * gets N whole working days.
 */
export function addBusinessDaysAt(instant: Date, days: number, context: TCalendarContext): TCalendarInstant {
  const { timeZone, calendar, workingHours } = context;
  const localDate = toLocalDate(instant, timeZone);
  const today = classifyDayProvisionally(localDate, calendar);
  let from = instant;
  let missing = today.missing;
  if (!today.working) {
    const next = findNextWorkingDay(localDate, calendar);
    missing ||= next.calendarDataMissing;
    from = atLocalTime(next.date, parseLocalTime(workingHours.start, 'workingHours.start'), timeZone);
  }
  const target = addBusinessDays(toLocalDate(from, timeZone), days, calendar);
  return {
    at: atLocalTime(target.date, toLocalMinutes(from, timeZone), timeZone),
    calendarDataMissing: missing || target.calendarDataMissing,
  };
}
