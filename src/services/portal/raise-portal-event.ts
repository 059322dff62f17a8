import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../../adapters/db/schema.js';
import { advanceClock, createCandidateState, planForEvent, type TDomainEvent } from '../../core/events/index.js';
import { isDomainError } from '../../core/errors.js';
import type { Deps } from '../deps.js';
import { AppError } from '../errors.js';
import { applyDomainEventIn } from '../engine/apply-event.js';
import { loadCandidateFacts } from '../engine/candidate-facts.js';
import { loadEngineConfig } from '../engine/engine-config.js';
import { noopScheduler, persistReduction } from '../engine/persist-reduction.js';
import { noteCandidateReply } from '../exceptions/candidate-reply.js';
import type { PortalPrincipal } from './portal-principal.js';

/**
 * Raises a domain event the candidate caused, inside the caller's transaction, with an
 * idempotency key (a double click records one event). Returns false when the key was
 * seen before.
 *
 * A running plan hears it through the engine. Before the offer is accepted there is no
 * plan: a decline then starts the candidate's record at `offer_sent` so the engine can
 * move it to `declined` and raise the thank-you steps; the other portal events change
 * nothing in a plan and are only recorded. Whatever the candidate does here also answers
 * the messages they were sent (`candidate_replied`).
 */
export async function raisePortalEvent(
  trx: Kysely<Database>, deps: Deps, who: PortalPrincipal, event: TDomainEvent, idempotencyKey: string,
): Promise<boolean> {
  const actor = { kind: 'candidate' as const, id: who.candidateId };
  try {
    const running = await trx.selectFrom('engine_states').select('candidate_id')
      .where('org_id', '=', who.orgId).where('candidate_id', '=', who.candidateId).executeTakeFirst();
    if (running) {
      const { applied } = await applyDomainEventIn(trx, deps, who.orgId, who.candidateId, event, { actor, idempotencyKey });
      if (applied) await noteCandidateReply(trx, deps, who.orgId, who.candidateId, new Date(event.at), `${idempotencyKey}:reply`, actor);
      return applied;
    }
    const now = deps.clock.now();
    const inserted = await trx.insertInto('domain_events').values({
      org_id: who.orgId, id: randomUUID(), candidate_id: who.candidateId, type: event.type, occurred_at: event.at,
      payload: JSON.stringify(event), idempotency_key: idempotencyKey, actor_kind: 'candidate', actor_id: who.candidateId, created_at: now,
    }).onConflict((oc) => oc.columns(['org_id', 'idempotency_key']).doNothing()).returning('id').executeTakeFirst();
    if (!inserted) return false;
    if (event.type === 'offer_declined') {
      const config = await loadEngineConfig(trx, who.orgId);
      const facts = await loadCandidateFacts(trx, who.orgId, who.candidateId, event.at);
      const reduction = planForEvent(createCandidateState(facts, { status: 'offer_sent', clock: event.at }), event, config);
      const caughtUp = advanceClock(reduction.state, now.toISOString(), config);
      await persistReduction(trx, {
        orgId: who.orgId, candidateId: who.candidateId, config, now, scheduler: deps.scheduler ?? noopScheduler, isNew: true, observer: deps.observer,
        reduction: { state: caughtUp.state, effects: [...reduction.effects, ...caughtUp.effects] },
      });
      await trx.updateTable('offers').set({ status: 'declined' })
        .where('org_id', '=', who.orgId).where('candidate_id', '=', who.candidateId).where('status', '=', 'sent').execute();
    }
    return true;
  } catch (err) {
    if (isDomainError(err)) throw new AppError(err.code === 'illegal_transition' || err.code === 'plan_stopped' ? 409 : 400, err.code, err.message, err.field);
    throw err;
  }
}
