import type { TCandidateStatus } from '../../contracts/common.js';
import { PIPELINE_COLUMNS, type TPipeline, type TPipelineCard, type TPipelineQuery } from '../../contracts/pipeline.js';
import { hasPermission, resolveCandidateScope, type Principal } from '../../core/access/candidate-scope.js';
import { assignPipelineStage, type PipelineStage } from '../../core/pipeline/assign-stage.js';
import { scoreRisk, type RiskAssessment } from '../../core/risk/score-risk.js';
import { appendAudit } from '../../adapters/db/repos/audit-repo.js';
import { listBoardRows, loadBoardFacts, type BoardFactsRow, type BoardFilter, type BoardRow } from '../../adapters/db/repos/pipeline-repo.js';
import { describeActor, requirePermission } from '../actor.js';
import type { Deps, RequestContext } from '../deps.js';
import { invalid } from '../errors.js';

const DAY = 86_400_000;

/** Monday to Sunday of the week containing a local date. */
export function resolveStartWeek(date: string): { startFrom: string; startTo: string } {
  const d = new Date(`${date}T00:00:00Z`);
  const monday = new Date(d.getTime() - ((d.getUTCDay() + 6) % 7) * DAY);
  return { startFrom: monday.toISOString().slice(0, 10), startTo: new Date(monday.getTime() + 6 * DAY).toISOString().slice(0, 10) };
}

/** The risk of one candidate from the signals the board read (advisory; DESIGN §5). */
export function assessRisk(r: BoardFactsRow): RiskAssessment {
  return scoreRisk({
    daysToStart: r.days_to_start,
    unansweredMessages: r.unanswered,
    daysSinceLastReply: r.days_since_reply,
    latestPulse: r.latest_pulse,
    delayRequested: r.delay_open,
    counterOffer: r.counter_offer,
    salaryRequestOpen: r.salary_open,
    overdueTasks: r.overdue,
    logisticsConfirmed: r.logistics_confirmed,
    checklistStarted: r.checklist_started,
    noticeDays: r.notice_days,
  });
}

const compareText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Soonest start first, then by name (code-point order: a stable tie-break that costs
 * nothing at 10 000 rows); the "started" column shows the most recent arrivals first.
 */
function compareCards(stage: PipelineStage) {
  const dir = stage === 'started' ? -1 : 1;
  return (a: BoardRow, b: BoardRow) =>
    dir * compareText(a.start_date, b.start_date) || compareText(a.full_name, b.full_name) || compareText(a.id, b.id);
}

function presentCard(r: BoardFactsRow, risk: RiskAssessment | undefined): TPipelineCard {
  return {
    id: r.id, fullName: r.full_name, positionTitle: r.position_title, status: r.status as TCandidateStatus,
    department: { id: r.department_id, name: r.department_name }, site: { id: r.site_id, name: r.site_name },
    startDate: r.start_date, daysToStart: r.days_to_start,
    hrOwner: r.hr_owner_id && r.hr_name !== null ? { id: r.hr_owner_id, name: r.hr_name } : null,
    manager: r.manager_id && r.mg_name !== null ? { id: r.manager_id, name: r.mg_name } : null,
    overdueTasks: r.overdue,
    ...(risk ? { risk: { level: risk.level, score: risk.score, reasons: risk.reasons } } : {}),
  };
}

/**
 * The pipeline board: the candidates the principal may see, in stage columns with
 * totals, a page of cards per column, overdue markers and the advisory risk with its
 * reasons. Cards carry no contact details and no pay. Risk is shown to roles that follow
 * the candidate's timeline (admin staff handle logistics only and do not get it).
 */
export async function getPipeline(deps: Deps, p: Principal, query: TPipelineQuery, ctx: RequestContext): Promise<TPipeline> {
  requirePermission(p, 'candidate.read');
  const riskVisible = hasPermission(p, 'timeline.read');
  if (query.risk && !riskVisible) throw invalid('risk', 'risk is not shown to your role');
  if (query.offset > 0 && !query.stage) throw invalid('offset', 'offset pages one column: give stage too');
  const now = deps.clock.now();
  const scope = resolveCandidateScope(p);
  const filter: BoardFilter = {
    q: query.q || undefined, departmentId: query.departmentId, siteId: query.siteId, hrOwnerId: query.hrOwnerId,
    managerId: query.managerId, ...(query.startWeek ? resolveStartWeek(query.startWeek) : {}),
  };
  const stages = query.stage ? [query.stage] : [...PIPELINE_COLUMNS];
  const byStage = new Map<PipelineStage, BoardRow[]>(stages.map((s) => [s, []]));
  const facts = new Map<string, BoardFactsRow>();
  const risks = new Map<string, RiskAssessment>();

  if (query.risk) {
    // Filtering by risk needs every candidate's signals: one statement over the whole board.
    for (const r of await loadBoardFacts(deps.db, p.orgId, scope, filter, now, 'board')) {
      const risk = assessRisk(r);
      if (risk.level !== query.risk) continue;
      const stage = assignPipelineStage(r.status as TCandidateStatus, r.days_to_start);
      if (!stage || !byStage.has(stage)) continue;
      byStage.get(stage)!.push(r);
      facts.set(r.id, r);
      risks.set(r.id, risk);
    }
  } else {
    for (const r of await listBoardRows(deps.db, p.orgId, scope, filter, now)) {
      const stage = assignPipelineStage(r.status as TCandidateStatus, r.days_to_start);
      if (stage && byStage.has(stage)) byStage.get(stage)!.push(r);
    }
  }

  const pages = new Map<PipelineStage, BoardRow[]>();
  for (const [stage, rows] of byStage) {
    rows.sort(compareCards(stage));
    pages.set(stage, rows.slice(query.offset, query.offset + query.limit));
  }
  if (!query.risk) {
    // Only the cards shown need their facts and signals.
    const ids = [...pages.values()].flat().map((r) => r.id);
    for (const r of await loadBoardFacts(deps.db, p.orgId, scope, filter, now, ids)) {
      facts.set(r.id, r);
      risks.set(r.id, assessRisk(r));
    }
  }

  const columns = stages.map((stage) => ({
    stage,
    total: byStage.get(stage)!.length,
    items: pages.get(stage)!.flatMap((row) => {
      const r = facts.get(row.id);
      return r ? [presentCard(r, riskVisible ? risks.get(row.id) : undefined)] : [];
    }),
  }));
  await appendAudit(deps.db, {
    orgId: p.orgId, ...describeActor(p), action: 'list', entity: 'pipeline',
    detail: { filter: { ...query }, totals: Object.fromEntries(columns.map((c) => [c.stage, c.total])), shown: columns.reduce((n, c) => n + c.items.length, 0) },
    ip: ctx.ip, at: now,
  });
  return { columns, riskVisible, generatedAt: now.toISOString() };
}
