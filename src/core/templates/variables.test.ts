import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime, formatMoney } from './format-filters.js';
import { isKnownVariablePath, listTemplateVariables, SAMPLE_TEMPLATE_VARIABLES, ZTemplateVariables } from './variables.js';

describe('template variables', () => {
  it('the sample record satisfies the schema', () => {
    expect(ZTemplateVariables.safeParse(SAMPLE_TEMPLATE_VARIABLES).success).toBe(true);
  });

  it('rejects unknown top-level sections (one record, no ad-hoc extras)', () => {
    expect(ZTemplateVariables.safeParse({ ...SAMPLE_TEMPLATE_VARIABLES, extra: {} }).success).toBe(false);
  });

  it('lists every leaf for the picker, with labels in both languages', () => {
    const list = listTemplateVariables();
    const paths = list.map((v) => v.path);
    for (const path of ['candidate.name', 'candidate.roleType', 'offer.startDate', 'offer.position', 'site.name', 'site.address', 'site.arrivalTime', 'site.parking', 'contact.name', 'contact.phone', 'contact.desk', 'org.name', 'portal.link', 'meeting.at']) {
      expect(paths).toContain(path);
    }
    expect(list.every((v) => v.label.zh !== v.path && v.label.en !== v.path)).toBe(true);
    expect(list.find((v) => v.path === 'meeting.at')?.optional).toBe(true);
    expect(list.find((v) => v.path === 'candidate.name')?.optional).toBe(false);
  });

  it('knows which paths exist', () => {
    expect(isKnownVariablePath(['offer', 'startDate'])).toBe(true);
    expect(isKnownVariablePath(['checklist', 'items', 0, 'title'])).toBe(true);
    expect(isKnownVariablePath(['offer', 'salary'])).toBe(false);
    expect(isKnownVariablePath(['candidate', '__proto__'])).toBe(false);
  });
});

describe('format filters', () => {
  it('formats dates with the weekday, without a time zone', () => {
    expect(formatDate('2026-12-14', 'zh')).toBe('2026年12月14日（星期一）');
    expect(formatDate('2027-01-01', 'en')).toBe('Friday 1 January 2027');
  });

  it('prints the wall-clock time of the given offset', () => {
    expect(formatDateTime('2026-12-12T23:30:00-05:00', 'en')).toBe('Saturday 12 December 2026, 23:30');
    expect(formatDateTime('2026-12-12T09:05:00+08:00', 'zh')).toBe('2026年12月12日（星期六）09:05');
  });

  it('groups money', () => {
    expect(formatMoney(1234567.5, 'zh')).toBe('¥1,234,567.50');
    expect(formatMoney(30000, 'en')).toBe('CNY 30,000');
  });

  it('fails loudly on bad input', () => {
    expect(() => formatDate('tomorrow', 'zh')).toThrow();
    expect(() => formatDate('2026-12-14', 'fr')).toThrow();
  });
});
