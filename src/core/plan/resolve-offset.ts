import type { TBusinessCalendar, TOffset, TWorkingHours } from '../../contracts/playbook.js';
import { addBusinessDaysAt, addWorkingHours, type TCalendarInstant } from '../calendar/business-days.js';
import {
  addCalendarDays,
  addLocalDays,
  atLocalTime,
  HOUR_MS,
  MINUTE_MS,
  parseLocalTime,
  toLocalDate,
} from '../time/local-time.js';

export interface TOffsetContext {
  timeZone: string;
  calendar: TBusinessCalendar;
  workingHours: TWorkingHours;
}

/**
 * Anchor + offset → instant. Calendar days move the local date (landing on `at` when
 * given, else keeping the local time); hours/minutes are elapsed time; business days and
 * working hours count on the site calendar and may flag missing calendar data.
 */
export function resolveOffset(anchor: Date, offset: TOffset, context: TOffsetContext): TCalendarInstant {
  const { timeZone } = context;
  const days = offset.days ?? 0;
  let at =
    offset.at !== undefined
      ? atLocalTime(addLocalDays(toLocalDate(anchor, timeZone), days), parseLocalTime(offset.at, 'offset.at'), timeZone)
      : days === 0
        ? anchor
        : addCalendarDays(anchor, days, timeZone);
  at = new Date(at.getTime() + (offset.hours ?? 0) * HOUR_MS + (offset.minutes ?? 0) * MINUTE_MS);
  if (offset.businessDays !== undefined) return addBusinessDaysAt(at, offset.businessDays, context);
  if (offset.workingHours !== undefined) return addWorkingHours(at, offset.workingHours, context);
  return { at, calendarDataMissing: false };
}
