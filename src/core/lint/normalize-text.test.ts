import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizeCompact, normalizeText } from './normalize-text.js';

describe('normalizeText', () => {
  it('folds full-width, case, zero-width characters and Traditional characters', () => {
    expect(normalizeCompact('ＭＡＲＩＴＡＬ')).toBe('marital');
    expect(normalizeCompact('mar\u200Bi\u200Dtal\uFEFF')).toBe('marital');
    expect(normalizeCompact('婚姻狀況')).toBe('婚姻状况');
    expect(normalizeCompact('懷孕')).toBe('怀孕');
    expect(normalizeCompact('違約金')).toBe('违约金');
  });

  it('removes spacing and punctuation between Chinese characters', () => {
    expect(normalizeCompact('婚 姻 状 况')).toBe('婚姻状况');
    expect(normalizeCompact('婚-姻／状·况')).toBe('婚姻状况');
    expect(normalizeText('婚　姻').spaced.text).toBe('婚姻');
  });

  it('maps look-alike Cyrillic and Greek letters and strips diacritics', () => {
    expect(normalizeCompact('mаrital')).toBe('marital'); // Cyrillic а
    expect(normalizeCompact('relígíon')).toBe('religion');
  });

  it('keeps English word boundaries in the spaced view but joins spelled-out and hyphenated words', () => {
    const view = normalizeText('Your  m a r i t a l   status, mar-ital & e.g. follow-up').spaced.text;
    expect(view).toBe('your marital status marital eg followup');
  });

  it('marks Latin word starts in the compact view, including camelCase boundaries', () => {
    const { compact } = normalizeText('isPregnant xmarital');
    expect(compact.text).toBe('ispregnantxmarital');
    expect(compact.wordStart[compact.text.indexOf('pregnant')]).toBe(true);
    expect(compact.wordStart[compact.text.indexOf('marital')]).toBe(false);
  });

  it('maps every normalised character back to a valid range of the original', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 60 }), (source) => {
        const { compact, spaced } = normalizeText(source);
        // Plain booleans instead of expect() per character: keeps 100 runs fast.
        return [compact, spaced].every(
          (view) =>
            view.starts.length === view.text.length &&
            view.ends.length === view.text.length &&
            view.starts.every((start, i) => start >= 0 && view.ends[i] > start && view.ends[i] <= source.length),
        );
      }),
      // Generating full-Unicode strings dominates the run time; 50 runs cover it well.
      { numRuns: 50 },
    );
  });

  it('is idempotent on the compact form', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 40 }), (source) => {
        const once = normalizeCompact(source);
        expect(normalizeCompact(once)).toBe(once);
      }),
    );
  });
});
