import { foldChar } from './char-maps.js';

/**
 * One normalised rendering of a text. `starts[i]`/`ends[i]` give the original [start, end)
 * of character i, so every match can be reported against what the author actually wrote.
 */
export interface TNormalizedView {
  text: string;
  starts: number[];
  ends: number[];
}

/**
 * Two views of the same text:
 * - `compact`: letters and digits only — defeats spacing/punctuation tricks (`婚 姻`, `婚-姻`);
 *   used for Chinese terms and for long Latin stems that cannot occur by accident.
 * - `spaced`: words separated by single spaces — keeps English word boundaries so that short
 *   terms (`race`, `bond`) do not fire inside unrelated words.
 * `wordStart[i]` tells whether compact character i begins a Latin word in the original.
 */
export interface TNormalizedText {
  compact: TNormalizedView & { wordStart: boolean[] };
  spaced: TNormalizedView;
}

interface TChar {
  ch: string;
  start: number;
  end: number;
  kind: 'token' | 'joiner' | 'space';
  /** Upper-case letter right after a lower-case one: a camelCase word start (`isPregnant`). */
  camelStart: boolean;
}

/** Invisible characters that are dropped outright (zero-width, bidi marks, fillers, combining marks). */
const INVISIBLE = /^[\p{Cf}\p{Mn}\p{Me}\u115F\u1160\u3164\uFFA0]$/u;
const TOKEN = /^[\p{L}\p{N}]$/u;
/** Punctuation used to split a word without meaning a word break (`mar-ital`, `m.a.r.i.t.a.l`). */
const JOINER = /^[-_.·・*'’`~^•‐‑‒–—|+\\]$/u;
const LATIN = /^[a-z]$/;
const CJK = /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]$/u;

/** Folds one original code point into zero or more normalised characters. */
function foldCodePoint(raw: string): string[] {
  // Fast path: printable ASCII needs case folding only.
  if (raw.length === 1 && raw.charCodeAt(0) < 0x7f) return [raw.toLowerCase()];
  // Fast path: unified CJK ideographs have no decomposition or case.
  if (raw.length === 1 && raw >= '\u4e00' && raw <= '\u9fff') return [foldChar(raw)];
  if (INVISIBLE.test(raw)) return [];
  const decomposed = raw.normalize('NFKD').toLowerCase().replace(/\p{M}/gu, '').normalize('NFC');
  return Array.from(decomposed).map(foldChar);
}

function classify(ch: string): TChar['kind'] {
  if (TOKEN.test(ch)) return 'token';
  if (JOINER.test(ch)) return 'joiner';
  return 'space';
}

function toChars(source: string): TChar[] {
  const chars: TChar[] = [];
  let index = 0;
  let previousRaw = '';
  for (const raw of source) {
    const start = index;
    index += raw.length;
    const camelStart = /[A-Z]/.test(raw) && /[a-z]/.test(previousRaw);
    for (const ch of foldCodePoint(raw)) chars.push({ ch, start, end: index, kind: classify(ch), camelStart });
    if (!INVISIBLE.test(raw)) previousRaw = raw;
  }
  return chars;
}

function buildCompact(chars: TChar[]): TNormalizedText['compact'] {
  const view = { text: '', starts: [] as number[], ends: [] as number[], wordStart: [] as boolean[] };
  let previous: TChar | undefined;
  let brokenSincePrevious = true;
  for (const c of chars) {
    if (c.kind !== 'token') {
      brokenSincePrevious = true;
      continue;
    }
    const startsWord = brokenSincePrevious || c.camelStart || !previous || !LATIN.test(previous.ch) || !LATIN.test(c.ch);
    view.text += c.ch;
    // One entry per UTF-16 unit: regex indices count units, astral characters take two.
    for (let unit = 0; unit < c.ch.length; unit++) {
      view.starts.push(c.start);
      view.ends.push(c.end);
      view.wordStart.push(startsWord && unit === 0);
    }
    previous = c;
    brokenSincePrevious = false;
  }
  return view;
}

interface TWord {
  chars: TChar[];
  /** Separator chars between this word and the next one. */
  gap: TChar[];
}

function splitWords(chars: TChar[]): TWord[] {
  const words: TWord[] = [];
  let current: TWord | undefined;
  for (const c of chars) {
    if (c.kind === 'token') {
      if (!current || current.gap.length > 0) {
        current = { chars: [], gap: [] };
        words.push(current);
      }
      current.chars.push(c);
    } else if (current) {
      current.gap.push(c);
    }
  }
  return words;
}

/** Decides, for each gap between words, whether it survives as a space in the spaced view. */
function decideGaps(words: TWord[]): boolean[] {
  const keep = words.map((word, i) => {
    const next = words[i + 1];
    if (!next) return false;
    const left = word.chars[word.chars.length - 1].ch;
    const right = next.chars[0].ch;
    // Chinese does not use spaces, so any separator between Han characters is noise.
    if (CJK.test(left) || CJK.test(right)) return false;
    const onlyJoiners = word.gap.every((c) => c.kind === 'joiner');
    return !(onlyJoiners && LATIN.test(left) && LATIN.test(right));
  });
  // Runs of three or more single letters ("m a r i t a l") are one spelled-out word.
  let i = 0;
  while (i < words.length) {
    let j = i;
    while (j < words.length && words[j].chars.length === 1 && LATIN.test(words[j].chars[0].ch)) j++;
    if (j - i >= 3) for (let k = i; k < j - 1; k++) keep[k] = false;
    i = Math.max(j, i + 1);
  }
  return keep;
}

function buildSpaced(chars: TChar[]): TNormalizedView {
  const view: TNormalizedView = { text: '', starts: [], ends: [] };
  const words = splitWords(chars);
  const keep = decideGaps(words);
  words.forEach((word, i) => {
    for (const c of word.chars) {
      view.text += c.ch;
      for (let unit = 0; unit < c.ch.length; unit++) {
        view.starts.push(c.start);
        view.ends.push(c.end);
      }
    }
    if (keep[i]) {
      view.text += ' ';
      view.starts.push(word.gap[0].start);
      view.ends.push(word.gap[word.gap.length - 1].end);
    }
  });
  return view;
}

/**
 * Normalises text for compliance matching: NFKC-style folding (full-width → ASCII,
 * compatibility ideographs), case folding, diacritics and zero-width characters removed,
 * look-alike Cyrillic/Greek letters mapped to Latin, Traditional → Simplified Chinese.
 * Pure; positions map back to the original string.
 */
export function normalizeText(source: string): TNormalizedText {
  const chars = toChars(source);
  return { compact: buildCompact(chars), spaced: buildSpaced(chars) };
}

/** Convenience for search/indexing and tests: the compact normalised form of `source`. */
export function normalizeCompact(source: string): string {
  return normalizeText(source).compact.text;
}
