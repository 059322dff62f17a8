import { PROTECTED_LEXICON, SMS_RECRUITMENT_LEXICON, type TRuleLexicon } from './lexicon.js';
import { matchLexicon } from './match-lexicon.js';
import { LINT_MESSAGES, selectMessageKey } from './messages.js';
import { normalizeText, type TNormalizedText } from './normalize-text.js';
import type { TLintFinding, TLintSeverity, TLintTextOptions } from './types.js';

/** Context shared by text and form linting. */
export interface TScanContext {
  hasPurpose: boolean;
  path?: string;
  field?: string;
}

function severityFor(lexicon: TRuleLexicon, hasPurpose: boolean): TLintSeverity {
  if (lexicon.severity === 'error') return 'error';
  return hasPurpose ? 'info' : 'warning';
}

/** Builds one finding; exported for lint-form so both paths produce identical shapes. */
export function buildFinding(
  rule: TLintFinding['rule'],
  severity: TLintSeverity,
  source: string,
  span: { start: number; end: number },
  context: Omit<TScanContext, 'hasPurpose'>,
): TLintFinding {
  const messageKey = selectMessageKey(rule, severity);
  return {
    rule,
    severity,
    messageKey,
    message: LINT_MESSAGES[messageKey],
    ...(context.field !== undefined ? { field: context.field } : {}),
    ...(context.path !== undefined ? { path: context.path } : {}),
    excerpt: source.slice(span.start, span.end),
    offset: span.start,
    length: span.end - span.start,
  };
}

/** Runs a set of lexicons over already-normalised text. */
export function scanLexicons(
  source: string,
  normalized: TNormalizedText,
  lexicons: TRuleLexicon[],
  context: TScanContext,
): TLintFinding[] {
  const findings: TLintFinding[] = [];
  for (const lexicon of lexicons) {
    const severity = severityFor(lexicon, context.hasPurpose);
    for (const span of matchLexicon(normalized, lexicon)) {
      findings.push(buildFinding(lexicon.rule, severity, source, span, context));
    }
  }
  return findings.sort((a, b) => a.offset - b.offset || a.rule.localeCompare(b.rule));
}

/**
 * Lints a free text: a Liquid template source, a pre-onboarding document or an SMS text,
 * in Chinese (Simplified or Traditional) or English. Variable names inside Liquid tags are
 * linted too, on purpose: `{{ candidate.maritalStatus }}` asks the same question.
 * Pure; offsets index into `text`.
 */
export function lintText(text: string, options: TLintTextOptions): TLintFinding[] {
  const lexicons = options.kind === 'sms' ? [...PROTECTED_LEXICON, SMS_RECRUITMENT_LEXICON] : PROTECTED_LEXICON;
  return scanLexicons(text, normalizeText(text), lexicons, {
    hasPurpose: Boolean(options.purpose?.trim()),
    path: options.path,
  });
}

/** True when any finding blocks saving (severity `error`). */
export function hasBlockingFindings(findings: TLintFinding[]): boolean {
  return findings.some((f) => f.severity === 'error');
}
