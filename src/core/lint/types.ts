import { z } from 'zod';

/** Rule ids of the compliance lint (DESIGN §5). Stable: stored with findings and shown in the editor. */
export const LINT_RULES = [
  'marital_status',
  'pregnancy',
  'pregnancy_test',
  'hepatitis_b',
  'religion',
  'gender_preference',
  'health',
  'ethnicity',
  'political_affiliation',
  'penalty_deposit',
  'purpose_missing',
  'sensitive_unflagged',
  'sms_recruitment_content',
] as const;
export type TLintRule = (typeof LINT_RULES)[number];

/**
 * `error` blocks saving/importing; `warning` needs a human decision (usually a stated purpose);
 * `info` records that a sensitive topic is present but justified by a stated purpose.
 */
export type TLintSeverity = 'error' | 'warning' | 'info';

/** Bilingual text as stored on forms and shown to users. */
export interface TBilingual {
  zh: string;
  en: string;
}

/** One lint finding. `offset`/`length` index into the ORIGINAL string at `path` (or the text given to lintText). */
export interface TLintFinding {
  rule: TLintRule;
  severity: TLintSeverity;
  /** i18n key, e.g. `lint.marital_status`; `message` carries both rendered texts. */
  messageKey: string;
  message: TBilingual;
  /** Key of the form field the finding belongs to (forms only). */
  field?: string;
  /** Where in the input the excerpt lives, e.g. `fields[2].label.zh` or a template path. */
  path?: string;
  /** Original (un-normalised) text that matched. */
  excerpt: string;
  offset: number;
  length: number;
}

/** Text that may be given in one language or both (imports are often monolingual). */
export const ZLintText = z.union([
  z.string(),
  z.object({ zh: z.string().optional(), en: z.string().optional() }),
]);
export type TLintText = z.infer<typeof ZLintText>;

/** A field as the lint sees it: anything shaped like this can be linted (registration form, imported forms). */
export const ZLintFormField = z.object({
  key: z.string(),
  label: ZLintText,
  help: ZLintText.optional(),
  placeholder: ZLintText.optional(),
  options: z
    .array(z.union([z.string(), z.object({ value: z.string(), label: ZLintText.optional() })]))
    .optional(),
  purpose: ZLintText.optional(),
  sensitive: z.boolean().optional(),
});
export type TLintFormField = z.infer<typeof ZLintFormField>;

/** A form definition as given to `lintForm` (on save and on import). */
export const ZLintForm = z.object({
  title: ZLintText.optional(),
  fields: z.array(ZLintFormField),
});
export type TLintForm = z.infer<typeof ZLintForm>;

/** What kind of free text is linted; `sms` adds the SMS-provider rule (no recruitment content). */
export type TTextKind = 'template' | 'document' | 'sms';

/** Options for `lintText`. */
export interface TLintTextOptions {
  kind: TTextKind;
  /** A stated purpose turns purpose-dependent warnings (health, ethnicity, politics) into `info`. */
  purpose?: string;
  /** Copied onto every finding so callers can locate it (e.g. `offer.send_package/zh-CN/body`). */
  path?: string;
}
