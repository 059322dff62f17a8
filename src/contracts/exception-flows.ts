/**
 * When plans change (issue 6): agreeing a new start date, salary requests and pay bands,
 * declines with the talent-pool opt-in, prepared messages HR may edit before they go,
 * the talent pool, and the employer's two-person withdrawal of an offer.
 */
import { z } from 'zod';
import { ZLanguage, ZLocalDate, ZRoleType, ZUuid, zShortText } from './common.js';
import { ZDeclineReason, ZSalaryDecision } from './playbook.js';

const ZMoney = z.number().positive().max(100_000_000).multipleOf(0.01);
const ZCurrency = z.string().regex(/^[A-Z]{3}$/, 'ISO 4217 code');

/* ── start date ─────────────────────────────────────────────────────────── */

export const ZAgreeStartDate = z.strictObject({
  startDate: ZLocalDate,
  reason: zShortText(500),
});
export type TAgreeStartDate = z.infer<typeof ZAgreeStartDate>;

export const ZMovedStep = z.object({ key: z.string(), stepId: z.string(), from: z.string(), to: z.string() });
export const ZAgreeStartDateResult = z.object({
  /** False when the start date already was this one (a retry or double click): nothing changed. */
  applied: z.boolean(),
  status: z.string(),
  startDate: ZLocalDate,
  offerVersion: z.number().int(),
  moved: z.array(ZMovedStep),
  cancelled: z.array(z.object({ key: z.string(), stepId: z.string() })),
});
export type TAgreeStartDateResult = z.infer<typeof ZAgreeStartDateResult>;

/* ── salary ─────────────────────────────────────────────────────────────── */

export const ZSalaryRequestInput = z.strictObject({
  /** The monthly base the candidate asks for, when they named one. */
  requestedMonthly: ZMoney.optional(),
  /** The candidate's argument, in their words (kept encrypted). */
  argument: z.string().trim().min(1).max(4000),
});
export type TSalaryRequestInput = z.infer<typeof ZSalaryRequestInput>;

export const ZSalaryRequestResult = z.object({ id: ZUuid, applied: z.boolean(), status: z.string() });

const ZMoneyText = z.object({ monthly: z.string().nullable(), months: z.string().nullable(), currency: z.string() });

export const ZPayBand = z.object({
  id: ZUuid,
  departmentId: ZUuid,
  departmentName: z.string(),
  matchKind: z.enum(['position_title', 'role_type']),
  matchValue: z.string(),
  minMonthly: z.string(),
  midMonthly: z.string(),
  maxMonthly: z.string(),
  currency: z.string(),
  updatedAt: z.string(),
});
export type TPayBand = z.infer<typeof ZPayBand>;

export const ZSalaryRequestView = z.object({
  id: ZUuid,
  status: z.enum(['open', 'approved', 'rejected']),
  argument: z.string(),
  /** Present only for roles allowed to see pay. */
  requestedMonthly: z.string().nullable().optional(),
  offerVersion: z.number().int(),
  createdAt: z.string(),
  decidedAt: z.string().nullable(),
  decisionNote: z.string(),
  newOfferVersion: z.number().int().nullable(),
});

export const ZSalaryEvaluation = z.object({
  request: ZSalaryRequestView.nullable(),
  offer: z.object({
    version: z.number().int(), positionTitle: z.string(), roleType: ZRoleType, department: z.string(), status: z.string(),
    salary: ZMoneyText.optional(),
  }),
  /** Whether pay figures are shown to the caller (HR; managers only when the org allows). */
  salaryVisible: z.boolean(),
  /** The matching band; absent when the caller may not see pay, null when none is set. */
  band: ZPayBand.nullable().optional(),
});
export type TSalaryEvaluation = z.infer<typeof ZSalaryEvaluation>;

export const ZSalaryDecisionInput = z.strictObject({
  decision: ZSalaryDecision,
  /** The new monthly base (approved only). */
  salaryMonthly: ZMoney.optional(),
  salaryMonths: z.number().min(1).max(24).multipleOf(0.5).optional(),
  note: z.string().trim().max(2000).default(''),
});
export type TSalaryDecisionInput = z.infer<typeof ZSalaryDecisionInput>;

export const ZSalaryDecisionResult = z.object({
  requestId: ZUuid, decision: ZSalaryDecision, offerVersion: z.number().int().nullable(), status: z.string(),
});

export const ZPayBandInput = z.strictObject({
  departmentId: ZUuid,
  matchKind: z.enum(['position_title', 'role_type']),
  matchValue: zShortText(200),
  minMonthly: ZMoney,
  midMonthly: ZMoney,
  maxMonthly: ZMoney,
  currency: ZCurrency.default('CNY'),
});
export type TPayBandInput = z.infer<typeof ZPayBandInput>;

export const ZPayBandParams = z.strictObject({ bandId: ZUuid });
export const ZSalaryRequestParams = z.strictObject({ id: ZUuid, requestId: ZUuid });

/* ── decline / renege ───────────────────────────────────────────────────── */

export const ZDeclineInput = z.strictObject({
  type: z.enum(['offer_declined', 'reneged']),
  reason: ZDeclineReason,
  /** Only when the candidate agreed to the talent pool, to the wording staff showed them. */
  talentPool: z.strictObject({ wordingVersion: z.string().min(1).max(100), language: ZLanguage }).optional(),
});
export type TDeclineInput = z.infer<typeof ZDeclineInput>;

