/**
 * Saving a playbook: a new version, never an edit of a stored one. New acceptances follow
 * it from the moment it is saved; candidates already in follow-up keep the version their
 * plan started on (their engine state names it), so nothing running changes silently.
 */
import { appendAudit } from '../../adapters/db/repos/audit-repo.js';
import { findLatestPlaybookVersion, findPlaybookVersion, insertPlaybookVersion } from '../../adapters/db/repos/playbook-repo.js';
import { ZPlaybook } from '../../contracts/playbook.js';
import type { TPlaybookVersion, TSavePlaybookVersion } from '../../contracts/playbooks.js';
import type { Principal } from '../../core/access/candidate-scope.js';
import { compareSteps } from '../../core/playbooks/diff-playbooks.js';
import { describeActor, requirePermission } from '../actor.js';
import type { Deps, RequestContext } from '../deps.js';
import { ACTIVE_PLAYBOOK_KEY, ensureDefaultPlaybook } from '../engine/engine-config.js';
import { AppError, conflict, notFound } from '../errors.js';
import { checkDraft } from './check-draft.js';
import { getPlaybookVersion } from './list-playbooks.js';

/**
 * Stores the definition as version latest + 1 of `key` (HR and org admins), audited with
 * the steps it adds, removes and changes. 409 when another version was saved since the
 * edit began (`baseVersion`), so one editor never overwrites another's work unseen.
 */
export async function savePlaybookVersion(
  deps: Deps, p: Principal, key: string, input: TSavePlaybookVersion, ctx: RequestContext,
): Promise<TPlaybookVersion> {
  requirePermission(p, 'playbook.manage');
  if (key === ACTIVE_PLAYBOOK_KEY) await ensureDefaultPlaybook(deps.db, p.orgId);
  const latest = await findLatestPlaybookVersion(deps.db, p.orgId, key);
  if (latest === undefined) throw notFound('playbook');
  if (input.baseVersion !== latest) {
    throw conflict(`version ${latest} was saved after version ${input.baseVersion} you started from: reload and apply your changes again`, 'baseVersion');
  }
  const version = latest + 1;
  const playbook = await checkDraft(deps.db, p.orgId, { key, version, name: input.name, steps: input.steps });
  const before = await findPlaybookVersion(deps.db, p.orgId, key, latest);
  const changes = compareSteps(before ? ZPlaybook.parse(before.definition) : null, playbook);
  const renamed = before !== undefined && ZPlaybook.parse(before.definition).name !== playbook.name;
  if (!renamed && !changes.added.length && !changes.removed.length && !changes.changed.length) {
    throw new AppError(400, 'unchanged', `nothing changed since version ${latest}`, 'steps');
  }
  const now = deps.clock.now();
  const actor = describeActor(p);
  await deps.db.transaction().execute(async (trx) => {
    const inserted = await insertPlaybookVersion(trx, {
      orgId: p.orgId, key, version, definition: playbook, createdBy: p.kind === 'user' ? p.userId : null, createdAt: now,
    });
    if (!inserted) throw conflict(`version ${version} was saved by someone else a moment ago: reload and apply your changes again`, 'baseVersion');
    await appendAudit(trx, {
      orgId: p.orgId, ...actor, action: 'create', entity: 'playbook', entityId: `${key}@${version}`,
      detail: { key, version, baseVersion: latest, name: playbook.name, ...changes },
      ip: ctx.ip, at: now,
    });
  });
  return getPlaybookVersion(deps, p, key, version);
}
