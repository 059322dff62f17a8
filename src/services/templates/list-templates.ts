/**
 * The template list and one template with its history, as HR and org admins see them in
 * the editor: the built-in text merged with the organisation's latest saved versions.
 */
import { listLatestTemplateVersions, listTemplateVersions, type TemplateVersionRow } from '../../adapters/db/repos/template-repo.js';
import type { TLanguage, TRoleType } from '../../contracts/common.js';
import { ROLE_TYPES } from '../../contracts/common.js';
import type { TTemplateDetail, TTemplateList, TTemplateListQuery, TTemplateSummary, TTemplateVersion } from '../../contracts/templates.js';
import type { Principal } from '../../core/access/candidate-scope.js';
import { pickTemplateOverride, type TTemplateOverride } from '../../core/templates/apply-template-overrides.js';
import { DEFAULT_TEMPLATES, listTemplateVariables, TEMPLATE_LOCALES, type TTemplateDefinition } from '../../core/templates/index.js';
import { requirePermission } from '../actor.js';
import type { Deps } from '../deps.js';
import { notFound } from '../errors.js';
import { toTemplateOverride } from './org-templates.js';

/** One template, language and role type (null: every role type). */
export interface TTemplateKey {
  templateId: string;
  locale: TLanguage;
  roleType: TRoleType | null;
}

/** The built-in definition of a template id, or 404. */
export function findTemplateDefinition(templateId: string): TTemplateDefinition {
  const found = DEFAULT_TEMPLATES.find((t) => t.id === templateId);
  if (!found) throw notFound('template');
  return found;
}

function toOverrides(rows: readonly TemplateVersionRow[]): TTemplateOverride[] {
  return rows.map(toTemplateOverride).filter((o): o is TTemplateOverride => o !== undefined);
}

function isKeyRow(row: TemplateVersionRow, key: TTemplateKey): boolean {
  return row.template_id === key.templateId && row.locale === key.locale && row.role_type === key.roleType;
}

/** Shapes one key from the latest rows of the organisation (pure given them). */
function presentSummary(template: TTemplateDefinition, key: TTemplateKey, latest: readonly TemplateVersionRow[], overrides: readonly TTemplateOverride[]) {
  const picked = pickTemplateOverride(overrides, template.id, key.locale, key.roleType);
  const own = latest.find((r) => isKeyRow(r, key));
  const text = picked.override ?? template.locales[key.locale];
  const summary: TTemplateSummary = {
    templateId: template.id, step: template.step, variant: template.variant ?? null, kind: template.kind, audience: template.audience,
    locale: key.locale, roleType: key.roleType, source: picked.source,
    customised: picked.source === (key.roleType === null ? 'all_roles' : 'role_type'),
    version: own?.version ?? 0,
    subject: text.subject ?? '',
    updatedAt: own?.created_at.toISOString() ?? null,
    updatedBy: own?.created_by ? { id: own.created_by, name: own.created_by_name ?? '' } : null,
  };
  return { summary, body: text.body ?? '' };
}

/** The keys a list shows: one role type's view, or the all-roles wording plus every role type's own. */
function listKeys(query: TTemplateListQuery, latest: readonly TemplateVersionRow[]): TTemplateKey[] {
  const keys: TTemplateKey[] = [];
  for (const template of DEFAULT_TEMPLATES) {
    for (const locale of TEMPLATE_LOCALES) {
      if (query.locale && query.locale !== locale) continue;
      if (query.roleType) {
        keys.push({ templateId: template.id, locale, roleType: query.roleType });
        continue;
      }
      keys.push({ templateId: template.id, locale, roleType: null });
      for (const roleType of ROLE_TYPES) {
        const own = latest.find((r) => isKeyRow(r, { templateId: template.id, locale, roleType }));
        if (own && !own.restores_default) keys.push({ templateId: template.id, locale, roleType });
      }
    }
  }
  return keys;
}

/** Every template with the wording in force, filtered by step, language, role type and whether it is customised. */
export async function listTemplates(deps: Deps, p: Principal, query: TTemplateListQuery): Promise<TTemplateList> {
  requirePermission(p, 'template.manage');
  const latest = await listLatestTemplateVersions(deps.db, p.orgId, query.locale ? { locale: query.locale } : {});
  const overrides = toOverrides(latest);
  const byId = new Map(DEFAULT_TEMPLATES.map((t) => [t.id, t]));
  const items = listKeys(query, latest)
    .map((key) => presentSummary(byId.get(key.templateId)!, key, latest, overrides).summary)
    .filter((s) => (!query.step || s.step === query.step) && (!query.customised || s.customised === (query.customised === 'true')));
  return { items, steps: [...new Set(DEFAULT_TEMPLATES.map((t) => t.step))] };
}

function presentVersion(row: TemplateVersionRow): TTemplateVersion {
  return {
    version: row.version, restoresDefault: row.restores_default, subject: row.subject, body: row.body,
    createdAt: row.created_at.toISOString(), createdBy: row.created_by ? { id: row.created_by, name: row.created_by_name ?? '' } : null,
  };
}

/** One template in one language and role type: the text in force, the built-in text, every saved version and the variables. */
export async function readTemplateDetail(deps: Deps, p: Principal, key: TTemplateKey): Promise<TTemplateDetail> {
  requirePermission(p, 'template.manage');
  const template = findTemplateDefinition(key.templateId);
  const [latest, versions] = await Promise.all([
    listLatestTemplateVersions(deps.db, p.orgId, { templateId: key.templateId, locale: key.locale }),
    listTemplateVersions(deps.db, p.orgId, key),
  ]);
  const { summary, body } = presentSummary(template, key, latest, toOverrides(latest));
  const builtIn = template.locales[key.locale];
  return {
    ...summary, body,
    defaultText: { subject: builtIn.subject, body: builtIn.body },
    versions: versions.map(presentVersion),
    variables: listTemplateVariables(),
  };
}
