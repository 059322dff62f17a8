import { randomUUID } from 'node:crypto';
import type { Kysely, Selectable } from 'kysely';
import type { Database, OutboundMessagesTable } from '../../adapters/db/schema.js';

export type MessageRow = Selectable<OutboundMessagesTable>;

/**
 * Claims one message for sending: due, and either waiting or abandoned by a worker whose
 * lease ran out. One short statement (PGlite has a single connection, so nothing here may
 * hold a transaction across a network send). Returns the claimed row, or undefined when
 * someone else has it, it was sent, cancelled, or is not due.
 */
export async function claimMessage(db: Kysely<Database>, orgId: string, id: string, now: Date, leaseMs: number): Promise<MessageRow | undefined> {
  return db.updateTable('outbound_messages')
    .set((eb) => ({ status: 'sending', attempts: eb('attempts', '+', 1), lease_until: new Date(now.getTime() + leaseMs), updated_at: now }))
    .where('org_id', '=', orgId).where('id', '=', id).where('send_after', '<=', now)
    .where((eb) => eb.or([eb('status', '=', 'scheduled'), eb.and([eb('status', '=', 'sending'), eb('lease_until', '<', now)])]))
    .returningAll().executeTakeFirst();
}

/** Ids of messages a catch-up pass should try, oldest due first. */
export async function findDueMessages(db: Kysely<Database>, now: Date, opts: { limit: number; orgId?: string; exclude: ReadonlySet<string> }) {
  let q = db.selectFrom('outbound_messages').select(['org_id', 'id'])
    .where('send_after', '<=', now)
    .where((eb) => eb.or([eb('status', '=', 'scheduled'), eb.and([eb('status', '=', 'sending'), eb('lease_until', '<', now)])]));
  if (opts.orgId) q = q.where('org_id', '=', opts.orgId);
  if (opts.exclude.size) q = q.where('id', 'not in', [...opts.exclude]);
  return q.orderBy('send_after').orderBy('id').limit(opts.limit).execute();
}

/** What was actually sent (or kept), recorded on the row. */
export interface RenderedRecord {
  recipient: string;
  subject: string;
  bodyText: string;
}

/**
 * Moves a claimed row to a final or waiting state. Fenced by the attempt number, so a
 * worker whose lease was taken over cannot overwrite the newer attempt's result.
 * Returns false when the claim was lost.
 */
export async function settleMessage(
  db: Kysely<Database>,
  row: MessageRow,
  now: Date,
  change: {
    status: 'sent' | 'outbox' | 'scheduled' | 'dead' | 'cancelled';
    rendered?: RenderedRecord;
    providerMessageId?: string | null;
    sendAfter?: Date;
    lastError?: string | null;
    /** Give the attempt back (a quiet-hours deferral never tried to send). */
    refundAttempt?: boolean;
  },
): Promise<boolean> {
  const result = await db.updateTable('outbound_messages')
    .set((eb) => ({
      status: change.status,
      lease_until: null,
      updated_at: now,
      ...(change.rendered ? { recipient: change.rendered.recipient, subject: change.rendered.subject, body_text: change.rendered.bodyText } : {}),
      ...(change.status === 'sent' ? { sent_at: now, provider_message_id: change.providerMessageId ?? null } : {}),
      ...(change.sendAfter ? { send_after: change.sendAfter } : {}),
      ...(change.lastError !== undefined ? { last_error: change.lastError } : {}),
      ...(change.refundAttempt ? { attempts: eb('attempts', '-', 1) } : {}),
    }))
    .where('org_id', '=', row.org_id).where('id', '=', row.id)
    .where('status', '=', 'sending').where('attempts', '=', row.attempts)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/**
 * On the embedded database only one process can have the data directory open, so at
 * start every 'sending' lease belongs to a process that is gone: hand those rows back
 * at once instead of waiting for the lease to run out. Never call this on PostgreSQL,
 * where other workers may hold live leases.
 */
export async function releaseOrphanedLeases(db: Kysely<Database>, now: Date): Promise<number> {
  const result = await db.updateTable('outbound_messages')
    .set({ status: 'scheduled', lease_until: null, updated_at: now })
    .where('status', '=', 'sending').executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** A timeline row about a message: the outbound touch, or an internal note on failure. */
export async function addMessageTouch(
  db: Kysely<Database>,
  row: MessageRow,
  at: Date,
  touch: { kind: string; channel: string; direction: 'outbound' | 'internal'; summary: string; content: string },
): Promise<void> {
  await db.insertInto('touches').values({
    org_id: row.org_id, id: randomUUID(), candidate_id: row.candidate_id, occurred_at: at, kind: touch.kind,
    channel: touch.channel, direction: touch.direction, author_kind: 'system', author_user_id: null,
    summary: touch.summary.slice(0, 300), content: touch.content, step_id: readLeadStep(row), created_at: at,
  }).execute();
}

/** The step id of the message's lead step (`final.daily_care#1` → `final.daily_care`). */
export function readLeadStep(row: Pick<MessageRow, 'lead_key'>): string {
  return row.lead_key.split('#')[0]!;
}
