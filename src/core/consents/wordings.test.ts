import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CONSENT_KINDS, consentExpiry, currentWording, renderWording } from './wordings.js';

describe('consent wordings', () => {
  it('fill every placeholder in both languages', () => {
    for (const kind of CONSENT_KINDS) {
      for (const lang of ['zh-CN', 'en-US'] as const) {
        const text = renderWording(kind, lang, { company: 'Acme', vendor: 'CheckCo', items: ['学历', '工作经历'] });
        expect(text).toContain('Acme');
        expect(text).not.toMatch(/\{\{|\}\}/);
      }
    }
    expect(renderWording('background_check', 'zh-CN', { company: 'A', vendor: 'V', items: ['学历', '工作经历'] })).toContain('学历、工作经历');
  });

  it('background checks need a typed name; the talent pool lapses after 24 months', () => {
    expect(currentWording('background_check').typedName).toBe(true);
    expect(consentExpiry('talent_pool', new Date('2026-11-25T08:00:00Z'))?.toISOString()).toBe('2028-11-25T08:00:00.000Z');
    expect(consentExpiry('talent_pool', new Date('2026-08-31T00:00:00Z'))?.toISOString()).toBe('2028-08-31T00:00:00.000Z');
    expect(consentExpiry('talent_pool', new Date('2028-02-29T00:00:00Z'))?.toISOString()).toBe('2030-02-28T00:00:00.000Z');
    expect(consentExpiry('sensitive_info', new Date())).toBeUndefined();
  });

  it('an expiry is always 24 months later to the month, never earlier than 730 days', () => {
    fc.assert(fc.property(fc.date({ min: new Date('2000-01-01'), max: new Date('2090-01-01'), noInvalidDate: true }), (given) => {
      const expiry = consentExpiry('talent_pool', given)!;
      const months = (expiry.getUTCFullYear() - given.getUTCFullYear()) * 12 + expiry.getUTCMonth() - given.getUTCMonth();
      expect(months).toBe(24);
      expect(expiry.getTime() - given.getTime()).toBeGreaterThanOrEqual(729 * 86_400_000);
    }));
  });
});
