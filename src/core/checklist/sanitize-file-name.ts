const MAX_NAME_LENGTH = 120;
const EXTENSIONS: Record<string, string> = {
  'application/pdf': 'pdf', 'image/jpeg': 'jpg', 'image/png': 'png', 'image/heic': 'heic', 'image/heif': 'heif',
};

/**
 * A file name safe to store and to show: the last path segment only (no `../`, no
 * drive letters), no control or bidi-override characters, no leading dots, at most 120
 * characters, and never empty. Pure.
 */
export function sanitizeFileName(raw: string, contentType?: string): string {
  const lastSegment = raw.normalize('NFC').split(/[\\/]/).pop() ?? '';
  const cleaned = lastSegment
    // C0/C1 controls, bidi overrides and isolates (a name that reads "gpj.exe" backwards).
    .replace(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\u200e\u200f]/g, '')
    .replace(/[<>:"|?*]/g, '_')
    .replace(/^[.\s]+/, '')
    .trim();
  const fallback = `document${contentType && EXTENSIONS[contentType] ? `.${EXTENSIONS[contentType]}` : ''}`;
  if (!cleaned) return fallback;
  if (cleaned.length <= MAX_NAME_LENGTH) return cleaned;
  const dot = cleaned.lastIndexOf('.');
  const ext = dot > 0 && cleaned.length - dot <= 10 ? cleaned.slice(dot) : '';
  return cleaned.slice(0, MAX_NAME_LENGTH - ext.length) + ext;
}
