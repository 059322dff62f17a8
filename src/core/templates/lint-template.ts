import { lintText, type TLintFinding } from '../lint/index.js';
import { checkTemplate, type TTemplateError } from './render-template.js';
import { TEMPLATE_LOCALES, type TTemplateDefinition } from './types.js';

/** A template problem located in a definition (`<id>/<locale>/<part>`). */
export interface TLocatedTemplateError extends TTemplateError {
  path: string;
}

export interface TTemplateReview {
  /** Compliance findings; any `error` blocks saving. */
  findings: TLintFinding[];
  /** Syntax errors and unknown variables; any entry blocks saving. */
  errors: TLocatedTemplateError[];
}

const PARTS = ['subject', 'body', 'sms'] as const;

/**
 * Reviews a template definition on save or import: the compliance lint on every language
 * and part (the SMS part under the stricter SMS rule) plus the static Liquid check. Pure.
 */
export function reviewTemplate(template: TTemplateDefinition): TTemplateReview {
  const review: TTemplateReview = { findings: [], errors: [] };
  for (const locale of TEMPLATE_LOCALES) {
    for (const part of PARTS) {
      const source = template.locales[locale][part];
      if (source === undefined) continue;
      const path = `${template.id}/${locale}/${part}`;
      review.findings.push(...lintText(source, { kind: part === 'sms' ? 'sms' : 'template', path }));
      review.errors.push(...checkTemplate(source).map((error) => ({ ...error, path })));
    }
  }
  return review;
}
