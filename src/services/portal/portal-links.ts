import { randomUUID } from 'node:crypto';
import type { Principal } from '../../core/access/candidate-scope.js';
import { addLocalDays, startOfLocalDay } from '../../core/time/local-time.js';
import { appendAudit } from '../../adapters/db/repos/audit-repo.js';
import { findCandidate } from '../../adapters/db/repos/candidate-repo.js';
import { describeActor, requirePermission } from '../actor.js';
import { composeCredential, generateSecret, hashSecret, parseCredential } from '../auth/tokens.js';
import { loadVisibleCandidate } from '../candidates/candidates.js';
import type { Deps, RequestContext } from '../deps.js';
import { AppError } from '../errors.js';
import { PORTAL_PREFIX, type PortalPrincipal } from './portal-principal.js';

/**
 * A link stays valid through the seventh day after the start date (site-local), so the
 * new hire can still read directions and ask questions in their first week.
 */
export function computePortalLinkExpiry(startDate: string, timeZone: string): Date {
  return startOfLocalDay(addLocalDays(startDate, 8), timeZone);
}

const portalBase = (deps: Deps) => `${(deps.dispatch?.publicUrl ?? 'http://localhost:3000').replace(/\/+$/, '')}/portal/`;

/** The magic link: the credential rides in the fragment, which browsers never send to a server. */
export const buildPortalUrl = (deps: Deps, credential: string) => `${portalBase(deps)}#t=${credential}`;

/** How a stored copy shows a magic link: the same address with the credential blanked out. */
export const buildMaskedPortalUrl = (deps: Deps) => `${portalBase(deps)}#t=••••••••`;

/**
 * What revoking sets: the revocation time, and no sealed copy of a message link's secret
 * (a revoked link is never sent again, so nothing may be able to rebuild it).
 */
export const revokedLink = (now: Date) => ({ revoked_at: now, secret_sealed: null });

/**
 * Issues a new magic link and revokes the candidate's older ones (re-sending rotates),
 * including the links inside messages already sent.
 * The URL carries the secret in its fragment and is returned only here, once.
 */
export async function issuePortalLink(deps: Deps, p: Principal, candidateId: string, ctx: RequestContext) {
  requirePermission(p, 'portal.manage');
  const candidate = await loadVisibleCandidate(deps, p, candidateId);
  const now = deps.clock.now();
  const expiresAt = computePortalLinkExpiry(candidate.start_date, candidate.site_timezone);
  if (expiresAt.getTime() <= now.getTime()) {
    throw new AppError(409, 'start_date_passed', 'the start date is more than a week ago: a portal link would already be expired', 'startDate');
  }
  const secret = generateSecret();
  const id = randomUUID();
  await deps.db.transaction().execute(async (trx) => {
    const revoked = await trx.updateTable('portal_tokens').set(revokedLink(now))
      .where('org_id', '=', p.orgId).where('candidate_id', '=', candidateId).where('revoked_at', 'is', null).executeTakeFirst();
    await trx.insertInto('portal_tokens').values({
      org_id: p.orgId, id, candidate_id: candidateId, token_hash: hashSecret(secret),
      created_by: p.kind === 'user' ? p.userId : null, created_at: now, expires_at: expiresAt, revoked_at: null, last_used_at: null,
    }).execute();
    await appendAudit(trx, {
      orgId: p.orgId, ...describeActor(p), action: 'issue', entity: 'portal_link', entityId: id, candidateId,
      detail: { expiresAt: expiresAt.toISOString(), revokedOlder: Number(revoked.numUpdatedRows) }, ip: ctx.ip, at: now,
    });
  });
  return { candidateId, url: buildPortalUrl(deps, composeCredential(PORTAL_PREFIX, p.orgId, secret)), expiresAt: expiresAt.toISOString() };
}

/** Revokes every live link of the candidate, message links included; idempotent (revoking nothing is fine). */
export async function revokePortalLinks(deps: Deps, p: Principal, candidateId: string, ctx: RequestContext) {
  requirePermission(p, 'portal.manage');
  await loadVisibleCandidate(deps, p, candidateId);
  const now = deps.clock.now();
  const revoked = await deps.db.transaction().execute(async (trx) => {
    const res = await trx.updateTable('portal_tokens').set(revokedLink(now))
      .where('org_id', '=', p.orgId).where('candidate_id', '=', candidateId).where('revoked_at', 'is', null).executeTakeFirst();
    const n = Number(res.numUpdatedRows);
    await appendAudit(trx, { orgId: p.orgId, ...describeActor(p), action: 'revoke', entity: 'portal_link', candidateId, detail: { revoked: n }, ip: ctx.ip, at: now });
    return n;
  });
  return { ok: true as const, revoked };
}

/**
 * Resolves `Portal <credential>` to the one candidate it opens; undefined when malformed,
 * unknown, revoked or expired. Expiry follows the candidate's current start date (the one
 * record), so a delayed start keeps the link alive; the stored value is kept in step.
 */
export async function authenticatePortalLink(deps: Deps, credential: string | undefined): Promise<PortalPrincipal | undefined> {
  const cred = parseCredential(PORTAL_PREFIX, credential);
  if (!cred) return undefined;
  const now = deps.clock.now();
  const token = await deps.db.selectFrom('portal_tokens').selectAll()
    .where('org_id', '=', cred.orgId).where('token_hash', '=', hashSecret(cred.secret)).executeTakeFirst();
  if (!token || token.revoked_at) return undefined;
  const candidate = await findCandidate(deps.db, cred.orgId, token.candidate_id, { kind: 'all' });
  if (!candidate) return undefined;
  const expiresAt = computePortalLinkExpiry(candidate.start_date, candidate.site_timezone);
  if (expiresAt.getTime() <= now.getTime()) return undefined;
  const stale = expiresAt.getTime() !== token.expires_at.getTime();
  // Touch at most once a minute: reading the portal should not write on every request.
  if (stale || !token.last_used_at || now.getTime() - token.last_used_at.getTime() > 60_000) {
    await deps.db.updateTable('portal_tokens').set({ last_used_at: now, expires_at: expiresAt })
      .where('org_id', '=', cred.orgId).where('id', '=', token.id).execute();
  }
  return { kind: 'candidate', orgId: cred.orgId, candidateId: token.candidate_id, linkId: token.id };
}
