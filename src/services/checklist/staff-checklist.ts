/** Staff side of the checklist: see it, open documents (sensitive ones for HR only), review. */
import { randomUUID } from 'node:crypto';
import type { Principal } from '../../core/access/candidate-scope.js';
import { hasPermission } from '../../core/access/candidate-scope.js';
import { appendAudit } from '../../adapters/db/repos/audit-repo.js';
import type { TReviewChecklistItem, TStaffChecklistView } from '../../contracts/checklist.js';
import { nextItemStatus } from '../../core/checklist/index.js';
import { describeActor, requirePermission } from '../actor.js';
import { loadVisibleCandidate } from '../candidates/candidates.js';
import { activeConsent } from '../consents/consents.js';
import type { Deps, RequestContext } from '../deps.js';
import { applyDomainEventIn } from '../engine/apply-event.js';
import { AppError, conflict, forbidden, notFound } from '../errors.js';
import {
  documentContext, factsOf, isPlanRunning, loadItemRow, loadItemRows, loadLiveDocuments, presentItems, requireItem, saveItemState,
} from './checklist-state.js';
import { queueReviewNotice } from './notify-review.js';

/** A candidate's checklist with states and document metadata; the read is audited. */
export async function getStaffChecklist(deps: Deps, p: Principal, candidateId: string, ctx: RequestContext): Promise<TStaffChecklistView> {
  requirePermission(p, 'checklist.read');
  const c = await loadVisibleCandidate(deps, p, candidateId);
  const now = deps.clock.now();
  const [rows, documents, consent] = await Promise.all([
    loadItemRows(deps.db, p.orgId, candidateId),
    loadLiveDocuments(deps.db, p.orgId, candidateId),
    activeConsent(deps.db, p.orgId, candidateId, 'sensitive_info', now),
  ]);
  const reviewerIds = [...new Set(rows.map((r) => r.reviewed_by).filter((id): id is string => Boolean(id)))];
  const reviewers = reviewerIds.length
    ? await deps.db.selectFrom('users').select(['id', 'name']).where('org_id', '=', p.orgId).where('id', 'in', reviewerIds).execute()
    : [];
  const names = new Map(reviewers.map((u) => [u.id, u.name]));
  await appendAudit(deps.db, { orgId: p.orgId, ...describeActor(p), action: 'read', entity: 'checklist', entityId: candidateId, candidateId, ip: ctx.ip, at: now });
  return {
    items: presentItems(factsOf(c), rows, documents).map(({ row, ...view }) => ({
      ...view,
      // Staff see the last reason even after a re-upload; the candidate sees it only while rejected.
      reviewReason: row?.review_reason ?? null,
      reviewedBy: row?.reviewed_by ? { id: row.reviewed_by, name: names.get(row.reviewed_by) ?? '' } : null,
    })),
    sensitiveConsent: Boolean(consent),
    canReadSensitive: hasPermission(p, 'document.read_sensitive'),
    canReadDocuments: hasPermission(p, 'document.read'),
    canReview: hasPermission(p, 'checklist.review'),
  };
}

/**
 * Opens one document. Sensitive documents open for `hr` and `org_admin` only (DESIGN §5);
 * every read — and every refused attempt at a sensitive one — is audited with who and what.
 */
export async function readChecklistDocument(deps: Deps, p: Principal, candidateId: string, documentId: string, ctx: RequestContext) {
  requirePermission(p, 'document.read');
  await loadVisibleCandidate(deps, p, candidateId);
  const doc = await deps.db.selectFrom('checklist_documents').selectAll()
    .where('org_id', '=', p.orgId).where('candidate_id', '=', candidateId).where('id', '=', documentId).executeTakeFirst();
  if (!doc) throw notFound('document');
  const now = deps.clock.now();
  const detail = { itemId: doc.item_id, fileName: doc.file_name, sensitive: doc.sensitive };
  if (doc.sensitive && !hasPermission(p, 'document.read_sensitive')) {
    await appendAudit(deps.db, { orgId: p.orgId, ...describeActor(p), action: 'read_refused', entity: 'document', entityId: documentId, candidateId, detail, ip: ctx.ip, at: now });
    throw forbidden('sensitive documents open for HR only');
  }
  if (!doc.sealed_content) throw new AppError(410, 'document_deleted', `this document was deleted (${doc.deleted_reason ?? 'purged'})`);
  const bytes = deps.vault.open(Buffer.from(doc.sealed_content), documentContext(p.orgId, candidateId, documentId));
  await appendAudit(deps.db, { orgId: p.orgId, ...describeActor(p), action: 'read', entity: 'document', entityId: documentId, candidateId, detail, ip: ctx.ip, at: now });
  return { bytes, fileName: doc.file_name, contentType: doc.content_type };
}

/**
 * Approves an item or sends it back with a reason the candidate sees. Raises
 * `checklist_item_reviewed`, writes the timeline and the audit log, and queues a notice
 * to the candidate — one transaction.
 */
export async function reviewChecklistItem(deps: Deps, p: Principal, candidateId: string, itemId: string, input: TReviewChecklistItem, ctx: RequestContext) {
  requirePermission(p, 'checklist.review');
  const c = await loadVisibleCandidate(deps, p, candidateId);
  const item = requireItem(factsOf(c), itemId);
  const now = deps.clock.now();
  const actor = describeActor(p);
  const reviewId = randomUUID();
  const running = await isPlanRunning(deps.db, p.orgId, candidateId);
  await deps.db.transaction().execute(async (trx) => {
    const row = await loadItemRow(trx, p.orgId, candidateId, itemId, true);
    const from = row?.status ?? 'pending';
    const to = nextItemStatus(from, input.decision === 'approved' ? 'approve' : 'reject');
    if (!to) throw conflict('this item is already approved', 'decision');
    const reason = input.reason?.trim() || null;
    await saveItemState(trx, p.orgId, candidateId, itemId, now, {
      status: to, reviewed_at: now, reviewed_by: p.kind === 'user' ? p.userId : null, review_reason: reason,
    });
    await trx.insertInto('touches').values({
      org_id: p.orgId, id: randomUUID(), candidate_id: candidateId, occurred_at: now, kind: 'note', channel: 'other', direction: 'internal',
      author_kind: p.kind === 'user' ? 'user' : 'token', author_user_id: p.kind === 'user' ? p.userId : null,
      summary: `Checklist: “${item.title.en}” ${to}`, content: reason ?? '', step_id: 'prep.documents_prereview', created_at: now,
    }).execute();
    await appendAudit(trx, {
      orgId: p.orgId, ...actor, action: input.decision === 'approved' ? 'approve' : 'reject', entity: 'checklist_item', entityId: itemId,
      candidateId, detail: { reviewId, from, reason }, ip: ctx.ip, at: now,
    });
    if (running) {
      await applyDomainEventIn(trx, deps, p.orgId, candidateId, { type: 'checklist_item_reviewed', at: now.toISOString() }, {
        actor: { kind: actor.actorKind, id: actor.actorId }, idempotencyKey: `checklist:review:${reviewId}`,
      });
    }
    await queueReviewNotice(trx, deps, { orgId: p.orgId, candidateId, reviewId, at: now });
  });
  return getStaffChecklist(deps, p, candidateId, ctx);
}
