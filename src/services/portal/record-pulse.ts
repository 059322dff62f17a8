import { randomUUID } from 'node:crypto';
import type { TPortalLanguage, TPortalPulse } from '../../contracts/portal.js';
import { appendAudit } from '../../adapters/db/repos/audit-repo.js';
import type { Deps, RequestContext } from '../deps.js';
import { noteCandidateReply } from '../exceptions/candidate-reply.js';
import { loadPortalCandidate, type PortalPrincipal } from './portal-principal.js';

export const PULSE_STEP = 'portal.pulse';

/** "How do you feel about joining?" (1–5 and an optional comment) as a touch on the timeline. */
export async function recordPortalPulse(deps: Deps, who: PortalPrincipal, input: TPortalPulse, ctx: RequestContext) {
  await loadPortalCandidate(deps, who);
  const now = deps.clock.now();
  const id = randomUUID();
  await deps.db.transaction().execute(async (trx) => {
    await trx.insertInto('touches').values({
      org_id: who.orgId, id, candidate_id: who.candidateId, occurred_at: now, kind: 'note', channel: 'portal', direction: 'inbound',
      author_kind: 'candidate', author_user_id: null, summary: `加入意愿 Pulse ${input.score}/5`, content: input.comment,
      candidate_feedback: input.comment, step_id: PULSE_STEP, created_at: now,
    }).execute();
    await noteCandidateReply(trx, deps, who.orgId, who.candidateId, now, `portal:pulse:${id}`, { kind: 'candidate', id: who.candidateId });
    await appendAudit(trx, {
      orgId: who.orgId, actorKind: 'candidate', actorId: who.candidateId, action: 'create', entity: 'portal_pulse', entityId: id,
      candidateId: who.candidateId, detail: { score: input.score }, ip: ctx.ip, at: now,
    });
  });
  return { id, at: now.toISOString() };
}

/** The candidate's language: the portal's and every later message's (the one record). */
export async function setPortalLanguage(deps: Deps, who: PortalPrincipal, input: TPortalLanguage, ctx: RequestContext) {
  const before = await loadPortalCandidate(deps, who);
  if (before.language === input.language) return { language: input.language };
  const now = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    await trx.updateTable('candidates').set({ language: input.language, updated_at: now })
      .where('org_id', '=', who.orgId).where('id', '=', who.candidateId).execute();
    await appendAudit(trx, {
      orgId: who.orgId, actorKind: 'candidate', actorId: who.candidateId, action: 'update', entity: 'candidate', entityId: who.candidateId,
      candidateId: who.candidateId, detail: { changes: { language: { from: before.language, to: input.language } } }, ip: ctx.ip, at: now,
    });
  });
  return { language: input.language };
}
