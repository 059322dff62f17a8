import { describe, expect, it } from 'vitest';
import { SAMPLE_TEMPLATE_VARIABLES, type TTemplateVariables } from '../../core/templates/index.js';
import { computeRetryDelayMs } from './backoff.js';
import { renderOutboundMessage } from './render-message.js';

const zh = SAMPLE_TEMPLATE_VARIABLES; // start date 2026-12-14, Shanghai
const en: TTemplateVariables = { ...zh, candidate: { ...zh.candidate, name: 'Ada', language: 'en-US' } };
const render = (vars: TTemplateVariables, stepIds: string[], leadKey: string, sentAt: string) =>
  renderOutboundMessage({ vars, stepIds, leadKey, sentAt: new Date(sentAt), timeZone: 'Asia/Shanghai' });

describe('renderOutboundMessage', () => {
  it('picks the daily-care note by the days left on the day it goes out', () => {
    const s2 = render(zh, ['final.daily_care'], 'final.daily_care#1', '2026-12-12T02:00:00Z');
    const s1 = render(en, ['final.daily_care'], 'final.daily_care#2', '2026-12-13T02:00:00Z');
    expect(s2.ok && s2.message.subject).toBe('材料准备得怎么样了？');
    expect(s1.ok && s1.message.subject).toBe('See you tomorrow!');
    // A retry that slipped past the start date still sends the occurrence's own note.
    const late = render(en, ['final.daily_care'], 'final.daily_care#2', '2026-12-15T02:00:00Z');
    expect(late.ok && late.message.subject).toBe('See you tomorrow!');
  });

  it('merges steps under the lead step subject with every section in the body', () => {
    const merged = render(zh, ['final.daily_care', 'final.logistics_confirm'], 'final.daily_care#0', '2026-12-11T02:00:00Z');
    if (!merged.ok) throw new Error(merged.error);
    expect(merged.message.subject).toBe('还有三天，我们就见面了');
    expect(merged.message.text).toContain('再过三天');
    expect(merged.message.text).toContain('报到时间：2026年12月14日（星期一） 09:00');
    expect(merged.message.text.split('————————')).toHaveLength(2);
    expect(merged.message.smsText).toContain(zh.portal.link);
    expect(merged.message.smsText).not.toContain('报到');
  });

  it('leaves the SMS notice out when asked, and nothing else changes', () => {
    const args = { vars: zh, stepIds: ['final.daily_care', 'final.logistics_confirm'], leadKey: 'final.daily_care#0', sentAt: new Date('2026-12-11T02:00:00Z'), timeZone: 'Asia/Shanghai' };
    const full = renderOutboundMessage(args);
    const emailOnly = renderOutboundMessage({ ...args, smsNotice: false });
    if (!full.ok || !emailOnly.ok) throw new Error('render failed');
    expect(emailOnly.message).toEqual({ ...full.message, smsText: '' });
    expect(full.message.smsText).not.toBe('');
  });

  it('names the missing data when a template needs a section the record lacks', () => {
    const { compensation: _c, ...withoutPay } = zh;
    const result = render(withoutPay, ['salary.explain_total_comp'], 'salary.explain_total_comp#0', '2026-12-01T02:00:00Z');
    expect(result).toEqual({ ok: false, error: expect.stringContaining('needs the salary of the current offer') });
    expect(render(zh, ['no.such_step'], 'no.such_step#0', '2026-12-01T02:00:00Z')).toEqual({ ok: false, error: 'no message template for step no.such_step' });
  });
});

describe('computeRetryDelayMs', () => {
  it('doubles from one minute, caps at six hours, and never undercuts the provider', () => {
    expect([1, 2, 3, 4].map((a) => computeRetryDelayMs(a))).toEqual([60_000, 120_000, 240_000, 480_000]);
    expect(computeRetryDelayMs(20)).toBe(6 * 3_600_000);
    expect(computeRetryDelayMs(1, 300_000)).toBe(300_000);
    expect(computeRetryDelayMs(5, 300_000)).toBe(960_000);
  });
});
