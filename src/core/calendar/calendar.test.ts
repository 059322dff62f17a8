import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { TBusinessCalendar } from '../../contracts/playbook.js';
import { formatLocalIso } from '../time/local-time.js';
import {
  addBusinessDays,
  addBusinessDaysAt,
  addWorkingHours,
  describeChinaDay,
  findNextWorkingDay,
  findNextWorkingMoment,
  getChinaCoverage,
  isWorkingDay,
} from './index.js';

const CN: TBusinessCalendar = { id: 'CN', overrides: [] };
const WEEKEND: TBusinessCalendar = { id: 'WEEKEND', overrides: [] };
const shanghai = { timeZone: 'Asia/Shanghai', calendar: CN, workingHours: { start: '09:00', end: '18:00' } };

describe('China calendar coverage', () => {
  it('is found by probing the data and includes 2026', () => {
    const { firstYear, lastYear } = getChinaCoverage();
    expect(firstYear).toBeLessThanOrEqual(2026);
    expect(lastYear).toBeGreaterThanOrEqual(2026);
  });

  it('flags dates after the last year of data instead of guessing', () => {
    const { lastYear } = getChinaCoverage();
    // A plain Monday after the data ends: chinese-days itself would call it a workday.
    const date = `${lastYear + 1}-03-01`;
    expect(isWorkingDay(date, CN)).toBe('calendar_data_missing');
    expect(isWorkingDay(`${lastYear}-12-31`, CN)).not.toBe('calendar_data_missing');
  });

  it('flags dates before the first year of data', () => {
    const { firstYear } = getChinaCoverage();
    expect(isWorkingDay(`${firstYear - 1}-06-01`, CN)).toBe('calendar_data_missing');
  });
});

describe('isWorkingDay', () => {
  it('knows Spring Festival 2026 and its make-up Saturday (调休)', () => {
    expect(isWorkingDay('2026-02-13', CN)).toBe('working'); // Friday
    expect(isWorkingDay('2026-02-14', CN)).toBe('working'); // Saturday make-up day
    expect(isWorkingDay('2026-02-15', CN)).toBe('non_working');
    expect(isWorkingDay('2026-02-16', CN)).toBe('non_working'); // Monday, holiday
    expect(describeChinaDay('2026-02-16')).toMatch(/春节/);
    expect(describeChinaDay('2026-03-10')).toBeNull();
  });

  it('knows National Day 2026', () => {
    expect(isWorkingDay('2026-10-01', CN)).toBe('non_working');
    expect(isWorkingDay('2026-10-01', WEEKEND)).toBe('working');
  });

  it('applies org overrides before the statutory data, also past the data', () => {
    const { lastYear } = getChinaCoverage();
    const later = `${lastYear + 1}-01-05`;
    const cal: TBusinessCalendar = {
      id: 'CN',
      overrides: [
        { date: '2026-03-10', working: false },
        { date: '2026-02-15', working: true },
        { date: later, working: true },
      ],
    };
    expect(isWorkingDay('2026-03-10', cal)).toBe('non_working');
    expect(isWorkingDay('2026-02-15', cal)).toBe('working');
    expect(isWorkingDay(later, cal)).toBe('working');
  });

  it('WEEKEND calendar is Monday–Friday and never missing', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 365 * 200 }), (offset) => {
        const date = new Date(Date.UTC(1950, 0, 1 + offset)).toISOString().slice(0, 10);
        const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
        expect(isWorkingDay(date, WEEKEND)).toBe(weekday === 0 || weekday === 6 ? 'non_working' : 'working');
      }),
    );
  });

  it('rejects a malformed date with a typed error', () => {
    expect(() => isWorkingDay('2026-02-30', CN)).toThrowError(expect.objectContaining({ code: 'invalid_local_date' }));
  });
});

