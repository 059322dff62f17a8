import type { Kysely } from 'kysely';
import type { Database } from '../../adapters/db/schema.js';
import type { Deps } from '../deps.js';
import { applyDomainEventIn, type EventActor } from '../engine/apply-event.js';

/**
 * A sign of life from the candidate — a question, a pulse or a confirmation in the portal,
 * or an answer HR log from another channel — is `candidate_replied` for the engine, so
 * the unanswered-message rule (two messages without a reply in 72 h → HR's call) counts
 * from it. Only a started plan has an engine state to tell; before acceptance there is
 * none. Runs inside the caller's transaction; the key makes a retry one reply.
 */
export async function noteCandidateReply(
  trx: Kysely<Database>, deps: Deps, orgId: string, candidateId: string, at: Date, idempotencyKey: string, actor: EventActor,
): Promise<void> {
  const running = await trx.selectFrom('engine_states').select('candidate_id')
    .where('org_id', '=', orgId).where('candidate_id', '=', candidateId).executeTakeFirst();
  if (!running) return;
  await applyDomainEventIn(trx, deps, orgId, candidateId, { type: 'candidate_replied', at: at.toISOString() }, { actor, idempotencyKey });
}
