import { describe, expect, it } from 'vitest';
import { ROLE_TYPES } from '../../contracts/common.js';
import { lintText } from '../lint/index.js';
import {
  CHECKLIST_ITEMS, MAX_UPLOAD_BYTES, findChecklistItem, materializeChecklist, nextItemStatus, sanitizeFileName, sniffContentType,
} from './index.js';

const bytes = (...parts: Array<string | number[]>) =>
  new Uint8Array(parts.flatMap((p) => (typeof p === 'string' ? [...p].map((c) => c.charCodeAt(0)) : p)));

describe('the default checklist', () => {
  it('carries the source’s materials and process guide, each with notes and a purpose in both languages', () => {
    const ids = CHECKLIST_ITEMS.map((i) => i.id);
    for (const id of ['identityCard', 'diplomas', 'separationCertificate', 'photos', 'socialInsuranceTransfer', 'salaryBankCard', 'medicalReport', 'reportToHr', 'registrationForm']) {
      expect(ids, id).toContain(id);
    }
    expect(new Set(ids).size).toBe(ids.length);
    for (const item of CHECKLIST_ITEMS) {
      for (const text of [item.title, item.notes, item.purpose]) {
        expect(text.zh.trim().length, item.id).toBeGreaterThan(0);
        expect(text.en.trim().length, item.id).toBeGreaterThan(0);
      }
    }
  });

  it('marks identity card, bank card and medical report sensitive, and nothing else', () => {
    expect(CHECKLIST_ITEMS.filter((i) => i.sensitive).map((i) => i.id).sort()).toEqual(['identityCard', 'medicalReport', 'salaryBankCard']);
  });

  it('gives upload items content types and a size limit, confirm items none', () => {
    for (const item of CHECKLIST_ITEMS) {
      if (item.kind === 'upload') {
        expect(item.accept.length, item.id).toBeGreaterThan(0);
        expect(item.maxBytes, item.id).toBeGreaterThan(0);
        expect(item.maxBytes, item.id).toBeLessThanOrEqual(MAX_UPLOAD_BYTES);
      } else {
        expect(item.accept, item.id).toEqual([]);
        expect(item.prereviewRequested, item.id).toBe(false);
      }
    }
    expect(findChecklistItem({ roleType: 'tech', relocation: false }, 'identityCard')?.accept).toContain('image/heic');
    expect(findChecklistItem({ roleType: 'tech', relocation: false }, 'photos')?.accept).not.toContain('application/pdf');
  });

  it('passes the compliance lint in both languages, with its stated purpose', () => {
    for (const item of CHECKLIST_ITEMS) {
      for (const text of [item.title, item.notes]) {
        for (const lang of ['zh', 'en'] as const) {
          const findings = lintText(text[lang], { kind: 'document', purpose: item.purpose[lang] }).filter((f) => f.severity !== 'info');
          expect(findings, `${item.id} ${lang}`).toEqual([]);
        }
      }
    }
  });
});

describe('materializeChecklist', () => {
  it('leaves out the separation certificate for campus hires and the relocation item for local hires', () => {
    const campus = materializeChecklist({ roleType: 'campus', relocation: false }).map((i) => i.id);
    expect(campus).not.toContain('separationCertificate');
    expect(campus).not.toContain('relocationPlan');
    const mover = materializeChecklist({ roleType: 'tech', relocation: true }).map((i) => i.id);
    expect(mover).toContain('separationCertificate');
    expect(mover).toContain('relocationPlan');
  });

  it('keeps display order and never invents items', () => {
    for (const roleType of ROLE_TYPES) {
      for (const relocation of [false, true]) {
        const items = materializeChecklist({ roleType, relocation });
        const positions = items.map((i) => CHECKLIST_ITEMS.indexOf(i));
        expect(positions.every((p) => p >= 0)).toBe(true);
        expect([...positions].sort((a, b) => a - b)).toEqual(positions);
      }
    }
    expect(findChecklistItem({ roleType: 'tech', relocation: false }, 'relocationPlan')).toBeUndefined();
    expect(findChecklistItem({ roleType: 'tech', relocation: false }, 'nope')).toBeUndefined();
  });
});

