import { z } from 'zod';
import { ZLanguage, ZLocalDate, ZUuid } from './common.js';

/**
 * The candidate portal (DESIGN §1 `candidate`, issue 4). Portal routes carry no ids:
 * the magic link in `Authorization: Portal <credential>` names the one candidate.
 */

/** Answer to issuing a link: the URL is shown once (the secret is stored only hashed). */
export const ZPortalLink = z.object({
  candidateId: ZUuid,
  /** `${publicUrl}/portal/#t=<credential>`: a fragment never reaches server logs or Referer. */
  url: z.string(),
  expiresAt: z.string(),
});
export type TPortalLink = z.infer<typeof ZPortalLink>;

export const ZPortalLinkRevoked = z.object({ ok: z.literal(true), revoked: z.number().int() });

export const ZPortalContact = z.object({
  role: z.enum(['hr', 'manager']),
  name: z.string(),
  phone: z.string(),
});
export type TPortalContact = z.infer<typeof ZPortalContact>;

/** The welcome page: only what the candidate needs (no salary, no notes, no staff ids). */
export const ZPortalMe = z.object({
  orgName: z.string(),
  firstName: z.string(),
  language: ZLanguage,
  position: z.string(),
  department: z.string(),
  startDate: ZLocalDate,
  /** Whole local days from today (site zone) to the start date; negative once started. */
  daysUntilStart: z.number().int(),
  site: z.object({
    name: z.string(), timezone: z.string(), address: z.string(), arrivalTime: z.string(), receptionInfo: z.string(),
    parking: z.string(), transport: z.string(), mapUrl: z.string(),
  }),
  contacts: z.array(ZPortalContact),
  linkExpiresAt: z.string(),
  /** Lifecycle status: once declined/reneged/withdrawn the portal stays readable but offers no actions. */
  status: z.string(),
  /** Whether a background check is planned (the authorization section shows only then). */
  backgroundCheck: z.boolean(),
});
export type TPortalMe = z.infer<typeof ZPortalMe>;

/** One inbox entry: a message we sent, a staff answer, or the candidate's own question. */
export const ZPortalMessage = z.object({
  id: ZUuid,
  kind: z.enum(['message', 'answer', 'question']),
  channel: z.string(),
  subject: z.string(),
  body: z.string(),
  at: z.string(),
});
export type TPortalMessage = z.infer<typeof ZPortalMessage>;

export const ZPortalMessages = z.object({ items: z.array(ZPortalMessage) });

export const ZPortalQuestion = z.strictObject({
  text: z.string().trim().min(1).max(2000),
});
export type TPortalQuestion = z.infer<typeof ZPortalQuestion>;

export const ZPortalQuestionResult = z.object({
  id: ZUuid,
  at: z.string(),
  /** When HR is due to answer (one business day on the site calendar). */
  answerDueAt: z.string(),
});

export const ZPortalPulse = z.strictObject({
  score: z.int().min(1).max(5),
  comment: z.string().trim().max(500).default(''),
});
export type TPortalPulse = z.infer<typeof ZPortalPulse>;

export const ZPortalPulseResult = z.object({ id: ZUuid, at: z.string() });

export const ZPortalLanguage = z.strictObject({ language: ZLanguage });
export type TPortalLanguage = z.infer<typeof ZPortalLanguage>;
