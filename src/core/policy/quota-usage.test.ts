import { describe, expect, it } from 'vitest';
import { createQuotaUsage, getQuotaUsed, getRemainingQuota, recordQuotaUsage } from './quota-usage.js';

describe('quota usage', () => {
  it('counts per day and never mutates the previous book', () => {
    const empty = createQuotaUsage();
    const once = recordQuotaUsage(empty, '2026-12-11');
    const twice = recordQuotaUsage(once, '2026-12-11');
    expect(getQuotaUsed(empty, '2026-12-11')).toBe(0);
    expect(getQuotaUsed(once, '2026-12-11')).toBe(1);
    expect(getQuotaUsed(twice, '2026-12-11')).toBe(2);
    expect(getQuotaUsed(twice, '2026-12-12')).toBe(0);
  });

  it('reports remaining quota, never negative', () => {
    const usage = createQuotaUsage(['2026-12-11', '2026-12-11', '2026-12-11']);
    expect(getRemainingQuota(usage, '2026-12-11', 2)).toBe(0);
    expect(getRemainingQuota(usage, '2026-12-12', 2)).toBe(2);
  });
});
