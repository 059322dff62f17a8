import type { Kysely } from 'kysely';
import { appendAudit, type AuditEntry } from '../../adapters/db/repos/audit-repo.js';
import type { Database } from '../../adapters/db/schema.js';
import { CHECKLIST_ITEMS } from '../../core/checklist/index.js';

const SENSITIVE_ITEM_IDS = CHECKLIST_ITEMS.filter((i) => i.sensitive).map((i) => i.id);

/**
 * Deletes the stored bytes of a candidate's sensitive documents (the metadata row stays,
 * saying when and why) and sends those items back to pending. Used when the candidate
 * withdraws the sensitive-information consent; audited once per document.
 */
export async function purgeSensitiveDocuments(
  trx: Kysely<Database>,
  args: { orgId: string; candidateId: string; reason: string; at: Date; actor: Pick<AuditEntry, 'actorKind' | 'actorId' | 'ip'> },
): Promise<number> {
  const { orgId, candidateId, at } = args;
  const purged = await trx.updateTable('checklist_documents')
    .set({ sealed_content: null, key_id: null, deleted_at: at, deleted_reason: args.reason })
    .where('org_id', '=', orgId).where('candidate_id', '=', candidateId).where('sensitive', '=', true).where('deleted_at', 'is', null)
    .returning(['id', 'item_id']).execute();
  if (SENSITIVE_ITEM_IDS.length) {
    await trx.updateTable('checklist_items')
      .set({ status: 'pending', ready_at: null, submitted_at: null, reviewed_at: null, reviewed_by: null, review_reason: null, updated_at: at })
      .where('org_id', '=', orgId).where('candidate_id', '=', candidateId).where('item_id', 'in', SENSITIVE_ITEM_IDS)
      .where('status', 'in', ['submitted', 'approved', 'rejected'])
      .execute();
  }
  for (const doc of purged) {
    await appendAudit(trx, {
      orgId, ...args.actor, action: 'purge', entity: 'document', entityId: doc.id, candidateId,
      detail: { itemId: doc.item_id, reason: args.reason }, at,
    });
  }
  return purged.length;
}

/** Deletes the bytes of an item's earlier documents when the candidate re-uploads after a rejection. */
export async function supersedeItemDocuments(
  trx: Kysely<Database>,
  args: { orgId: string; candidateId: string; itemId: string; at: Date; actor: Pick<AuditEntry, 'actorKind' | 'actorId' | 'ip'> },
): Promise<void> {
  const replaced = await trx.updateTable('checklist_documents')
    .set({ sealed_content: null, key_id: null, deleted_at: args.at, deleted_reason: 'replaced after rejection' })
    .where('org_id', '=', args.orgId).where('candidate_id', '=', args.candidateId).where('item_id', '=', args.itemId).where('deleted_at', 'is', null)
    .returning('id').execute();
  for (const doc of replaced) {
    await appendAudit(trx, {
      orgId: args.orgId, ...args.actor, action: 'purge', entity: 'document', entityId: doc.id, candidateId: args.candidateId,
      detail: { itemId: args.itemId, reason: 'replaced after rejection' }, at: args.at,
    });
  }
}
