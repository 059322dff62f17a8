/**
 * Live preview of an edited (unsaved) template: rendered against one candidate's current
 * record, exactly as the dispatcher would build it for this step, or against a sample
 * record; with the lint findings and Liquid problems for the editor.
 */
import { appendAudit } from '../../adapters/db/repos/audit-repo.js';
import type { TPreviewTemplate, TTemplateField, TTemplatePreview, TTemplateProblem } from '../../contracts/templates.js';
import type { Principal } from '../../core/access/candidate-scope.js';
import { renderTemplate, SAMPLE_TEMPLATE_VARIABLES, type TTemplateVariables } from '../../core/templates/index.js';
import { describeActor, requirePermission } from '../actor.js';
import { loadVisibleCandidate } from '../candidates/candidates.js';
import type { Deps, RequestContext } from '../deps.js';
import { notFound } from '../errors.js';
import { loadMessageContext } from '../dispatch/message-context.js';
import { buildTemplateVariables } from '../dispatch/template-variables.js';
import { findTemplateDefinition } from './list-templates.js';
import { reviewEditedText, toTemplateProblem } from './review-source.js';

/** The sample record in the edited language and role type. */
function buildSampleVariables(locale: TPreviewTemplate['locale'], roleType: TPreviewTemplate['roleType']): TTemplateVariables {
  const sample = SAMPLE_TEMPLATE_VARIABLES;
  return { ...sample, candidate: { ...sample.candidate, language: locale, roleType: roleType ?? sample.candidate.roleType } };
}

/** Renders the edited subject and body; HR see candidate facts here, so a candidate preview is audited as a read. */
export async function previewTemplate(
  deps: Deps, p: Principal, templateId: string, input: TPreviewTemplate, ctx: RequestContext,
): Promise<TTemplatePreview> {
  requirePermission(p, 'template.manage');
  const template = findTemplateDefinition(templateId);
  let vars = buildSampleVariables(input.locale, input.roleType);
  let candidate: TTemplatePreview['candidate'] = null;
  if (input.candidateId) {
    const row = await loadVisibleCandidate(deps, p, input.candidateId);
    const context = await loadMessageContext(deps.db, p.orgId, row.id);
    if (!context) throw notFound('candidate');
    const built = buildTemplateVariables(context, { publicUrl: deps.dispatch?.publicUrl ?? 'http://localhost:3000', stepIds: [template.step] });
    // The language being edited, whatever the candidate's own: that is the text under review.
    vars = { ...built, candidate: { ...built.candidate, language: input.locale } };
    candidate = { id: row.id, name: row.full_name };
    await appendAudit(deps.db, {
      orgId: p.orgId, ...describeActor(p), action: 'read', entity: 'template_preview', entityId: templateId,
      candidateId: row.id, detail: { templateId, locale: input.locale }, ip: ctx.ip, at: deps.clock.now(),
    });
  }
  const text = { subject: input.subject, body: input.body };
  const review = reviewEditedText(template, input.locale, text);
  const problems: TTemplateProblem[] = [...review.problems];
  const render = (field: TTemplateField): string | null => {
    if (review.problems.some((x) => x.field === field)) return null;
    const result = renderTemplate(text[field], vars);
    if (result.ok) return result.output.trim();
    const problem = toTemplateProblem(field, result.error);
    // The static check knows every variable, so an undefined one here is a section this record lacks.
    problems.push(problem.code === 'unknown_variable'
      ? { ...problem, code: 'missing_data', message: `the record has no ${problem.variable ?? 'value'} for this message, so it would not be sent` }
      : problem);
    return null;
  };
  return { subject: render('subject'), body: render('body'), findings: review.findings, problems, candidate };
}
