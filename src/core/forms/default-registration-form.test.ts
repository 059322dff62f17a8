import { describe, expect, it } from 'vitest';
import { hasBlockingFindings, lintForm } from '../lint/index.js';
import { DEFAULT_REGISTRATION_FORM, OPTIONAL_REGISTRATION_FIELDS } from './default-registration-form.js';
import { SENSITIVE_READER_ROLES, ZFormDefinition } from './types.js';

const fields = DEFAULT_REGISTRATION_FORM.fields;
const byKey = new Map(fields.map((f) => [f.key, f]));

describe('DEFAULT_REGISTRATION_FORM', () => {
  it('is a valid form definition (unique keys, options on selects, HR-only sensitive fields)', () => {
    expect(ZFormDefinition.safeParse(DEFAULT_REGISTRATION_FORM).success).toBe(true);
  });

  it('passes the compliance lint with no finding at all', () => {
    expect(lintForm(DEFAULT_REGISTRATION_FORM)).toEqual([]);
  });

  it('contains the statutory employee-register items (Implementing Regulations Art. 8)', () => {
    for (const key of [
      'fullName',
      'gender',
      'idNumber',
      'householdRegistrationAddress',
      'currentAddress',
      'mobilePhone',
      'employmentForm',
      'employmentStartDate',
      'contractTerm',
      'position',
      'dateOfBirth',
    ]) {
      expect(byKey.get(key)?.required, key).toBe(true);
    }
  });

  it('contains payroll, social-insurance, emergency-contact and education essentials', () => {
    for (const key of ['salaryBankName', 'salaryBankAccount', 'socialInsuranceStatus', 'housingFundAccount', 'emergencyContactName', 'emergencyContactPhone', 'highestEducation', 'separationCertificate']) {
      expect(byKey.has(key), key).toBe(true);
    }
  });

  it('marks ID numbers/images and bank details sensitive and keeps them HR-only', () => {
    for (const key of ['idNumber', 'idDocumentImage', 'salaryBankName', 'salaryBankAccount']) {
      const field = byKey.get(key)!;
      expect(field.sensitive, key).toBe(true);
      expect(field.roles.every((r) => SENSITIVE_READER_ROLES.includes(r)), key).toBe(true);
    }
  });

  it('never shows document or personnel data to admin (logistics only) or executives', () => {
    const adminVisible = fields.filter((f) => f.roles.includes('admin')).map((f) => f.key);
    expect(adminVisible.sort()).toEqual(['fullName', 'mobilePhone']);
    expect(fields.some((f) => f.roles.includes('executive'))).toBe(false);
  });

  it('lets the candidate read every field they are asked to fill in', () => {
    expect(fields.filter((f) => f.filledBy === 'candidate').every((f) => f.roles.includes('candidate'))).toBe(true);
  });

  it('states a purpose in both languages for every field', () => {
    for (const field of fields) {
      expect(field.purpose.zh.length, field.key).toBeGreaterThan(3);
      expect(field.purpose.en.length, field.key).toBeGreaterThan(10);
    }
  });
});

describe('OPTIONAL_REGISTRATION_FIELDS', () => {
  it('are sensitive, HR-only and pass the lint only as justified info', () => {
    for (const field of OPTIONAL_REGISTRATION_FIELDS) {
      expect(field.sensitive).toBe(true);
      expect(field.roles.every((r) => SENSITIVE_READER_ROLES.includes(r))).toBe(true);
    }
    const findings = lintForm({ fields: [...OPTIONAL_REGISTRATION_FIELDS] });
    expect(hasBlockingFindings(findings)).toBe(false);
    expect(findings.every((f) => f.severity === 'info')).toBe(true);
  });

  it('the health certificate would warn if its purpose were removed', () => {
    const health = OPTIONAL_REGISTRATION_FIELDS.find((f) => f.key === 'healthCertificate')!;
    const findings = lintForm({ fields: [{ ...health, purpose: undefined }] });
    expect(findings.map((f) => [f.rule, f.severity])).toContainEqual(['health', 'warning']);
    expect(findings.map((f) => [f.rule, f.severity])).toContainEqual(['purpose_missing', 'error']);
  });
});
