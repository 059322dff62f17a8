/**
 * The candidate's side of a changed offer: after an approved salary adjustment (or any
 * change of pay or role) the new version waits for their acceptance in the portal. They
 * read the new terms beside the ones they accepted, and accept; accepting twice is fine.
 */
import { randomUUID } from 'node:crypto';
import { appendAudit } from '../../adapters/db/repos/audit-repo.js';
import type { TPortalOffer } from '../../contracts/exception-flows.js';
import type { Deps, RequestContext } from '../deps.js';
import { conflict } from '../errors.js';
import { loadPortalCandidate, type PortalPrincipal } from '../portal/portal-principal.js';

/** Statuses in which a changed offer is re-accepted (the candidate had accepted before). */
const RUNNING = new Set(['offer_accepted', 'preboarding', 'delayed']);

type OfferRow = { version: number; position_title: string; start_date: string; salary_monthly: string | null; salary_months: string | null; currency: string };
const terms = (o: OfferRow) => ({
  version: o.version, positionTitle: o.position_title, startDate: o.start_date,
  salary: o.salary_monthly === null ? null : { monthly: o.salary_monthly, months: o.salary_months, currency: o.currency },
});

export async function getPortalOffer(deps: Deps, who: PortalPrincipal): Promise<TPortalOffer> {
  const c = await loadPortalCandidate(deps, who);
  const offers = await deps.db.selectFrom('offers').select(['version', 'position_title', 'start_date', 'salary_monthly', 'salary_months', 'currency', 'status', 'sent_at', 'accepted_at'])
    .where('org_id', '=', who.orgId).where('candidate_id', '=', who.candidateId).orderBy('version', 'desc').execute();
  const latest = offers[0];
  const pending = latest && latest.status === 'sent' && RUNNING.has(c.status) ? latest : undefined;
  const accepted = offers.find((o) => o.accepted_at !== null && o !== pending);
  return {
    pending: pending ? { ...terms(pending), sentAt: pending.sent_at?.toISOString() ?? null } : null,
    accepted: accepted ? terms(accepted) : null,
  };
}

export async function acceptPortalOffer(deps: Deps, who: PortalPrincipal, input: { version: number }, ctx: RequestContext) {
  const c = await loadPortalCandidate(deps, who);
  const now = deps.clock.now();
  return deps.db.transaction().execute(async (trx) => {
    const latest = await trx.selectFrom('offers').select(['version', 'status', 'accepted_at']).where('org_id', '=', who.orgId).where('candidate_id', '=', who.candidateId)
      .orderBy('version', 'desc').limit(1).forUpdate().executeTakeFirstOrThrow();
    if (latest.version !== input.version) throw conflict('this offer has been replaced by a newer version: please read the latest one', 'version');
    if (latest.status === 'accepted' && latest.accepted_at) return { version: latest.version, acceptedAt: latest.accepted_at.toISOString() };
    if (latest.status !== 'sent' || !RUNNING.has(c.status)) throw conflict('there is no changed offer waiting for your acceptance', 'version');
    await trx.updateTable('offers').set({ status: 'accepted', accepted_at: now })
      .where('org_id', '=', who.orgId).where('candidate_id', '=', who.candidateId).where('version', '=', latest.version).execute();
    await trx.insertInto('touches').values({
      org_id: who.orgId, id: randomUUID(), candidate_id: who.candidateId, occurred_at: now, kind: 'note', channel: 'portal', direction: 'inbound',
      author_kind: 'candidate', author_user_id: null, summary: `Accepted offer version ${latest.version} in the portal`, step_id: 'salary.reissue_offer',
    }).execute();
    await appendAudit(trx, {
      orgId: who.orgId, actorKind: 'candidate', actorId: who.candidateId, action: 'accept', entity: 'offer', entityId: `${who.candidateId}#${latest.version}`,
      candidateId: who.candidateId, ip: ctx.ip, at: now,
    });
    return { version: latest.version, acceptedAt: now.toISOString() };
  });
}
