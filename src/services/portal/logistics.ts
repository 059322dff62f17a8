import { randomUUID } from 'node:crypto';
import type { Principal } from '../../core/access/candidate-scope.js';
import type { TLogisticsConfirm, TLogisticsConfirmation, TPortalLogistics, TStaffLogistics } from '../../contracts/portal-extras.js';
import { appendAudit } from '../../adapters/db/repos/audit-repo.js';
import type { Database } from '../../adapters/db/schema.js';
import type { Kysely, Selectable } from 'kysely';
import type { LogisticsConfirmationsTable } from '../../adapters/db/schema.js';
import { describeActor, requirePermission } from '../actor.js';
import { loadVisibleCandidate } from '../candidates/candidates.js';
import type { Deps, RequestContext } from '../deps.js';
import { loadPortalCandidate, type PortalPrincipal } from './portal-principal.js';
import { requireOpenProcess } from './portal-guards.js';
import { raisePortalEvent } from './raise-portal-event.js';

export const LOGISTICS_STEP = 'portal.logistics';

const MODE_LABEL: Record<string, string> = {
  metro_bus: '地铁/公交 metro or bus', car: '自驾（需停车）car, needs parking', taxi: '打车 taxi', walk_bike: '步行/骑行 walk or bike', other: '其他 other',
};

function present(r: Selectable<LogisticsConfirmationsTable>): TLogisticsConfirmation {
  return {
    mode: r.mode as TLogisticsConfirmation['mode'], arrivalTime: r.arrival_time, note: r.note, needsParking: r.mode === 'car',
    confirmedAt: r.confirmed_at.toISOString(), startDate: r.start_date,
  };
}

async function findConfirmation(db: Kysely<Database>, orgId: string, candidateId: string) {
  return db.selectFrom('logistics_confirmations').selectAll().where('org_id', '=', orgId).where('candidate_id', '=', candidateId).executeTakeFirst();
}

/** Where and when to arrive (the site's facts, the one record) and the candidate's confirmation. */
export async function getPortalLogistics(deps: Deps, who: PortalPrincipal): Promise<TPortalLogistics> {
  const c = await loadPortalCandidate(deps, who);
  const [site, row] = await Promise.all([
    deps.db.selectFrom('sites').select(['name', 'address', 'arrival_time', 'reception_info', 'parking', 'transport', 'map_url', 'timezone'])
      .where('org_id', '=', who.orgId).where('id', '=', c.site_id).executeTakeFirstOrThrow(),
    findConfirmation(deps.db, who.orgId, who.candidateId),
  ]);
  // Reception on the day: the HR owner meets new hires at the entrance (DESIGN §3 day1.reception).
  const reception = c.hr_name ? { name: c.hr_name, phone: c.hr_phone ?? '' } : c.mg_name ? { name: c.mg_name, phone: c.mg_phone ?? '' } : null;
  return {
    startDate: c.start_date,
    site: {
      name: site.name, address: site.address, arrivalTime: site.arrival_time, receptionInfo: site.reception_info, parking: site.parking,
      transport: site.transport, mapUrl: site.map_url, timezone: site.timezone,
    },
    reception,
    confirmation: row ? present(row) : null,
  };
}

/**
 * The candidate confirms how and when they will come. The latest confirmation is kept
 * (one row), the timeline gets a touch, the engine hears `logistics_confirmed`. The same
 * answer sent twice (a double click) records once.
 */
export async function confirmLogistics(deps: Deps, who: PortalPrincipal, input: TLogisticsConfirm, ctx: RequestContext): Promise<TLogisticsConfirmation> {
  const c = await loadPortalCandidate(deps, who);
  requireOpenProcess(c);
  const before = await findConfirmation(deps.db, who.orgId, who.candidateId);
  if (before && before.mode === input.mode && before.arrival_time === input.arrivalTime && before.note === input.note && before.start_date === c.start_date) {
    return present(before);
  }
  const now = deps.clock.now();
  const row = { mode: input.mode, arrival_time: input.arrivalTime, note: input.note, start_date: c.start_date, confirmed_at: now, confirmed_ip: ctx.ip ?? null };
  // Keyed by the confirmation it replaces: two clicks of one form record one event.
  const key = `portal:logistics:${who.candidateId}:${before?.confirmed_at.getTime() ?? 0}:${c.start_date}:${input.mode}:${input.arrivalTime}`;
  const recorded = await deps.db.transaction().execute(async (trx) => {
    if (!(await raisePortalEvent(trx, deps, who, { type: 'logistics_confirmed', at: now.toISOString() }, key))) return false;
    await trx.insertInto('logistics_confirmations').values({ org_id: who.orgId, candidate_id: who.candidateId, ...row })
      .onConflict((oc) => oc.columns(['org_id', 'candidate_id']).doUpdateSet(row)).execute();
    const summary = `到达方式 Arrival: ${MODE_LABEL[input.mode]} · ${c.start_date} ${input.arrivalTime}`;
    await trx.insertInto('touches').values({
      org_id: who.orgId, id: randomUUID(), candidate_id: who.candidateId, occurred_at: now, kind: 'note', channel: 'portal',
      direction: 'inbound', author_kind: 'candidate', author_user_id: null, summary, content: input.note, candidate_feedback: input.note,
      step_id: LOGISTICS_STEP, created_at: now,
    }).execute();
    await appendAudit(trx, {
      orgId: who.orgId, actorKind: 'candidate', actorId: who.candidateId, action: before ? 'update' : 'create', entity: 'logistics',
      entityId: who.candidateId, candidateId: who.candidateId, detail: { mode: input.mode, arrivalTime: input.arrivalTime }, ip: ctx.ip, at: now,
    });
    return true;
  });
  if (!recorded) {
    const current = await findConfirmation(deps.db, who.orgId, who.candidateId);
    if (current) return present(current);
  }
  return present({ org_id: who.orgId, candidate_id: who.candidateId, ...row });
}

/** HR, HRBP, the manager and admin staff (who prepare parking and badges) read the confirmation. */
export async function getStaffLogistics(deps: Deps, p: Principal, candidateId: string, ctx: RequestContext): Promise<TStaffLogistics> {
  requirePermission(p, 'logistics.read');
  const c = await loadVisibleCandidate(deps, p, candidateId);
  const [site, row] = await Promise.all([
    deps.db.selectFrom('sites').select('arrival_time').where('org_id', '=', p.orgId).where('id', '=', c.site_id).executeTakeFirstOrThrow(),
    findConfirmation(deps.db, p.orgId, candidateId),
  ]);
  await appendAudit(deps.db, { orgId: p.orgId, ...describeActor(p), action: 'read', entity: 'logistics', entityId: candidateId, candidateId, ip: ctx.ip, at: deps.clock.now() });
  return {
    candidateId, startDate: c.start_date, siteName: c.site_name, expectedArrival: site.arrival_time,
    confirmation: row ? present(row) : null, outdated: Boolean(row && row.start_date !== c.start_date),
  };
}
