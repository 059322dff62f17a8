import { z } from 'zod';
import { ZLocalDate, ZUuid } from './common.js';
import { ZDeclineReason, ZDelayReason } from './playbook.js';

/**
 * The rest of the candidate portal (issue 4): logistics, background-check authorization,
 * calendar files, FAQ and answers, "something changed", and a lost link. Candidate routes
 * carry no candidate id (the magic link names one); staff routes are under /candidates/:id.
 */

/** How the candidate will come on the first day; `car` means they need parking. */
export const ZArrivalMode = z.enum(['metro_bus', 'car', 'taxi', 'walk_bike', 'other']);
export type TArrivalMode = z.infer<typeof ZArrivalMode>;

export const ZLogisticsConfirm = z.strictObject({
  mode: ZArrivalMode,
  /** Local time on the first day, at the site (HH:mm). */
  arrivalTime: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'expected HH:mm, e.g. 09:00'),
  note: z.string().trim().max(500).default(''),
});
export type TLogisticsConfirm = z.infer<typeof ZLogisticsConfirm>;

export const ZLogisticsConfirmation = z.object({
  mode: ZArrivalMode,
  arrivalTime: z.string(),
  note: z.string(),
  needsParking: z.boolean(),
  confirmedAt: z.string(),
  /** Start date the confirmation was made for: a later change of date asks for a new one. */
  startDate: ZLocalDate,
});
export type TLogisticsConfirmation = z.infer<typeof ZLogisticsConfirmation>;

/** What the candidate sees on the logistics page, and their confirmation if any. */
export const ZPortalLogistics = z.object({
  startDate: ZLocalDate,
  site: z.object({
    name: z.string(), address: z.string(), arrivalTime: z.string(), receptionInfo: z.string(),
    parking: z.string(), transport: z.string(), mapUrl: z.string(), timezone: z.string(),
  }),
  reception: z.object({ name: z.string(), phone: z.string() }).nullable(),
  confirmation: ZLogisticsConfirmation.nullable(),
});
export type TPortalLogistics = z.infer<typeof ZPortalLogistics>;

/** Staff view: the confirmation plus what admin staff prepare from it. */
export const ZStaffLogistics = z.object({
  candidateId: ZUuid,
  startDate: ZLocalDate,
  siteName: z.string(),
  expectedArrival: z.string(),
  confirmation: ZLogisticsConfirmation.nullable(),
  /** The confirmation was given for an earlier start date. */
  outdated: z.boolean(),
});
export type TStaffLogistics = z.infer<typeof ZStaffLogistics>;

/** The background check as shown in full before the candidate agrees. */
export const ZPortalBackgroundCheck = z.object({
  required: z.boolean(),
  vendor: z.string(),
  items: z.array(z.string()),
  wordingVersion: z.string(),
  /** The exact text the candidate agrees to, in their language. */
  wording: z.string(),
  authorization: z.object({
    givenAt: z.string(), typedName: z.string(), wordingVersion: z.string(), withdrawnAt: z.string().nullable(),
  }).nullable(),
});
export type TPortalBackgroundCheck = z.infer<typeof ZPortalBackgroundCheck>;

export const ZBackgroundCheckAuthorize = z.strictObject({
  /** Must be true: agreeing is an explicit act. */
  agree: z.literal(true, { error: 'tick the box to agree' }),
  typedName: z.string().trim().min(1, 'type your full name').max(200),
  /** The version the candidate was shown; refused if the wording has changed since. */
  wordingVersion: z.string().min(1).max(100),
});
export type TBackgroundCheckAuthorize = z.infer<typeof ZBackgroundCheckAuthorize>;

/** One consent record as staff see it: status and the exact wording agreed. */
export const ZStaffConsent = z.object({
  id: ZUuid,
  kind: z.enum(['sensitive_info', 'background_check', 'talent_pool']),
  wordingVersion: z.string(),
  wordingText: z.string(),
  language: z.string(),
  typedName: z.string().nullable(),
  givenAt: z.string(),
  givenBy: z.enum(['candidate', 'user']),
  givenIp: z.string().nullable(),
  expiresAt: z.string().nullable(),
  withdrawnAt: z.string().nullable(),
  withdrawnBy: z.string().nullable(),
  active: z.boolean(),
});
export const ZStaffConsents = z.object({ items: z.array(ZStaffConsent) });

