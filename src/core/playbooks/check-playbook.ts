/**
 * The one gate a playbook passes before it is stored or previewed: the `ZPlaybook` schema,
 * then the semantic checks. Problems of both kinds name their field the same way
 * (`steps[3].offset.days`).
 */
import { ZPlaybook, type TPlaybook } from '../../contracts/playbook.js';
import { formatFieldPath, validatePlaybook, type TPlaybookProblem, type TValidatePlaybookContext } from './validate-playbook.js';

export type TCheckPlaybookResult = { ok: true; playbook: TPlaybook } | { ok: false; problems: TPlaybookProblem[] };

/** Checks raw input (key, version, name, steps as sent) and answers the playbook or every problem. */
export function checkPlaybook(input: unknown, context: TValidatePlaybookContext): TCheckPlaybookResult {
  const parsed = ZPlaybook.safeParse(input);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue): TPlaybookProblem => {
      // zod names unknown keys on their parent object: name the first unknown key itself.
      const keys = issue.code === 'unrecognized_keys' ? issue.keys : [];
      const path = keys.length ? [...issue.path, keys[0]!] : issue.path;
      const field = formatFieldPath(path) || 'steps';
      return { field, code: 'invalid', message: `${field}: ${issue.message}` };
    });
    return { ok: false, problems };
  }
  const problems = validatePlaybook(parsed.data, context);
  return problems.length ? { ok: false, problems } : { ok: true, playbook: parsed.data };
}
