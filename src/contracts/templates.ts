/**
 * Message templates as the organisation words them (DESIGN §3, §5): the built-in texts
 * with the organisation's saved versions per language and role type, the editor's lint
 * findings and live preview. Shared by the server, which validates with them, and the
 * console, which reads the same types.
 */
import { z } from 'zod';
import { ZLanguage, ZRoleType, ZUuid } from './common.js';

/** A template id as the API names it (`offer.send_package`, `final.daily_care.s-3`). */
export const ZTemplateId = z.string().min(1).max(100).regex(/^[a-z0-9][a-z0-9_.-]*$/, 'expected a template id such as offer.send_package');
export const ZTemplateParams = z.strictObject({ templateId: ZTemplateId });

export const TEMPLATE_KINDS = ['message', 'meeting_invite', 'call_script', 'task'] as const;
export const TEMPLATE_SOURCES = ['default', 'all_roles', 'role_type'] as const;
/** The parts of a template the editor changes; errors name one of them as their field. */
export const TEMPLATE_FIELDS = ['subject', 'body'] as const;
export const ZTemplateField = z.enum(TEMPLATE_FIELDS);
export type TTemplateField = z.infer<typeof ZTemplateField>;

const ZSubject = z.string().max(300).regex(/\S/, 'must not be empty').regex(/^[^\r\n]*$/, 'must be one line');
const ZBody = z.string().max(20_000).regex(/\S/, 'must not be empty');

export const ZTemplateListQuery = z.strictObject({
  step: z.string().trim().min(1).max(100).optional(),
  locale: ZLanguage.optional(),
  /** The wording this role type gets; without it, the all-roles wording and every role type's own. */
  roleType: ZRoleType.optional(),
  customised: z.enum(['true', 'false']).optional(),
});
export type TTemplateListQuery = z.infer<typeof ZTemplateListQuery>;

const ZPerson = z.object({ id: ZUuid, name: z.string() }).nullable();

/** One template in one language for all role types (`roleType` null) or one role type. */
export const ZTemplateSummary = z.object({
  templateId: z.string(),
  step: z.string(),
  variant: z.string().nullable(),
  kind: z.enum(TEMPLATE_KINDS),
  audience: z.enum(['candidate', 'staff']),
  locale: ZLanguage,
  roleType: ZRoleType.nullable(),
  /** Where the text comes from: built in, the organisation's all-roles wording, or this role type's own. */
  source: z.enum(TEMPLATE_SOURCES),
  /** True when this key has a saved wording of its own in force. */
  customised: z.boolean(),
  /** Newest saved version of this key (0: never saved). */
  version: z.number().int(),
  subject: z.string(),
  updatedAt: z.string().nullable(),
  updatedBy: ZPerson,
});
export type TTemplateSummary = z.infer<typeof ZTemplateSummary>;

export const ZTemplateList = z.object({
  items: z.array(ZTemplateSummary),
  /** Every step that has a template, in playbook order (for the filter). */
  steps: z.array(z.string()),
});
export type TTemplateList = z.infer<typeof ZTemplateList>;

export const ZTemplateKeyQuery = z.strictObject({
  locale: ZLanguage,
  roleType: ZRoleType.optional(),
});

export const ZTemplateVersion = z.object({
  version: z.number().int(),
  /** This version brought the built-in text back. */
  restoresDefault: z.boolean(),
  subject: z.string().nullable(),
  body: z.string().nullable(),
  createdAt: z.string(),
  createdBy: ZPerson,
});
export type TTemplateVersion = z.infer<typeof ZTemplateVersion>;

/** One variable of the record every template reads, for the editor's picker. */
export const ZTemplateVariableInfo = z.object({
  path: z.string(),
  label: z.object({ zh: z.string(), en: z.string() }),
  /** Present only when the step or the candidate's record has it (meeting, salary…). */
  optional: z.boolean(),
});
export type TTemplateVariableInfo = z.infer<typeof ZTemplateVariableInfo>;

export const ZTemplateDetail = ZTemplateSummary.extend({
  body: z.string(),
  /** The built-in text, to compare with and to go back to. */
  defaultText: z.object({ subject: z.string(), body: z.string() }),
  versions: z.array(ZTemplateVersion),
  variables: z.array(ZTemplateVariableInfo),
});
export type TTemplateDetail = z.infer<typeof ZTemplateDetail>;

/** A compliance finding located in the edited text (line counted from 1). */
export const ZTemplateFinding = z.object({
  rule: z.string(),
  severity: z.enum(['error', 'warning', 'info']),
  message: z.object({ zh: z.string(), en: z.string() }),
  field: ZTemplateField,
  excerpt: z.string(),
  line: z.number().int(),
  offset: z.number().int(),
  length: z.number().int(),
});
export type TTemplateFinding = z.infer<typeof ZTemplateFinding>;

/**
 * A Liquid problem: syntax, an unknown variable, a render failure, or (`missing_data`, in a
 * preview) an optional section the chosen record lacks, so that candidate would get no message.
 */
export const ZTemplateProblem = z.object({
  field: ZTemplateField,
  code: z.enum(['parse_error', 'unknown_variable', 'invalid_variables', 'render_error', 'missing_data']),
  message: z.string(),
  variable: z.string().optional(),
  line: z.number().int().optional(),
});
export type TTemplateProblem = z.infer<typeof ZTemplateProblem>;

export const ZSaveTemplateVersion = z.strictObject({
  locale: ZLanguage,
  /** Null or absent: the wording for every role type. */
  roleType: ZRoleType.nullable().optional(),
  subject: ZSubject,
  body: ZBody,
  /** The version the editor started from; a newer one saved meanwhile answers 409. */
  baseVersion: z.int().min(0).max(1_000_000).optional(),
});
export type TSaveTemplateVersion = z.infer<typeof ZSaveTemplateVersion>;

export const ZSaveTemplateResult = ZTemplateDetail.extend({
  /** Warnings and notes of the lint (errors refuse the save). */
  findings: z.array(ZTemplateFinding),
});
export type TSaveTemplateResult = z.infer<typeof ZSaveTemplateResult>;

export const ZRevertTemplate = z.strictObject({
  locale: ZLanguage,
  roleType: ZRoleType.nullable().optional(),
});
export type TRevertTemplate = z.infer<typeof ZRevertTemplate>;

export const ZRevertTemplateResult = ZTemplateDetail.extend({
  /** False when the built-in text already was in force: nothing was recorded. */
  applied: z.boolean(),
});
export type TRevertTemplateResult = z.infer<typeof ZRevertTemplateResult>;

export const ZPreviewTemplate = z.strictObject({
  locale: ZLanguage,
  roleType: ZRoleType.nullable().optional(),
  subject: z.string().max(300),
  body: z.string().max(20_000),
  /** Render against this candidate's current record; a sample record when absent. */
  candidateId: ZUuid.optional(),
});
export type TPreviewTemplate = z.infer<typeof ZPreviewTemplate>;

export const ZTemplatePreview = z.object({
  /** Rendered text, or null when that part does not render (see `problems`). */
  subject: z.string().nullable(),
  body: z.string().nullable(),
  findings: z.array(ZTemplateFinding),
  problems: z.array(ZTemplateProblem),
  /** The candidate rendered against; null for the sample record. */
  candidate: z.object({ id: ZUuid, name: z.string() }).nullable(),
});
export type TTemplatePreview = z.infer<typeof ZTemplatePreview>;