describe('sniffContentType', () => {
  it('recognises PDF, JPEG, PNG, HEIC and HEIF by their bytes', () => {
    expect(sniffContentType(bytes('%PDF-1.7\n'))).toBe('application/pdf');
    expect(sniffContentType(bytes([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]))).toBe('image/jpeg');
    expect(sniffContentType(bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]))).toBe('image/png');
    expect(sniffContentType(bytes([0, 0, 0, 0x18], 'ftypheic', [0, 0, 0, 0]))).toBe('image/heic');
    expect(sniffContentType(bytes([0, 0, 0, 0x18], 'ftypmif1', [0, 0, 0, 0]))).toBe('image/heif');
  });

  it('refuses everything else, including HTML dressed as an image and truncated headers', () => {
    expect(sniffContentType(bytes('<html><script>alert(1)</script>'))).toBeUndefined();
    expect(sniffContentType(bytes('GIF89a'))).toBeUndefined();
    expect(sniffContentType(bytes('PK', [3, 4]))).toBeUndefined();
    expect(sniffContentType(bytes([0x89, 0x50, 0x4e, 0x47]))).toBeUndefined();
    expect(sniffContentType(bytes([0, 0, 0, 0x18], 'ftypmp42', [0, 0, 0, 0]))).toBeUndefined();
    expect(sniffContentType(bytes(' %PDF-1.7'))).toBeUndefined();
    expect(sniffContentType(new Uint8Array())).toBeUndefined();
  });
});

describe('sanitizeFileName', () => {
  it('keeps only the last path segment', () => {
    expect(sanitizeFileName('../../etc/passwd')).toBe('passwd');
    expect(sanitizeFileName('C:\\Users\\me\\身份证.jpg')).toBe('身份证.jpg');
    expect(sanitizeFileName('..')).toBe('document');
  });

  it('drops control and bidi characters, leading dots and shell-hostile characters', () => {
    expect(sanitizeFileName('.htaccess')).toBe('htaccess');
    expect(sanitizeFileName('photo\u202egpj.exe')).toBe('photogpj.exe');
    expect(sanitizeFileName('a\u0000b\nc.pdf')).toBe('abc.pdf');
    expect(sanitizeFileName('what?<b>.pdf')).toBe('what__b_.pdf');
  });

  it('is never empty and never longer than 120 characters, keeping the extension', () => {
    expect(sanitizeFileName('', 'application/pdf')).toBe('document.pdf');
    const long = sanitizeFileName(`${'很'.repeat(300)}.pdf`);
    expect(long.length).toBe(120);
    expect(long.endsWith('.pdf')).toBe(true);
  });
});

describe('nextItemStatus', () => {
  it('follows the item life cycle', () => {
    expect(nextItemStatus('pending', 'mark_ready')).toBe('ready');
    expect(nextItemStatus('ready', 'unmark_ready')).toBe('pending');
    expect(nextItemStatus('ready', 'upload')).toBe('submitted');
    expect(nextItemStatus('submitted', 'upload')).toBe('submitted');
    expect(nextItemStatus('submitted', 'approve')).toBe('approved');
    expect(nextItemStatus('submitted', 'reject')).toBe('rejected');
    expect(nextItemStatus('rejected', 'upload')).toBe('submitted');
    expect(nextItemStatus('rejected', 'mark_ready')).toBe('ready');
    expect(nextItemStatus('approved', 'purge')).toBe('pending');
    expect(nextItemStatus('pending', 'approve')).toBe('approved');
    expect(nextItemStatus('rejected', 'reject')).toBe('rejected');
  });

  it('refuses what does not apply', () => {
    expect(nextItemStatus('approved', 'approve')).toBeUndefined();
    expect(nextItemStatus('pending', 'unmark_ready')).toBeUndefined();
    expect(nextItemStatus('approved', 'upload')).toBeUndefined();
    expect(nextItemStatus('approved', 'mark_ready')).toBeUndefined();
    expect(nextItemStatus('submitted', 'mark_ready')).toBeUndefined();
  });
});
