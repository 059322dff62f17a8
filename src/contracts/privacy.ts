import { z } from 'zod';
import { ZCandidateStatus, ZUuid } from './common.js';

/**
 * Privacy (DESIGN §5, issue 7): data-subject requests, the candidate's "My data", the
 * retention preview. Shared by the server, the console and the portal.
 */

export const DATA_REQUEST_KINDS = ['export', 'correction', 'deletion'] as const;
export const ZDataRequestKind = z.enum(DATA_REQUEST_KINDS);
export type TDataRequestKind = z.infer<typeof ZDataRequestKind>;

export const DATA_REQUEST_STATUSES = ['open', 'done', 'refused'] as const;
export const ZDataRequestStatus = z.enum(DATA_REQUEST_STATUSES);

export const ZDataRequest = z.object({
  id: ZUuid,
  candidateId: ZUuid,
  /** The name on file, or a placeholder once the person is anonymised. */
  candidateName: z.string(),
  kind: ZDataRequestKind,
  status: ZDataRequestStatus,
  requestedBy: z.enum(['candidate', 'user']),
  detail: z.string(),
  requestedAt: z.string(),
  dueAt: z.string(),
  /** Open past its due time (the SLA of `orgs.settings.dataRequestSlaDays`). */
  overdue: z.boolean(),
  resolvedAt: z.string().nullable(),
  resolvedBy: z.string().nullable(),
  resolutionNote: z.string(),
});
export type TDataRequest = z.infer<typeof ZDataRequest>;

export const ZDataRequestList = z.object({ items: z.array(ZDataRequest), total: z.number().int() });

export const ZDataRequestQuery = z.strictObject({
  status: z.enum(['open', 'done', 'refused', 'all']).default('open'),
  kind: ZDataRequestKind.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});
export type TDataRequestQuery = z.infer<typeof ZDataRequestQuery>;

/** HR's decision: approve (a deletion anonymises the person) or refuse with a reason. */
export const ZResolveDataRequest = z.discriminatedUnion('decision', [
  z.strictObject({ decision: z.literal('approve'), note: z.string().trim().max(1000).default('') }),
  z.strictObject({ decision: z.literal('refuse'), reason: z.string().trim().min(1, 'give the reason for refusing').max(1000) }),
]);
export type TResolveDataRequest = z.infer<typeof ZResolveDataRequest>;

/** HR record a request made to them in person, by phone or by letter. */
export const ZCreateStaffDataRequest = z.strictObject({
  kind: ZDataRequestKind,
  detail: z.string().trim().max(2000).default(''),
});

export const ZExportFormatQuery = z.strictObject({ format: z.enum(['json', 'html']).default('json') });

/** Candidate side: a request for HR (corrections beyond contact details, or deletion). */
export const ZPortalDataRequest = z.strictObject({
  kind: z.enum(['correction', 'deletion']),
  detail: z.string().trim().max(2000).default(''),
}).refine((r) => r.kind !== 'correction' || r.detail.length > 0, { message: 'say what should be corrected', path: ['detail'] });
export type TPortalDataRequest = z.infer<typeof ZPortalDataRequest>;

const ZPhone = z.string().trim().max(40).regex(/^\+?[0-9][0-9 ()-]{4,38}$/, 'a phone number: digits, spaces, ( ) - and an optional leading +');

/** Candidate side: corrections applied at once (the next message uses them). */
export const ZPortalContactCorrection = z.strictObject({
  fullName: z.string().trim().min(1).max(100).optional(),
  email: z.string().trim().max(254).pipe(z.email('a valid email address')).optional(),
  phone: ZPhone.optional(),
}).refine((c) => c.fullName !== undefined || c.email !== undefined || c.phone !== undefined, { message: 'change at least one of fullName, email, phone', path: ['fullName'] });
export type TPortalContactCorrection = z.infer<typeof ZPortalContactCorrection>;

export const ZPortalConsentKindParams = z.strictObject({ kind: z.enum(['sensitive_info', 'background_check', 'talent_pool']) });

export const ZPortalConsent = z.object({
  id: ZUuid,
  kind: z.enum(['sensitive_info', 'background_check', 'talent_pool']),
  wordingText: z.string(),
  givenAt: z.string(),
  expiresAt: z.string().nullable(),
  withdrawnAt: z.string().nullable(),
  /** Live now: not withdrawn and not lapsed. */
  active: z.boolean(),
});
export type TPortalConsent = z.infer<typeof ZPortalConsent>;

/** "My data": what is held, in counts, with the contact details and consents. */
export const ZPortalMyData = z.object({
  fullName: z.string(),
  email: z.string(),
  phone: z.string(),
  held: z.object({
    offers: z.number().int(), touches: z.number().int(), messages: z.number().int(), consents: z.number().int(),
    documents: z.number().int(), pulses: z.number().int(), tasks: z.number().int(), auditEntries: z.number().int(),
  }),
  consents: z.array(ZPortalConsent),
  requests: z.array(ZDataRequest.omit({ candidateName: true, resolvedBy: true })),
  /** Days HR have to answer a request. */
  slaDays: z.number().int(),
  /** Days after a declined / withdrawn process ends before the data is anonymised. */
  retentionDays: z.number().int(),
});
export type TPortalMyData = z.infer<typeof ZPortalMyData>;

export const ZPortalDataRequestResult = z.object({ id: ZUuid, kind: ZDataRequestKind, dueAt: z.string() });
export const ZPortalConsentWithdrawn = z.object({ kind: z.string(), withdrawnAt: z.string(), sensitiveDocumentsPurged: z.boolean() });

export const RETENTION_REASONS = ['retention_elapsed', 'talent_pool_expired'] as const;

/** One person the retention job would act on, and why. */
export const ZRetentionItem = z.object({
  candidateId: ZUuid,
  candidateName: z.string(),
  status: ZCandidateStatus,
  endedAt: z.string(),
  /** End + retention period. */
  purgeDueAt: z.string(),
  /** `anonymise`, or only `withdraw_consent` when the period has not yet run out. */
  action: z.enum(['anonymise', 'withdraw_consent']),
  reasons: z.array(z.enum(RETENTION_REASONS)),
  talentPoolExpiredAt: z.string().nullable(),
});
export type TRetentionItem = z.infer<typeof ZRetentionItem>;

export const ZRetentionPreview = z.object({
  retentionDays: z.number().int(),
  at: z.string(),
  items: z.array(ZRetentionItem),
});
export type TRetentionPreview = z.infer<typeof ZRetentionPreview>;
