import { randomUUID } from 'node:crypto';
import type { TCreateApiToken } from '../../contracts/auth.js';
import type { Principal } from '../../core/access/candidate-scope.js';
import { appendAudit } from '../../adapters/db/repos/audit-repo.js';
import { describeActor, requirePermission } from '../actor.js';
import type { Deps, RequestContext } from '../deps.js';
import { forbidden, notFound } from '../errors.js';
import { API_TOKEN_PREFIX } from './sessions.js';
import { composeCredential, generateSecret, hashSecret } from './tokens.js';

const presentToken = (t: { id: string; name: string; scopes: string[]; created_at: Date; expires_at: Date | null; last_used_at: Date | null; revoked_at: Date | null }) => ({
  id: t.id, name: t.name, scopes: t.scopes, createdAt: t.created_at.toISOString(),
  expiresAt: t.expires_at?.toISOString() ?? null, lastUsedAt: t.last_used_at?.toISOString() ?? null, revokedAt: t.revoked_at?.toISOString() ?? null,
});

/** Issues a token; the secret is shown once and stored only hashed. */
export async function createApiToken(deps: Deps, p: Principal, input: TCreateApiToken, ctx: RequestContext) {
  requirePermission(p, 'token.manage');
  if (p.kind !== 'user') throw forbidden('tokens cannot mint tokens');
  const now = deps.clock.now();
  const secret = generateSecret();
  const row = {
    org_id: p.orgId, id: randomUUID(), name: input.name, token_hash: hashSecret(secret), scopes: input.scopes,
    created_by: p.userId, created_at: now,
    expires_at: input.expiresInDays ? new Date(now.getTime() + input.expiresInDays * 86_400_000) : null,
    last_used_at: null, revoked_at: null,
  };
  await deps.db.insertInto('api_tokens').values(row).execute();
  await appendAudit(deps.db, { orgId: p.orgId, ...describeActor(p), action: 'create', entity: 'api_token', entityId: row.id, detail: { name: input.name, scopes: input.scopes }, ip: ctx.ip, at: now });
  return { ...presentToken(row), token: composeCredential(API_TOKEN_PREFIX, p.orgId, secret) };
}

export async function listApiTokens(deps: Deps, p: Principal) {
  requirePermission(p, 'token.manage');
  const rows = await deps.db.selectFrom('api_tokens').selectAll().where('org_id', '=', p.orgId).orderBy('created_at', 'desc').execute();
  return rows.map(presentToken);
}

/** Revocation is immediate: the next request with the token is refused. */
export async function revokeApiToken(deps: Deps, p: Principal, id: string, ctx: RequestContext) {
  requirePermission(p, 'token.manage');
  const now = deps.clock.now();
  const res = await deps.db.updateTable('api_tokens').set({ revoked_at: now })
    .where('org_id', '=', p.orgId).where('id', '=', id).where('revoked_at', 'is', null).executeTakeFirst();
  if (Number(res.numUpdatedRows) === 0) throw notFound('API token');
  await appendAudit(deps.db, { orgId: p.orgId, ...describeActor(p), action: 'revoke', entity: 'api_token', entityId: id, ip: ctx.ip, at: now });
  return { ok: true as const };
}
