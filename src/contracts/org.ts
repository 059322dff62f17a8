import { z } from 'zod';
import { ZLanguage, ZStaffRole, ZTimeOfDay, ZUuid, zShortText } from './common.js';

const ZTimezone = z.string().min(1).max(64).refine((tz) => {
  try { new Intl.DateTimeFormat('en-US', { timeZone: tz }); return true; } catch { return false; }
}, 'unknown IANA time zone');

export const ZDepartment = z.object({ id: ZUuid, name: z.string() });
export const ZCreateDepartment = z.strictObject({ name: zShortText(100) });

export const ZSiteFields = z.strictObject({
  name: zShortText(100),
  address: z.string().trim().max(500).default(''),
  timezone: ZTimezone,
  calendar: z.enum(['CN', 'WEEKEND']).default('CN'),
  arrivalTime: ZTimeOfDay.default('09:00'),
  receptionInfo: z.string().trim().max(2000).default(''),
  parking: z.string().trim().max(2000).default(''),
  transport: z.string().trim().max(2000).default(''),
  mapUrl: z.union([z.url({ protocol: /^https?$/ }).max(2000), z.literal('')]).default(''),
});
export const ZCreateSite = ZSiteFields;
export const ZUpdateSite = ZSiteFields.partial();
export const ZSite = z.object({
  id: ZUuid, name: z.string(), address: z.string(), timezone: z.string(), calendar: z.string(),
  arrivalTime: z.string(), receptionInfo: z.string(), parking: z.string(), transport: z.string(), mapUrl: z.string(),
});
export type TSite = z.infer<typeof ZSite>;

export const ZUser = z.object({
  id: ZUuid, email: z.string(), name: z.string(), phone: z.string(), role: ZStaffRole,
  locale: ZLanguage, departmentIds: z.array(ZUuid), disabled: z.boolean(),
});
export type TUser = z.infer<typeof ZUser>;

export const ZCreateUser = z.strictObject({
  email: z.email().max(254),
  name: zShortText(100),
  phone: z.string().trim().max(32).default(''),
  role: ZStaffRole,
  locale: ZLanguage.default('zh-CN'),
  password: z.string().min(10).max(200),
  departmentIds: z.array(ZUuid).max(100).default([]),
});
export type TCreateUser = z.infer<typeof ZCreateUser>;

export const ZUpdateUser = z.strictObject({
  name: zShortText(100).optional(),
  phone: z.string().trim().max(32).optional(),
  role: ZStaffRole.optional(),
  locale: ZLanguage.optional(),
  departmentIds: z.array(ZUuid).max(100).optional(),
  disabled: z.boolean().optional(),
});

export const ZAuditQuery = z.strictObject({
  candidateId: ZUuid.optional(),
  actorId: ZUuid.optional(),
  action: z.string().max(50).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  before: z.iso.datetime({ offset: true }).optional(),
});
export const ZAuditEntry = z.object({
  id: ZUuid, at: z.string(), actorKind: z.string(), actorId: ZUuid.nullable(), actorName: z.string().nullable(),
  action: z.string(), entity: z.string(), entityId: z.string().nullable(), candidateId: ZUuid.nullable(),
  detail: z.record(z.string(), z.unknown()), ip: z.string().nullable(),
});
