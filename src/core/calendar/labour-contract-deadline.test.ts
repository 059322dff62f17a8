import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { TBusinessCalendar } from '../../contracts/playbook.js';
import { resolveOffset } from '../plan/resolve-offset.js';
import { addLocalDays, atLocalTime, dayNumberToLocalDate, diffLocalDays, formatLocalIso, localDateToDayNumber, toLocalDate } from '../time/local-time.js';
import { getChinaCoverage } from './china-holidays.js';
import {
  checkSigningDate,
  clampToLegalDeadline,
  computeDoubleWagesFrom,
  computeLabourContractDeadline,
  countDaysLeft,
  findDeadlineCutoff,
  findDeadlineEscalationAt,
} from './labour-contract-deadline.js';

const ZONE = 'Asia/Shanghai';
const HOURS = { start: '09:00', end: '18:00' };
const CN: TBusinessCalendar = { id: 'CN', overrides: [] };
const WEEKEND: TBusinessCalendar = { id: 'WEEKEND', overrides: [] };

describe('computeLabourContractDeadline (劳动合同法 Art.10: one month from the employment start)', () => {
  it.each([
    ['2027-03-15', '2027-04-14'],
    ['2027-03-01', '2027-03-31'],
    ['2027-02-01', '2027-02-28'],
    ['2027-01-28', '2027-02-27'],
    ['2027-01-29', '2027-02-28'],
    ['2027-01-31', '2027-02-28'],
    ['2028-01-29', '2028-02-28'],
    ['2028-01-30', '2028-02-29'],
    ['2028-01-31', '2028-02-29'],
    ['2027-03-31', '2027-04-30'],
    ['2027-05-31', '2027-06-30'],
    ['2027-12-15', '2028-01-14'],
    ['2027-12-31', '2028-01-30'],
  ])('employment from %s must be under a written contract by %s', (start, deadline) => {
    expect(computeLabourContractDeadline(start)).toBe(deadline);
  });

  it('double wages are owed from the day after the deadline (Art.82)', () => {
    expect(computeDoubleWagesFrom('2027-02-28')).toBe('2027-03-01');
  });

  it('refuses a date that does not exist, naming the field', () => {
    expect(() => computeLabourContractDeadline('2027-02-30')).toThrowError(expect.objectContaining({ field: 'employmentStart' }));
  });

  it('counts calendar days left: 0 on the deadline itself, negative after it', () => {
    expect(countDaysLeft('2027-04-10', '2027-04-14')).toBe(4);
    expect(countDaysLeft('2027-04-14', '2027-04-14')).toBe(0);
    expect(countDaysLeft('2027-04-16', '2027-04-14')).toBe(-2);
  });
});

describe('due times around the deadline', () => {
  it('a due time after the deadline moves to the end of the deadline day; earlier ones stay', () => {
    const late = atLocalTime('2027-04-20', 10 * 60, ZONE);
    expect(formatLocalIso(clampToLegalDeadline(late, '2027-04-14', ZONE, HOURS), ZONE)).toBe('2027-04-14T18:00:00+08:00');
    const early = atLocalTime('2027-03-24', 9 * 60, ZONE);
    expect(clampToLegalDeadline(early, '2027-04-14', ZONE, HOURS)).toEqual(early);
  });

  it('the louder escalation comes at 09:00 on the first day with fewer than 5 days left', () => {
    const at = findDeadlineEscalationAt('2027-04-14', ZONE, HOURS);
    expect(formatLocalIso(at, ZONE)).toBe('2027-04-10T09:00:00+08:00');
    expect(countDaysLeft(toLocalDate(at, ZONE), '2027-04-14')).toBe(4);
    expect(countDaysLeft(addLocalDays(toLocalDate(at, ZONE), -1), '2027-04-14')).toBe(5);
  });
});

