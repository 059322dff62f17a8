import { describe, expect, it } from 'vitest';
import type { TBusinessCalendar } from '../../contracts/playbook.js';
import { addBusinessDays } from './business-days.js';
import { listChinaSpecialDays } from './list-china-days.js';
import { resolveCalendar } from './resolve-calendar.js';

const org: TBusinessCalendar = { id: 'CN', overrides: [{ date: '2026-11-30', working: false }] };

describe('resolveCalendar', () => {
  it('keeps the site calendar id and applies the organisation overrides on it', () => {
    const site: TBusinessCalendar = { id: 'WEEKEND', overrides: [] };
    const cal = resolveCalendar(site, org);
    expect(cal.id).toBe('WEEKEND');
    expect(addBusinessDays('2026-11-27', 1, site).date).toBe('2026-11-30');
    expect(addBusinessDays('2026-11-27', 1, cal).date).toBe('2026-12-01');
  });
  it('lets the candidate calendar’s own override win for the same date', () => {
    const own: TBusinessCalendar = { id: 'CN', overrides: [{ date: '2026-11-30', working: true }] };
    expect(addBusinessDays('2026-11-27', 1, resolveCalendar(own, org)).date).toBe('2026-11-30');
  });
  it('falls back to the organisation calendar', () => {
    expect(resolveCalendar(undefined, org)).toBe(org);
  });
});

describe('listChinaSpecialDays', () => {
  it('lists Spring Festival 2026 with its make-up Saturday and names in both languages', () => {
    const { covered, days } = listChinaSpecialDays(2026);
    expect(covered).toBe(true);
    expect(days.find((d) => d.date === '2026-02-14')).toEqual({ date: '2026-02-14', working: true, nameEn: 'Spring Festival', nameZh: '春节' });
    expect(days.find((d) => d.date === '2026-02-16')).toMatchObject({ working: false, nameZh: '春节' });
    expect(days.find((d) => d.date === '2026-03-10')).toBeUndefined();
    expect(listChinaSpecialDays(1990)).toEqual({ covered: false, days: [] });
  });
});
