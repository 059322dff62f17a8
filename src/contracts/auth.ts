import { z } from 'zod';
import { ZLanguage, ZStaffRole, ZUuid, zShortText } from './common.js';

export const ZLoginRequest = z.strictObject({
  email: z.email().max(254),
  password: z.string().min(1).max(200),
  /** Needed only when the same email exists in several organisations. */
  org: z.string().trim().min(1).max(64).optional(),
});
export type TLoginRequest = z.infer<typeof ZLoginRequest>;

export const ZMe = z.object({
  user: z.object({
    id: ZUuid,
    orgId: ZUuid,
    orgName: z.string(),
    email: z.string(),
    name: z.string(),
    role: ZStaffRole,
    locale: ZLanguage,
    departmentIds: z.array(ZUuid),
  }),
  csrfToken: z.string(),
  permissions: z.array(z.string()),
});
export type TMe = z.infer<typeof ZMe>;

export const API_SCOPES = ['candidates:read', 'candidates:write', 'touches:write', 'events:write'] as const;
export const ZApiScope = z.enum(API_SCOPES);

export const ZCreateApiToken = z.strictObject({
  name: zShortText(100),
  scopes: z.array(ZApiScope).min(1).max(API_SCOPES.length),
  expiresInDays: z.number().int().min(1).max(3650).optional(),
});
export type TCreateApiToken = z.infer<typeof ZCreateApiToken>;

export const ZApiToken = z.object({
  id: ZUuid,
  name: z.string(),
  scopes: z.array(z.string()),
  createdAt: z.string(),
  expiresAt: z.string().nullable(),
  lastUsedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});
export const ZCreatedApiToken = ZApiToken.extend({ token: z.string() });
