import { sql, type ExpressionBuilder, type Kysely, type SelectQueryBuilder } from 'kysely';
import type { CandidateScope } from '../../../core/access/candidate-scope.js';
import type { Database } from '../schema.js';

type Eb = ExpressionBuilder<Database & { c: Database['candidates'] }, 'c'>;

/** Restricts candidate rows (aliased `c`) to what a principal may see (the rule itself is core/access). */
export function whereInScope(scope: CandidateScope) {
  return (eb: Eb) => {
    switch (scope.kind) {
      case 'all': return eb.val(true);
      case 'none': return eb.val(false);
      case 'managed_by': return eb('c.manager_id', '=', scope.userId);
      case 'departments':
        return scope.departmentIds.length ? eb('c.department_id', 'in', scope.departmentIds) : eb.val(false);
    }
  };
}

/**
 * The candidate joined with its current offer, department, site and assigned people. The
 * current offer is an anti-join (no newer version): at 10 000 candidates a page sorted by
 * start date walks the start-date index and stops after the page, where a max(version)
 * subquery per row had to read every candidate first (bench/console.bench.ts).
 */
function selectCandidateRows(db: Kysely<Database>) {
  return db.selectFrom('candidates as c')
    .innerJoin('offers as o', (j) => j.onRef('o.org_id', '=', 'c.org_id').onRef('o.candidate_id', '=', 'c.id')
      .on(sql<boolean>`NOT EXISTS (SELECT 1 FROM offers o2 WHERE o2.org_id = o.org_id AND o2.candidate_id = o.candidate_id AND o2.version > o.version)`))
    .innerJoin('departments as d', (j) => j.onRef('d.org_id', '=', 'c.org_id').onRef('d.id', '=', 'c.department_id'))
    .innerJoin('sites as s', (j) => j.onRef('s.org_id', '=', 'o.org_id').onRef('s.id', '=', 'o.site_id'))
    .leftJoin('users as hr', (j) => j.onRef('hr.org_id', '=', 'c.org_id').onRef('hr.id', '=', 'c.hr_owner_id'))
    .leftJoin('users as mg', (j) => j.onRef('mg.org_id', '=', 'c.org_id').onRef('mg.id', '=', 'c.manager_id'))
    .leftJoin('users as bp', (j) => j.onRef('bp.org_id', '=', 'c.org_id').onRef('bp.id', '=', 'c.hrbp_id'))
    .leftJoin('users as ad', (j) => j.onRef('ad.org_id', '=', 'c.org_id').onRef('ad.id', '=', 'c.admin_contact_id'))
    .select([
      'c.id', 'c.org_id', 'c.external_ref', 'c.full_name', 'c.email', 'c.phone', 'c.language', 'c.status', 'c.role_type',
      'c.department_id', 'c.relocation', 'c.background_check', 'c.channels', 'c.notes', 'c.created_at', 'c.updated_at',
      'c.hr_owner_id', 'c.manager_id', 'c.hrbp_id', 'c.admin_contact_id',
      'd.name as department_name', 's.id as site_id', 's.name as site_name', 's.timezone as site_timezone',
      'o.version as offer_version', 'o.position_title', 'o.start_date', 'o.salary_monthly', 'o.salary_months', 'o.currency',
      'hr.name as hr_name', 'hr.phone as hr_phone', 'mg.name as mg_name', 'mg.phone as mg_phone',
      'bp.name as bp_name', 'bp.phone as bp_phone', 'ad.name as ad_name', 'ad.phone as ad_phone',
    ]);
}

export type CandidateRow = Awaited<ReturnType<ReturnType<typeof selectCandidateRows>['executeTakeFirstOrThrow']>>;

/** One candidate, if the scope allows it; undefined otherwise (callers answer 404 either way). */
export async function findCandidate(db: Kysely<Database>, orgId: string, id: string, scope: CandidateScope) {
  return selectCandidateRows(db).where('c.org_id', '=', orgId).where('c.id', '=', id)
    .where('c.anonymised_at', 'is', null).where(whereInScope(scope)).executeTakeFirst();
}

/** Several candidates of one organisation at once (the dispatcher reads a batch's records together); those the scope hides or that are gone are left out. */
export async function findCandidates(db: Kysely<Database>, orgId: string, ids: readonly string[], scope: CandidateScope): Promise<CandidateRow[]> {
  if (ids.length === 0) return [];
  return selectCandidateRows(db).where('c.org_id', '=', orgId).where('c.id', 'in', [...ids])
    .where('c.anonymised_at', 'is', null).where(whereInScope(scope)).execute();
}

export interface CandidateFilter {
  q?: string;
  status?: string;
  departmentId?: string;
  siteId?: string;
  hrOwnerId?: string;
  managerId?: string;
  startFrom?: string;
  startTo?: string;
  sort: 'startDate' | '-startDate' | 'name' | '-createdAt';
  limit: number;
  offset: number;
}

function applyFilter<Q extends SelectQueryBuilder<any, any, any>>(q: Q, f: CandidateFilter): Q {
  let r = q as SelectQueryBuilder<any, any, any>;
  if (f.q) {
    const like = `%${f.q.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
    r = r.where((eb) => eb.or([eb('c.full_name', 'ilike', like), eb('c.email', 'ilike', like), eb('o.position_title', 'ilike', like)]));
  }
  if (f.status) r = r.where('c.status', '=', f.status);
  if (f.departmentId) r = r.where('c.department_id', '=', f.departmentId);
  if (f.siteId) r = r.where('o.site_id', '=', f.siteId);
  if (f.hrOwnerId) r = r.where('c.hr_owner_id', '=', f.hrOwnerId);
  if (f.managerId) r = r.where('c.manager_id', '=', f.managerId);
  if (f.startFrom) r = r.where('o.start_date', '>=', f.startFrom);
  if (f.startTo) r = r.where('o.start_date', '<=', f.startTo);
  return r as Q;
}

/** A page of visible candidates and the total that match. */
export async function listCandidates(db: Kysely<Database>, orgId: string, scope: CandidateScope, f: CandidateFilter) {
  const base = applyFilter(
    selectCandidateRows(db).where('c.org_id', '=', orgId).where('c.anonymised_at', 'is', null).where(whereInScope(scope)),
    f,
  );
  const order = {
    startDate: ['o.start_date', 'asc'], '-startDate': ['o.start_date', 'desc'],
    name: ['c.full_name', 'asc'], '-createdAt': ['c.created_at', 'desc'],
  } as const;
  const [col, dir] = order[f.sort];
  const items = await base.orderBy(col, dir).orderBy('c.id').limit(f.limit).offset(f.offset).execute();
  // Every candidate has an offer (version 1 is written with the candidate and offers are never
  // deleted) and a department and site (foreign keys): unless a filter reads the offer, the
  // total counts candidates alone, which at 10 000 rows is several times cheaper than the joins.
  const readsOffer = Boolean(f.q || f.siteId || f.startFrom || f.startTo);
  const counted = readsOffer
    ? base.clearSelect()
    : applyFilter(db.selectFrom('candidates as c').where('c.org_id', '=', orgId).where('c.anonymised_at', 'is', null).where(whereInScope(scope)), f);
  const total = await counted.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return { items, total: Number(total.n) };
}
