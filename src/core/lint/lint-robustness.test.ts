import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lintText } from './lint-text.js';
import type { TLintRule } from './types.js';

/** Forbidden phrases with their Traditional spelling (same when nothing changes). */
const CHINESE_PHRASES: Array<[simplified: string, traditional: string, rule: TLintRule]> = [
  ['婚姻状况', '婚姻狀況', 'marital_status'],
  ['已婚', '已婚', 'marital_status'],
  ['怀孕', '懷孕', 'pregnancy'],
  ['生育计划', '生育計劃', 'pregnancy'],
  ['验孕', '驗孕', 'pregnancy_test'],
  ['乙肝', '乙肝', 'hepatitis_b'],
  ['两对半', '兩對半', 'hepatitis_b'],
  ['宗教信仰', '宗教信仰', 'religion'],
  ['男性优先', '男性優先', 'gender_preference'],
  ['违约金', '違約金', 'penalty_deposit'],
  ['押金', '押金', 'penalty_deposit'],
  ['保证金', '保證金', 'penalty_deposit'],
];

/** English phrases whose detection must survive spacing tricks (matched on letters only). */
const LATIN_PHRASES: Array<[string, TLintRule]> = [
  ['marital status', 'marital_status'],
  ['pregnancy', 'pregnancy'],
  ['pregnancy test', 'pregnancy_test'],
  ['religion', 'religion'],
  ['HBsAg', 'hepatitis_b'],
  ['liquidated damages', 'penalty_deposit'],
  ['penalty', 'penalty_deposit'],
];

/** What people insert to dodge keyword filters. */
const NOISE = ['', '', ' ', '\u200B', '\u200C', '\u200D', '\u2060', '\uFEFF', '-', '.', '_', '·', '\u3000', '*'];

const BENIGN_ZH = ['欢迎加入团队', '请携带身份证原件', '工资卡', '生育保险', '医疗保险', '住房公积金', '紧急联系人', '配偶', '性别', '不限男女', '离职证明', '一寸照片', '报到时间', '停车信息', '导师', '培训计划', '单身公寓', '整体检查', '办公地点', '试用期考核标准', '年终奖', '餐补'];
const BENIGN_EN = ['welcome to the team', 'your salary will be deposited into your bank account', 'direct deposit', 'health insurance', 'gender', 'no gender preference', 'emergency contact', 'spouse', 'Samaritan', 'team bonding', 'embrace', 'trace', 'grace', 'in good faith', 'probation', 'annual bonus', 'parking', 'maternity insurance', 'laptop', 'badge'];
const SEPARATORS = [' ', '，', '。', ', ', '. ', '\n', '、', '; '];

const benignText = fc
  .array(fc.tuple(fc.constantFrom(...BENIGN_ZH, ...BENIGN_EN), fc.constantFrom(...SEPARATORS)), { maxLength: 12 })
  .map((parts) => parts.map(([word, sep]) => word + sep).join(''));

/** Interleaves noise between the characters of a phrase. */
function obfuscate(chars: string[], noise: string[]): string {
  return chars.map((ch, i) => ch + (i < chars.length - 1 ? noise[i % noise.length] : '')).join('');
}

function toFullWidth(ch: string): string {
  const code = ch.charCodeAt(0);
  return code >= 0x21 && code <= 0x7e ? String.fromCharCode(code + 0xfee0) : ch;
}

const obfuscatedChinese = fc
  .tuple(fc.constantFrom(...CHINESE_PHRASES), fc.boolean(), fc.array(fc.constantFrom(...NOISE), { minLength: 1, maxLength: 6 }))
  .map(([[simplified, traditional, rule], useTraditional, noise]) => ({
    text: obfuscate(Array.from(useTraditional ? traditional : simplified), noise),
    rule,
  }));

const obfuscatedLatin = fc
  .tuple(
    fc.constantFrom(...LATIN_PHRASES),
    fc.array(fc.constantFrom(...NOISE), { minLength: 1, maxLength: 6 }),
    fc.array(fc.tuple(fc.boolean(), fc.boolean()), { minLength: 20, maxLength: 20 }),
  )
  .map(([[phrase, rule], noise, styles]) => {
    const chars = Array.from(phrase).map((ch, i) => {
      const [upper, wide] = styles[i % styles.length];
      const cased = upper ? ch.toUpperCase() : ch.toLowerCase();
      return wide ? toFullWidth(cased) : cased;
    });
    return { text: obfuscate(chars, noise), rule };
  });

describe('lint robustness (property-based)', () => {
  it('still refuses a forbidden phrase after spacing, zero-width, full-width, case and Traditional tricks', () => {
    fc.assert(
      fc.property(benignText, fc.oneof(obfuscatedChinese, obfuscatedLatin), benignText, (before, hidden, after) => {
        // Separators around the phrase keep it a word of its own, as a real author would write it.
        const text = `${before} ${hidden.text} ${after}`;
        const start = before.length + 1;
        const end = start + hidden.text.length;
        const hits = lintText(text, { kind: 'document' }).filter((f) => f.rule === hidden.rule);
        expect(hits.some((f) => f.severity === 'error' && f.offset < end && f.offset + f.length > start)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('never reports anything on benign text built from an allowed vocabulary', () => {
    fc.assert(
      fc.property(benignText, (text) => {
        expect(lintText(text, { kind: 'document' })).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it('always reports excerpts that are exactly the original text at offset', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 20 }), fc.oneof(obfuscatedChinese, obfuscatedLatin), fc.string({ maxLength: 20 }), (a, hidden, b) => {
        const text = a + hidden.text + b;
        for (const f of lintText(text, { kind: 'document' })) {
          expect(text.slice(f.offset, f.offset + f.length)).toBe(f.excerpt);
          expect(f.length).toBeGreaterThan(0);
        }
      }),
    );
  });
});
