/**
 * Saving a template: every save appends a version (the history stays), after the same
 * review that guards imports — Liquid syntax and variables, then the compliance lint
 * (DESIGN §5), whose errors refuse the save and whose warnings come back with it. Going
 * back to the built-in text is a version too. Every save is audited.
 */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { appendAudit } from '../../adapters/db/repos/audit-repo.js';
import { insertTemplateVersion, listTemplateVersions } from '../../adapters/db/repos/template-repo.js';
import type { Database } from '../../adapters/db/schema.js';
import type {
  TRevertTemplate, TRevertTemplateResult, TSaveTemplateResult, TSaveTemplateVersion, TTemplateFinding, TTemplateProblem,
} from '../../contracts/templates.js';
import type { Principal } from '../../core/access/candidate-scope.js';
import { renderTemplate, SAMPLE_TEMPLATE_VARIABLES } from '../../core/templates/index.js';
import { describeActor, requirePermission } from '../actor.js';
import type { Deps, RequestContext } from '../deps.js';
import { AppError, conflict, notFound } from '../errors.js';
import { findTemplateDefinition, readTemplateDetail, type TTemplateKey } from './list-templates.js';
import { reviewEditedText, toTemplateProblem, type TEditedText } from './review-source.js';

function describeProblem(p: TTemplateProblem): string {
  return `${p.field}${p.line ? ` line ${p.line}` : ''}: ${p.message}`;
}

/** Refuses text that would not render: a syntax error or unknown variable, then anything the sample record cannot render. */
function refuseBrokenLiquid(problems: readonly TTemplateProblem[], text: TEditedText, locale: TSaveTemplateVersion['locale']): void {
  const first = problems.find((p) => p.code === 'parse_error') ?? problems[0];
  if (first) {
    throw new AppError(400, first.code === 'parse_error' ? 'template_syntax' : 'unknown_variable', describeProblem(first), first.field, { problems });
  }
  // A filter given a bad argument, or a runaway loop, only shows when rendering: try the full sample record.
  const vars = { ...SAMPLE_TEMPLATE_VARIABLES, candidate: { ...SAMPLE_TEMPLATE_VARIABLES.candidate, language: locale } };
  for (const field of ['subject', 'body'] as const) {
    const rendered = renderTemplate(text[field], vars);
    if (!rendered.ok) {
      const problem = toTemplateProblem(field, rendered.error);
      throw new AppError(400, 'template_render', describeProblem(problem), field, { problems: [problem] });
    }
  }
}

/** Refuses the save when the lint finds an unlawful question or a penalty clause, naming the field and every finding. */
function refuseNonCompliant(findings: readonly TTemplateFinding[]): void {
  const errors = findings.filter((f) => f.severity === 'error');
  if (!errors.length) return;
  const list = errors.map((f) => `${f.field} line ${f.line}: ${f.message.en} ("${f.excerpt}")`).join('; ');
  throw new AppError(422, 'compliance_refused', `the template cannot be saved: ${list}`, errors[0]!.field, { findings });
}

/** Serialises saves within the organisation, so version numbers never collide. */
async function lockOrg(trx: Kysely<Database>, orgId: string): Promise<void> {
  const org = await trx.selectFrom('orgs').select('org_id').where('org_id', '=', orgId).forUpdate().executeTakeFirst();
  if (!org) throw notFound('organisation');
}

async function readLatest(trx: Kysely<Database>, orgId: string, key: TTemplateKey) {
  const [latest] = await listTemplateVersions(trx, orgId, key, 1);
  return latest;
}

/** Saves the edited subject and body as the next version of one template, language and role type. */
export async function saveTemplateVersion(
  deps: Deps, p: Principal, templateId: string, input: TSaveTemplateVersion, ctx: RequestContext,
): Promise<TSaveTemplateResult> {
  requirePermission(p, 'template.manage');
  const template = findTemplateDefinition(templateId);
  const key: TTemplateKey = { templateId, locale: input.locale, roleType: input.roleType ?? null };
  const text = { subject: input.subject, body: input.body };
  const review = reviewEditedText(template, input.locale, text);
  refuseBrokenLiquid(review.problems, text, input.locale);
  refuseNonCompliant(review.findings);
  const now = deps.clock.now();
  const actor = describeActor(p);
  await deps.db.transaction().execute(async (trx) => {
    await lockOrg(trx, p.orgId);
    const latest = await readLatest(trx, p.orgId, key);
    if (input.baseVersion !== undefined && input.baseVersion !== (latest?.version ?? 0)) {
      throw conflict(`version ${latest?.version ?? 0} was saved meanwhile: reload to see it before saving`, 'baseVersion');
    }
    const id = randomUUID();
    const version = await insertTemplateVersion(trx, {
      orgId: p.orgId, id, ...key, restoresDefault: false, subject: input.subject, body: input.body,
      createdBy: p.kind === 'user' ? p.userId : null, at: now,
    });
    await appendAudit(trx, {
      orgId: p.orgId, ...actor, action: 'create', entity: 'template_version', entityId: id, at: now, ip: ctx.ip,
      detail: {
        templateId, locale: key.locale, roleType: key.roleType, version,
        subjectLength: input.subject.length, bodyLength: input.body.length,
        warnings: review.findings.filter((f) => f.severity === 'warning').map((f) => f.rule),
      },
    });
  });
  const detail = await readTemplateDetail(deps, p, key);
  return { ...detail, findings: review.findings };
}

/**
 * Brings the built-in text back for one template, language and role type (a version of
 * its own). When the built-in text already is in force nothing is recorded (`applied` false),
 * so a repeated click changes nothing.
 */
export async function revertTemplate(
  deps: Deps, p: Principal, templateId: string, input: TRevertTemplate, ctx: RequestContext,
): Promise<TRevertTemplateResult> {
  requirePermission(p, 'template.manage');
  findTemplateDefinition(templateId);
  const key: TTemplateKey = { templateId, locale: input.locale, roleType: input.roleType ?? null };
  const now = deps.clock.now();
  const applied = await deps.db.transaction().execute(async (trx) => {
    await lockOrg(trx, p.orgId);
    const latest = await readLatest(trx, p.orgId, key);
    if (!latest || latest.restores_default) return false;
    const id = randomUUID();
    const version = await insertTemplateVersion(trx, {
      orgId: p.orgId, id, ...key, restoresDefault: true, subject: null, body: null,
      createdBy: p.kind === 'user' ? p.userId : null, at: now,
    });
    await appendAudit(trx, {
      orgId: p.orgId, ...describeActor(p), action: 'restore_default', entity: 'template_version', entityId: id, at: now, ip: ctx.ip,
      detail: { templateId, locale: key.locale, roleType: key.roleType, version, replacedVersion: latest.version },
    });
    return true;
  });
  return { ...(await readTemplateDetail(deps, p, key)), applied };
}