export const ZDeclineResult = z.object({ applied: z.boolean(), status: z.string(), talentPool: z.boolean() });

export const ZPoolWordingQuery = z.strictObject({ language: ZLanguage.default('zh-CN') });
export const ZPoolWording = z.object({ version: z.string(), language: ZLanguage, text: z.string(), validMonths: z.number().int() });

/* ── prepared messages ──────────────────────────────────────────────────── */

export const ZPreparedMessage = z.object({
  key: z.string(),
  stepId: z.string(),
  channel: z.string(),
  sendAfter: z.string(),
  subject: z.string(),
  body: z.string(),
  edited: z.boolean(),
  editedAt: z.string().nullable(),
  /** Why the text could not be rendered (missing data), when it could not. */
  renderError: z.string().nullable(),
});
export type TPreparedMessage = z.infer<typeof ZPreparedMessage>;

export const ZPreparedMessageParams = z.strictObject({
  id: ZUuid,
  key: z.string().min(3).max(120).regex(/^[a-z0-9_]+\.[a-z0-9_]+#\d+$/, 'a message key like declined.thank_you#0'),
});
export const ZEditPreparedMessage = z.strictObject({
  subject: zShortText(300),
  body: z.string().trim().min(1).max(20_000),
});
export type TEditPreparedMessage = z.infer<typeof ZEditPreparedMessage>;

/* ── talent pool ────────────────────────────────────────────────────────── */

export const ZTalentPoolQuery = z.strictObject({
  q: z.string().trim().max(100).optional(),
  tag: z.string().trim().min(1).max(40).optional(),
  /** Only people we next write to within this many days. */
  nextWithinDays: z.coerce.number().int().min(1).max(3650).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});
export type TTalentPoolQuery = z.infer<typeof ZTalentPoolQuery>;

export const ZTalentPoolEntry = z.object({
  candidateId: ZUuid,
  fullName: z.string(),
  email: z.string(),
  positionTitle: z.string(),
  department: z.string(),
  status: z.string(),
  tags: z.array(z.string()),
  notes: z.string(),
  consent: z.object({ givenAt: z.string(), expiresAt: z.string().nullable(), wordingVersion: z.string(), givenBy: z.string() }),
  /** When the next nurture message goes out (null: none left before the consent lapses). */
  nextNurtureAt: z.string().nullable(),
  lastNurturedAt: z.string().nullable(),
});
export type TTalentPoolEntry = z.infer<typeof ZTalentPoolEntry>;

export const ZTalentPoolList = z.object({ items: z.array(ZTalentPoolEntry), total: z.number().int(), tags: z.array(z.string()) });

export const ZTalentPoolParams = z.strictObject({ candidateId: ZUuid });
export const ZTalentPoolUpdate = z.strictObject({
  tags: z.array(z.string().trim().min(1).max(40)).max(20),
  notes: z.string().trim().max(2000).default(''),
});
export const ZTalentPoolJoin = z.strictObject({ candidateId: ZUuid, language: ZLanguage, wordingVersion: z.string().min(1).max(100) });

/* ── employer withdrawal ────────────────────────────────────────────────── */

export const ZWithdrawalRequestInput = z.strictObject({ reason: z.string().trim().min(5).max(2000) });
export const ZWithdrawalDecisionInput = z.strictObject({ decision: z.enum(['approved', 'rejected']), note: z.string().trim().max(2000).default('') });
export const ZWithdrawalParams = z.strictObject({ withdrawalId: ZUuid });
export const ZWithdrawalQuery = z.strictObject({ status: z.enum(['pending', 'approved', 'rejected', 'all']).default('pending'), candidateId: ZUuid.optional() });

export const ZWithdrawal = z.object({
  id: ZUuid,
  candidateId: ZUuid,
  candidateName: z.string(),
  offerVersion: z.number().int(),
  reason: z.string(),
  status: z.enum(['pending', 'approved', 'rejected']),
  requestedBy: z.object({ id: ZUuid, name: z.string() }),
  requestedAt: z.string(),
  decidedBy: z.object({ id: ZUuid, name: z.string() }).nullable(),
  decidedAt: z.string().nullable(),
  decisionNote: z.string(),
  /** What the offer had been through when the request was made. */
  evidence: z.object({
    offerSentAt: z.string().nullable(),
    offerEmailSentAt: z.string().nullable(),
    portalLastOpenedAt: z.string().nullable(),
    acceptedAt: z.string().nullable(),
    statusAtRequest: z.string(),
  }),
});
export type TWithdrawal = z.infer<typeof ZWithdrawal>;

/* ── portal: re-accepting a changed offer ───────────────────────────────── */

const ZPortalOfferTerms = z.object({
  version: z.number().int(), positionTitle: z.string(), startDate: ZLocalDate,
  salary: ZMoneyText.nullable(),
});
export const ZPortalOffer = z.object({
  /** The version waiting for the candidate's acceptance, or null. */
  pending: ZPortalOfferTerms.extend({ sentAt: z.string().nullable() }).nullable(),
  /** The last version the candidate accepted, to compare with. */
  accepted: ZPortalOfferTerms.nullable(),
});
export type TPortalOffer = z.infer<typeof ZPortalOffer>;
export const ZPortalOfferAccept = z.strictObject({ version: z.number().int().min(1) });
export const ZPortalOfferAccepted = z.object({ version: z.number().int(), acceptedAt: z.string() });
