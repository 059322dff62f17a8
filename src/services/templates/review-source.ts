/**
 * The save-time review of an edited subject and body, shaped for the editor: compliance
 * findings and Liquid problems, each naming its field and line.
 */
import type { TTemplateField, TTemplateFinding, TTemplateProblem } from '../../contracts/templates.js';
import { reviewTemplate, type TTemplateDefinition, type TTemplateError, type TTemplateLocale } from '../../core/templates/index.js';

export interface TEditedText {
  subject: string;
  body: string;
}

export interface TSourceReview {
  findings: TTemplateFinding[];
  problems: TTemplateProblem[];
}

/** Line (from 1) of a character offset. */
function lineAt(source: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < source.length; i += 1) if (source.charCodeAt(i) === 10) line += 1;
  return line;
}

/** LiquidJS names the place of a syntax error as `line:3, col:5`. */
function readLiquidLine(message: string): number | undefined {
  const match = /line:(\d+)/.exec(message);
  return match ? Number(match[1]) : undefined;
}

function fieldOf(path: string | undefined): TTemplateField | undefined {
  const part = path?.split('/').pop();
  return part === 'subject' || part === 'body' ? part : undefined;
}

/** A render or parse error of one part, as the editor shows it. */
export function toTemplateProblem(field: TTemplateField, error: TTemplateError): TTemplateProblem {
  const line = readLiquidLine(error.message);
  return { field, code: error.code, message: error.message, ...(error.variable ? { variable: error.variable } : {}), ...(line ? { line } : {}) };
}

/**
 * Lints and checks the edited text of one language through the same review that guards
 * imports (`reviewTemplate`), keeping only what concerns the edited subject and body
 * (the SMS notice is not edited here). Pure.
 */
export function reviewEditedText(template: TTemplateDefinition, locale: TTemplateLocale, text: TEditedText): TSourceReview {
  const edited: TTemplateDefinition = {
    ...template,
    locales: { ...template.locales, [locale]: { subject: text.subject, body: text.body } },
  };
  const prefix = `${template.id}/${locale}/`;
  const review = reviewTemplate(edited);
  const findings: TTemplateFinding[] = [];
  for (const f of review.findings) {
    const field = f.path?.startsWith(prefix) ? fieldOf(f.path) : undefined;
    if (!field) continue;
    findings.push({
      rule: f.rule, severity: f.severity, message: f.message, field, excerpt: f.excerpt,
      line: lineAt(text[field], f.offset), offset: f.offset, length: f.length,
    });
  }
  const problems: TTemplateProblem[] = [];
  for (const e of review.errors) {
    const field = e.path.startsWith(prefix) ? fieldOf(e.path) : undefined;
    if (field) problems.push(toTemplateProblem(field, e));
  }
  return { findings, problems };
}
