/** Stored playbook versions (one row per key and version, never updated) and who follows which. */
import type { Kysely } from 'kysely';
import type { Database } from '../schema.js';

export interface PlaybookVersionRow {
  key: string;
  version: number;
  definition: unknown;
  createdAt: Date;
  createdBy: { id: string; name: string } | null;
}

/** Every version of every playbook key of the organisation, newest first within a key. */
export async function listPlaybookVersions(db: Kysely<Database>, orgId: string): Promise<PlaybookVersionRow[]> {
  const rows = await db.selectFrom('playbooks as p')
    .leftJoin('users as u', (j) => j.onRef('u.org_id', '=', 'p.org_id').onRef('u.id', '=', 'p.created_by'))
    .select(['p.key', 'p.version', 'p.definition', 'p.created_at', 'p.created_by', 'u.name as created_by_name'])
    .where('p.org_id', '=', orgId)
    .orderBy('p.key').orderBy('p.version', 'desc')
    .execute();
  return rows.map(toRow);
}

/** One version (undefined when the org has no such key or version). */
export async function findPlaybookVersion(db: Kysely<Database>, orgId: string, key: string, version: number): Promise<PlaybookVersionRow | undefined> {
  const row = await db.selectFrom('playbooks as p')
    .leftJoin('users as u', (j) => j.onRef('u.org_id', '=', 'p.org_id').onRef('u.id', '=', 'p.created_by'))
    .select(['p.key', 'p.version', 'p.definition', 'p.created_at', 'p.created_by', 'u.name as created_by_name'])
    .where('p.org_id', '=', orgId).where('p.key', '=', key).where('p.version', '=', version)
    .executeTakeFirst();
  return row ? toRow(row) : undefined;
}

/** The newest version number of a key (undefined when the key has none). */
export async function findLatestPlaybookVersion(db: Kysely<Database>, orgId: string, key: string): Promise<number | undefined> {
  const row = await db.selectFrom('playbooks').select((eb) => eb.fn.max('version').as('latest'))
    .where('org_id', '=', orgId).where('key', '=', key).executeTakeFirst();
  return row?.latest ?? undefined;
}

/**
 * Stores a new version. False when that version number exists already (another editor
 * saved first): versions are never overwritten.
 */
export async function insertPlaybookVersion(
  db: Kysely<Database>,
  row: { orgId: string; key: string; version: number; definition: unknown; createdBy: string | null; createdAt: Date },
): Promise<boolean> {
  const inserted = await db.insertInto('playbooks').values({
    org_id: row.orgId, key: row.key, version: row.version, definition: JSON.stringify(row.definition),
    created_by: row.createdBy, created_at: row.createdAt,
  }).onConflict((oc) => oc.columns(['org_id', 'key', 'version']).doNothing()).returning('version').executeTakeFirst();
  return inserted !== undefined;
}

/** How many candidates' plans run on each version (`key@version` → count). */
export async function countCandidatesByPlaybookVersion(db: Kysely<Database>, orgId: string): Promise<Map<string, number>> {
  const rows = await db.selectFrom('engine_states')
    .select(['playbook_key', 'playbook_version', (eb) => eb.fn.countAll<string>().as('n')])
    .where('org_id', '=', orgId)
    .groupBy(['playbook_key', 'playbook_version'])
    .execute();
  return new Map(rows.map((r) => [`${r.playbook_key}@${r.playbook_version}`, Number(r.n)]));
}

function toRow(r: { key: string; version: number; definition: unknown; created_at: Date; created_by: string | null; created_by_name: string | null }): PlaybookVersionRow {
  return {
    key: r.key, version: r.version, definition: r.definition, createdAt: r.created_at,
    createdBy: r.created_by ? { id: r.created_by, name: r.created_by_name ?? '' } : null,
  };
}
