import type { Kysely } from 'kysely';
import type { Database } from '../../adapters/db/schema.js';
import { invalid } from '../errors.js';

/**
 * Referenced rows must exist in the caller's organisation; a foreign-key failure
 * would otherwise surface as a 500 instead of a 400 naming the field.
 */
export async function checkReferences(
  db: Kysely<Database>,
  orgId: string,
  refs: { departmentId?: string; siteId?: string; users?: Record<string, string | null | undefined> },
): Promise<void> {
  if (refs.departmentId) {
    const d = await db.selectFrom('departments').select('id').where('org_id', '=', orgId).where('id', '=', refs.departmentId).executeTakeFirst();
    if (!d) throw invalid('departmentId', 'no such department in this organisation');
  }
  if (refs.siteId) {
    const s = await db.selectFrom('sites').select('id').where('org_id', '=', orgId).where('id', '=', refs.siteId).executeTakeFirst();
    if (!s) throw invalid('siteId', 'no such site in this organisation');
  }
  for (const [field, id] of Object.entries(refs.users ?? {})) {
    if (!id) continue;
    const u = await db.selectFrom('users').select('id').where('org_id', '=', orgId).where('id', '=', id).where('disabled_at', 'is', null).executeTakeFirst();
    if (!u) throw invalid(field, 'no such active user in this organisation');
  }
}
