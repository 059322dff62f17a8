import type { TRuleLexicon } from './lexicon.js';
import type { TNormalizedText, TNormalizedView } from './normalize-text.js';

/** A half-open range [start, end) in the ORIGINAL text. */
export interface TSpan {
  start: number;
  end: number;
}

interface TCompiled {
  zh?: RegExp;
  stems: string[];
  en?: RegExp;
  exceptZh?: RegExp;
  exceptEn?: RegExp;
}

const compiledCache = new WeakMap<TRuleLexicon, TCompiled>();

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Longest alternatives first, so the reported excerpt is the most specific phrase. */
function compileLiterals(terms: string[] | undefined): RegExp | undefined {
  if (!terms?.length) return undefined;
  const sorted = [...terms].sort((a, b) => b.length - a.length).map(escapeRegExp);
  return new RegExp(sorted.join('|'), 'gu');
}

/** English alternatives only count between Latin word boundaries (CJK neighbours are boundaries). */
function compileWords(sources: string[] | undefined): RegExp | undefined {
  if (!sources?.length) return undefined;
  return new RegExp(`(?<![a-z0-9])(?:${sources.join('|')})(?![a-z0-9])`, 'gu');
}

function compile(lexicon: TRuleLexicon): TCompiled {
  let compiled = compiledCache.get(lexicon);
  if (!compiled) {
    compiled = {
      zh: compileLiterals(lexicon.zh),
      stems: lexicon.stems ?? [],
      en: compileWords(lexicon.en),
      exceptZh: compileLiterals(lexicon.exceptZh),
      exceptEn: compileWords(lexicon.exceptEn),
    };
    compiledCache.set(lexicon, compiled);
  }
  return compiled;
}

function toOriginal(view: TNormalizedView, from: number, to: number): TSpan {
  return { start: view.starts[from], end: view.ends[to - 1] };
}

/**
 * All matches, including overlapping ones: in 性别不限男女 the exception 不限男女 must be
 * found even though 性别不限 starts earlier and would consume 不限 in a plain global search.
 */
function matchRegExp(view: TNormalizedView, re: RegExp | undefined): TSpan[] {
  if (!re) return [];
  const spans: TSpan[] = [];
  re.lastIndex = 0;
  for (let m = re.exec(view.text); m; m = re.exec(view.text)) {
    if (m[0].length > 0) spans.push(toOriginal(view, m.index, m.index + m[0].length));
    re.lastIndex = m.index + 1;
  }
  return spans;
}

function matchStems(compact: TNormalizedText['compact'], stems: string[]): TSpan[] {
  const spans: TSpan[] = [];
  for (const stem of stems) {
    for (let at = compact.text.indexOf(stem); at >= 0; at = compact.text.indexOf(stem, at + 1)) {
      if (compact.wordStart[at]) spans.push(toOriginal(compact, at, at + stem.length));
    }
  }
  return spans;
}

function isCovered(span: TSpan, covers: TSpan[]): boolean {
  return covers.some((c) => c.start <= span.start && span.end <= c.end);
}

/** Merges overlapping spans so one phrase matched by several terms or views is reported once. */
function mergeSpans(spans: TSpan[]): TSpan[] {
  const sorted = [...spans].sort((a, b) => a.start - b.start || b.end - a.end);
  const merged: TSpan[] = [];
  for (const span of sorted) {
    const last = merged[merged.length - 1];
    if (last && span.start < last.end) last.end = Math.max(last.end, span.end);
    else merged.push({ ...span });
  }
  return merged;
}

/** Finds where a rule's lexicon occurs in normalised text, minus legitimate exceptions. Pure. */
export function matchLexicon(text: TNormalizedText, lexicon: TRuleLexicon): TSpan[] {
  const compiled = compile(lexicon);
  const hits = [
    ...matchRegExp(text.compact, compiled.zh),
    ...matchStems(text.compact, compiled.stems),
    ...matchRegExp(text.spaced, compiled.en),
  ];
  if (hits.length === 0) return [];
  const exceptions = [...matchRegExp(text.compact, compiled.exceptZh), ...matchRegExp(text.spaced, compiled.exceptEn)];
  return mergeSpans(hits.filter((span) => !isCovered(span, exceptions)));
}