/** Calendar files the candidate can download. */
export const ZCalendarKind = z.enum(['first-day', 'preonboarding-meeting']);
export const ZCalendarParams = z.strictObject({ kind: ZCalendarKind });

export const ZPortalCalendarList = z.object({
  items: z.array(z.object({ kind: ZCalendarKind, start: z.string(), end: z.string(), title: z.string() })),
});

/** A common question with its answer in both languages. */
export const ZFaqEntry = z.object({
  id: z.string(),
  question: z.string(),
  answer: z.string(),
});
export const ZPortalFaq = z.object({
  items: z.array(ZFaqEntry),
  /** The candidate's own questions and HR's answers, oldest first. */
  questions: z.array(z.object({
    id: ZUuid,
    text: z.string(),
    at: z.string(),
    answers: z.array(z.object({ id: ZUuid, text: z.string(), at: z.string() })),
  })),
});
export type TPortalFaq = z.infer<typeof ZPortalFaq>;

/** Staff view of the candidate's portal questions, each with the answers given. */
export const ZStaffQuestions = z.object({
  items: z.array(z.object({
    id: ZUuid, text: z.string(), at: z.string(),
    answers: z.array(z.object({ id: ZUuid, text: z.string(), at: z.string(), author: z.string().nullable() })),
  })),
});
export type TStaffQuestions = z.infer<typeof ZStaffQuestions>;

export const ZAnswerParams = z.strictObject({ id: ZUuid, touchId: ZUuid });
export const ZAnswerQuestion = z.strictObject({ text: z.string().trim().min(1, 'write the answer').max(4000) });
export type TAnswerQuestion = z.infer<typeof ZAnswerQuestion>;
export const ZAnswerResult = z.object({
  id: ZUuid, questionId: ZUuid, at: z.string(), taskCompleted: z.boolean(), notified: z.array(z.string()),
});

/** "Something changed": a later start, or not joining. */
export const ZDelayRequest = z.strictObject({
  reason: ZDelayReason,
  proposedStartDate: ZLocalDate,
  note: z.string().trim().max(1000).default(''),
  /** A random id per form: a double click sends the same key and records one request. */
  requestId: z.uuid(),
});
export type TDelayRequest = z.infer<typeof ZDelayRequest>;

export const ZDeclineRequest = z.strictObject({
  reason: ZDeclineReason,
  note: z.string().trim().max(1000).default(''),
  /** The separate, optional talent-pool opt-in (its own wording, see /portal/changes). */
  talentPool: z.boolean().default(false),
  talentPoolWordingVersion: z.string().max(100).optional(),
  requestId: z.uuid(),
});
export type TDeclineRequest = z.infer<typeof ZDeclineRequest>;

export const ZPortalChanges = z.object({
  status: z.string(),
  /** False once the candidate has left the process (declined, reneged, withdrawn) or started. */
  canChange: z.boolean(),
  /** Declining after acceptance is reneging (DESIGN §2); the page words it the same. */
  accepted: z.boolean(),
  startDate: ZLocalDate,
  openDelay: z.object({ reason: ZDelayReason, proposedStartDate: ZLocalDate, requestedAt: z.string() }).nullable(),
  talentPool: z.object({ wordingVersion: z.string(), wording: z.string() }),
});
export type TPortalChanges = z.infer<typeof ZPortalChanges>;

export const ZChangeResult = z.object({ ok: z.literal(true), status: z.string(), recorded: z.boolean() });

/** Lost link: ask for a code with the email or phone on file, then exchange it for a link. */
export const ZLostLinkRequest = z.strictObject({
  contact: z.string().trim().min(3, 'enter the email or mobile number on file').max(200),
});
export const ZLostLinkRequested = z.object({ ok: z.literal(true), expiresInMinutes: z.number().int() });
export const ZLostLinkVerify = z.strictObject({
  contact: z.string().trim().min(3).max(200),
  code: z.string().trim().regex(/^\d{6}$/, 'the code has 6 digits'),
});
export const ZLostLinkIssued = z.object({ url: z.string(), credential: z.string(), expiresAt: z.string() });
