import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../../adapters/db/schema.js';
import type { Deps } from '../deps.js';
import { noopScheduler } from '../engine/persist-reduction.js';

export const REVIEW_NOTICE_STEP = 'checklist.reviewed';

/**
 * Tells the candidate a review result is waiting: an outbound message row (dispatched by
 * the worker like every other message, quiet hours included), by email when the candidate
 * has one, else in the portal inbox. Several reviews in a row make one message: while a
 * notice is still waiting to go, no second one is queued.
 */
export async function queueReviewNotice(trx: Kysely<Database>, deps: Deps, args: { orgId: string; candidateId: string; reviewId: string; at: Date }) {
  const waiting = await trx.selectFrom('outbound_messages').select('id')
    .where('org_id', '=', args.orgId).where('candidate_id', '=', args.candidateId).where('status', '=', 'scheduled')
    .where('lead_key', 'like', `${REVIEW_NOTICE_STEP}#%`).executeTakeFirst();
  if (waiting) return waiting.id;
  const c = await trx.selectFrom('candidates').select(['email', 'channels'])
    .where('org_id', '=', args.orgId).where('id', '=', args.candidateId).executeTakeFirstOrThrow();
  const channel = c.email && c.channels.includes('email') ? 'email' : 'portal';
  const id = randomUUID();
  const key = `${REVIEW_NOTICE_STEP}#${args.reviewId}`;
  await trx.insertInto('outbound_messages').values({
    org_id: args.orgId, id, candidate_id: args.candidateId, lead_key: key, step_keys: [key], step_ids: [REVIEW_NOTICE_STEP],
    channel, status: 'scheduled', send_after: args.at, lease_until: null, last_error: null, provider_message_id: null, sent_at: null,
    created_at: args.at, updated_at: args.at,
  }).execute();
  await (deps.scheduler ?? noopScheduler).messageScheduled(trx, args.orgId, id, args.at);
  return id;
}
