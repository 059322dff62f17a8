import { MANAGER_STEP_IDS, type TMyHire, type TMyHires, type TMyHiresQuery } from '../../contracts/team-views.js';
import type { TCandidateStatus } from '../../contracts/common.js';
import { resolveCandidateScope, type Principal } from '../../core/access/candidate-scope.js';
import { findStep } from '../../core/playbooks/default-playbook.js';
import { buildHireSteps, type StepDefaults } from '../../core/views/hire-steps.js';
import { appendAudit } from '../../adapters/db/repos/audit-repo.js';
import { loadBoardFacts } from '../../adapters/db/repos/pipeline-repo.js';
import { listIncomingHireIds, listTaskFacts } from '../../adapters/db/repos/team-views-repo.js';
import { describeActor, requirePermission } from '../actor.js';
// The same advisory risk as the pipeline board, from the same signals (DESIGN §5).
import { assessRisk } from '../candidates/pipeline.js';
import type { Deps, RequestContext } from '../deps.js';
import { loadEngineConfig } from '../engine/engine-config.js';
import { forbidden } from '../errors.js';

/**
 * The hiring manager's home: their incoming hires (the scope is theirs alone, on the
 * server), soonest start first, each with the countdown, the advisory risk with its reasons,
 * and the intro call, pre-onboarding meeting and day-one check with their state. No pay,
 * no contact details: the candidate page has what the role may see.
 */
export async function listMyHires(deps: Deps, p: Principal, query: TMyHiresQuery, ctx: RequestContext): Promise<TMyHires> {
  requirePermission(p, 'hires.read');
  if (p.kind !== 'user') throw forbidden('this view belongs to a signed-in hiring manager');
  const now = deps.clock.now();
  const scope = resolveCandidateScope(p);
  const { ids, total } = await listIncomingHireIds(deps.db, p.orgId, scope, now, query);
  const [facts, tasks, config] = await Promise.all([
    loadBoardFacts(deps.db, p.orgId, scope, {}, now, ids),
    listTaskFacts(deps.db, p.orgId, ids, { stepIds: MANAGER_STEP_IDS, ownerRole: p.role }),
    loadEngineConfig(deps.db, p.orgId),
  ]);
  const defaults: Partial<Record<string, StepDefaults>> = {};
  for (const stepId of MANAGER_STEP_IDS) {
    const step = findStep(config.playbook, stepId);
    if (step) defaults[stepId] = { stage: step.stage, action: step.action, ownerRoles: [...step.owners] };
  }
  const factsById = new Map(facts.map((r) => [r.id, r]));
  const items = ids.flatMap((id): TMyHire[] => {
    const r = factsById.get(id);
    if (!r) return [];
    const risk = assessRisk(r);
    const { steps, otherTasks } = buildHireSteps(tasks.filter((t) => t.candidateId === id), p.role, now.getTime(), defaults);
    return [{
      id: r.id, fullName: r.full_name, positionTitle: r.position_title, status: r.status as TCandidateStatus,
      department: { id: r.department_id, name: r.department_name }, site: { id: r.site_id, name: r.site_name },
      startDate: r.start_date, daysToStart: r.days_to_start,
      hrOwner: r.hr_owner_id && r.hr_name !== null ? { id: r.hr_owner_id, name: r.hr_name } : null,
      risk: { level: risk.level, score: risk.score, reasons: risk.reasons }, steps, otherTasks,
    }];
  });
  await appendAudit(deps.db, {
    orgId: p.orgId, ...describeActor(p), action: 'list', entity: 'my_hires',
    detail: { shown: items.length, total, page: { ...query } }, ip: ctx.ip, at: now,
  });
  return { items, total, generatedAt: now.toISOString() };
}
