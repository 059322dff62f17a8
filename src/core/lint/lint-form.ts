import { PROTECTED_LEXICON, SENSITIVE_LEXICON } from './lexicon.js';
import { matchLexicon } from './match-lexicon.js';
import { normalizeText } from './normalize-text.js';
import { buildFinding, scanLexicons } from './lint-text.js';
import type { TLintFinding, TLintForm, TLintFormField, TLintText } from './types.js';

interface TPiece {
  path: string;
  text: string;
}

function piecesOf(text: TLintText | undefined, path: string): TPiece[] {
  if (text === undefined) return [];
  if (typeof text === 'string') return [{ path, text }];
  return (['zh', 'en'] as const)
    .filter((lang) => typeof text[lang] === 'string')
    .map((lang) => ({ path: `${path}.${lang}`, text: text[lang] as string }));
}

/** Every human-readable string of a field, plus its key (a key such as `maritalStatus` asks too). */
function collectPieces(field: TLintFormField, base: string): TPiece[] {
  const pieces: TPiece[] = [
    { path: `${base}.key`, text: field.key },
    ...piecesOf(field.label, `${base}.label`),
    ...piecesOf(field.help, `${base}.help`),
    ...piecesOf(field.placeholder, `${base}.placeholder`),
  ];
  (field.options ?? []).forEach((option, i) => {
    if (typeof option === 'string') pieces.push({ path: `${base}.options[${i}]`, text: option });
    else {
      pieces.push({ path: `${base}.options[${i}].value`, text: option.value });
      pieces.push(...piecesOf(option.label, `${base}.options[${i}].label`));
    }
  });
  return pieces;
}

function hasPurpose(field: TLintFormField): boolean {
  return piecesOf(field.purpose, 'purpose').some((p) => p.text.trim().length > 0);
}

function lintField(field: TLintFormField, index: number): TLintFinding[] {
  const base = `fields[${index}]`;
  const purposeStated = hasPurpose(field);
  const findings: TLintFinding[] = [];
  if (!purposeStated) {
    findings.push(
      buildFinding('purpose_missing', 'error', field.key, { start: 0, end: field.key.length }, { field: field.key, path: `${base}.purpose` }),
    );
  }
  // The purpose text is linted too (it must not smuggle a forbidden question in), but it counts as stated.
  const pieces = [...collectPieces(field, base), ...piecesOf(field.purpose, `${base}.purpose`)];
  let sensitiveHit: { piece: TPiece; span: { start: number; end: number } } | undefined;
  for (const piece of pieces) {
    const normalized = normalizeText(piece.text);
    findings.push(...scanLexicons(piece.text, normalized, PROTECTED_LEXICON, { hasPurpose: purposeStated, path: piece.path, field: field.key }));
    if (!sensitiveHit && field.sensitive !== true) {
      const span = matchLexicon(normalized, SENSITIVE_LEXICON)[0];
      if (span) sensitiveHit = { piece, span };
    }
  }
  if (sensitiveHit) {
    findings.push(
      buildFinding('sensitive_unflagged', 'warning', sensitiveHit.piece.text, sensitiveHit.span, { field: field.key, path: sensitiveHit.piece.path }),
    );
  }
  return findings;
}

/**
 * Lints a form definition (on save and on import): forbidden questions in any label, help
 * text, option or key; purpose-dependent topics (health, ethnicity, politics) warn unless
 * the field states a purpose; every field must state a purpose; sensitive fields must be
 * flagged. Pure.
 */
export function lintForm(form: TLintForm): TLintFinding[] {
  const titleFindings = piecesOf(form.title, 'title').flatMap((piece) =>
    scanLexicons(piece.text, normalizeText(piece.text), PROTECTED_LEXICON, { hasPurpose: false, path: piece.path }),
  );
  return [...titleFindings, ...form.fields.flatMap(lintField)];
}
