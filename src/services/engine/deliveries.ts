/**
 * Tells the engine what the dispatcher did with the messages it handed over (see
 * src/core/events/deliveries.ts): each time the engine runs for a candidate, the rows of
 * the messages it still waits on are read — sent (with the dispatcher's send time), never
 * to be sent (dead letter, cancelled, kept in the outbox for lack of a channel), or still
 * on their way. The dispatcher needs to call nothing: its rows are the record.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../adapters/db/schema.js';
import { listAwaitingKeys, recordDeliveries, type TCandidateState, type TDeliveryReport } from '../../core/events/index.js';

/** Row states from which a message will never reach the candidate. */
const NEVER_SENT = new Set(['dead', 'failed', 'cancelled', 'outbox']);

/** Reports for the messages the engine waits on whose fate is known. */
export async function readDeliveryReports(db: Kysely<Database>, orgId: string, candidateId: string, state: TCandidateState): Promise<TDeliveryReport[]> {
  const keys = listAwaitingKeys(state);
  if (keys.length === 0) return [];
  const rows = await db.selectFrom('outbound_messages').select(['lead_key', 'status', 'sent_at'])
    .where('org_id', '=', orgId).where('candidate_id', '=', candidateId).where('lead_key', 'in', keys).execute();
  const byKey = new Map(rows.map((row) => [row.lead_key, row]));
  return keys.flatMap((key): TDeliveryReport[] => {
    const row = byKey.get(key);
    // The row is written with the state that hands the message over: none means it is gone (erased).
    if (!row || NEVER_SENT.has(row.status)) return [{ key, sentAt: null }];
    if (row.status === 'sent' && row.sent_at) return [{ key, sentAt: new Date(row.sent_at).toISOString() }];
    return [];
  });
}

/** The state with what was sent since the engine last ran folded in. */
export async function syncDeliveries(db: Kysely<Database>, orgId: string, candidateId: string, state: TCandidateState): Promise<TCandidateState> {
  return recordDeliveries(state, await readDeliveryReports(db, orgId, candidateId, state));
}
