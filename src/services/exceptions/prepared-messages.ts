/**
 * Messages the engine has planned but not sent yet, shown to HR with the text they will
 * carry, and editable while still scheduled (the decline thank-you goes out within 24 h
 * unless HR change it first). The engine creates a message's row only when it falls due;
 * preparing it earlier writes the same row (same lead key) ahead of time, so the engine's
 * own write later changes nothing and the dispatcher sends HR's text.
 */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../../adapters/db/schema.js';
import { appendAudit } from '../../adapters/db/repos/audit-repo.js';
import type { TEditPreparedMessage, TPreparedMessage } from '../../contracts/exception-flows.js';
import type { TPlannedItem } from '../../contracts/playbook.js';
import type { Principal } from '../../core/access/candidate-scope.js';
import { describeActor, requirePermission } from '../actor.js';
import { loadVisibleCandidate } from '../candidates/candidates.js';
import type { Deps, RequestContext } from '../deps.js';
import { conflict, notFound } from '../errors.js';
import { loadMessageContext } from '../dispatch/message-context.js';
import { renderOutboundMessage } from '../dispatch/render-message.js';
import { buildTemplateVariables } from '../dispatch/template-variables.js';
import { noopScheduler, parseEngineState } from '../engine/persist-reduction.js';

/** Exception messages HR see (and may edit) before they go. */
export const PREPARED_STEPS = new Set(['declined.thank_you', 'salary.reissue_offer', 'salary.explain_total_comp']);

/** Pending exception messages of a candidate: planned, not sent, not cancelled. */
async function listPendingItems(db: Kysely<Database>, orgId: string, candidateId: string): Promise<TPlannedItem[]> {
  const row = await db.selectFrom('engine_states').select('state').where('org_id', '=', orgId).where('candidate_id', '=', candidateId).executeTakeFirst();
  if (!row) return [];
  const state = parseEngineState(row.state);
  const done = new Set(state.completed.map((c) => c.key));
  const cancelled = new Set(state.cancelled);
  return state.exceptionItems.filter((i) => i.kind === 'message' && PREPARED_STEPS.has(i.stepId) && !done.has(i.key) && !cancelled.has(i.key));
}

/**
 * Writes the scheduled row of every pending prepared message that has none yet (inside
 * the caller's transaction), so it is visible in the outbox and editable at once.
 */
export async function prepareMessages(trx: Kysely<Database>, deps: Deps, orgId: string, candidateId: string): Promise<void> {
  const now = deps.clock.now();
  const scheduler = deps.scheduler ?? noopScheduler;
  for (const item of await listPendingItems(trx, orgId, candidateId)) {
    const inserted = await trx.insertInto('outbound_messages').values({
      org_id: orgId, id: randomUUID(), candidate_id: candidateId, lead_key: item.key, step_keys: [item.key], step_ids: [item.stepId],
      channel: item.channel ?? 'email', status: 'scheduled', send_after: item.dueAt, lease_until: null, last_error: null,
      provider_message_id: null, sent_at: null, created_at: now, updated_at: now,
    }).onConflict((oc) => oc.columns(['org_id', 'candidate_id', 'lead_key']).doNothing()).returning('id').executeTakeFirst();
    if (inserted) await scheduler.messageScheduled(trx, orgId, inserted.id, new Date(item.dueAt));
  }
}

/** The prepared messages still to go, with the text they will carry (HR's, or the template's rendered now). */
export async function listPreparedMessages(deps: Deps, p: Principal, candidateId: string): Promise<TPreparedMessage[]> {
  requirePermission(p, 'message.edit');
  await loadVisibleCandidate(deps, p, candidateId);
  await deps.db.transaction().execute((trx) => prepareMessages(trx, deps, p.orgId, candidateId));
  const rows = await deps.db.selectFrom('outbound_messages').selectAll()
    .where('org_id', '=', p.orgId).where('candidate_id', '=', candidateId).where('status', '=', 'scheduled')
    .orderBy('send_after').execute();
  const ctx = await loadMessageContext(deps.db, p.orgId, candidateId);
  return rows.filter((r) => PREPARED_STEPS.has(r.lead_key.split('#')[0]!)).map((r) => {
    let subject = r.edited_subject ?? '';
    let body = r.edited_body ?? '';
    let renderError: string | null = null;
    if (r.edited_body === null && ctx) {
      const vars = buildTemplateVariables(ctx, { publicUrl: deps.dispatch?.publicUrl ?? 'http://localhost:3000', stepIds: r.step_ids });
      const rendered = renderOutboundMessage({ vars, stepIds: r.step_ids, leadKey: r.lead_key, sentAt: r.send_after, timeZone: ctx.site.timezone, templates: ctx.templates });
      if (rendered.ok) ({ subject, text: body } = rendered.message);
      else renderError = rendered.error;
    }
    return {
      key: r.lead_key, stepId: r.lead_key.split('#')[0]!, channel: r.channel, sendAfter: r.send_after.toISOString(),
      subject, body, edited: r.edited_body !== null, editedAt: r.edited_at?.toISOString() ?? null, renderError,
    };
  });
}

/** HR replace the text of a prepared message while it is still scheduled (audited with both texts' lengths). */
export async function editPreparedMessage(
  deps: Deps, p: Principal, candidateId: string, key: string, input: TEditPreparedMessage, ctx: RequestContext,
): Promise<TPreparedMessage> {
  requirePermission(p, 'message.edit');
  await loadVisibleCandidate(deps, p, candidateId);
  if (!PREPARED_STEPS.has(key.split('#')[0]!)) throw notFound('prepared message');
  const now = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    await prepareMessages(trx, deps, p.orgId, candidateId);
    const row = await trx.selectFrom('outbound_messages').select(['id', 'status', 'edited_body'])
      .where('org_id', '=', p.orgId).where('candidate_id', '=', candidateId).where('lead_key', '=', key).forUpdate().executeTakeFirst();
    if (!row) throw notFound('prepared message');
    if (row.status !== 'scheduled') throw conflict(`the message is already ${row.status}: it can no longer be edited`, 'key');
    await trx.updateTable('outbound_messages').set({
      edited_subject: input.subject, edited_body: input.body, edited_by: p.kind === 'user' ? p.userId : null, edited_at: now, updated_at: now,
    }).where('org_id', '=', p.orgId).where('id', '=', row.id).where('status', '=', 'scheduled').execute();
    await appendAudit(trx, {
      orgId: p.orgId, ...describeActor(p), action: 'message_edited', entity: 'outbound_message', entityId: row.id, candidateId,
      detail: { key, previouslyEdited: row.edited_body !== null, subjectLength: input.subject.length, bodyLength: input.body.length }, ip: ctx.ip, at: now,
    });
  });
  const list = await listPreparedMessages(deps, p, candidateId);
  const edited = list.find((m) => m.key === key);
  if (!edited) throw notFound('prepared message');
  return edited;
}
