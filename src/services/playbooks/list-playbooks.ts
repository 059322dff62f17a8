/** Reading playbooks: every key with its versions, and one version's full definition. */
import {
  countCandidatesByPlaybookVersion, findPlaybookVersion, listPlaybookVersions, type PlaybookVersionRow,
} from '../../adapters/db/repos/playbook-repo.js';
import { ZPlaybook, type TPlaybook } from '../../contracts/playbook.js';
import type { TPlaybookList, TPlaybookVersion, TPlaybookVersionInfo } from '../../contracts/playbooks.js';
import type { Principal } from '../../core/access/candidate-scope.js';
import { compareSteps } from '../../core/playbooks/diff-playbooks.js';
import { listEngineStepIds } from '../../core/playbooks/validate-playbook.js';
import { DEFAULT_PLAYBOOK, findStep } from '../../core/playbooks/default-playbook.js';
import { requirePermission } from '../actor.js';
import type { Deps } from '../deps.js';
import { ACTIVE_PLAYBOOK_KEY, ensureDefaultPlaybook } from '../engine/engine-config.js';
import { notFound } from '../errors.js';
import { listTemplateRefs } from './check-draft.js';

function presentVersion(row: PlaybookVersionRow, playbook: TPlaybook, previous: TPlaybook | null, counts: ReadonlyMap<string, number>): TPlaybookVersionInfo {
  return {
    key: row.key, version: row.version, name: playbook.name, stepCount: playbook.steps.length,
    createdAt: row.createdAt.toISOString(), createdBy: row.createdBy,
    candidateCount: counts.get(`${row.key}@${row.version}`) ?? 0,
    changes: compareSteps(previous, playbook),
  };
}

/** Every playbook of the organisation with its versions, newest first; the seeded default is stored on first read. */
export async function listPlaybooks(deps: Deps, p: Principal): Promise<TPlaybookList> {
  requirePermission(p, 'playbook.read');
  await ensureDefaultPlaybook(deps.db, p.orgId);
  const [rows, counts] = await Promise.all([listPlaybookVersions(deps.db, p.orgId), countCandidatesByPlaybookVersion(deps.db, p.orgId)]);
  const byKey = new Map<string, PlaybookVersionRow[]>();
  for (const row of rows) byKey.set(row.key, [...(byKey.get(row.key) ?? []), row]);
  const items = [...byKey.entries()].map(([key, versions]) => {
    const parsed = versions.map((row) => ZPlaybook.parse(row.definition));
    return {
      key,
      active: key === ACTIVE_PLAYBOOK_KEY,
      latestVersion: versions[0]!.version,
      versions: versions.map((row, i) => presentVersion(row, parsed[i]!, parsed[i + 1] ?? null, counts)),
    };
  });
  items.sort((a, b) => Number(b.active) - Number(a.active) || a.key.localeCompare(b.key));
  const engineSteps = listEngineStepIds().map((id) => {
    const step = findStep(DEFAULT_PLAYBOOK, id)!;
    return { id, stage: step.stage, anchor: step.anchor };
  });
  return { items, catalog: { templates: listTemplateRefs(), engineSteps } };
}

/** One stored version with its definition (404 for another org's or an unknown one). */
export async function getPlaybookVersion(deps: Deps, p: Principal, key: string, version: number): Promise<TPlaybookVersion> {
  requirePermission(p, 'playbook.read');
  if (key === ACTIVE_PLAYBOOK_KEY) await ensureDefaultPlaybook(deps.db, p.orgId);
  const row = await findPlaybookVersion(deps.db, p.orgId, key, version);
  if (!row) throw notFound('playbook version');
  const previousRow = version > 1 ? await findPlaybookVersion(deps.db, p.orgId, key, version - 1) : undefined;
  const counts = await countCandidatesByPlaybookVersion(deps.db, p.orgId);
  const definition = ZPlaybook.parse(row.definition);
  const previous = previousRow ? ZPlaybook.parse(previousRow.definition) : null;
  return { ...presentVersion(row, definition, previous, counts), definition };
}
