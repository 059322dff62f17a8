import { describe, expect, it } from 'vitest';
import { hasBlockingFindings, lintText } from './lint-text.js';
import type { TLintRule } from './types.js';

function rulesOf(text: string, kind: 'template' | 'document' | 'sms' = 'document'): TLintRule[] {
  return [...new Set(lintText(text, { kind }).map((f) => f.rule))];
}

describe('lintText: refused questions (errors)', () => {
  it.each<[string, TLintRule]>([
    ['请填写婚姻状况', 'marital_status'],
    ['婚否：□已婚 □未婚', 'marital_status'],
    ['What is your marital status?', 'marital_status'],
    ['Are you married?', 'marital_status'],
    ['近三年是否有生育计划？', 'pregnancy'],
    ['目前是否怀孕', 'pregnancy'],
    ['Are you pregnant?', 'pregnancy'],
    ['Do you plan to have children soon?', 'pregnancy'],
    ['入职体检包含验孕', 'pregnancy_test'],
    ['A pregnancy test is part of the check', 'pregnancy_test'],
    ['请提供乙肝五项检查结果', 'hepatitis_b'],
    ['两对半', 'hepatitis_b'],
    ['HBsAg result', 'hepatitis_b'],
    ['Hepatitis B screening', 'hepatitis_b'],
    ['宗教信仰', 'religion'],
    ['What is your religion?', 'religion'],
    ['该岗位男性优先', 'gender_preference'],
    ['仅限女性', 'gender_preference'],
    ['Male candidates only', 'gender_preference'],
    ['We prefer a woman for this role', 'gender_preference'],
    ['如提前离职需支付违约金', 'penalty_deposit'],
    ['入职需缴纳押金 500 元', 'penalty_deposit'],
    ['服装保证金', 'penalty_deposit'],
    ['Liquidated damages apply if you do not join', 'penalty_deposit'],
    ['A security bond of 1000 CNY is payable', 'penalty_deposit'],
    ['You must pay a deposit for the uniform', 'penalty_deposit'],
    ['A penalty clause applies', 'penalty_deposit'],
    ['身份证原件由公司扣押保管', 'penalty_deposit'],
  ])('%s → %s', (text, rule) => {
    const findings = lintText(text, { kind: 'document' });
    const finding = findings.find((f) => f.rule === rule);
    expect(finding?.severity).toBe('error');
    expect(hasBlockingFindings(findings)).toBe(true);
  });
});

describe('lintText: obfuscation', () => {
  it.each<[string, TLintRule]>([
    ['婚 姻 状 况', 'marital_status'],
    ['婚-姻', 'marital_status'],
    ['婚\u200B姻', 'marital_status'],
    ['懷孕', 'pregnancy'],
    ['兩對半', 'hepatitis_b'],
    ['違約金', 'penalty_deposit'],
    ['保證金', 'penalty_deposit'],
    ['ＭＡＲＩＴＡＬ ＳＴＡＴＵＳ', 'marital_status'],
    ['M a R i T a L status', 'marital_status'],
    ['mar-ital', 'marital_status'],
    ['rel\u200Cigion', 'religion'],
    ['PrEgNaNcY', 'pregnancy'],
    ['mаrital', 'marital_status'], // Cyrillic а
    ['liquidated-damages', 'penalty_deposit'],
    ['{{ candidate.maritalStatus }}', 'marital_status'],
  ])('%j → %s', (text, rule) => {
    expect(rulesOf(text)).toContain(rule);
  });
});

describe('lintText: legitimate text passes', () => {
  it.each([
    '您的工资将按月发放到工资卡',
    'Your salary will be deposited into your bank account each month.',
    'Direct deposit of your salary starts with the first payroll.',
    'Please bring a copy of your salary bank card for deposit of wages.',
    '公司为您缴纳五险一金，包括生育保险和医疗保险',
    'Health insurance is part of your benefits.',
    '性别：男/女',
    '本岗位不限男女',
    'There is no gender preference for this role.',
    '紧急联系人与本人关系：配偶',
    'The Good Samaritan hospital is next door.',
    'We celebrate team bonding every Friday.',
    'Embrace the trace of grace under pressure.',
    '公司附近有单身公寓可供参考',
    '请携带离职证明',
    '整体检查一遍材料',
  ])('%j has no finding', (text) => {
    expect(lintText(text, { kind: 'document' })).toEqual([]);
  });
});

describe('lintText: purpose-dependent topics', () => {
  it('warns on health, ethnicity and political affiliation without a purpose', () => {
    const findings = lintText('请填写健康状况、民族和政治面貌', { kind: 'document' });
    expect(findings.map((f) => [f.rule, f.severity])).toEqual([
      ['health', 'warning'],
      ['ethnicity', 'warning'],
      ['political_affiliation', 'warning'],
    ]);
    expect(hasBlockingFindings(findings)).toBe(false);
  });

  it('turns them into info when a purpose is stated', () => {
    const findings = lintText('健康证', { kind: 'document', purpose: '食品岗位依法持证上岗' });
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ rule: 'health', severity: 'info', messageKey: 'lint.health.justified' });
  });

  it('a health certificate for food service is a warning, never an error', () => {
    const findings = lintText('Health certificate (food service staff)', { kind: 'document' });
    expect(findings.map((f) => f.severity)).toEqual(['warning']);
  });

  it('does not lift refused rules with a purpose', () => {
    const findings = lintText('婚姻状况', { kind: 'document', purpose: '福利' });
    expect(findings[0].severity).toBe('error');
  });
});

describe('lintText: finding shape', () => {
  it('reports the original excerpt and offset, with bilingual messages', () => {
    const text = 'Name, then 婚 姻 状况 please';
    const [finding] = lintText(text, { kind: 'template', path: 'x/zh-CN/body' });
    expect(finding.excerpt).toBe('婚 姻');
    expect(text.slice(finding.offset, finding.offset + finding.length)).toBe(finding.excerpt);
    expect(finding.offset).toBe(text.indexOf('婚'));
    expect(finding.path).toBe('x/zh-CN/body');
    expect(finding.message.zh).toMatch(/婚姻/);
    expect(finding.message.en).toMatch(/marital/i);
  });

  it('reports each occurrence once even when several terms overlap', () => {
    const findings = lintText('婚姻状况 … 已婚', { kind: 'document' }).filter((f) => f.rule === 'marital_status');
    expect(findings.map((f) => f.excerpt)).toEqual(['婚姻', '已婚']);
  });
});

describe('lintText: SMS kind', () => {
  it('refuses recruitment vocabulary in SMS texts only', () => {
    expect(rulesOf('【星河】您的入职offer已发送', 'sms')).toContain('sms_recruitment_content');
    expect(rulesOf('Your job offer is ready', 'sms')).toContain('sms_recruitment_content');
    expect(rulesOf('您的入职资料已发送', 'template')).toEqual([]);
    expect(rulesOf('【星河】张三您好，您有一条新消息：https://x.example/p', 'sms')).toEqual([]);
  });
});

describe('lintText: regressions found by property tests', () => {
  it('honours an exception that overlaps another exception (性别不限 / 不限男女)', () => {
    expect(lintText('性别 不限男女', { kind: 'document' })).toEqual([]);
  });
});
