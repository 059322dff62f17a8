/** Locale-aware formatting for the console; everything goes through Intl. */

const DAY_MS = 86_400_000;

function parseLocalDate(date: string): number {
  const [y, m, d] = date.split('-').map(Number);
  return Date.UTC(y!, (m ?? 1) - 1, d ?? 1);
}

/** A calendar date (`YYYY-MM-DD`, no time zone) in the reader's format, e.g. 2026年12月1日 / Dec 1, 2026. */
export function formatLocalDate(date: string, lng: string): string {
  return new Intl.DateTimeFormat(lng, { dateStyle: 'medium', timeZone: 'UTC' }).format(parseLocalDate(date));
}

/** Whole days from the reader's today to a calendar date (negative when past). */
export function daysUntil(date: string, now = new Date()): number {
  const today = Date.UTC(now.getFullYear(), now.getMonth(), now.getDate());
  return Math.round((parseLocalDate(date) - today) / DAY_MS);
}

/** "in 5 days" / "5天后", "tomorrow" / "明天", "today" / "今天". */
export function formatRelativeDays(days: number, lng: string): string {
  return new Intl.RelativeTimeFormat(lng, { numeric: 'auto' }).format(days, 'day');
}

/** An instant in the reader's time zone and format. */
export function formatDateTime(iso: string, lng: string): string {
  return new Intl.DateTimeFormat(lng, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
}

/** A decimal amount (as the API sends it, a string) in the given currency. */
export function formatMoney(amount: string, currency: string, lng: string): string {
  const n = Number(amount);
  if (!Number.isFinite(n)) return `${amount} ${currency}`;
  try {
    return new Intl.NumberFormat(lng, { style: 'currency', currency, maximumFractionDigits: 2 }).format(n);
  } catch {
    return `${n.toLocaleString(lng)} ${currency}`;
  }
}

/** `YYYY-MM-DDTHH:mm` of now in local time, for a datetime-local input's max. */
export function nowForDateTimeInput(now = new Date()): string {
  const pad = (v: number) => String(v).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}T${pad(now.getHours())}:${pad(now.getMinutes())}`;
}

const RELATIVE_UNITS: ReadonlyArray<[Intl.RelativeTimeFormatUnit, number]> = [['day', DAY_MS], ['hour', 3_600_000], ['minute', 60_000]];

/** An instant relative to now in words: "in 3 hours" / "3小时后", "2 days ago" / "2天前". */
export function formatRelativeTime(iso: string, lng: string, now = Date.now()): string {
  const diff = new Date(iso).getTime() - now;
  const fmt = new Intl.RelativeTimeFormat(lng, { numeric: 'auto' });
  for (const [unit, ms] of RELATIVE_UNITS) {
    if (Math.abs(diff) >= ms) return fmt.format(Math.round(diff / ms), unit);
  }
  return fmt.format(0, 'minute');
}

/**
 * An instant in a given time zone (the candidate's site) in the reader's format, with the
 * weekday and the zone's short name, e.g. "12月11日周五 10:00 GMT+8" / "Fri, Dec 11, 10:00 AM GMT+8".
 */
export function formatInZone(iso: string, lng: string, timeZone: string): string {
  const options: Intl.DateTimeFormatOptions = {
    month: 'short', day: 'numeric', weekday: 'short', hour: '2-digit', minute: '2-digit', timeZoneName: 'short',
  };
  try {
    return new Intl.DateTimeFormat(lng, { ...options, timeZone }).format(new Date(iso));
  } catch {
    return new Intl.DateTimeFormat(lng, options).format(new Date(iso));
  }
}
