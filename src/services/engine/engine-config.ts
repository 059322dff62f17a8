import type { Kysely } from 'kysely';
import { DEFAULT_ORG_POLICY, ZOrgPolicy, ZPlaybook, type TOrgPolicy, type TPlaybook } from '../../contracts/playbook.js';
import { DEFAULT_PLAYBOOK } from '../../core/playbooks/default-playbook.js';
import type { TEngineConfig } from '../../core/events/index.js';
import type { Database } from '../../adapters/db/schema.js';

export interface LoadedEngineConfig extends TEngineConfig {
  playbookKey: string;
  playbookVersion: number;
}

/** The organisation's follow-up policy (quiet hours, caps…) from its settings, defaults filled in. */
export function readOrgPolicy(settings: Record<string, unknown> | null | undefined): TOrgPolicy {
  const raw = (settings ?? {}).policy;
  return raw ? ZOrgPolicy.parse(raw) : DEFAULT_ORG_POLICY;
}

/**
 * The playbook (latest version of the org's `default` key) and policy the engine runs
 * with. The seeded default is stored on first use, so every plan names a stored version.
 */
export async function loadEngineConfig(db: Kysely<Database>, orgId: string): Promise<LoadedEngineConfig> {
  const org = await db.selectFrom('orgs').select('settings').where('org_id', '=', orgId).executeTakeFirstOrThrow();
  let row = await db.selectFrom('playbooks').select(['key', 'version', 'definition'])
    .where('org_id', '=', orgId).where('key', '=', 'default').orderBy('version', 'desc').limit(1).executeTakeFirst();
  if (!row) {
    await db.insertInto('playbooks').values({
      org_id: orgId, key: 'default', version: DEFAULT_PLAYBOOK.version, definition: JSON.stringify(DEFAULT_PLAYBOOK), created_by: null,
    }).onConflict((oc) => oc.doNothing()).execute();
    row = { key: 'default', version: DEFAULT_PLAYBOOK.version, definition: DEFAULT_PLAYBOOK };
  }
  const playbook: TPlaybook = ZPlaybook.parse(row.definition);
  return { playbook, policy: readOrgPolicy(org.settings), playbookKey: row.key, playbookVersion: row.version };
}
