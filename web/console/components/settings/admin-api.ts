/**
 * Endpoints of the admin screens (settings, sites, users, API tokens, staff channels, audit log), typed by
 * the same zod contracts the server validates with.
 */
import type { z } from 'zod';
import type { TCreateApiToken, ZApiToken, ZCreatedApiToken } from '../../../../src/contracts/auth.js';
import type { TAuditPage, TAuditQuery, TCreateUser, TSite, TUser, ZCreateSite, ZUpdateSite, ZUpdateUser } from '../../../../src/contracts/org.js';
import type { TOrgSettings, TUpdateOrgSettings } from '../../../../src/contracts/settings.js';
import type { TCreateStaffChannel, TStaffChannel, TUpdateStaffChannel } from '../../../../src/contracts/staff-channels.js';
import { request } from '../../../lib/api.js';

export type TApiToken = z.infer<typeof ZApiToken>;
export type TCreatedApiToken = z.infer<typeof ZCreatedApiToken>;
export type TSiteInput = z.infer<typeof ZCreateSite>;
export type TSitePatch = z.infer<typeof ZUpdateSite>;
export type TUserPatch = z.infer<typeof ZUpdateUser>;
export type { TAuditPage, TAuditQuery, TCreateApiToken, TCreateUser, TOrgSettings, TSite, TStaffChannel, TUser, TUpdateOrgSettings };

function toQuery(params: Record<string, string | number | undefined>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== '') q.set(k, String(v));
  const s = q.toString();
  return s ? `?${s}` : '';
}

const id = (value: string) => encodeURIComponent(value);

export const adminApi = {
  settings: () => request<TOrgSettings>('GET', '/settings'),
  updateSettings: (patch: TUpdateOrgSettings) => request<TOrgSettings>('PATCH', '/settings', patch),
  createSite: (input: TSiteInput) => request<TSite>('POST', '/sites', input),
  updateSite: (siteId: string, patch: TSitePatch) => request<TSite>('PATCH', `/sites/${id(siteId)}`, patch),
  createUser: (input: TCreateUser) => request<TUser>('POST', '/users', input),
  updateUser: (userId: string, patch: TUserPatch) => request<TUser>('PATCH', `/users/${id(userId)}`, patch),
  apiTokens: () => request<{ items: TApiToken[] }>('GET', '/api-tokens'),
  createApiToken: (input: TCreateApiToken) => request<TCreatedApiToken>('POST', '/api-tokens', input),
  revokeApiToken: (tokenId: string) => request<{ ok: true }>('DELETE', `/api-tokens/${id(tokenId)}`),
  staffChannels: () => request<{ items: TStaffChannel[] }>('GET', '/settings/staff-channels'),
  createStaffChannel: (input: TCreateStaffChannel) => request<TStaffChannel>('POST', '/settings/staff-channels', input),
  updateStaffChannel: (channelId: string, patch: TUpdateStaffChannel) => request<TStaffChannel>('PATCH', `/settings/staff-channels/${id(channelId)}`, patch),
  removeStaffChannel: (channelId: string) => request<{ ok: true }>('DELETE', `/settings/staff-channels/${id(channelId)}`),
  testStaffChannel: (channelId: string) => request<{ ok: true }>('POST', `/settings/staff-channels/${id(channelId)}/test`),
  audit: (query: Partial<TAuditQuery>) => request<TAuditPage>('GET', `/audit${toQuery(query as Record<string, string | number | undefined>)}`),
};
