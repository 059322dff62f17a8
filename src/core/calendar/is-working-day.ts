import type { TBusinessCalendar } from '../../contracts/playbook.js';
import { localDateToDayNumber, localDayOfWeek } from '../time/local-time.js';
import { classifyChinaDay } from './china-holidays.js';

export type TDayKind = 'working' | 'non_working' | 'calendar_data_missing';

/**
 * Is a local date a working day on a business calendar? Org overrides win (last one for
 * a date); `CN` follows statutory holidays and make-up days; `WEEKEND` is Monday–Friday.
 * Never guesses: a CN date outside the holiday data is `calendar_data_missing`.
 */
export function isWorkingDay(localDate: string, calendar: TBusinessCalendar): TDayKind {
  localDateToDayNumber(localDate, 'date');
  const override = findOverride(localDate, calendar);
  if (override !== undefined) return override ? 'working' : 'non_working';
  if (calendar.id === 'CN') return classifyChinaDay(localDate);
  const weekday = localDayOfWeek(localDate);
  return weekday >= 1 && weekday <= 5 ? 'working' : 'non_working';
}

function findOverride(localDate: string, calendar: TBusinessCalendar): boolean | undefined {
  let result: boolean | undefined;
  for (const override of calendar.overrides ?? []) {
    if (override.date === localDate) result = override.working;
  }
  return result;
}

/**
 * Working-day decision with a provisional Mon–Fri answer when data is missing, so callers
 * can keep computing while flagging the result (never silently treated as certain).
 */
export function classifyDayProvisionally(
  localDate: string,
  calendar: TBusinessCalendar,
): { working: boolean; missing: boolean } {
  const kind = isWorkingDay(localDate, calendar);
  if (kind !== 'calendar_data_missing') return { working: kind === 'working', missing: false };
  const weekday = localDayOfWeek(localDate);
  return { working: weekday >= 1 && weekday <= 5, missing: true };
}
