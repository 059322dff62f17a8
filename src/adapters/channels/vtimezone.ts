/**
 * VTIMEZONE blocks built from the runtime's IANA data (Intl), so invites carry a correct
 * definition of the site's zone without a timezone package. Calendar clients need it to
 * place `DTSTART;TZID=…` correctly; without it they guess or fall back to floating time.
 */

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
const formatters = new Map<string, Intl.DateTimeFormat>();

/** Offset of `timeZone` from UTC at `instant`, in minutes (Asia/Shanghai → 480). */
export function readZoneOffsetMinutes(timeZone: string, instant: number): number {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' });
    formatters.set(timeZone, formatter);
  }
  const name = formatter.formatToParts(instant).find((p) => p.type === 'timeZoneName')?.value ?? 'GMT';
  const match = /GMT([+-])(\d{2}):(\d{2})/.exec(name);
  if (!match) return 0; // plain "GMT"
  const minutes = Number(match[2]) * 60 + Number(match[3]);
  return match[1] === '-' ? -minutes : minutes;
}

function formatOffset(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}${String(abs % 60).padStart(2, '0')}`;
}

/** Local wall time of `instant` at `offsetMinutes`, in iCalendar form (`20250303T090000`). */
function formatLocal(instant: number, offsetMinutes: number): string {
  return new Date(instant + offsetMinutes * MINUTE).toISOString().replace(/[-:]/g, '').replace(/\.\d{3}Z$/, '');
}

interface Transition {
  at: number;
  from: number;
  to: number;
}

/** Offset changes of `timeZone` in [start, end), found day by day then to the minute. */
function findTransitions(timeZone: string, start: number, end: number): Transition[] {
  const found: Transition[] = [];
  let previous = readZoneOffsetMinutes(timeZone, start);
  for (let day = start + DAY; day < end + DAY; day += DAY) {
    const offset = readZoneOffsetMinutes(timeZone, day);
    if (offset === previous) continue;
    let low = day - DAY; // offset here is `previous`
    let high = day; // offset here is `offset`
    while (high - low > MINUTE) {
      const mid = low + Math.floor((high - low) / 2 / MINUTE) * MINUTE;
      if (readZoneOffsetMinutes(timeZone, mid) === previous) low = mid;
      else high = mid;
    }
    found.push({ at: high, from: previous, to: offset });
    previous = offset;
  }
  return found;
}

/**
 * Builds a VTIMEZONE for `timeZone` valid from a year before to a year after `around`:
 * one observance per actual transition in that span (no RRULEs to get wrong).
 */
export function buildVtimezone(timeZone: string, around: Date): string {
  const start = around.getTime() - 366 * DAY;
  const end = around.getTime() + 366 * DAY;
  const initial = readZoneOffsetMinutes(timeZone, start);
  const transitions = findTransitions(timeZone, start, end);
  const standardOffset = Math.min(initial, ...transitions.map((t) => t.to));
  const observance = (dtstart: string, from: number, to: number): string[] => {
    const kind = to > standardOffset ? 'DAYLIGHT' : 'STANDARD';
    return [
      `BEGIN:${kind}`,
      `DTSTART:${dtstart}`,
      `TZOFFSETFROM:${formatOffset(from)}`,
      `TZOFFSETTO:${formatOffset(to)}`,
      `END:${kind}`,
    ];
  };
  const lines = [
    'BEGIN:VTIMEZONE',
    `TZID:${timeZone}`,
    ...observance('19700101T000000', initial, initial),
    ...transitions.flatMap((t) => observance(formatLocal(t.at, t.from), t.from, t.to)),
    'END:VTIMEZONE',
  ];
  return lines.join('\r\n');
}
