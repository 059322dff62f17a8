import { randomUUID } from 'node:crypto';
import type { TLoginRequest } from '../../contracts/auth.js';
import type { TStaffRole } from '../../contracts/common.js';
import { listPermissions, listScopePermissions, type AccessSettings } from '../../core/access/permissions.js';
import type { Principal } from '../../core/access/candidate-scope.js';
import { appendAudit } from '../../adapters/db/repos/audit-repo.js';
import type { Deps, RequestContext } from '../deps.js';
import { AppError } from '../errors.js';
import { getDummyHash, verifyPassword } from './passwords.js';
import { composeCredential, generateSecret, hashSecret, parseCredential } from './tokens.js';

export const SESSION_PREFIX = 's1.';
export const API_TOKEN_PREFIX = 'pbt_';
/** Sliding idle lifetime of a staff session. */
const SESSION_IDLE_MS = 12 * 60 * 60 * 1000;

export interface SignedInUser {
  principal: Extract<Principal, { kind: 'user' }>;
  sessionId: string;
  csrfToken: string;
  name: string;
  email: string;
  locale: string;
  orgName: string;
}

async function loadUserPrincipal(deps: Deps, orgId: string, userId: string) {
  const row = await deps.db.selectFrom('users as u')
    .innerJoin('orgs as o', 'o.org_id', 'u.org_id')
    .select(['u.id', 'u.org_id', 'u.role', 'u.name', 'u.email', 'u.locale', 'u.disabled_at', 'o.name as org_name', 'o.settings'])
    .where('u.org_id', '=', orgId).where('u.id', '=', userId).executeTakeFirst();
  if (!row || row.disabled_at) return undefined;
  const departments = await deps.db.selectFrom('user_departments').select('department_id')
    .where('org_id', '=', orgId).where('user_id', '=', userId).execute();
  const role = row.role as TStaffRole;
  return {
    row,
    principal: {
      kind: 'user' as const,
      orgId,
      userId,
      role,
      departmentIds: departments.map((d) => d.department_id),
      permissions: listPermissions(role, (row.settings ?? {}) as AccessSettings),
    },
  };
}

/**
 * Checks a password and opens a new session (a fresh id on every login, so a
 * session fixed before login is worthless). Same answer for unknown user and wrong password.
 */
export async function signIn(deps: Deps, input: TLoginRequest, ctx: RequestContext): Promise<{ cookie: string; user: SignedInUser }> {
  let q = deps.db.selectFrom('users as u').innerJoin('orgs as o', 'o.org_id', 'u.org_id')
    .select(['u.org_id', 'u.id', 'u.password_hash', 'u.disabled_at'])
    .where((eb) => eb(eb.fn('lower', ['u.email']), '=', input.email.toLowerCase()));
  if (input.org) q = q.where('o.slug', '=', input.org);
  const candidates = await q.limit(2).execute();
  if (candidates.length > 1) throw new AppError(400, 'org_required', 'this email belongs to several organisations: give org', 'org');
  const found = candidates[0];
  const ok = await verifyPassword(found?.password_hash ?? (await getDummyHash()), input.password);
  if (!found || !found.password_hash || found.disabled_at || !ok) {
    throw new AppError(401, 'invalid_credentials', 'email or password is wrong');
  }
  const now = deps.clock.now();
  const secret = generateSecret();
  const sessionId = randomUUID();
  const csrfToken = generateSecret();
  await deps.db.insertInto('sessions').values({
    org_id: found.org_id, id: sessionId, user_id: found.id, token_hash: hashSecret(secret), csrf_token: csrfToken,
    created_at: now, last_seen_at: now, expires_at: new Date(now.getTime() + SESSION_IDLE_MS),
  }).execute();
  await appendAudit(deps.db, { orgId: found.org_id, actorKind: 'user', actorId: found.id, action: 'login', entity: 'session', entityId: sessionId, ip: ctx.ip, at: now });
  const user = await authenticateSession(deps, composeCredential(SESSION_PREFIX, found.org_id, secret));
  if (!user) throw new AppError(401, 'invalid_credentials', 'email or password is wrong');
  return { cookie: composeCredential(SESSION_PREFIX, found.org_id, secret), user };
}

/** Resolves a session cookie; slides its expiry. Undefined when missing, expired or revoked. */
export async function authenticateSession(deps: Deps, cookie: string | undefined): Promise<SignedInUser | undefined> {
  const cred = parseCredential(SESSION_PREFIX, cookie);
  if (!cred) return undefined;
  const now = deps.clock.now();
  const session = await deps.db.selectFrom('sessions').selectAll()
    .where('org_id', '=', cred.orgId).where('token_hash', '=', hashSecret(cred.secret)).executeTakeFirst();
  if (!session || session.revoked_at || session.expires_at.getTime() <= now.getTime()) return undefined;
  const loaded = await loadUserPrincipal(deps, cred.orgId, session.user_id);
  if (!loaded) return undefined;
  // Touch at most once a minute: a busy console should not write on every request.
  if (now.getTime() - session.last_seen_at.getTime() > 60_000) {
    await deps.db.updateTable('sessions')
      .set({ last_seen_at: now, expires_at: new Date(now.getTime() + SESSION_IDLE_MS) })
      .where('org_id', '=', cred.orgId).where('id', '=', session.id).execute();
  }
  return {
    principal: loaded.principal, sessionId: session.id, csrfToken: session.csrf_token,
    name: loaded.row.name, email: loaded.row.email, locale: loaded.row.locale, orgName: loaded.row.org_name,
  };
}

/** Ends one session, or every session of the user ("sign out everywhere"). */
export async function signOut(deps: Deps, user: SignedInUser, everywhere: boolean): Promise<void> {
  const now = deps.clock.now();
  let q = deps.db.updateTable('sessions').set({ revoked_at: now })
    .where('org_id', '=', user.principal.orgId).where('revoked_at', 'is', null);
  q = everywhere ? q.where('user_id', '=', user.principal.userId) : q.where('id', '=', user.sessionId);
  await q.execute();
  await appendAudit(deps.db, { orgId: user.principal.orgId, actorKind: 'user', actorId: user.principal.userId, action: everywhere ? 'logout_everywhere' : 'logout', entity: 'session', entityId: user.sessionId, at: now });
}

/** Resolves a bearer API token to a principal limited by its scopes. */
export async function authenticateApiToken(deps: Deps, bearer: string | undefined): Promise<Principal | undefined> {
  const cred = parseCredential(API_TOKEN_PREFIX, bearer);
  if (!cred) return undefined;
  const now = deps.clock.now();
  const token = await deps.db.selectFrom('api_tokens').selectAll()
    .where('org_id', '=', cred.orgId).where('token_hash', '=', hashSecret(cred.secret)).executeTakeFirst();
  if (!token || token.revoked_at || (token.expires_at && token.expires_at.getTime() <= now.getTime())) return undefined;
  if (!token.last_used_at || now.getTime() - token.last_used_at.getTime() > 60_000) {
    await deps.db.updateTable('api_tokens').set({ last_used_at: now }).where('org_id', '=', cred.orgId).where('id', '=', token.id).execute();
  }
  return { kind: 'token', orgId: cred.orgId, tokenId: token.id, scopes: token.scopes, permissions: listScopePermissions(token.scopes) };
}