describe('checkSigningDate', () => {
  const base = { today: '2027-03-20', acceptedOn: '2027-02-01', legalDeadline: '2027-04-14' };

  it('defaults to today and is in time up to the deadline itself', () => {
    expect(checkSigningDate(base)).toEqual({ signedOn: '2027-03-20', late: false });
    expect(checkSigningDate({ ...base, today: '2027-04-14' })).toEqual({ signedOn: '2027-04-14', late: false });
    expect(checkSigningDate({ ...base, today: '2027-04-20', signedOn: '2027-04-15' })).toEqual({ signedOn: '2027-04-15', late: true });
  });

  it('accepts a contract signed before employment started (Art.10), not before the offer was accepted', () => {
    expect(checkSigningDate({ ...base, signedOn: '2027-02-10' }).signedOn).toBe('2027-02-10');
    expect(() => checkSigningDate({ ...base, signedOn: '2027-01-31' })).toThrowError(expect.objectContaining({ code: 'invalid_input', field: 'signedOn' }));
  });

  it('refuses a future or impossible date, naming the field', () => {
    expect(() => checkSigningDate({ ...base, signedOn: '2027-03-21' })).toThrowError(expect.objectContaining({ field: 'signedOn' }));
    expect(() => checkSigningDate({ ...base, signedOn: '2027-02-30' })).toThrowError(expect.objectContaining({ field: 'signedOn' }));
  });
});

describe('properties', () => {
  const anyDate = fc.integer({ min: localDateToDayNumber('1990-01-01'), max: localDateToDayNumber('2099-12-31') }).map(dayNumberToLocalDate);

  it('the deadline is after the start, the month spans 28–31 days counting the first, and a later start never ends earlier', () => {
    fc.assert(fc.property(anyDate, (start) => {
      const deadline = computeLabourContractDeadline(start);
      const span = diffLocalDays(start, deadline) + 1;
      expect(span).toBeGreaterThanOrEqual(28);
      expect(span).toBeLessThanOrEqual(31);
      expect(computeLabourContractDeadline(addLocalDays(start, 1)) >= deadline).toBe(true);
    }), { numRuns: 2000 });
  });

  it('the playbook due time (7 business days after arrival, site calendar with 调休) is never after the deadline; the escalation lies between', () => {
    const { firstYear, lastYear } = getChinaCoverage();
    const covered = fc.integer({ min: localDateToDayNumber(`${firstYear}-01-01`), max: localDateToDayNumber(`${lastYear}-11-30`) }).map(dayNumberToLocalDate);
    const arrival = fc.record({ date: covered, minutes: fc.integer({ min: 7 * 60, max: 20 * 60 }), calendar: fc.constantFrom(CN, WEEKEND) });
    fc.assert(fc.property(arrival, ({ date, minutes, calendar }) => {
      const arrivedAt = atLocalTime(date, minutes, ZONE);
      const deadline = computeLabourContractDeadline(toLocalDate(arrivedAt, ZONE));
      const due = resolveOffset(arrivedAt, { businessDays: 7 }, { timeZone: ZONE, calendar, workingHours: HOURS }).at;
      const cutoff = findDeadlineCutoff(deadline, ZONE, HOURS);
      expect(due.getTime()).toBeLessThanOrEqual(cutoff.getTime());
      expect(clampToLegalDeadline(due, deadline, ZONE, HOURS)).toEqual(due);
      const escalateAt = findDeadlineEscalationAt(deadline, ZONE, HOURS);
      expect(escalateAt.getTime()).toBeGreaterThan(arrivedAt.getTime());
      expect(escalateAt.getTime()).toBeLessThan(cutoff.getTime());
    }), { numRuns: 500 });
  });

  it('a clamped due time is never after the end of the deadline day', () => {
    fc.assert(fc.property(anyDate, fc.integer({ min: 0, max: 60 * 24 * 90 }), (start, minutes) => {
      const deadline = computeLabourContractDeadline(start);
      const due = new Date(atLocalTime(start, 0, ZONE).getTime() + minutes * 60_000);
      const clamped = clampToLegalDeadline(due, deadline, ZONE, HOURS);
      expect(clamped.getTime()).toBeLessThanOrEqual(findDeadlineCutoff(deadline, ZONE, HOURS).getTime());
      expect(clamped.getTime()).toBeLessThanOrEqual(due.getTime());
    }), { numRuns: 500 });
  });
});
