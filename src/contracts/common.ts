import { z } from 'zod';

/** Staff roles of DESIGN §1 (the candidate signs in through the portal, not here). */
export const STAFF_ROLES = ['hr', 'hrbp', 'manager', 'admin', 'executive', 'org_admin'] as const;
export const ZStaffRole = z.enum(STAFF_ROLES);
export type TStaffRole = z.infer<typeof ZStaffRole>;

export const CANDIDATE_STATUSES = [
  'offer_sent', 'offer_accepted', 'preboarding', 'started', 'onboarded',
  'declined', 'reneged', 'withdrawn', 'delayed',
] as const;
export const ZCandidateStatus = z.enum(CANDIDATE_STATUSES);
export type TCandidateStatus = z.infer<typeof ZCandidateStatus>;

export const ROLE_TYPES = ['tech', 'management', 'sales', 'operations', 'campus', 'other'] as const;
export const ZRoleType = z.enum(ROLE_TYPES);
export type TRoleType = z.infer<typeof ZRoleType>;

export const LANGUAGES = ['zh-CN', 'en-US'] as const;
export const ZLanguage = z.enum(LANGUAGES);
export type TLanguage = z.infer<typeof ZLanguage>;

/** Channels a candidate can be reached on (DESIGN §4). */
export const CANDIDATE_CHANNELS = ['email', 'sms', 'portal', 'wechat', 'phone', 'wecom'] as const;
export const ZCandidateChannel = z.enum(CANDIDATE_CHANNELS);

export const ZUuid = z.uuid();
export const ZLocalDate = z.iso.date();
export const ZIsoDateTime = z.iso.datetime({ offset: true });
export const ZTimeOfDay = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'expected HH:mm');

/** A short single-line text: trimmed, non-empty, bounded. */
export const zShortText = (max = 200) => z.string().trim().min(1).max(max);
export const zLongText = (max = 10_000) => z.string().max(max);

export const ZIdParams = z.strictObject({ id: ZUuid });

export const ZPageQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});

/** The one error shape of the API. */
export const ZErrorResponse = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    field: z.string().optional(),
  }),
});
export type TErrorResponse = z.infer<typeof ZErrorResponse>;

export const ZOk = z.object({ ok: z.literal(true) });
