import type { Kysely } from 'kysely';
import { DEFAULT_ORG_POLICY, ZOrgPolicy, ZPlaybook, type TOrgPolicy, type TPlaybook } from '../../contracts/playbook.js';
import { DEFAULT_PLAYBOOK } from '../../core/playbooks/default-playbook.js';
import type { TEngineConfig } from '../../core/events/index.js';
import type { Database } from '../../adapters/db/schema.js';

export interface LoadedEngineConfig extends TEngineConfig {
  playbookKey: string;
  playbookVersion: number;
}

/** The playbook key new acceptances follow (the only one the engine starts plans on). */
export const ACTIVE_PLAYBOOK_KEY = 'default';

/** The organisation's follow-up policy (quiet hours, caps…) from its settings, defaults filled in. */
export function readOrgPolicy(settings: Record<string, unknown> | null | undefined): TOrgPolicy {
  const raw = (settings ?? {}).policy;
  return raw ? ZOrgPolicy.parse(raw) : DEFAULT_ORG_POLICY;
}

/**
 * Stores the seeded default as version 1 when the organisation has no version of the
 * active key yet, so every plan names a stored version. Safe to call concurrently.
 */
export async function ensureDefaultPlaybook(db: Kysely<Database>, orgId: string): Promise<void> {
  const stored = await db.selectFrom('playbooks').select('version')
    .where('org_id', '=', orgId).where('key', '=', ACTIVE_PLAYBOOK_KEY).limit(1).executeTakeFirst();
  if (stored) return;
  await db.insertInto('playbooks').values({
    org_id: orgId, key: ACTIVE_PLAYBOOK_KEY, version: DEFAULT_PLAYBOOK.version, definition: JSON.stringify(DEFAULT_PLAYBOOK), created_by: null,
  }).onConflict((oc) => oc.doNothing()).execute();
}

/**
 * The playbook and policy the engine runs with. A candidate whose plan has started keeps
 * the version it started on (saving a new version never rewrites running plans); anyone
 * else — a new acceptance, a preview — gets the latest version of the active key.
 */
export async function loadEngineConfig(db: Kysely<Database>, orgId: string, candidateId?: string): Promise<LoadedEngineConfig> {
  const org = await db.selectFrom('orgs').select('settings').where('org_id', '=', orgId).executeTakeFirstOrThrow();
  const pinned = candidateId
    ? await db.selectFrom('engine_states as e')
      .innerJoin('playbooks as p', (j) => j.onRef('p.org_id', '=', 'e.org_id').onRef('p.key', '=', 'e.playbook_key').onRef('p.version', '=', 'e.playbook_version'))
      .select(['p.key', 'p.version', 'p.definition'])
      .where('e.org_id', '=', orgId).where('e.candidate_id', '=', candidateId).executeTakeFirst()
    : undefined;
  let row = pinned ?? await db.selectFrom('playbooks').select(['key', 'version', 'definition'])
    .where('org_id', '=', orgId).where('key', '=', ACTIVE_PLAYBOOK_KEY).orderBy('version', 'desc').limit(1).executeTakeFirst();
  if (!row) {
    await ensureDefaultPlaybook(db, orgId);
    row = { key: ACTIVE_PLAYBOOK_KEY, version: DEFAULT_PLAYBOOK.version, definition: DEFAULT_PLAYBOOK };
  }
  const playbook: TPlaybook = ZPlaybook.parse(row.definition);
  return { playbook, policy: readOrgPolicy(org.settings), playbookKey: row.key, playbookVersion: row.version };
}
