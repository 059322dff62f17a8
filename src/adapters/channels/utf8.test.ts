import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { measureUtf8, splitUtf8, truncateUtf8 } from './utf8.js';

// Mixed scripts, emoji, flags and ZWJ sequences: the cases that break byte-naive cutting.
const pieces = ['a', ' ', '\n', '入职', '你好，', '👍', '👨‍👩‍👧', '🇨🇳', 'é', 'ß'];
const textArb = fc.array(fc.constantFrom(...pieces), { maxLength: 400 }).map((p) => p.join(''));
const isWellFormed = (s: string) => Buffer.from(s, 'utf8').toString('utf8') === s && !s.includes('\uFFFD');

describe('truncateUtf8', () => {
  it('fits the byte limit, keeps a prefix, and never breaks a character', () => {
    fc.assert(
      fc.property(textArb, fc.integer({ min: 30, max: 600 }), (text, max) => {
        const out = truncateUtf8(text, max);
        expect(measureUtf8(out)).toBeLessThanOrEqual(max);
        expect(isWellFormed(out)).toBe(true);
        if (measureUtf8(text) <= max) expect(out).toBe(text);
        else expect(text.startsWith(out.slice(0, -1))).toBe(true);
      }),
    );
  });

  it('cuts 2048 bytes of Chinese on a character boundary', () => {
    const text = '请于周一上午九点到前台报到。'.repeat(100); // 3 bytes a character
    const out = truncateUtf8(text, 2048);
    expect(measureUtf8(out)).toBeLessThanOrEqual(2048);
    expect(measureUtf8(out)).toBeGreaterThan(2040);
    expect(out.endsWith('…')).toBe(true);
  });
});

describe('splitUtf8', () => {
  it('yields parts within the limit that join back to the original', () => {
    fc.assert(
      fc.property(textArb, fc.integer({ min: 30, max: 600 }), (text, max) => {
        const parts = splitUtf8(text, max);
        expect(parts.join('')).toBe(text);
        for (const part of parts) {
          expect(measureUtf8(part)).toBeLessThanOrEqual(max);
          expect(isWellFormed(part)).toBe(true);
        }
      }),
    );
  });

  it('prefers cutting after a newline', () => {
    const parts = splitUtf8(`${'a'.repeat(60)}\n${'b'.repeat(60)}`, 100);
    expect(parts).toEqual([`${'a'.repeat(60)}\n`, 'b'.repeat(60)]);
  });
});
