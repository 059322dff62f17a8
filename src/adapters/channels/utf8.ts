/**
 * Byte-limited text for providers that count UTF-8 bytes (WeCom text ≤ 2048, markdown ≤ 4096).
 * Cuts fall between grapheme clusters, so neither a multi-byte character nor an emoji
 * sequence (flags, ZWJ families) is ever broken into mojibake.
 */

const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/** UTF-8 length of `text` in bytes. */
export function measureUtf8(text: string): number {
  return Buffer.byteLength(text, 'utf8');
}

/**
 * Returns `text` unchanged if it fits in `maxBytes`, otherwise the longest prefix of whole
 * graphemes that fits together with `ellipsis`.
 */
export function truncateUtf8(text: string, maxBytes: number, ellipsis = '…'): string {
  if (measureUtf8(text) <= maxBytes) return text;
  const budget = maxBytes - measureUtf8(ellipsis);
  if (budget < 0) throw new RangeError(`maxBytes ${maxBytes} cannot hold the ellipsis`);
  let used = 0;
  let out = '';
  for (const { segment } of segmenter.segment(text)) {
    const size = measureUtf8(segment);
    if (used + size > budget) break;
    used += size;
    out += segment;
  }
  return out + ellipsis;
}

/**
 * Splits `text` into parts of at most `maxBytes` each, preferring to cut after a newline
 * when one falls in the second half of a part, so paragraphs stay readable.
 */
export function splitUtf8(text: string, maxBytes: number): string[] {
  const parts: string[] = [];
  let current = '';
  let used = 0;
  let lastBreak = -1; // index in `current` just after the latest newline
  for (const { segment } of segmenter.segment(text)) {
    const size = measureUtf8(segment);
    if (size > maxBytes) throw new RangeError(`a single character exceeds ${maxBytes} bytes`);
    while (used + size > maxBytes && current.length > 0) {
      const cutAtBreak = lastBreak > 0 && measureUtf8(current.slice(0, lastBreak)) >= maxBytes / 2;
      const cut = cutAtBreak ? lastBreak : current.length;
      parts.push(current.slice(0, cut));
      current = current.slice(cut);
      used = measureUtf8(current);
      lastBreak = -1;
    }
    current += segment;
    used += size;
    if (segment.includes('\n')) lastBreak = current.length;
  }
  if (current.length > 0 || parts.length === 0) parts.push(current);
  return parts;
}
