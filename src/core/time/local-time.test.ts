import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DAY_MS,
  dayNumberToLocalDate,
  localDateToDayNumber,
  localDayOfWeek,
  parseLocalTime,
  addCalendarDays,
  addCalendarMonths,
  addLocalDays,
  atLocalTime,
  diffLocalDays,
  formatLocalIso,
  formatUtcIso,
  parseInstant,
  parseLocalDate,
  toLocalDate,
} from './local-time.js';

describe('local time helpers', () => {
  it('formats an instant with the zone offset, including half-hour zones', () => {
    const at = new Date('2026-12-11T02:00:00Z');
    expect(formatLocalIso(at, 'Asia/Shanghai')).toBe('2026-12-11T10:00:00+08:00');
    expect(formatLocalIso(at, 'Asia/Kolkata')).toBe('2026-12-11T07:30:00+05:30');
    expect(formatUtcIso(at)).toBe('2026-12-11T02:00:00Z');
  });

  it('builds local wall-clock instants across DST', () => {
    expect(formatLocalIso(atLocalTime('2026-03-08', 600, 'America/New_York'), 'America/New_York')).toBe('2026-03-08T10:00:00-04:00');
    expect(formatLocalIso(atLocalTime('2026-03-07', 600, 'America/New_York'), 'America/New_York')).toBe('2026-03-07T10:00:00-05:00');
  });

  it('adds calendar days keeping the local time over a DST change', () => {
    const before = atLocalTime('2026-03-28', 600, 'Europe/Berlin');
    expect(formatLocalIso(addCalendarDays(before, 2, 'Europe/Berlin'), 'Europe/Berlin')).toBe('2026-03-30T10:00:00+02:00');
  });

  it('adds months in local time and clamps month ends', () => {
    const at = atLocalTime('2026-11-30', 600, 'Asia/Shanghai');
    expect(toLocalDate(addCalendarMonths(at, 3, 'Asia/Shanghai'), 'Asia/Shanghai')).toBe('2027-02-28');
  });

  it('does pure date arithmetic', () => {
    expect(addLocalDays('2026-12-14', -14)).toBe('2026-11-30');
    expect(diffLocalDays('2026-12-07', '2026-12-14')).toBe(7);
  });

  it('rejects bad input with typed errors naming the field', () => {
    expect(() => parseLocalDate('2026-13-01', 'startDate')).toThrowError(expect.objectContaining({ code: 'invalid_local_date', field: 'startDate' }));
    expect(() => parseInstant('2026-12-01T09:00:00', 'at')).toThrowError(expect.objectContaining({ code: 'invalid_input', field: 'at' }));
  });
});

describe('day numbers (memoised date arithmetic)', () => {
  const dates = fc.date({ min: new Date('1950-01-01T00:00:00Z'), max: new Date('2150-12-31T00:00:00Z'), noInvalidDate: true })
    .map((d) => d.toISOString().slice(0, 10));

  it('agree with Date for weekday, difference and addition', () => {
    fc.assert(fc.property(dates, fc.integer({ min: -4000, max: 4000 }), (date, days) => {
      const asDate = new Date(`${date}T00:00:00Z`);
      expect(localDayOfWeek(date)).toBe(asDate.getUTCDay());
      const later = new Date(asDate.getTime() + days * DAY_MS).toISOString().slice(0, 10);
      expect(addLocalDays(date, days)).toBe(later);
      expect(diffLocalDays(date, later)).toBe(days);
      expect(dayNumberToLocalDate(localDateToDayNumber(date))).toBe(date);
    }));
  });

  it('still refuses invalid dates after valid ones were memoised', () => {
    expect(localDateToDayNumber('2026-02-28')).toBe(localDateToDayNumber('2026-03-01') - 1);
    expect(() => localDateToDayNumber('2026-02-29')).toThrow(/expected a date/);
    expect(() => addLocalDays('2026-13-01', 1)).toThrow(/expected a date/);
    expect(() => parseLocalTime('24:00')).toThrow(/expected HH:MM/);
    expect(parseLocalTime('09:30')).toBe(570);
    expect(parseLocalTime('09:30')).toBe(570);
  });
});

describe('ISO formatting', () => {
  const instants = fc.date({ min: new Date('1950-01-01T00:00:00Z'), max: new Date('2150-12-31T23:59:59Z'), noInvalidDate: true });

  it('formats UTC instants exactly as toISOString does, to the second', () => {
    fc.assert(fc.property(instants, (at) => {
      expect(formatUtcIso(at)).toBe(`${at.toISOString().slice(0, 19)}Z`);
    }));
  });

  it('formats local instants whose wall clock and offset give back the same instant', () => {
    const zones = fc.constantFrom('Asia/Shanghai', 'America/New_York', 'Europe/Berlin', 'Asia/Kolkata', 'UTC');
    fc.assert(fc.property(instants, zones, (at, zone) => {
      const local = formatLocalIso(at, zone);
      expect(local).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$/);
      expect(new Date(local).getTime()).toBe(Math.floor(at.getTime() / 1000) * 1000);
    }));
  });
});
