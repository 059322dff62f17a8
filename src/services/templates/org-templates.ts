/**
 * The organisation's templates as the dispatcher renders them: the built-in definitions
 * with the organisation's latest saved wording laid over them. Read at send time, so a
 * saved version reaches every message not yet sent.
 */
import type { Kysely } from 'kysely';
import { listLatestTemplateVersions, type TemplateVersionRow } from '../../adapters/db/repos/template-repo.js';
import type { Database } from '../../adapters/db/schema.js';
import { ZLanguage, ZRoleType, type TRoleType } from '../../contracts/common.js';
import { applyTemplateOverrides, type TTemplateOverride } from '../../core/templates/apply-template-overrides.js';
import { DEFAULT_TEMPLATES, type TTemplateDefinition } from '../../core/templates/index.js';

/** A stored row as the pure override logic reads it; rows of unknown languages or role types are ignored. */
export function toTemplateOverride(row: TemplateVersionRow): TTemplateOverride | undefined {
  const locale = ZLanguage.safeParse(row.locale);
  const roleType = row.role_type === null ? { success: true as const, data: null } : ZRoleType.safeParse(row.role_type);
  if (!locale.success || !roleType.success) return undefined;
  return {
    templateId: row.template_id, locale: locale.data, roleType: roleType.data, version: row.version,
    restoresDefault: row.restores_default, subject: row.subject, body: row.body,
  };
}

/** Every template with the organisation's latest wording for one role type applied. */
export async function loadOrgTemplates(db: Kysely<Database>, orgId: string, roleType: TRoleType): Promise<TTemplateDefinition[]> {
  const rows = await listLatestTemplateVersions(db, orgId, { roleTypes: [roleType] });
  const overrides = rows.map(toTemplateOverride).filter((o): o is TTemplateOverride => o !== undefined);
  return applyTemplateOverrides(DEFAULT_TEMPLATES, overrides, roleType);
}
