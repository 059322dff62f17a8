/** Compliance lint (DESIGN §5): pure checks for forms, templates, documents and SMS texts. */
export { lintText, hasBlockingFindings } from './lint-text.js';
export { lintForm } from './lint-form.js';
export { normalizeText, normalizeCompact } from './normalize-text.js';
export type { TNormalizedText, TNormalizedView } from './normalize-text.js';
export { LINT_MESSAGES } from './messages.js';
export { LINT_RULES, ZLintForm, ZLintFormField, ZLintText } from './types.js';
export type {
  TBilingual,
  TLintFinding,
  TLintForm,
  TLintFormField,
  TLintRule,
  TLintSeverity,
  TLintText,
  TLintTextOptions,
  TTextKind,
} from './types.js';
