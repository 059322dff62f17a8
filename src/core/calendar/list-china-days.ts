import { addLocalDays } from '../time/local-time.js';
import { describeChinaDay, classifyChinaDay, getChinaCoverage } from './china-holidays.js';

/** A day the China calendar treats specially: a statutory holiday or a make-up working day (调休). */
export interface TChinaSpecialDay {
  date: string;
  /** true: a weekend made a working day; false: a holiday. */
  working: boolean;
  /** The holiday's name, e.g. Spring Festival / 春节. */
  nameEn: string;
  nameZh: string;
}

/**
 * The statutory holidays and make-up working days of one year, in date order. `covered`
 * is false when the holiday data does not reach that year (the list is then empty and
 * business days there are provisional).
 */
export function listChinaSpecialDays(year: number): { covered: boolean; days: TChinaSpecialDay[] } {
  const { firstYear, lastYear } = getChinaCoverage();
  if (year < firstYear || year > lastYear) return { covered: false, days: [] };
  const days: TChinaSpecialDay[] = [];
  const last = `${year}-12-31`;
  for (let date = `${year}-01-01`; date <= last; date = addLocalDays(date, 1)) {
    const described = describeChinaDay(date);
    if (!described) continue;
    const [nameEn = '', nameZh = ''] = described.split(',');
    days.push({ date, working: classifyChinaDay(date) === 'working', nameEn, nameZh: nameZh || nameEn });
  }
  return { covered: true, days };
}
