import { z } from 'zod';
import {
  ZCandidateChannel, ZCandidateStatus, ZIsoDateTime, ZLanguage, ZLocalDate, ZRoleType, ZUuid, zShortText,
} from './common.js';

const ZMoney = z.number().nonnegative().max(100_000_000).multipleOf(0.01);
const ZPhone = z.string().trim().max(32).regex(/^[+0-9 ()-]*$/, 'digits, spaces, + ( ) - only');

export const ZCreateCandidate = z.strictObject({
  fullName: zShortText(100),
  email: z.union([z.email().max(254), z.literal('')]).default(''),
  phone: ZPhone.default(''),
  language: ZLanguage.default('zh-CN'),
  externalRef: z.string().trim().min(1).max(100).optional(),
  roleType: ZRoleType,
  departmentId: ZUuid,
  siteId: ZUuid,
  positionTitle: zShortText(200),
  startDate: ZLocalDate,
  salaryMonthly: ZMoney.optional(),
  salaryMonths: z.number().min(1).max(24).multipleOf(0.5).optional(),
  currency: z.string().regex(/^[A-Z]{3}$/, 'ISO 4217 code').default('CNY'),
  relocation: z.boolean().default(false),
  backgroundCheck: z.boolean().default(false),
  channels: z.array(ZCandidateChannel).min(1).max(6).default(['email']),
  hrOwnerId: ZUuid.optional(),
  managerId: ZUuid.optional(),
  hrbpId: ZUuid.optional(),
  adminContactId: ZUuid.optional(),
  /** When the offer was already accepted (e.g. imported from an ATS). */
  offerAcceptedAt: ZIsoDateTime.optional(),
  notes: z.string().max(5000).default(''),
});
export type TCreateCandidate = z.infer<typeof ZCreateCandidate>;

export const ZUpdateCandidate = z.strictObject({
  fullName: zShortText(100).optional(),
  email: z.union([z.email().max(254), z.literal('')]).optional(),
  phone: ZPhone.optional(),
  language: ZLanguage.optional(),
  departmentId: ZUuid.optional(),
  relocation: z.boolean().optional(),
  backgroundCheck: z.boolean().optional(),
  channels: z.array(ZCandidateChannel).min(1).max(6).optional(),
  hrOwnerId: ZUuid.nullable().optional(),
  managerId: ZUuid.nullable().optional(),
  hrbpId: ZUuid.nullable().optional(),
  adminContactId: ZUuid.nullable().optional(),
  notes: z.string().max(5000).optional(),
});
export type TUpdateCandidate = z.infer<typeof ZUpdateCandidate>;

/** A new offer version: everything not given is carried over from the current one. */
export const ZCreateOfferVersion = z.strictObject({
  positionTitle: zShortText(200).optional(),
  siteId: ZUuid.optional(),
  startDate: ZLocalDate.optional(),
  roleType: ZRoleType.optional(),
  salaryMonthly: ZMoney.optional(),
  salaryMonths: z.number().min(1).max(24).multipleOf(0.5).optional(),
  currency: z.string().regex(/^[A-Z]{3}$/, 'ISO 4217 code').optional(),
  reason: zShortText(500),
});
export type TCreateOfferVersion = z.infer<typeof ZCreateOfferVersion>;

export const ZPersonRef = z.object({ id: ZUuid, name: z.string(), phone: z.string() }).nullable();

export const ZSalary = z.object({ monthly: z.string().nullable(), months: z.string().nullable(), currency: z.string() });

export const ZCandidate = z.object({
  id: ZUuid,
  externalRef: z.string().nullable(),
  fullName: z.string(),
  /** Omitted for roles that only handle logistics. */
  email: z.string().optional(),
  phone: z.string().optional(),
  language: ZLanguage,
  status: ZCandidateStatus,
  roleType: ZRoleType,
  department: z.object({ id: ZUuid, name: z.string() }),
  site: z.object({ id: ZUuid, name: z.string(), timezone: z.string() }),
  positionTitle: z.string(),
  startDate: ZLocalDate,
  offerVersion: z.number().int(),
  /** Present only for roles allowed to see pay. */
  salary: ZSalary.optional(),
  relocation: z.boolean(),
  backgroundCheck: z.boolean(),
  channels: z.array(z.string()),
  hrOwner: ZPersonRef,
  manager: ZPersonRef,
  hrbp: ZPersonRef,
  adminContact: ZPersonRef,
  notes: z.string().optional(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type TCandidate = z.infer<typeof ZCandidate>;

export const ZCandidateList = z.object({ items: z.array(ZCandidate), total: z.number().int() });

export const ZCandidateListQuery = z.strictObject({
  q: z.string().trim().max(100).optional(),
  status: ZCandidateStatus.optional(),
  departmentId: ZUuid.optional(),
  siteId: ZUuid.optional(),
  hrOwnerId: ZUuid.optional(),
  managerId: ZUuid.optional(),
  startFrom: ZLocalDate.optional(),
  startTo: ZLocalDate.optional(),
  sort: z.enum(['startDate', '-startDate', 'name', '-createdAt']).default('startDate'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});
export type TCandidateListQuery = z.infer<typeof ZCandidateListQuery>;

export const ZOffer = z.object({
  version: z.number().int(),
  positionTitle: z.string(),
  siteId: ZUuid,
  startDate: ZLocalDate,
  roleType: ZRoleType,
  salary: ZSalary.optional(),
  status: z.string(),
  sentAt: z.string().nullable(),
  acceptedAt: z.string().nullable(),
  reason: z.string(),
  createdAt: z.string(),
  /** The staff member who issued this version; null when an integration or the system did. */
  issuedBy: z.object({ id: ZUuid, name: z.string() }).nullable(),
});
export type TOffer = z.infer<typeof ZOffer>;

export const TOUCH_KINDS = ['call', 'message', 'email', 'meeting', 'visit', 'note'] as const;
export const TOUCH_CHANNELS = [
  'phone', 'email', 'sms', 'wechat', 'wecom', 'dingtalk', 'feishu', 'portal', 'video', 'in_person', 'other',
] as const;

export const ZCreateTouch = z.strictObject({
  occurredAt: ZIsoDateTime.optional(),
  kind: z.enum(TOUCH_KINDS),
  channel: z.enum(TOUCH_CHANNELS),
  direction: z.enum(['inbound', 'outbound', 'internal']),
  summary: zShortText(300),
  content: z.string().max(10_000).default(''),
  candidateFeedback: z.string().max(5000).default(''),
  stepId: z.string().regex(/^[a-z0-9_]+\.[a-z0-9_]+$/, 'a playbook step id like offer.confirmation_call').max(100).optional(),
});
export type TCreateTouch = z.infer<typeof ZCreateTouch>;

export const ZTouch = z.object({
  id: ZUuid,
  occurredAt: z.string(),
  kind: z.string(),
  channel: z.string(),
  direction: z.string(),
  authorKind: z.string(),
  author: z.object({ id: ZUuid, name: z.string() }).nullable(),
  summary: z.string(),
  content: z.string(),
  candidateFeedback: z.string(),
  stepId: z.string().nullable(),
});
export type TTouch = z.infer<typeof ZTouch>;
export const ZTimeline = z.object({ items: z.array(ZTouch), total: z.number().int() });
