/**
 * The parts of anonymisation that reach tables other features own (checklist uploads,
 * logistics, talent pool, sign-in codes, offer withdrawals, salary requests, edited messages). Each rule
 * runs only when its table and columns exist, so anonymisation keeps working as the
 * schema grows; a rule that finds nothing changes nothing.
 */
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Database } from '../../adapters/db/schema.js';

interface Rule {
  table: string;
  /** Columns the rule needs (besides org_id and candidate_id). */
  columns: string[];
  build(at: Date): RawBuilder<unknown>;
  /** Counted as purged files in the audit entry. */
  files?: boolean;
}

const where = (orgId: string, candidateId: string) => sql`org_id = ${orgId} AND candidate_id = ${candidateId}`;

function buildRules(orgId: string, candidateId: string): Rule[] {
  const mine = where(orgId, candidateId);
  return [
    // Sealed bytes go; the metadata row stays, marked deleted (the table's own rule).
    {
      table: 'checklist_documents', columns: ['sealed_content', 'key_id', 'deleted_at', 'deleted_reason'], files: true,
      build: (at) => sql`UPDATE checklist_documents SET sealed_content = NULL, key_id = NULL, deleted_at = ${at}, deleted_reason = 'anonymised'
        WHERE ${mine} AND sealed_content IS NOT NULL`,
    },
    { table: 'checklist_documents', columns: ['file_name'], build: () => sql`UPDATE checklist_documents SET file_name = '' WHERE ${mine}` },
    { table: 'checklist_items', columns: ['review_reason'], build: () => sql`UPDATE checklist_items SET review_reason = '' WHERE ${mine} AND review_reason IS NOT NULL` },
    { table: 'logistics_confirmations', columns: ['note', 'confirmed_ip'], build: () => sql`UPDATE logistics_confirmations SET note = '', confirmed_ip = NULL WHERE ${mine}` },
    { table: 'talent_pool_entries', columns: [], build: () => sql`DELETE FROM talent_pool_entries WHERE ${mine}` },
    { table: 'portal_codes', columns: [], build: () => sql`DELETE FROM portal_codes WHERE ${mine}` },
    {
      table: 'offer_withdrawals', columns: ['reason', 'evidence', 'decision_note'],
      build: () => sql`UPDATE offer_withdrawals SET reason = '', evidence = '{}'::jsonb, decision_note = '' WHERE ${mine}`,
    },
    {
      table: 'salary_requests', columns: ['argument_sealed', 'decision_note'],
      build: () => sql`UPDATE salary_requests SET argument_sealed = '', decision_note = '' WHERE ${mine}`,
    },
    {
      table: 'outbound_messages', columns: ['edited_subject', 'edited_body'],
      build: () => sql`UPDATE outbound_messages SET edited_subject = NULL, edited_body = NULL WHERE ${mine}`,
    },
  ];
}

/** Applies every rule whose table exists; returns how many stored files lost their bytes. */
export async function scrubOtherTables(db: Kysely<Database>, orgId: string, candidateId: string, at: Date): Promise<{ filesPurged: number }> {
  const rules = buildRules(orgId, candidateId);
  const found = await sql<{ table_name: string; column_name: string }>`
    SELECT table_name, column_name FROM information_schema.columns
    WHERE table_schema = current_schema() AND table_name IN (${sql.join([...new Set(rules.map((r) => r.table))])})`.execute(db);
  const columns = new Set(found.rows.map((r) => `${r.table_name}.${r.column_name}`));
  let filesPurged = 0;
  for (const rule of rules) {
    if (![...rule.columns, 'org_id', 'candidate_id'].every((c) => columns.has(`${rule.table}.${c}`))) continue;
    const res = await rule.build(at).execute(db);
    if (rule.files) filesPurged += Number(res.numAffectedRows ?? 0n);
  }
  return { filesPurged };
}
