import { describe, expect, it } from 'vitest';
import { lintForm } from './lint-form.js';
import { ZLintForm, type TLintFormField } from './types.js';

const purpose = { zh: '建立职工名册', en: 'Employee register' };

function field(overrides: Partial<TLintFormField>): TLintFormField {
  return { key: 'fullName', label: { zh: '姓名', en: 'Full name' }, purpose, ...overrides };
}

describe('lintForm', () => {
  it('passes a clean field', () => {
    expect(lintForm({ fields: [field({})] })).toEqual([]);
  });

  it('refuses a field without a purpose, or with a blank one', () => {
    const findings = lintForm({ fields: [field({ purpose: undefined }), field({ key: 'phone', purpose: { zh: '  ', en: '' } })] });
    expect(findings.map((f) => [f.rule, f.severity, f.field])).toEqual([
      ['purpose_missing', 'error', 'fullName'],
      ['purpose_missing', 'error', 'phone'],
    ]);
    expect(findings[0].path).toBe('fields[0].purpose');
  });

  it('finds forbidden questions in labels, help, options and keys, with the path', () => {
    const findings = lintForm({
      fields: [
        field({ key: 'status', label: { zh: '个人情况', en: 'Status' }, options: [{ value: 'a', label: { zh: '已婚', en: 'Married' } }] }),
        field({ key: 'isPregnant', label: 'Anything else?' }),
        field({ key: 'notes', label: '备注', help: { en: 'Mention your religion if relevant' } }),
      ],
    });
    const located = findings.map((f) => [f.rule, f.path]);
    expect(located).toContainEqual(['marital_status', 'fields[0].options[0].label.zh']);
    expect(located).toContainEqual(['marital_status', 'fields[0].options[0].label.en']);
    expect(located).toContainEqual(['pregnancy', 'fields[1].key']);
    expect(located).toContainEqual(['religion', 'fields[2].help.en']);
    expect(findings.every((f) => f.severity === 'error')).toBe(true);
  });

  it('warns on purpose-dependent topics without a purpose and notes them as info with one', () => {
    const withoutPurpose = lintForm({ fields: [field({ key: 'ethnicGroup', label: '民族', purpose: undefined })] });
    expect(withoutPurpose.map((f) => [f.rule, f.severity])).toContainEqual(['ethnicity', 'warning']);
    const withPurpose = lintForm({ fields: [field({ key: 'party', label: '政治面貌', purpose: '党组织关系转接' })] });
    expect(withPurpose.map((f) => [f.rule, f.severity])).toEqual([['political_affiliation', 'info']]);
  });

  it('asks to flag sensitive fields that are not marked sensitive', () => {
    const unflagged = lintForm({ fields: [field({ key: 'card', label: { zh: '工资卡号', en: 'Salary bank card number' } })] });
    expect(unflagged.map((f) => [f.rule, f.severity])).toEqual([['sensitive_unflagged', 'warning']]);
    const flagged = lintForm({ fields: [field({ key: 'card', label: { zh: '工资卡号', en: 'Salary bank card number' }, sensitive: true })] });
    expect(flagged).toEqual([]);
    const criminal = lintForm({ fields: [field({ key: 'record', label: '无犯罪记录证明' })] });
    expect(criminal.map((f) => f.rule)).toEqual(['sensitive_unflagged']);
  });

  it('lints the form title too', () => {
    const findings = lintForm({ title: '婚育情况调查', fields: [field({})] });
    expect(findings.map((f) => [f.rule, f.path])).toContainEqual(['marital_status', 'title']);
  });

  it('accepts imported, monolingual forms through its schema', () => {
    const parsed = ZLintForm.parse({ fields: [{ key: 'x', label: 'Gender', options: ['M', 'F'], purpose: 'register' }] });
    expect(lintForm(parsed)).toEqual([]);
  });
});
