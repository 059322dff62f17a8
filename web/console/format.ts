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
