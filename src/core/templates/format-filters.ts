/**
 * Pure formatting filters for templates. They parse the ISO strings of the variable record
 * by hand instead of going through `Date` + the process time zone, so the same record
 * renders the same text on every server (the wall-clock time in `meeting.at` is printed as
 * written, in the offset it was written with).
 */

type TLang = 'zh' | 'en';

const WEEKDAYS_ZH = ['星期日', '星期一', '星期二', '星期三', '星期四', '星期五', '星期六'];
const WEEKDAYS_EN = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const MONTHS_EN = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

function toLang(lang: unknown): TLang {
  if (lang === 'zh' || lang === 'zh-CN') return 'zh';
  if (lang === 'en' || lang === 'en-US') return 'en';
  throw new Error(`unknown language "${String(lang)}": use 'zh' or 'en'`);
}

function parseDateParts(value: unknown): { year: number; month: number; day: number; rest: string } {
  const match = /^(\d{4})-(\d{2})-(\d{2})(.*)$/.exec(String(value));
  if (!match) throw new Error(`expected an ISO date, got "${String(value)}"`);
  return { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]), rest: match[4] };
}

function weekdayOf(year: number, month: number, day: number): number {
  // Date.UTC only does calendar arithmetic here; no clock or time zone is involved.
  return new Date(Date.UTC(year, month - 1, day)).getUTCDay();
}

/** `2026-12-14` → `2026年12月14日（星期一）` / `Monday 14 December 2026`. */
export function formatDate(value: unknown, lang: unknown): string {
  const { year, month, day } = parseDateParts(value);
  const weekday = weekdayOf(year, month, day);
  return toLang(lang) === 'zh'
    ? `${year}年${month}月${day}日（${WEEKDAYS_ZH[weekday]}）`
    : `${WEEKDAYS_EN[weekday]} ${day} ${MONTHS_EN[month - 1]} ${year}`;
}

/** `2026-12-12T15:00:00+08:00` → `2026年12月12日（星期六）15:00` / `Saturday 12 December 2026, 15:00`. */
export function formatDateTime(value: unknown, lang: unknown): string {
  const { rest } = parseDateParts(value);
  const time = /^T(\d{2}:\d{2})/.exec(rest);
  if (!time) throw new Error(`expected an ISO date-time, got "${String(value)}"`);
  return toLang(lang) === 'zh' ? `${formatDate(value, 'zh')}${time[1]}` : `${formatDate(value, 'en')}, ${time[1]}`;
}

/** `30000` → `¥30,000` / `CNY 30,000` (grouping done by hand: no ICU dependency in output). */
export function formatMoney(value: unknown, lang: unknown): string {
  const amount = Number(value);
  if (!Number.isFinite(amount)) throw new Error(`expected a number, got "${String(value)}"`);
  const [whole, fraction] = Math.abs(amount).toFixed(2).split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',') + (fraction === '00' ? '' : `.${fraction}`);
  const sign = amount < 0 ? '-' : '';
  return toLang(lang) === 'zh' ? `${sign}¥${grouped}` : `${sign}CNY ${grouped}`;
}
