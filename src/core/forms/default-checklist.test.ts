import { describe, expect, it } from 'vitest';
import { lintForm, lintText } from '../lint/index.js';
import { DEFAULT_CHECKLIST, selectChecklistItems, ZChecklistItem } from './default-checklist.js';

const byKey = new Map(DEFAULT_CHECKLIST.map((item) => [item.key, item]));

describe('DEFAULT_CHECKLIST', () => {
  it('parses with its schema and has unique keys', () => {
    for (const item of DEFAULT_CHECKLIST) expect(ZChecklistItem.safeParse(item).success, item.key).toBe(true);
    expect(byKey.size).toBe(DEFAULT_CHECKLIST.length);
  });

  it('carries the items of the source checklist and process guide', () => {
    expect([...byKey.keys()]).toEqual([
      'identityCard',
      'diplomas',
      'separationCertificate',
      'photos',
      'socialInsuranceTransfer',
      'salaryBankCard',
      'reportToHr',
      'registrationForm',
    ]);
    expect(byKey.get('photos')!.bring.quantity).toBe(4);
    expect(byKey.get('photos')!.notes.zh).toMatch(/蓝底|白底/);
    expect(byKey.get('identityCard')!.bring).toMatchObject({ originals: true, copies: 2 });
    expect(byKey.get('reportToHr')!.title.en).toMatch(/9:00/);
    expect(byKey.get('registrationForm')!.notes.en).toMatch(/day before/);
  });

  it('marks ID and bank card sensitive, and offers uploads only with file types', () => {
    expect(byKey.get('identityCard')!.sensitive).toBe(true);
    expect(byKey.get('salaryBankCard')!.sensitive).toBe(true);
    for (const item of DEFAULT_CHECKLIST) {
      expect(item.upload === 'none', item.key).toBe(item.acceptedFileTypes.length === 0);
      if (item.kind === 'process') expect(item.upload).toBe('none');
    }
  });

  it('passes the lint as text and as collected items (purpose stated, sensitivity flagged)', () => {
    const asFields = DEFAULT_CHECKLIST.map((item) => ({
      key: item.key,
      label: item.title,
      help: item.notes,
      purpose: item.purpose,
      sensitive: item.sensitive,
    }));
    expect(lintForm({ fields: asFields })).toEqual([]);
    for (const item of DEFAULT_CHECKLIST) {
      for (const text of [item.title.zh, item.title.en, item.notes.zh, item.notes.en]) {
        expect(lintText(text, { kind: 'document' }), text).toEqual([]);
      }
    }
  });

  it('drops the certificate of separation for campus hires only', () => {
    expect(selectChecklistItems('campus').map((i) => i.key)).not.toContain('separationCertificate');
    expect(selectChecklistItems('tech').map((i) => i.key)).toContain('separationCertificate');
  });
});
