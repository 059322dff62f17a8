/**
 * Decline / renege (FAQ 2) recorded by staff: the reason from the fixed list, never a
 * sensitive question; the engine stops the plan, prepares the thank-you (HR can read and
 * edit it before it goes) and gives HR the ask-reason task. The talent-pool opt-in is
 * recorded only when the candidate gave it, with the exact wording staff showed them.
 */
import { randomUUID } from 'node:crypto';
import { currentWording } from '../../core/consents/wordings.js';
import { transitionStatus } from '../../core/lifecycle/transition-status.js';
import type { TDeclineInput } from '../../contracts/exception-flows.js';
import type { Principal } from '../../core/access/candidate-scope.js';
import { appendAudit } from '../../adapters/db/repos/audit-repo.js';
import { describeActor, requirePermission } from '../actor.js';
import { loadVisibleCandidate } from '../candidates/candidates.js';
import type { Deps, RequestContext } from '../deps.js';
import { conflict, invalid } from '../errors.js';
import { applyDomainEventIn } from '../engine/apply-event.js';
import { withEngineErrors } from './engine-errors.js';
import { prepareMessages } from './prepared-messages.js';
import { recordPoolConsent } from './talent-pool.js';

export async function recordDecline(deps: Deps, p: Principal, candidateId: string, input: TDeclineInput, idempotencyKey: string | undefined, ctx: RequestContext) {
  requirePermission(p, 'event.create');
  const c = await loadVisibleCandidate(deps, p, candidateId);
  if (input.talentPool && input.talentPool.wordingVersion !== currentWording('talent_pool').version) {
    throw invalid('talentPool.wordingVersion', 'the talent-pool wording has changed: show the candidate the current wording again');
  }
  const now = deps.clock.now();
  const actor = describeActor(p);
  const pooled = input.talentPool !== undefined;
  const running = await deps.db.selectFrom('engine_states').select('candidate_id').where('org_id', '=', p.orgId).where('candidate_id', '=', candidateId).executeTakeFirst();
  if (!running) {
    // Before acceptance there is no plan to stop: the offer is simply declined.
    if (input.type === 'reneged' || c.status !== 'offer_sent') throw conflict(`a ${c.status} candidate cannot be recorded as ${input.type}`, 'type');
  }
  const result = await withEngineErrors(() => deps.db.transaction().execute(async (trx) => {
    const key = idempotencyKey ? `api:decline:${idempotencyKey}` : undefined;
    if (!running) {
      if (key) {
        const prior = await trx.selectFrom('domain_events').select('id').where('org_id', '=', p.orgId).where('idempotency_key', '=', key).executeTakeFirst();
        if (prior) return { applied: false };
      }
      const status = transitionStatus(c.status as 'offer_sent', 'declined');
      await trx.insertInto('domain_events').values({
        org_id: p.orgId, id: randomUUID(), candidate_id: candidateId, type: 'offer_declined', occurred_at: now,
        payload: JSON.stringify({ type: 'offer_declined', at: now.toISOString(), reason: input.reason, talentPoolConsent: pooled }),
        idempotency_key: key ?? null, actor_kind: actor.actorKind, actor_id: actor.actorId, created_at: now,
      }).execute();
      await trx.updateTable('candidates').set({ status, updated_at: now }).where('org_id', '=', p.orgId).where('id', '=', candidateId).execute();
      await trx.updateTable('offers').set({ status: 'declined' }).where('org_id', '=', p.orgId).where('candidate_id', '=', candidateId).where('status', '=', 'sent').execute();
      return { applied: true };
    }
    const applied = await applyDomainEventIn(trx, deps, p.orgId, candidateId, { type: input.type, at: now.toISOString(), reason: input.reason, talentPoolConsent: pooled }, {
      actor: { kind: actor.actorKind, id: actor.actorId }, idempotencyKey: key,
    });
    if (applied.applied) await prepareMessages(trx, deps, p.orgId, candidateId);
    return { applied: applied.applied };
  }));
  if (result.applied) {
    await appendAudit(deps.db, { orgId: p.orgId, ...actor, action: 'event', entity: 'candidate', entityId: candidateId, candidateId, detail: { type: input.type, reason: input.reason, talentPool: pooled }, ip: ctx.ip, at: now });
    if (input.talentPool) {
      // After the engine has the consent (given with the event): the record keeps the wording and time.
      await recordPoolConsent(deps, p, c, input.talentPool.language, now, ctx, { raiseEvent: false });
    }
  }
  const status = (await deps.db.selectFrom('candidates').select('status').where('org_id', '=', p.orgId).where('id', '=', candidateId).executeTakeFirstOrThrow()).status;
  return { applied: result.applied, status, talentPool: pooled };
}
