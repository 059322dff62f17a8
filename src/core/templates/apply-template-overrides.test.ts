import { describe, expect, it } from 'vitest';
import { applyTemplateOverrides, pickTemplateOverride, type TTemplateOverride } from './apply-template-overrides.js';
import { DEFAULT_TEMPLATES, selectDailyCareTemplate, selectStepTemplates } from './default-templates.js';

const override = (o: Partial<TTemplateOverride>): TTemplateOverride => ({
  templateId: 'offer.send_package', locale: 'zh-CN', roleType: null, version: 1, restoresDefault: false, subject: 'S', body: 'B', ...o,
});

describe('pickTemplateOverride', () => {
  it('prefers the role type’s own wording, then the all-roles wording, then the built-in text', () => {
    const all = override({ subject: 'all' });
    const sales = override({ roleType: 'sales', subject: 'sales' });
    expect(pickTemplateOverride([all, sales], 'offer.send_package', 'zh-CN', 'sales')).toEqual({ source: 'role_type', override: sales });
    expect(pickTemplateOverride([all, sales], 'offer.send_package', 'zh-CN', 'tech')).toEqual({ source: 'all_roles', override: all });
    expect(pickTemplateOverride([all, sales], 'offer.send_package', 'zh-CN', null)).toEqual({ source: 'all_roles', override: all });
    expect(pickTemplateOverride([all, sales], 'offer.send_package', 'en-US', 'sales')).toEqual({ source: 'default' });
  });

  it('treats a version that restored the default as no wording of its own', () => {
    const all = override({ subject: 'all' });
    const restored = override({ roleType: 'sales', restoresDefault: true, subject: null, body: null, version: 2 });
    expect(pickTemplateOverride([all, restored], 'offer.send_package', 'zh-CN', 'sales')).toEqual({ source: 'all_roles', override: all });
    expect(pickTemplateOverride([override({ restoresDefault: true, subject: null, body: null })], 'offer.send_package', 'zh-CN', null)).toEqual({ source: 'default' });
  });
});

describe('applyTemplateOverrides', () => {
  it('replaces subject and body of one language, keeping the SMS notice, order and ids', () => {
    const applied = applyTemplateOverrides(DEFAULT_TEMPLATES, [override({ subject: '新主题', body: '新正文' })], 'tech');
    expect(applied.map((t) => t.id)).toEqual(DEFAULT_TEMPLATES.map((t) => t.id));
    const offer = selectStepTemplates('offer.send_package', applied)[0]!;
    const builtIn = selectStepTemplates('offer.send_package')[0]!;
    expect(offer.locales['zh-CN']).toEqual({ ...builtIn.locales['zh-CN'], subject: '新主题', body: '新正文' });
    expect(offer.locales['en-US']).toBe(builtIn.locales['en-US']);
    // Untouched templates are the very same objects.
    expect(selectDailyCareTemplate(3, applied)).toBe(selectDailyCareTemplate(3));
  });

  it('applies a role type’s wording only to that role type', () => {
    const overrides = [override({ templateId: 'final.daily_care.s-2', roleType: 'campus', subject: '校招' })];
    expect(selectDailyCareTemplate(2, applyTemplateOverrides(DEFAULT_TEMPLATES, overrides, 'campus'))?.locales['zh-CN'].subject).toBe('校招');
    expect(selectDailyCareTemplate(2, applyTemplateOverrides(DEFAULT_TEMPLATES, overrides, 'tech'))?.locales['zh-CN'].subject).toBe('材料准备得怎么样了？');
  });
});
