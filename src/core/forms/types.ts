import { z } from 'zod';
import { STAFF_ROLES, ZRoleType } from '../../contracts/common.js';

/** Who may read a field: the staff roles of DESIGN §1 plus the candidate (own data, through the portal). */
export const ZRole = z.enum([...STAFF_ROLES, 'candidate']);
export type TRole = z.infer<typeof ZRole>;

/** Candidate role types (DESIGN §7), from contracts; templates and checklists vary by them. */
export { ZRoleType };
export type TRoleType = z.infer<typeof ZRoleType>;

/** Text in both product languages. */
export const ZBilingual = z.object({ zh: z.string().min(1), en: z.string().min(1) });
export type TBilingualText = z.infer<typeof ZBilingual>;

/** Roles that may see sensitive personal information (DESIGN §5); the candidate always sees their own. */
export const SENSITIVE_READER_ROLES: readonly TRole[] = ['hr', 'org_admin', 'candidate'];

/** Input widget and validation kind of a field. */
export const ZFieldType = z.enum([
  'text',
  'textarea',
  'date',
  'select',
  'phone',
  'email',
  'id_number',
  'address',
  'bank_account',
  'number',
  'file',
]);
export type TFieldType = z.infer<typeof ZFieldType>;

/** One choice of a `select` field: stored `value`, shown `label`. */
export const ZFieldOption = z.object({ value: z.string().min(1), label: ZBilingual });

/** One field of a registration-type form. */
export const ZFormField = z
  .object({
    /** Stable machine key (camelCase); stored data and exports use it. */
    key: z.string().regex(/^[a-z][a-zA-Z0-9]*$/),
    label: ZBilingual,
    help: ZBilingual.optional(),
    type: ZFieldType,
    required: z.boolean(),
    /** Why the data is collected (PIPL: purpose limitation); shown to the candidate next to the field. */
    purpose: ZBilingual,
    /** Sensitive personal information: own consent screen, encrypted, HR-only, audited reads. */
    sensitive: z.boolean(),
    /** Who fills it: most register items come from the candidate, employment terms from HR. */
    filledBy: z.enum(['candidate', 'hr']),
    /** Roles allowed to read the stored value. */
    roles: z.array(ZRole).min(1),
    options: z.array(ZFieldOption).optional(),
    /** MIME types accepted by `file` fields. */
    accept: z.array(z.string()).optional(),
  })
  .superRefine((field, ctx) => {
    if (field.type === 'select' && !field.options?.length) {
      ctx.addIssue({ code: 'custom', path: ['options'], message: 'select fields need options' });
    }
    if (field.sensitive && field.roles.some((r) => !SENSITIVE_READER_ROLES.includes(r))) {
      ctx.addIssue({ code: 'custom', path: ['roles'], message: 'sensitive fields are readable by hr, org_admin and the candidate only' });
    }
  });
export type TFormField = z.infer<typeof ZFormField>;

/** A versioned form definition (org admins edit copies of the default). */
export const ZFormDefinition = z
  .object({
    id: z.string().min(1),
    version: z.number().int().positive(),
    title: ZBilingual,
    fields: z.array(ZFormField).min(1),
  })
  .superRefine((form, ctx) => {
    const seen = new Set<string>();
    form.fields.forEach((field, i) => {
      if (seen.has(field.key)) ctx.addIssue({ code: 'custom', path: ['fields', i, 'key'], message: `duplicate key ${field.key}` });
      seen.add(field.key);
    });
  });
export type TFormDefinition = z.infer<typeof ZFormDefinition>;
