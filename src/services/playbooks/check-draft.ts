/**
 * Checks a definition sent by the editor against the organisation's templates and sites.
 * A refused definition answers 400 naming the first problem's field (`steps[3].offset`)
 * and listing every problem in `error.details.problems`, so the console marks them all.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../adapters/db/schema.js';
import type { TPlaybook } from '../../contracts/playbook.js';
import { checkPlaybook } from '../../core/playbooks/check-playbook.js';
import type { TPlaybookProblem, TTemplateRef } from '../../core/playbooks/validate-playbook.js';
import { DEFAULT_TEMPLATES } from '../../core/templates/index.js';
import { AppError } from '../errors.js';

/** Templates a step may name: the organisation edits the wording of these, keyed by their step. */
export function listTemplateRefs(): TTemplateRef[] {
  return DEFAULT_TEMPLATES.map((t) => ({ key: t.step, kind: t.kind }));
}

/** 400 with every problem; the first one names the field. */
export function playbookInvalid(problems: readonly TPlaybookProblem[]): AppError {
  const first = problems[0]!;
  const more = problems.length > 1 ? ` (and ${problems.length - 1} more)` : '';
  const message = first.message.startsWith(`${first.field}:`) ? first.message : `${first.field}: ${first.message}`;
  return new AppError(400, 'invalid_input', `${message}${more}`, first.field, { problems: [...problems] });
}

/** The checked playbook for `key`/`version`, or throws 400 naming the field. */
export async function checkDraft(
  db: Kysely<Database>,
  orgId: string,
  draft: { key: string; version: number; name: string; steps: unknown[] },
): Promise<TPlaybook> {
  const sites = await db.selectFrom('sites').select('id').where('org_id', '=', orgId).execute();
  const result = checkPlaybook(
    { key: draft.key, version: draft.version, name: draft.name.trim(), steps: draft.steps },
    { templates: listTemplateRefs(), siteIds: sites.map((s) => s.id) },
  );
  if (!result.ok) throw playbookInvalid(result.problems);
  return result.playbook;
}
