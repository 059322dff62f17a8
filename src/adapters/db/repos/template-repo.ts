import type { Kysely } from 'kysely';
import type { Database } from '../schema.js';

/** A stored template version as the services read it. */
export interface TemplateVersionRow {
  id: string;
  template_id: string;
  locale: string;
  role_type: string | null;
  version: number;
  restores_default: boolean;
  subject: string | null;
  body: string | null;
  created_by: string | null;
  created_by_name: string | null;
  created_at: Date;
}

/** Which template versions to read: a role type list narrows to those plus the all-roles rows (NULL). */
export interface TemplateVersionFilter {
  roleTypes?: readonly string[];
  templateId?: string;
  locale?: string;
}

function selectVersions(db: Kysely<Database>, orgId: string) {
  return db.selectFrom('template_versions as v')
    .leftJoin('users as u', (j) => j.onRef('u.org_id', '=', 'v.org_id').onRef('u.id', '=', 'v.created_by'))
    .select([
      'v.id', 'v.template_id', 'v.locale', 'v.role_type', 'v.version', 'v.restores_default', 'v.subject', 'v.body',
      'v.created_by', 'u.name as created_by_name', 'v.created_at',
    ])
    .where('v.org_id', '=', orgId);
}

/**
 * The newest version of every (template, language, role type) the organisation has saved.
 * `roleTypes` keeps the rows of those role types and the all-roles rows.
 */
export async function listLatestTemplateVersions(db: Kysely<Database>, orgId: string, f: TemplateVersionFilter = {}): Promise<TemplateVersionRow[]> {
  let q = selectVersions(db, orgId).distinctOn(['v.template_id', 'v.locale', 'v.role_type']);
  if (f.templateId) q = q.where('v.template_id', '=', f.templateId);
  if (f.locale) q = q.where('v.locale', '=', f.locale);
  const roleTypes = f.roleTypes;
  if (roleTypes) {
    q = q.where((eb) => (roleTypes.length ? eb.or([eb('v.role_type', 'is', null), eb('v.role_type', 'in', [...roleTypes])]) : eb('v.role_type', 'is', null)));
  }
  return q.orderBy('v.template_id').orderBy('v.locale').orderBy('v.role_type').orderBy('v.version', 'desc').execute();
}

/** Every version of one template, language and role type, newest first. */
export async function listTemplateVersions(
  db: Kysely<Database>, orgId: string, key: { templateId: string; locale: string; roleType: string | null }, limit = 200,
): Promise<TemplateVersionRow[]> {
  return selectVersions(db, orgId)
    .where('v.template_id', '=', key.templateId).where('v.locale', '=', key.locale)
    .where((eb) => (key.roleType === null ? eb('v.role_type', 'is', null) : eb('v.role_type', '=', key.roleType)))
    .orderBy('v.version', 'desc').limit(limit).execute();
}

/**
 * Appends a version numbered one past the newest of its key. Callers serialise saves of
 * an organisation (they lock its row first), so two saves never pick the same number.
 */
export async function insertTemplateVersion(
  trx: Kysely<Database>,
  row: { orgId: string; id: string; templateId: string; locale: string; roleType: string | null; restoresDefault: boolean; subject: string | null; body: string | null; createdBy: string | null; at: Date },
): Promise<number> {
  const [latest] = await listTemplateVersions(trx, row.orgId, row, 1);
  const version = (latest?.version ?? 0) + 1;
  await trx.insertInto('template_versions').values({
    org_id: row.orgId, id: row.id, template_id: row.templateId, locale: row.locale, role_type: row.roleType, version,
    restores_default: row.restoresDefault, subject: row.subject, body: row.body, created_by: row.createdBy, created_at: row.at,
  }).execute();
  return version;
}
