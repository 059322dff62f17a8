export { getChinaCoverage, classifyChinaDay, describeChinaDay } from './china-holidays.js';
export type { TChinaCoverage, TChinaDayKind } from './china-holidays.js';
export { isWorkingDay, classifyDayProvisionally } from './is-working-day.js';
export type { TDayKind } from './is-working-day.js';
export {
  addBusinessDays,
  addBusinessDaysAt,
  addWorkingHours,
  findNextWorkingDay,
  findNextWorkingMoment,
} from './business-days.js';
export type { TCalendarContext, TCalendarDate, TCalendarInstant } from './business-days.js';
