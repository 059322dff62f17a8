import { randomUUID } from 'node:crypto';
import { sql, type ExpressionBuilder, type Kysely, type Selectable } from 'kysely';
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
    .set(claimChange(now, leaseMs))
    .where('org_id', '=', orgId).where('id', '=', id).where(isClaimable(now))
    .returningAll().executeTakeFirst();
}

/**
 * Claims up to `limit` due messages in one statement, oldest due first: the same claim as
 * `claimMessage` (status 'sending', one more attempt, a lease) for a batch. Rows another
 * worker is claiming at this moment are skipped (SKIP LOCKED), so workers never wait on
 * each other and never get the same row.
 */
export async function claimDueMessages(
  db: Kysely<Database>,
  now: Date,
  opts: { limit: number; leaseMs: number; orgId?: string; exclude: ReadonlySet<string> },
): Promise<MessageRow[]> {
  let due = db.selectFrom('outbound_messages').select(['org_id', 'id']).where(isClaimable(now));
  if (opts.orgId) due = due.where('org_id', '=', opts.orgId);
  if (opts.exclude.size) due = due.where('id', 'not in', [...opts.exclude]);
  // A CTE runs once: as an IN (subquery) the planner may re-run it, and every re-run locks
  // (and the UPDATE claims) another `limit` rows.
  const rows = await db.with('due', () => due.orderBy('send_after').orderBy('id').limit(opts.limit).forUpdate().skipLocked())
    .updateTable('outbound_messages').from('due')
    .set(claimChange(now, opts.leaseMs))
    .whereRef('outbound_messages.org_id', '=', 'due.org_id').whereRef('outbound_messages.id', '=', 'due.id')
    .returningAll('outbound_messages').execute();
  return rows.sort((a, b) => a.send_after.getTime() - b.send_after.getTime() || a.id.localeCompare(b.id));
}

type MessageEb = ExpressionBuilder<Database, 'outbound_messages'>;

/** Due, and waiting or abandoned by a worker whose lease ran out. */
const isClaimable = (now: Date) => (eb: MessageEb) => eb.and([
  eb('send_after', '<=', now),
  eb.or([eb('status', '=', 'scheduled'), eb.and([eb('status', '=', 'sending'), eb('lease_until', '<', now)])]),
]);

const claimChange = (now: Date, leaseMs: number) => (eb: MessageEb) => ({
  status: 'sending', attempts: eb('attempts', '+', 1), lease_until: new Date(now.getTime() + leaseMs), updated_at: now,
});

/**
 * Hands claimed rows that were not tried back at once (attempt refunded), instead of
 * leaving them to wait out their lease. Fenced like `settleMessage`.
 */
export async function releaseClaims(db: Kysely<Database>, rows: readonly MessageRow[], now: Date): Promise<void> {
  if (rows.length === 0) return;
  await db.updateTable('outbound_messages')
    .set((eb) => ({ status: 'scheduled', lease_until: null, updated_at: now, attempts: eb('attempts', '-', 1) }))
    .where('status', '=', 'sending')
    .where((eb) => eb.or(rows.map((r) => eb.and([eb('org_id', '=', r.org_id), eb('id', '=', r.id), eb('attempts', '=', r.attempts)]))))
    .execute();
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
export async function settleMessage(db: Kysely<Database>, row: MessageRow, now: Date, change: SettleChange): Promise<boolean> {
  const result = await buildSettle(row, now, change).execute(db);
  return Number(result.numAffectedRows) === 1;
}

export interface SettleChange {
  status: 'sent' | 'outbox' | 'scheduled' | 'dead' | 'cancelled';
  rendered?: RenderedRecord;
  providerMessageId?: string | null;
  sendAfter?: Date;
  lastError?: string | null;
  /** Give the attempt back (a quiet-hours deferral never tried to send). */
  refundAttempt?: boolean;
}

/**
 * The fenced UPDATE of `settleMessage`. Plain SQL: it runs once per message on the
 * dispatcher's hot path, where building it through the query builder was a visible share
 * of the CPU a message costs (bench/dispatch.bench.ts).
 */
function buildSettle(row: MessageRow, now: Date, change: SettleChange) {
  const set = [sql`status = ${change.status}`, sql`lease_until = NULL`, sql`updated_at = ${now}`];
  if (change.rendered) set.push(sql`recipient = ${change.rendered.recipient}, subject = ${change.rendered.subject}, body_text = ${change.rendered.bodyText}`);
  if (change.status === 'sent') set.push(sql`sent_at = ${now}, provider_message_id = ${change.providerMessageId ?? null}`);
  if (change.sendAfter) set.push(sql`send_after = ${change.sendAfter}`);
  if (change.lastError !== undefined) set.push(sql`last_error = ${change.lastError}`);
  if (change.refundAttempt) set.push(sql`attempts = attempts - 1`);
  return sql`UPDATE outbound_messages SET ${sql.join(set)}
    WHERE org_id = ${row.org_id} AND id = ${row.id} AND status = 'sending' AND attempts = ${row.attempts}`;
}

/** A timeline row about a message: the outbound touch, or an internal note on failure. */
export interface MessageTouch {
  kind: string;
  channel: string;
  direction: 'outbound' | 'internal';
  summary: string;
  content: string;
}

/**
 * `settleMessage` and the message's timeline row in ONE statement (the touch is inserted
 * from the settled row, so it exists exactly when the settle won): atomic like a
 * transaction, one round trip instead of four. Returns false when the claim was lost.
 */
export async function settleMessageWithTouch(db: Kysely<Database>, row: MessageRow, now: Date, change: SettleChange, touch: MessageTouch): Promise<boolean> {
  const result = await sql<{ id: string }>`
    WITH settled AS (${buildSettle(row, now, change)} RETURNING org_id, candidate_id)
    INSERT INTO touches (org_id, id, candidate_id, occurred_at, kind, channel, direction, author_kind, author_user_id, summary, content, step_id, created_at)
    SELECT org_id, ${randomUUID()}::uuid, candidate_id, ${now}::timestamptz, ${touch.kind}::text, ${touch.channel}::text, ${touch.direction}::text,
      'system', NULL::uuid, ${touch.summary.slice(0, 300)}::text, ${touch.content}::text, ${readLeadStep(row)}::text, ${now}::timestamptz
    FROM settled RETURNING id`.execute(db);
  return result.rows.length === 1;
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

/** The step id of the message's lead step (`final.daily_care#1` → `final.daily_care`). */
export function readLeadStep(row: Pick<MessageRow, 'lead_key'>): string {
  return row.lead_key.split('#')[0]!;
}
