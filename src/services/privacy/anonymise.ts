/**
 * Anonymisation (DESIGN §5): what identifies a person goes, what the organisation counts
 * stays. Names, contact details, notes and every free text written by or about them are
 * replaced or cleared; sealed document bytes are deleted; live consents are withdrawn by
 * the system; portal links are revoked; pending messages and open tasks are cancelled.
 * Statuses, dates, steps, channels and offer facts stay, so funnel and drop-out
 * statistics still add up. The audit log is append-only and is not touched (see
 * docs/security.md for what it keeps).
 */
import { sql } from 'kysely';
import { appendAudit } from '../../adapters/db/repos/audit-repo.js';
import type { Deps } from '../deps.js';
import { notFound } from '../errors.js';
import { scrubOtherTables } from './scrub-extras.js';

/** What an anonymised person is called wherever a name is shown. */
export const ANONYMISED_NAME = '已匿名 · Anonymised';
/** What replaces a free-text summary on the timeline. */
export const REMOVED_TEXT = '（已删除 / removed）';

export interface AnonymiseOptions {
  /** Why (retention period elapsed, deletion request …): kept in the audit entry. */
  reason: string;
  actor: { kind: 'user' | 'system'; id?: string };
  at: Date;
}

/** Free-text keys of domain-event payloads (a day-one issue, a comment). */
const EVENT_TEXT_KEYS = ['issue', 'comment', 'text', 'note', 'detail'];

/**
 * Anonymises one candidate in one transaction. Idempotent: a second call finds the
 * person already anonymised and changes nothing (and writes no second audit entry).
 */
export async function anonymiseCandidate(deps: Deps, orgId: string, candidateId: string, opts: AnonymiseOptions): Promise<void> {
  const { at } = opts;
  await deps.db.transaction().execute(async (trx) => {
    const row = await trx.selectFrom('candidates').select(['id', 'anonymised_at', 'status'])
      .where('org_id', '=', orgId).where('id', '=', candidateId).forUpdate().executeTakeFirst();
    if (!row) throw notFound('candidate');
    if (row.anonymised_at) return;

    const withdrawn = await trx.updateTable('consents').set({ withdrawn_at: at, withdrawn_by: 'system', withdrawn_ip: null }).where('org_id', '=', orgId).where('candidate_id', '=', candidateId)
      .where('withdrawn_at', 'is', null).returning(['id', 'kind']).execute();
    for (const c of withdrawn) {
      await appendAudit(trx, {
        orgId, actorKind: 'system', actorId: null, action: 'consent_withdrawn', entity: 'consent', entityId: c.id, candidateId,
        detail: { kind: c.kind, because: 'anonymised' }, at,
      });
    }
    // The wording stays (what was agreed); the typed name and addresses go.
    await trx.updateTable('consents').set({ typed_name: null, given_ip: null, withdrawn_ip: null }).where('org_id', '=', orgId).where('candidate_id', '=', candidateId).execute();

    const links = await trx.updateTable('portal_tokens').set({ revoked_at: at }).where('org_id', '=', orgId).where('candidate_id', '=', candidateId).where('revoked_at', 'is', null).executeTakeFirst();
    const cancelledMessages = await trx.updateTable('outbound_messages').set({ status: 'cancelled', lease_until: null, updated_at: at }).where('org_id', '=', orgId).where('candidate_id', '=', candidateId)
      .where('status', 'in', ['scheduled', 'failed', 'sending']).executeTakeFirst();
    await trx.updateTable('outbound_messages').set({ recipient: '', subject: '', body_text: '', last_error: null }).where('org_id', '=', orgId).where('candidate_id', '=', candidateId).execute();
    const cancelledTasks = await trx.updateTable('tasks').set({ status: 'cancelled', updated_at: at }).where('org_id', '=', orgId).where('candidate_id', '=', candidateId).where('status', '=', 'open').executeTakeFirst();
    await trx.updateTable('tasks').set({ detail: '', outcome: '' }).where('org_id', '=', orgId).where('candidate_id', '=', candidateId).execute();
    // Engine-written lines (status changes, cancellations) name steps only; the rest may hold anything.
    await trx.updateTable('touches').set({ summary: REMOVED_TEXT }).where('org_id', '=', orgId).where('candidate_id', '=', candidateId).where('author_kind', '!=', 'system').execute();
    await trx.updateTable('touches').set({ content: '', candidate_feedback: '' }).where('org_id', '=', orgId).where('candidate_id', '=', candidateId).execute();
    await trx.updateTable('domain_events').set({
      payload: sql<string>`payload ${sql.raw(EVENT_TEXT_KEYS.map((k) => `- '${k}'`).join(' '))}`,
    }).where('org_id', '=', orgId).where('candidate_id', '=', candidateId).execute();
    await trx.updateTable('offers').set({ reason: '' }).where('org_id', '=', orgId).where('candidate_id', '=', candidateId).execute();
    await trx.updateTable('data_requests').set({ detail: '' }).where('org_id', '=', orgId).where('candidate_id', '=', candidateId).execute();
    // The engine never wakes for this person again (no nurture, no reminders).
    await trx.updateTable('engine_states').set({ next_wake_at: null }).where('org_id', '=', orgId).where('candidate_id', '=', candidateId).execute();
    const files = await scrubOtherTables(trx, orgId, candidateId, at);

    await trx.updateTable('candidates').set({
      full_name: ANONYMISED_NAME, email: '', phone: '', notes: '', external_ref: null, anonymised_at: at, updated_at: at,
    }).where('org_id', '=', orgId).where('id', '=', candidateId).execute();

    await appendAudit(trx, {
      orgId, actorKind: opts.actor.kind, actorId: opts.actor.id ?? null, action: 'anonymised', entity: 'candidate', entityId: candidateId,
      candidateId, at,
      detail: {
        reason: opts.reason, status: row.status, consentsWithdrawn: withdrawn.length, linksRevoked: Number(links.numUpdatedRows),
        messagesCancelled: Number(cancelledMessages.numUpdatedRows), tasksCancelled: Number(cancelledTasks.numUpdatedRows), ...files,
      },
    });
  });
}
