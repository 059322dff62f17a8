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
  /** What was acted on: `candidate`, `user`, `site`, `settings`, `api_token`… */
  entity: z.string().max(50).optional(),
  entityId: z.string().max(100).optional(),
  /** Entries at or after this instant. */
  from: z.iso.datetime({ offset: true }).optional(),
  /** Entries before this instant. */
  to: z.iso.datetime({ offset: true }).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  before: z.iso.datetime({ offset: true }).optional(),
  /** The previous page's `nextCursor`: continues exactly after its last entry. */
  cursor: z.string().regex(/^[A-Za-z0-9_-]{1,200}$/, 'expected the nextCursor of a previous page').optional(),
});
export type TAuditQuery = z.input<typeof ZAuditQuery>;
export const ZAuditEntry = z.object({
  id: ZUuid, at: z.string(), actorKind: z.string(), actorId: ZUuid.nullable(), actorName: z.string().nullable(),
  action: z.string(), entity: z.string(), entityId: z.string().nullable(), candidateId: ZUuid.nullable(),
  /** The candidate's current name (anonymised names stay anonymised). */
  candidateName: z.string().nullable(),
  detail: z.record(z.string(), z.unknown()), ip: z.string().nullable(),
});
export type TAuditEntry = z.infer<typeof ZAuditEntry>;
/** One page of the audit log, newest first; `nextCursor` is null on the last page. */
export const ZAuditPage = z.object({ items: z.array(ZAuditEntry), nextCursor: z.string().nullable() });
export type TAuditPage = z.infer<typeof ZAuditPage>;
