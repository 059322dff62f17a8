import { describe, expect, it } from 'vitest';
import { buildDigestSummaryTexts, buildEscalationTexts, buildTestText } from './staff-channel-texts.js';

const URL = 'https://preboard.example.cn/tasks';

describe('staff robot texts', () => {
  it('writes the digest summary in each language, busiest owner first, and says when nothing is due', () => {
    const texts = buildDigestSummaryTexts('2026-11-25', [
      { name: '王芳', overdue: 0, today: 2 }, { name: 'Li Lei', overdue: 3, today: 1 }, { name: '赵六', overdue: 0, today: 0 },
    ], URL);
    expect(texts['zh-CN']).toBe(['Preboard 2026-11-25 每日待办', '- Li Lei：逾期 3 项，今日到期 1 项', '- 王芳：逾期 0 项，今日到期 2 项', URL].join('\n'));
    expect(texts['en-US']).toBe(['Preboard daily tasks 2026-11-25', '- Li Lei: 3 overdue, 1 due today', '- 王芳: 0 overdue, 2 due today', URL].join('\n'));
    const idle = buildDigestSummaryTexts('2026-11-26', [{ name: '赵六', overdue: 0, today: 0 }], URL);
    expect(idle['zh-CN']).toContain('- 无逾期或今日到期的待办');
    expect(idle['en-US']).toContain('- Nothing overdue or due today');
  });

  it('names escalated steps and roles in each language, with the legal deadline when there is one', () => {
    const texts = buildEscalationTexts([
      { stepId: 'offer.confirmation_call', owners: ['hrbp'], overdueSince: '2026-12-18T10:00:00+08:00', legalDeadline: null },
      { stepId: 'contract.sign_labour_contract', owners: ['hr', 'executive'], overdueSince: '2026-12-19T09:30:00+08:00', legalDeadline: '2027-01-15' },
      { stepId: 'custom.step', owners: ['manager'], overdueSince: '2026-12-19T09:30:00+08:00', legalDeadline: null },
    ], URL);
    expect(texts['zh-CN'].split('\n')).toEqual([
      'Preboard 升级提醒（3 项）',
      '- 入职意向确认电话 → HRBP（2026-12-18 10:00 起逾期）',
      '- 签订书面劳动合同 → 招聘 HR、高管（2026-12-19 09:30 起逾期，法定期限 2027-01-15）',
      '- custom.step → 用人经理（2026-12-19 09:30 起逾期）',
      URL,
    ]);
    expect(texts['en-US'].split('\n')).toEqual([
      'Preboard escalations (3)',
      '- Confirmation call → HRBP (overdue since 2026-12-18 10:00)',
      '- Sign the written labour contract → HR, Executive (overdue since 2026-12-19 09:30; legal deadline 2027-01-15)',
      '- custom.step → Hiring manager (overdue since 2026-12-19 09:30)',
      URL,
    ]);
  });

  it('keeps an escalation message short: 15 lines, then a count', () => {
    const many = Array.from({ length: 18 }, () => ({ stepId: 'day1.checkin', owners: ['hr'], overdueSince: '2026-12-19T09:30:00+08:00', legalDeadline: null }));
    const texts = buildEscalationTexts(many, URL);
    expect(texts['zh-CN'].split('\n').filter((l) => l.includes(' → '))).toHaveLength(15);
    expect(texts['zh-CN']).toContain('- ……另有 3 项');
    expect(texts['en-US']).toContain('- … and 3 more');
    // Robots cap a text message at about 2 KB (WeCom: 2048 bytes of UTF-8).
    for (const text of Object.values(texts)) expect(Buffer.byteLength(text)).toBeLessThan(2048);
  });

  it('writes the test message in the robot’s language', () => {
    expect(buildTestText('zh-CN', '入职群')).toBe('Preboard：「入职群」测试消息，员工提醒将发送到这里。');
    expect(buildTestText('en-US', 'Onboarding')).toBe('Preboard: test message for "Onboarding". Staff reminders will appear here.');
  });
});
