import { z } from 'zod';
import { ZUuid } from './common.js';

/**
 * The candidate checklist (issue 4) as the portal and the console see it. Items come from
 * the core definition; their state and documents from the database.
 */
export const ZChecklistItemStatus = z.enum(['pending', 'ready', 'submitted', 'approved', 'rejected']);
export type TChecklistItemStatus = z.infer<typeof ZChecklistItemStatus>;

const ZText = z.object({ 'zh-CN': z.string(), 'en-US': z.string() });

/** A document's metadata (never its bytes). */
export const ZChecklistDocument = z.object({
  id: ZUuid,
  fileName: z.string(),
  contentType: z.string(),
  sizeBytes: z.number().int(),
  sha256: z.string(),
  uploadedAt: z.string(),
  sensitive: z.boolean(),
});
export type TChecklistDocument = z.infer<typeof ZChecklistDocument>;

export const ZChecklistItemView = z.object({
  id: z.string(),
  kind: z.enum(['upload', 'confirm']),
  category: z.string(),
  title: ZText,
  notes: ZText,
  purpose: ZText,
  prereviewRequested: z.boolean(),
  sensitive: z.boolean(),
  accept: z.array(z.string()),
  maxBytes: z.number().int(),
  status: ZChecklistItemStatus,
  readyAt: z.string().nullable(),
  submittedAt: z.string().nullable(),
  reviewedAt: z.string().nullable(),
  /** Shown to the candidate when HR rejected the item: what to fix. */
  reviewReason: z.string().nullable(),
  documents: z.array(ZChecklistDocument),
});
export type TChecklistItemView = z.infer<typeof ZChecklistItemView>;

export const ZChecklistView = z.object({
  items: z.array(ZChecklistItemView),
  /** Whether the candidate's sensitive-information consent is live (uploads of sensitive items need it). */
  sensitiveConsent: z.boolean(),
});
export type TChecklistView = z.infer<typeof ZChecklistView>;

/** Staff view: the same plus who reviewed. */
export const ZStaffChecklistItemView = ZChecklistItemView.extend({ reviewedBy: z.object({ id: ZUuid, name: z.string() }).nullable() });
export const ZStaffChecklistView = z.object({
  items: z.array(ZStaffChecklistItemView),
  sensitiveConsent: z.boolean(),
  /** Whether the viewer may open sensitive documents. */
  canReadSensitive: z.boolean(),
  canReadDocuments: z.boolean(),
  canReview: z.boolean(),
});
export type TStaffChecklistView = z.infer<typeof ZStaffChecklistView>;
export type TStaffChecklistItemView = z.infer<typeof ZStaffChecklistItemView>;

export const ZChecklistItemParams = z.strictObject({ itemId: z.string().regex(/^[a-zA-Z][a-zA-Z0-9]{0,63}$/, 'unknown checklist item') });
export const ZStaffChecklistItemParams = z.strictObject({ id: ZUuid, itemId: ZChecklistItemParams.shape.itemId });
export const ZStaffDocumentParams = z.strictObject({ id: ZUuid, documentId: ZUuid });

export const ZMarkReady = z.strictObject({ ready: z.boolean() });
export type TMarkReady = z.infer<typeof ZMarkReady>;

export const ZReviewChecklistItem = z.discriminatedUnion('decision', [
  z.strictObject({ decision: z.literal('approved'), reason: z.string().trim().max(1000).optional() }),
  z.strictObject({ decision: z.literal('rejected'), reason: z.string().trim().min(1, 'give the candidate a reason').max(1000) }),
]);
export type TReviewChecklistItem = z.infer<typeof ZReviewChecklistItem>;

/** The sensitive-information consent screen: the exact wording and its version. */
export const ZSensitiveConsentView = z.object({
  version: z.string(),
  text: z.string(),
  language: z.enum(['zh-CN', 'en-US']),
  given: z.boolean(),
  givenAt: z.string().nullable(),
});
export type TSensitiveConsentView = z.infer<typeof ZSensitiveConsentView>;

export const ZGiveSensitiveConsent = z.strictObject({
  /** The version shown; a stale screen (wording changed since) is refused. */
  version: z.string().min(1).max(100),
  language: z.enum(['zh-CN', 'en-US']),
});

export const ZWithdrawResult = z.object({
  withdrawn: z.boolean(),
  /** Documents whose bytes were deleted. */
  purgedDocuments: z.number().int(),
});
