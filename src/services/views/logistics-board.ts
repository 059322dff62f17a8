import type { TCandidateStatus } from '../../contracts/common.js';
import type { TLogisticsConfirmation } from '../../contracts/portal-extras.js';
import type { TLogisticsBoard, TLogisticsBoardQuery, TLogisticsBoardRow } from '../../contracts/team-views.js';
import { resolveCandidateScope, type Principal } from '../../core/access/candidate-scope.js';
import { addLocalDays, diffLocalDays, toLocalDate } from '../../core/time/local-time.js';
import { mapPrepItems } from '../../core/views/prep-items.js';
import { appendAudit } from '../../adapters/db/repos/audit-repo.js';
import { findOrgTimezone, listLogisticsRows, listTaskFacts, type LogisticsRow } from '../../adapters/db/repos/team-views-repo.js';
import { describeActor, requirePermission } from '../actor.js';
import type { Deps, RequestContext } from '../deps.js';
import { invalid } from '../errors.js';

/** The default window: four weeks of start dates from today. */
const DEFAULT_DAYS = 27;
/** The widest window one request may ask for. */
const MAX_DAYS = 366;

function presentConfirmation(r: LogisticsRow): TLogisticsConfirmation | null {
  if (r.lc_mode === null || r.lc_arrival_time === null || r.lc_confirmed_at === null || r.lc_start_date === null) return null;
  return {
    mode: r.lc_mode as TLogisticsConfirmation['mode'], arrivalTime: r.lc_arrival_time, note: r.lc_note ?? '', needsParking: r.lc_mode === 'car',
    confirmedAt: r.lc_confirmed_at.toISOString(), startDate: r.lc_start_date,
  };
}

/** The date range asked for, with the defaults filled in; a reversed or overlong range is a 400 naming `to`. */
export function resolveBoardRange(query: Pick<TLogisticsBoardQuery, 'from' | 'to'>, today: string): { from: string; to: string } {
  const from = query.from ?? (query.to ? addLocalDays(query.to, -DEFAULT_DAYS) : today);
  const to = query.to ?? addLocalDays(from, DEFAULT_DAYS);
  const span = diffLocalDays(from, to);
  if (span < 0) throw invalid('to', 'to must not be before from');
  if (span > MAX_DAYS) throw invalid('to', `at most ${MAX_DAYS} days between from and to`);
  return { from, to };
}

/**
 * The logistics board: candidates starting in the range (accepted offers, by start date),
 * each with the four preparation items (workstation, badge, computer, welcome kit) and
 * their state from the admin tasks, and the arrival the candidate confirmed. An item is
 * completed through the task it maps to (`POST /candidates/:id/tasks/:key/complete`).
 * Rows carry no pay, contact details or documents, whoever asks (admin staff: DESIGN §1).
 */
export async function getLogisticsBoard(deps: Deps, p: Principal, query: TLogisticsBoardQuery, ctx: RequestContext): Promise<TLogisticsBoard> {
  requirePermission(p, 'logistics.board');
  const now = deps.clock.now();
  const today = toLocalDate(now, await findOrgTimezone(deps.db, p.orgId));
  const { from, to } = resolveBoardRange(query, today);
  const scope = resolveCandidateScope(p);
  const { rows, total } = await listLogisticsRows(deps.db, p.orgId, scope, { from, to, siteId: query.site, limit: query.limit, offset: query.offset }, now);
  const tasks = await listTaskFacts(deps.db, p.orgId, rows.map((r) => r.id), { ownerRole: 'admin' });
  const items = rows.map((r): TLogisticsBoardRow => {
    const confirmation = presentConfirmation(r);
    return {
      candidateId: r.id, fullName: r.full_name, positionTitle: r.position_title, status: r.status as TCandidateStatus,
      department: { id: r.department_id, name: r.department_name }, site: { id: r.site_id, name: r.site_name },
      startDate: r.start_date, daysToStart: r.days_to_start,
      adminContact: r.admin_contact_id && r.admin_name !== null ? { id: r.admin_contact_id, name: r.admin_name } : null,
      arrival: { expectedTime: r.site_arrival_time, confirmation, outdated: confirmation !== null && confirmation.startDate !== r.start_date },
      items: mapPrepItems(tasks.filter((t) => t.candidateId === r.id), now.getTime()),
    };
  });
  await appendAudit(deps.db, {
    orgId: p.orgId, ...describeActor(p), action: 'list', entity: 'logistics_board',
    detail: { from, to, site: query.site ?? null, shown: items.length, total }, ip: ctx.ip, at: now,
  });
  return { from, to, items, total, generatedAt: now.toISOString() };
}
