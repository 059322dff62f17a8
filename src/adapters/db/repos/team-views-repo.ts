import { sql, type Kysely } from 'kysely';
import type { CandidateScope } from '../../../core/access/candidate-scope.js';
import type { TaskFacts } from '../../../core/views/task-facts.js';
import type { Database } from '../schema.js';
import { whereInScope } from './candidate-repo.js';

/** Hires who started this many days ago still show on the manager's home (the first weeks' check-ins). */
const STARTED_VISIBLE_DAYS = 14;
/** Candidates admin staff prepare for: the offer is accepted and nobody has left. */
const PREPARING_STATUSES = ['offer_accepted', 'preboarding', 'delayed', 'started', 'onboarded'];
const CLOSED_STATUSES = ['declined', 'reneged', 'withdrawn', 'onboarded'];

/**
 * Candidates (`c`) visible to the scope and not anonymised, with their current offer (`o`,
 * an anti-join: no newer version) and its site (`s`).
 */
function selectCurrent(db: Kysely<Database>, orgId: string, scope: CandidateScope) {
  return db.selectFrom('candidates as c')
    .innerJoin('offers as o', (j) => j.onRef('o.org_id', '=', 'c.org_id').onRef('o.candidate_id', '=', 'c.id')
      .on(sql<boolean>`NOT EXISTS (SELECT 1 FROM offers o2 WHERE o2.org_id = o.org_id AND o2.candidate_id = o.candidate_id AND o2.version > o.version)`))
    .innerJoin('sites as s', (j) => j.onRef('s.org_id', '=', 'o.org_id').onRef('s.id', '=', 'o.site_id'))
    .where('c.org_id', '=', orgId)
    .where('c.anonymised_at', 'is', null)
    .where(whereInScope(scope));
}

/** The site's today, as a date, for `now`. */
const siteToday = (now: Date) => sql<string>`(${now.toISOString()}::timestamptz AT TIME ZONE s.timezone)::date`;

/**
 * A page of incoming hires in the scope, soonest start first: not yet started (whatever
 * their date) or started in the last two weeks; exits and onboarded hires are left out.
 */
export async function listIncomingHireIds(
  db: Kysely<Database>, orgId: string, scope: CandidateScope, now: Date, page: { limit: number; offset: number },
): Promise<{ ids: string[]; total: number }> {
  const base = selectCurrent(db, orgId, scope)
    .where('c.status', 'not in', CLOSED_STATUSES)
    .where((eb) => eb.or([eb('c.status', '<>', 'started'), eb(sql`o.start_date`, '>=', sql`${siteToday(now)} - ${STARTED_VISIBLE_DAYS}::int`)]));
  const [rows, count] = await Promise.all([
    base.select('c.id').orderBy('o.start_date').orderBy('c.full_name').orderBy('c.id').limit(page.limit).offset(page.offset).execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { ids: rows.map((r) => r.id), total: Number(count.n) };
}

/**
 * The tasks of the given candidates that match: one of `stepIds`, or owned by `ownerRole`.
 * One statement for a page of candidates.
 */
export async function listTaskFacts(
  db: Kysely<Database>, orgId: string, candidateIds: string[], match: { stepIds?: readonly string[]; ownerRole?: string },
): Promise<Array<TaskFacts & { candidateId: string }>> {
  if (candidateIds.length === 0) return [];
  const rows = await db.selectFrom('tasks as t')
    .select(['t.candidate_id', 't.key', 't.step_id', 't.stage', 't.action', 't.owner_roles', 't.channel', 't.status', 't.due_at', 't.completed_at', 't.outcome'])
    .where('t.org_id', '=', orgId)
    .where('t.candidate_id', 'in', candidateIds)
    .where((eb) => {
      const any = [];
      if (match.stepIds?.length) any.push(eb('t.step_id', 'in', [...match.stepIds]));
      if (match.ownerRole) any.push(sql<boolean>`${match.ownerRole} = ANY(t.owner_roles)`);
      return any.length ? eb.or(any) : eb.val(false);
    })
    .execute();
  return rows.map((r) => ({
    candidateId: r.candidate_id, key: r.key, stepId: r.step_id, stage: r.stage, action: r.action, ownerRoles: r.owner_roles,
    channel: r.channel, status: r.status, dueAt: r.due_at.toISOString(), completedAt: r.completed_at?.toISOString() ?? null, outcome: r.outcome,
  }));
}

/** What the logistics board narrows by (validated; dates inclusive). */
export interface LogisticsFilter {
  from: string;
  to: string;
  siteId?: string;
  limit: number;
  offset: number;
}

/**
 * A page of the candidates starting in the range, by start date then name: the facts admin
 * staff need (position, site, arrival time, their confirmation) and nothing about pay,
 * contact details or documents.
 */
export async function listLogisticsRows(db: Kysely<Database>, orgId: string, scope: CandidateScope, f: LogisticsFilter, now: Date) {
  let base = selectCurrent(db, orgId, scope)
    .where('c.status', 'in', PREPARING_STATUSES)
    .where('o.start_date', '>=', f.from)
    .where('o.start_date', '<=', f.to);
  if (f.siteId) base = base.where('o.site_id', '=', f.siteId);
  const [rows, count] = await Promise.all([
    base
      .innerJoin('departments as d', (j) => j.onRef('d.org_id', '=', 'c.org_id').onRef('d.id', '=', 'c.department_id'))
      .leftJoin('users as ad', (j) => j.onRef('ad.org_id', '=', 'c.org_id').onRef('ad.id', '=', 'c.admin_contact_id'))
      .leftJoin('logistics_confirmations as lc', (j) => j.onRef('lc.org_id', '=', 'c.org_id').onRef('lc.candidate_id', '=', 'c.id'))
      .select([
        'c.id', 'c.full_name', 'c.status', 'c.department_id', 'd.name as department_name', 'o.position_title', 'o.start_date',
        's.id as site_id', 's.name as site_name', 's.arrival_time as site_arrival_time', 'c.admin_contact_id', 'ad.name as admin_name',
        'lc.mode as lc_mode', 'lc.arrival_time as lc_arrival_time', 'lc.note as lc_note', 'lc.confirmed_at as lc_confirmed_at', 'lc.start_date as lc_start_date',
        sql<number>`(o.start_date - ${siteToday(now)})`.as('days_to_start'),
      ])
      .orderBy('o.start_date').orderBy('c.full_name').orderBy('c.id').limit(f.limit).offset(f.offset).execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

export type LogisticsRow = Awaited<ReturnType<typeof listLogisticsRows>>['rows'][number];

/** The organisation's time zone (its default "today"). */
export async function findOrgTimezone(db: Kysely<Database>, orgId: string): Promise<string> {
  const row = await db.selectFrom('orgs').select('timezone').where('org_id', '=', orgId).executeTakeFirstOrThrow();
  return row.timezone;
}
