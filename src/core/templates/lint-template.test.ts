import { describe, expect, it } from 'vitest';
import { DEFAULT_TEMPLATES } from './default-templates.js';
import { reviewTemplate } from './lint-template.js';
import type { TTemplateDefinition } from './types.js';

const base = DEFAULT_TEMPLATES[0];

function withZh(part: Partial<TTemplateDefinition['locales']['zh-CN']>): TTemplateDefinition {
  return { ...base, locales: { ...base.locales, 'zh-CN': { ...base.locales['zh-CN'], ...part } } };
}

describe('reviewTemplate', () => {
  it('finds nothing in any default template', () => {
    for (const template of DEFAULT_TEMPLATES) expect(reviewTemplate(template), template.id).toEqual({ findings: [], errors: [] });
  });

  it('refuses a penalty clause in the body and locates it', () => {
    const review = reviewTemplate(withZh({ body: '如未按时入职，需支付违约金 5000 元。' }));
    expect(review.findings.map((f) => [f.rule, f.severity, f.path])).toEqual([['penalty_deposit', 'error', 'offer.send_package/zh-CN/body']]);
  });

  it('applies the SMS rule to the SMS part only', () => {
    const review = reviewTemplate(withZh({ sms: '【{{ org.name }}】您的入职通知已发送：{{ portal.link }}', body: '入职通知' }));
    expect(review.findings.map((f) => [f.rule, f.path])).toEqual([['sms_recruitment_content', 'offer.send_package/zh-CN/sms']]);
  });

  it('reports unknown variables with their location', () => {
    const review = reviewTemplate(withZh({ subject: '{{ offer.positon }}' }));
    expect(review.errors).toEqual([expect.objectContaining({ code: 'unknown_variable', variable: 'offer.positon', path: 'offer.send_package/zh-CN/subject' })]);
  });
});
