/** The candidate's side of the checklist: see it, mark items ready, upload for pre-review. */
import { createHash, randomUUID } from 'node:crypto';
import { appendAudit } from '../../adapters/db/repos/audit-repo.js';
import type { TChecklistView, TMarkReady } from '../../contracts/checklist.js';
import {
  DOCUMENT_TYPE_LABELS, DOCUMENT_TYPES, MAX_DOCUMENTS_PER_ITEM, MB, nextItemStatus, sanitizeFileName, sniffContentType, type TDocumentType,
} from '../../core/checklist/index.js';
import { activeConsent, requireConsent } from '../consents/consents.js';
import type { Deps, RequestContext } from '../deps.js';
import { applyDomainEventIn } from '../engine/apply-event.js';
import { AppError, conflict, invalid } from '../errors.js';
import { loadPortalCandidate, type PortalPrincipal } from '../portal/portal-principal.js';
import {
  documentContext, factsOf, isPlanRunning, loadItemRow, loadItemRows, loadLiveDocuments, presentItems, requireItem, saveItemState,
} from './checklist-state.js';
import { supersedeItemDocuments } from './purge-documents.js';

/** The candidate's checklist with states, their documents and whether sensitive uploads are open. */
export async function getPortalChecklist(deps: Deps, who: PortalPrincipal): Promise<TChecklistView> {
  const c = await loadPortalCandidate(deps, who);
  const [rows, documents, consent] = await Promise.all([
    loadItemRows(deps.db, who.orgId, who.candidateId),
    loadLiveDocuments(deps.db, who.orgId, who.candidateId),
    activeConsent(deps.db, who.orgId, who.candidateId, 'sensitive_info', deps.clock.now()),
  ]);
  return { items: presentItems(factsOf(c), rows, documents).map(({ row: _row, ...view }) => view), sensitiveConsent: Boolean(consent) };
}

const candidateActor = (who: PortalPrincipal, ctx: RequestContext) => ({ actorKind: 'candidate' as const, actorId: who.candidateId, ip: ctx.ip });

/** "I have it ready" (to bring on day one), or take that back. */
export async function setItemReady(deps: Deps, who: PortalPrincipal, itemId: string, input: TMarkReady, ctx: RequestContext) {
  const c = await loadPortalCandidate(deps, who);
  requireItem(factsOf(c), itemId);
  const now = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    const row = await loadItemRow(trx, who.orgId, who.candidateId, itemId, true);
    const from = row?.status ?? 'pending';
    const to = nextItemStatus(from, input.ready ? 'mark_ready' : 'unmark_ready');
    if (!to) {
      throw conflict(from === 'approved' ? 'this item is already approved' : from === 'submitted'
        ? 'this item is waiting for HR’s review' : 'this item is not marked ready', 'ready');
    }
    await saveItemState(trx, who.orgId, who.candidateId, itemId, now, { status: to, ready_at: input.ready ? now : null });
    await appendAudit(trx, {
      orgId: who.orgId, ...candidateActor(who, ctx), action: input.ready ? 'mark_ready' : 'unmark_ready', entity: 'checklist_item',
      entityId: itemId, candidateId: who.candidateId, at: now,
    });
  });
  return getPortalChecklist(deps, who);
}

export interface UploadedFile {
  /** As the browser sent it; sanitised before it is stored. */
  fileName: string;
  /** The type the browser claimed; only a hint, the bytes decide. */
  declaredType: string;
  bytes: Buffer;
  /** The reader stopped at the upload limit. */
  truncated: boolean;
}

const GENERIC_TYPES = new Set(['', 'application/octet-stream', 'binary/octet-stream']);
const sameFamily = (a: string, b: string) => a === b || (a.startsWith('image/hei') && b.startsWith('image/hei')) || (a === 'image/jpg' && b === 'image/jpeg');
/** "PDF, JPEG, PNG, HEIC" in a stable order (HEIF goes under HEIC for people). */
const listTypes = (types: readonly TDocumentType[]) =>
  DOCUMENT_TYPES.filter((t) => types.includes(t) && t !== 'image/heif').map((t) => DOCUMENT_TYPE_LABELS[t]).join(', ');

/**
 * Stores a file for HR's pre-review: type decided by the bytes, size limited, sensitive
 * items only with a live sensitive-information consent. The bytes are sealed (every
 * upload, sensitive or not) under the document's own context. Raises
 * `checklist_item_submitted`, writes an inbound note on the timeline and the audit log.
 * The same file uploaded twice to one item is stored once.
 */