describe('addBusinessDays', () => {
  it('Friday 2026-02-13 + 1 business day is the make-up Saturday 2026-02-14', () => {
    expect(addBusinessDays('2026-02-13', 1, CN)).toEqual({ date: '2026-02-14', calendarDataMissing: false });
  });

  it('skips the whole Spring Festival break', () => {
    // 2026-02-14 (Sat, make-up) → next working day after the break is 2026-02-24.
    expect(addBusinessDays('2026-02-14', 1, CN).date).toBe('2026-02-24');
  });

  it('on WEEKEND, Friday + 1 is Monday', () => {
    expect(addBusinessDays('2026-02-13', 1, WEEKEND).date).toBe('2026-02-16');
  });

  it('flags a result that needed days past the data', () => {
    const { lastYear } = getChinaCoverage();
    const result = addBusinessDays(`${lastYear}-12-31`, 1, CN);
    expect(result.calendarDataMissing).toBe(true);
  });

  it('always lands on a working day (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 700 }), fc.integer({ min: 0, max: 10 }), (offset, n) => {
        const date = new Date(Date.UTC(2025, 0, 1 + offset)).toISOString().slice(0, 10);
        const result = addBusinessDays(date, n, CN);
        if (n > 0 && !result.calendarDataMissing) expect(isWorkingDay(result.date, CN)).toBe('working');
        expect(result.date >= date).toBe(true);
      }),
    );
  });
});

describe('working hours', () => {
  it('+4 working hours inside working hours stays the same day', () => {
    const at = new Date('2026-03-10T10:00:00+08:00');
    expect(formatLocalIso(addWorkingHours(at, 4, shanghai).at, 'Asia/Shanghai')).toBe('2026-03-10T14:00:00+08:00');
  });

  it('+4 working hours late in the day continues the next working day', () => {
    const at = new Date('2026-03-13T16:00:00+08:00'); // Friday
    expect(formatLocalIso(addWorkingHours(at, 4, shanghai).at, 'Asia/Shanghai')).toBe('2026-03-16T11:00:00+08:00');
  });

  it('+4 working hours from Friday evening before Spring Festival uses the make-up Saturday', () => {
    const at = new Date('2026-02-13T20:00:00+08:00');
    expect(formatLocalIso(addWorkingHours(at, 4, shanghai).at, 'Asia/Shanghai')).toBe('2026-02-14T13:00:00+08:00');
  });

  it('findNextWorkingMoment keeps an instant inside working hours and rolls others forward', () => {
    const inside = new Date('2026-03-10T11:30:00+08:00');
    expect(findNextWorkingMoment(inside, shanghai).at).toEqual(inside);
    const early = new Date('2026-03-10T07:00:00+08:00');
    expect(formatLocalIso(findNextWorkingMoment(early, shanghai).at, 'Asia/Shanghai')).toBe('2026-03-10T09:00:00+08:00');
    // National Day 2026 is 10-01…10-07 in the data; 10-08 (Thursday) is the first working day.
    const holiday = new Date('2026-10-01T11:00:00+08:00');
    expect(formatLocalIso(findNextWorkingMoment(holiday, shanghai).at, 'Asia/Shanghai')).toBe('2026-10-08T09:00:00+08:00');
  });

  it('addBusinessDaysAt keeps the local time and lands on a working day', () => {
    const at = new Date('2026-02-13T15:00:00+08:00');
    expect(formatLocalIso(addBusinessDaysAt(at, 1, shanghai).at, 'Asia/Shanghai')).toBe('2026-02-14T15:00:00+08:00');
  });

  it('addBusinessDaysAt from a holiday counts a full working day from the next opening', () => {
    const at = new Date('2026-10-03T15:00:00+08:00');
    // Rolls to 10-08 09:00 (first working day), then +1 business day → 10-09 09:00.
    expect(findNextWorkingDay('2026-10-03', CN).date).toBe('2026-10-08');
    expect(formatLocalIso(addBusinessDaysAt(at, 1, shanghai).at, 'Asia/Shanghai')).toBe('2026-10-09T09:00:00+08:00');
  });

  it('working-hour results always lie inside working hours of a working day (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(2025, 0, 1), max: Date.UTC(2026, 10, 30) }),
        fc.integer({ min: 1, max: 30 }),
        fc.constantFrom('Asia/Shanghai', 'Europe/Berlin', 'America/New_York', 'Asia/Kolkata'),
        (ms, hours, timeZone) => {
          const context = { timeZone, calendar: CN, workingHours: { start: '09:00', end: '18:00' } };
          const result = addWorkingHours(new Date(ms), hours, context);
          const local = formatLocalIso(result.at, timeZone);
          const time = local.slice(11, 16);
          expect(time >= '09:00' && time <= '18:00').toBe(true);
          expect(isWorkingDay(local.slice(0, 10), CN)).toBe('working');
          expect(result.at.getTime()).toBeGreaterThanOrEqual(ms + hours * 3_600_000);
        },
      ),
    );
  });
});
