/**
 * China statutory holidays and make-up working days (调休) from the `chinese-days`
 * package's shipped data file (pure data, no I/O at run time beyond module loading).
 *
 * Why not its functions: chinese-days builds its lookup maps by parsing date strings as
 * UTC and reading them back with local getters, so on machines west of UTC every holiday
 * moves one day earlier (verified with TZ=America/Los_Angeles). And it silently treats
 * years without data as plain Mon–Fri. We read the data maps directly, derive the covered
 * years from their keys, and report anything outside as missing (DESIGN §5).
 */
import data from 'chinese-days/dist/chinese-days.json' with { type: 'json' };
import { localDateToDayNumber, localDayOfWeek } from '../time/local-time.js';

export type TChinaDayKind = 'working' | 'non_working' | 'calendar_data_missing';

export interface TChinaCoverage {
  /** First and last Gregorian year with holiday data (inclusive). */
  firstYear: number;
  lastYear: number;
}

interface TChinaData {
  holidays: Record<string, string>;
  workdays: Record<string, string>;
  inLieuDays: Record<string, string>;
}

const chinaData = data as TChinaData;
let cachedCoverage: TChinaCoverage | undefined;

/**
 * The contiguous range of years the data covers, derived from the data itself: a year is
 * covered when it lists statutory holidays (every real year has 元旦/国庆).
 */
export function getChinaCoverage(): TChinaCoverage {
  if (cachedCoverage) return cachedCoverage;
  const years = new Set(Object.keys(chinaData.holidays).map((date) => Number(date.slice(0, 4))));
  const sorted = [...years].sort((a, b) => a - b);
  if (sorted.length === 0) throw new Error('chinese-days has no holiday data');
  const firstYear = sorted[0];
  let lastYear = firstYear;
  // Stop at the first gap: an isolated later year would not make the gap trustworthy.
  while (years.has(lastYear + 1)) lastYear += 1;
  cachedCoverage = { firstYear, lastYear };
  return cachedCoverage;
}

/** Working / non-working per the China calendar, or `calendar_data_missing`. */
export function classifyChinaDay(localDate: string): TChinaDayKind {
  localDateToDayNumber(localDate);
  const year = Number(localDate.slice(0, 4));
  const { firstYear, lastYear } = getChinaCoverage();
  if (year < firstYear || year > lastYear) return 'calendar_data_missing';
  if (chinaData.workdays[localDate]) return 'working';
  if (chinaData.holidays[localDate]) return 'non_working';
  const weekday = localDayOfWeek(localDate);
  return weekday >= 1 && weekday <= 5 ? 'working' : 'non_working';
}

/** Holiday or make-up-day name from the data (`Spring Festival,春节,4`), else null. */
export function describeChinaDay(localDate: string): string | null {
  return chinaData.holidays[localDate] ?? chinaData.workdays[localDate] ?? null;
}