export async function uploadChecklistDocument(deps: Deps, who: PortalPrincipal, itemId: string, file: UploadedFile, ctx: RequestContext) {
  const c = await loadPortalCandidate(deps, who);
  const item = requireItem(factsOf(c), itemId);
  const now = deps.clock.now();
  if (item.kind !== 'upload') throw invalid('file', 'this item is confirmed in the checklist, not uploaded');
  if (item.sensitive) await requireConsent(deps.db, who.orgId, who.candidateId, 'sensitive_info', now);
  if (file.truncated || file.bytes.length > item.maxBytes) {
    throw new AppError(413, 'payload_too_large', `file: at most ${item.maxBytes / MB} MB for this item`, 'file');
  }
  if (file.bytes.length === 0) throw invalid('file', 'the file is empty');
  const sniffed = sniffContentType(file.bytes);
  if (!sniffed || !item.accept.includes(sniffed)) {
    throw new AppError(415, 'unsupported_file_type', `file: this item takes ${listTypes(item.accept)} files${sniffed ? `, not ${DOCUMENT_TYPE_LABELS[sniffed]}` : ''}`, 'file');
  }
  const declared = file.declaredType.toLowerCase().split(';')[0]!.trim();
  if (!GENERIC_TYPES.has(declared) && !sameFamily(declared, sniffed)) {
    throw new AppError(415, 'unsupported_file_type', `file: the file claims to be ${declared} but its content is ${DOCUMENT_TYPE_LABELS[sniffed]}`, 'file');
  }
  const sha256 = createHash('sha256').update(file.bytes).digest('hex');
  const fileName = sanitizeFileName(file.fileName, sniffed);
  const documentId = randomUUID();
  const running = await isPlanRunning(deps.db, who.orgId, who.candidateId);

  const stored = await deps.db.transaction().execute(async (trx) => {
    const row = await loadItemRow(trx, who.orgId, who.candidateId, itemId, true);
    const from = row?.status ?? 'pending';
    if (!nextItemStatus(from, 'upload')) throw conflict('this item is already approved; ask HR if something changed', 'file');
    if (from === 'rejected') await supersedeItemDocuments(trx, { orgId: who.orgId, candidateId: who.candidateId, itemId, at: now, actor: candidateActor(who, ctx) });
    const live = await loadLiveDocuments(trx, who.orgId, who.candidateId, itemId);
    const duplicate = live.find((d) => d.sha256 === sha256);
    if (duplicate) return { id: duplicate.id, duplicate: true };
    if (live.length >= MAX_DOCUMENTS_PER_ITEM) throw conflict(`at most ${MAX_DOCUMENTS_PER_ITEM} files per item`, 'file');

    await saveItemState(trx, who.orgId, who.candidateId, itemId, now, { status: 'submitted', submitted_at: now, reviewed_at: null, reviewed_by: null, review_reason: null });
    await trx.insertInto('checklist_documents').values({
      org_id: who.orgId, id: documentId, candidate_id: who.candidateId, item_id: itemId, file_name: fileName, content_type: sniffed,
      size_bytes: file.bytes.length, sha256, sensitive: item.sensitive,
      sealed_content: deps.vault.seal(file.bytes, documentContext(who.orgId, who.candidateId, documentId)), key_id: deps.vault.activeKeyId,
      uploaded_at: now, deleted_at: null, deleted_reason: null,
    }).execute();
    await trx.insertInto('touches').values({
      org_id: who.orgId, id: randomUUID(), candidate_id: who.candidateId, occurred_at: now, kind: 'note', channel: 'portal', direction: 'inbound',
      author_kind: 'candidate', author_user_id: null, summary: `Checklist: uploaded “${item.title.en}” for pre-review`,
      content: `${item.title.zh} · ${fileName} (${DOCUMENT_TYPE_LABELS[sniffed]}, ${file.bytes.length} bytes)`, step_id: 'prep.documents_prereview', created_at: now,
    }).execute();
    await appendAudit(trx, {
      orgId: who.orgId, ...candidateActor(who, ctx), action: 'upload', entity: 'document', entityId: documentId, candidateId: who.candidateId,
      detail: { itemId, contentType: sniffed, sizeBytes: file.bytes.length, sensitive: item.sensitive }, at: now,
    });
    if (running) {
      await applyDomainEventIn(trx, deps, who.orgId, who.candidateId, { type: 'checklist_item_submitted', at: now.toISOString() }, {
        actor: { kind: 'candidate', id: who.candidateId }, idempotencyKey: `checklist:document:${documentId}`,
      });
    }
    return { id: documentId, duplicate: false };
  });
  return { documentId: stored.id, duplicate: stored.duplicate, checklist: await getPortalChecklist(deps, who) };
}
