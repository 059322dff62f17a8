/**
 * Reads and writes a candidate's checklist state: the definition (core) joined with the
 * item rows and live document metadata (never the bytes). Shared by the portal and staff.
 */
import type { Kysely, Selectable } from 'kysely';
import type { ChecklistDocumentsTable, ChecklistItemsTable, Database } from '../../adapters/db/schema.js';
import type { TChecklistItemView } from '../../contracts/checklist.js';
import type { TRoleType } from '../../contracts/common.js';
import {
  findChecklistItem, materializeChecklist, type ChecklistFacts, type TChecklistDefinitionItem, type TItemStatus,
} from '../../core/checklist/index.js';
import { notFound } from '../errors.js';

export type ItemRow = Selectable<ChecklistItemsTable>;
export type DocumentRow = Omit<Selectable<ChecklistDocumentsTable>, 'sealed_content'>;

export const factsOf = (c: { role_type: string; relocation: boolean }): ChecklistFacts =>
  ({ roleType: c.role_type as TRoleType, relocation: c.relocation });

/** The definition of an item that applies to this candidate, or 404 naming the item. */
export function requireItem(facts: ChecklistFacts, itemId: string): TChecklistDefinitionItem {
  const item = findChecklistItem(facts, itemId);
  if (!item) throw notFound('checklist item');
  return item;
}

const DOCUMENT_COLUMNS = [
  'org_id', 'id', 'candidate_id', 'item_id', 'file_name', 'content_type', 'size_bytes', 'sha256', 'sensitive', 'key_id',
  'uploaded_at', 'deleted_at', 'deleted_reason',
] as const;

export async function loadItemRows(db: Kysely<Database>, orgId: string, candidateId: string): Promise<ItemRow[]> {
  return db.selectFrom('checklist_items').selectAll().where('org_id', '=', orgId).where('candidate_id', '=', candidateId).execute();
}

/** Live documents (bytes still held), oldest first. */
export async function loadLiveDocuments(db: Kysely<Database>, orgId: string, candidateId: string, itemId?: string): Promise<DocumentRow[]> {
  let q = db.selectFrom('checklist_documents').select(DOCUMENT_COLUMNS)
    .where('org_id', '=', orgId).where('candidate_id', '=', candidateId).where('deleted_at', 'is', null);
  if (itemId) q = q.where('item_id', '=', itemId);
  return q.orderBy('uploaded_at').orderBy('id').execute();
}

export async function loadItemRow(db: Kysely<Database>, orgId: string, candidateId: string, itemId: string, forUpdate = false) {
  let q = db.selectFrom('checklist_items').selectAll().where('org_id', '=', orgId).where('candidate_id', '=', candidateId).where('item_id', '=', itemId);
  if (forUpdate) q = q.forUpdate();
  return q.executeTakeFirst();
}

/** Writes an item's new state (creating its row on first change). */
export async function saveItemState(
  db: Kysely<Database>, orgId: string, candidateId: string, itemId: string, now: Date,
  change: Partial<Pick<ItemRow, 'ready_at' | 'submitted_at' | 'reviewed_at' | 'reviewed_by' | 'review_reason'>> & { status: TItemStatus },
): Promise<void> {
  await db.insertInto('checklist_items').values({
    org_id: orgId, candidate_id: candidateId, item_id: itemId, ready_at: null, submitted_at: null, reviewed_at: null,
    reviewed_by: null, review_reason: null, ...change, updated_at: now,
  }).onConflict((oc) => oc.columns(['org_id', 'candidate_id', 'item_id']).doUpdateSet({ ...change, updated_at: now })).execute();
}

const bilingual = (t: { zh: string; en: string }) => ({ 'zh-CN': t.zh, 'en-US': t.en });

/** Definition + state + documents, in display order. */
export function presentItems(facts: ChecklistFacts, rows: ItemRow[], documents: DocumentRow[]): Array<TChecklistItemView & { row?: ItemRow }> {
  const byId = new Map(rows.map((r) => [r.item_id, r]));
  return materializeChecklist(facts).map((item) => {
    const row = byId.get(item.id);
    return {
      id: item.id, kind: item.kind, category: item.category, title: bilingual(item.title), notes: bilingual(item.notes),
      purpose: bilingual(item.purpose), prereviewRequested: item.prereviewRequested, sensitive: item.sensitive,
      accept: [...item.accept], maxBytes: item.maxBytes,
      status: row?.status ?? 'pending',
      readyAt: row?.ready_at?.toISOString() ?? null,
      submittedAt: row?.submitted_at?.toISOString() ?? null,
      reviewedAt: row?.reviewed_at?.toISOString() ?? null,
      reviewReason: row?.status === 'rejected' ? row.review_reason : null,
      documents: documents.filter((d) => d.item_id === item.id).map((d) => ({
        id: d.id, fileName: d.file_name, contentType: d.content_type, sizeBytes: d.size_bytes, sha256: d.sha256,
        uploadedAt: d.uploaded_at.toISOString(), sensitive: d.sensitive,
      })),
      row,
    };
  });
}

/** Where a document's ciphertext belongs: a sealed value copied elsewhere does not open. */
export const documentContext = (orgId: string, candidateId: string, documentId: string) => `${orgId}/${candidateId}/document/${documentId}`;

/** Whether the candidate's plan has started (only then is there an engine to tell). */
export async function isPlanRunning(db: Kysely<Database>, orgId: string, candidateId: string): Promise<boolean> {
  const row = await db.selectFrom('engine_states').select('candidate_id').where('org_id', '=', orgId).where('candidate_id', '=', candidateId).executeTakeFirst();
  return Boolean(row);
}
