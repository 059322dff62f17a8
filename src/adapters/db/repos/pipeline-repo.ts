import { sql, type Kysely } from 'kysely';
import type { CandidateScope } from '../../../core/access/candidate-scope.js';
import type { Database } from '../schema.js';
import { whereInScope } from './candidate-repo.js';

/** What narrows the board (already validated; the start week as an inclusive date range). */
export interface BoardFilter {
  q?: string;
  departmentId?: string;
  siteId?: string;
  hrOwnerId?: string;
  managerId?: string;
  startFrom?: string;
  startTo?: string;
}

const EXIT_STATUSES = ['declined', 'reneged', 'withdrawn'];
/** How long onboarded hires stay on the board (the core's STARTED_VISIBLE_DAYS). */
const ONBOARDED_VISIBLE_DAYS = 30;

/**
 * The candidates on the board: visible to the scope, not anonymised, not exited, matching
 * the filters; with their current offer (`o`) and site (`s`). One set-based query.
 */
function selectBoard(db: Kysely<Database>, orgId: string, scope: CandidateScope, f: BoardFilter, now: Date) {
  const today = sql<string>`(${now.toISOString()}::timestamptz AT TIME ZONE s.timezone)::date`;
  let q = db.selectFrom('candidates as c')
    // The current offer as an anti-join (no newer version): one hash join over the table
    // instead of a max(version) lookup per row.
    .innerJoin('offers as o', (j) => j.onRef('o.org_id', '=', 'c.org_id').onRef('o.candidate_id', '=', 'c.id')
      .on(sql<boolean>`NOT EXISTS (SELECT 1 FROM offers o2 WHERE o2.org_id = o.org_id AND o2.candidate_id = o.candidate_id AND o2.version > o.version)`))
    .innerJoin('sites as s', (j) => j.onRef('s.org_id', '=', 'o.org_id').onRef('s.id', '=', 'o.site_id'))
    .where('c.org_id', '=', orgId)
    .where('c.anonymised_at', 'is', null)
    .where(whereInScope(scope))
    .where('c.status', 'not in', EXIT_STATUSES)
    .where((eb) => eb.or([eb('c.status', '<>', 'onboarded'), eb(sql`o.start_date`, '>=', sql`${today} - ${ONBOARDED_VISIBLE_DAYS}::int`)]));
  if (f.q) {
    const like = `%${f.q.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
    q = q.where((eb) => eb.or([eb('c.full_name', 'ilike', like), eb('o.position_title', 'ilike', like)]));
  }
  if (f.departmentId) q = q.where('c.department_id', '=', f.departmentId);
  if (f.siteId) q = q.where('o.site_id', '=', f.siteId);
  if (f.hrOwnerId) q = q.where('c.hr_owner_id', '=', f.hrOwnerId);
  if (f.managerId) q = q.where('c.manager_id', '=', f.managerId);
  if (f.startFrom) q = q.where('o.start_date', '>=', f.startFrom);
  if (f.startTo) q = q.where('o.start_date', '<=', f.startTo);
  return { q, today };
}

export interface BoardRow {
  id: string;
  status: string;
  full_name: string;
  start_date: string;
  days_to_start: number;
}

/** Every candidate on the board, narrow (id, status, start): the service sorts them into columns. */
export async function listBoardRows(db: Kysely<Database>, orgId: string, scope: CandidateScope, f: BoardFilter, now: Date): Promise<BoardRow[]> {
  const { q, today } = selectBoard(db, orgId, scope, f, now);
  return q.select(['c.id', 'c.status', 'c.full_name', 'o.start_date', sql<number>`(o.start_date - ${today})`.as('days_to_start')]).execute();
}

/** A card's facts and the risk signals behind it, read for many candidates at once. */
export interface BoardFactsRow extends BoardRow {
  position_title: string;
  department_id: string;
  department_name: string;
  site_id: string;
  site_name: string;
  hr_owner_id: string | null;
  hr_name: string | null;
  manager_id: string | null;
  mg_name: string | null;
  /** Days between the first acceptance and the start date (at the site); null before acceptance. */
  notice_days: number | null;
  /**
   * Days since the candidate last replied — an inbound touch, or a call, meeting or visit
   * that recorded their feedback — or since the first acceptance when they never did.
   */
  days_since_reply: number | null;
  unanswered: number;
  latest_pulse: number | null;
  delay_open: boolean;
  counter_offer: boolean;
  salary_open: boolean;
  overdue: number;
  logistics_confirmed: boolean;
  checklist_started: boolean;
}

/** Which touches count as the candidate replying: anything inbound, or a call, meeting or visit that recorded their feedback. */
const REPLIED = sql`(direction = 'inbound' OR (kind IN ('call', 'meeting', 'visit') AND candidate_feedback <> ''))`;

/**
 * The signal sources for a page of cards: per-candidate index lookups (LATERAL), cheapest
 * for a few dozen candidates.
 */
function signalsByLookup(at: string) {
  return sql`
    LEFT JOIN LATERAL (SELECT min(accepted_at) AS first_accepted_at FROM offers WHERE org_id = c.org_id AND candidate_id = c.id) acc ON true
    LEFT JOIN LATERAL (
      SELECT max(occurred_at) AS at FROM touches
      WHERE org_id = c.org_id AND candidate_id = c.id AND occurred_at <= ${at}::timestamptz AND ${REPLIED}
    ) replied ON true
    LEFT JOIN LATERAL (
      SELECT substring(summary FROM 'Pulse ([1-5])/5')::int AS score FROM touches
      WHERE org_id = c.org_id AND candidate_id = c.id AND step_id = 'portal.pulse' AND occurred_at <= ${at}::timestamptz
      ORDER BY occurred_at DESC LIMIT 1
    ) pulse ON true
    LEFT JOIN LATERAL (
      SELECT count(*) AS n FROM tasks WHERE org_id = c.org_id AND candidate_id = c.id AND status = 'open' AND due_at < ${at}::timestamptz
    ) overdue ON true
    LEFT JOIN LATERAL (SELECT candidate_id FROM salary_requests WHERE org_id = c.org_id AND candidate_id = c.id AND status = 'open' LIMIT 1) salary ON true
    LEFT JOIN LATERAL (
      SELECT candidate_id FROM checklist_items WHERE org_id = c.org_id AND candidate_id = c.id AND status IN ('submitted', 'approved') LIMIT 1
    ) checklist ON true`;
}

/**
 * The same sources for the whole board: one aggregate per table over the target
 * candidates, joined by hash (thousands of index lookups would cost more).
 */
function signalsByAggregate(orgId: string, at: string) {
  const inTarget = sql`candidate_id IN (SELECT id FROM target)`;
  return {
    ctes: sql`,
    acc AS (SELECT candidate_id, min(accepted_at) AS first_accepted_at FROM offers WHERE org_id = ${orgId} AND ${inTarget} GROUP BY candidate_id),
    replied AS (
      SELECT candidate_id, max(occurred_at) AS at FROM touches
      WHERE org_id = ${orgId} AND ${inTarget} AND occurred_at <= ${at}::timestamptz AND ${REPLIED} GROUP BY candidate_id
    ),
    pulse AS (
      SELECT DISTINCT ON (candidate_id) candidate_id, substring(summary FROM 'Pulse ([1-5])/5')::int AS score FROM touches
      WHERE org_id = ${orgId} AND ${inTarget} AND step_id = 'portal.pulse' AND occurred_at <= ${at}::timestamptz
      ORDER BY candidate_id, occurred_at DESC
    ),
    overdue AS (
      SELECT candidate_id, count(*) AS n FROM tasks
      WHERE org_id = ${orgId} AND ${inTarget} AND status = 'open' AND due_at < ${at}::timestamptz GROUP BY candidate_id
    ),
    salary AS (SELECT DISTINCT candidate_id FROM salary_requests WHERE org_id = ${orgId} AND ${inTarget} AND status = 'open'),
    checklist AS (
      SELECT DISTINCT candidate_id FROM checklist_items WHERE org_id = ${orgId} AND ${inTarget} AND status IN ('submitted', 'approved')
    )`,
    joins: sql`
    LEFT JOIN acc ON acc.candidate_id = c.id
    LEFT JOIN replied ON replied.candidate_id = c.id
    LEFT JOIN pulse ON pulse.candidate_id = c.id
    LEFT JOIN overdue ON overdue.candidate_id = c.id
    LEFT JOIN salary ON salary.candidate_id = c.id
    LEFT JOIN checklist ON checklist.candidate_id = c.id`,
  };
}

/**
 * Card facts and risk signals for the given candidates (a page of cards), or for the
 * whole board when `ids` is 'board' (filtering by risk). One statement either way.
 */
export async function loadBoardFacts(
  db: Kysely<Database>, orgId: string, scope: CandidateScope, f: BoardFilter, now: Date, ids: string[] | 'board',
): Promise<BoardFactsRow[]> {
  if (ids !== 'board' && ids.length === 0) return [];
  const at = now.toISOString();
  // A page names its candidates (the planner then sees a few dozen rows and uses the indexes);
  // the whole board is the board query itself, materialised once for every aggregate.
  const board = ids === 'board';
  const signals = board ? signalsByAggregate(orgId, at) : { ctes: sql``, joins: signalsByLookup(at) };
  const head = board ? sql`WITH target AS MATERIALIZED (${selectBoard(db, orgId, scope, f, now).q.select('c.id')})${signals.ctes}` : sql``;
  const target = board ? sql`SELECT id FROM target` : sql`VALUES ${sql.join(ids.map((id) => sql`(${id}::uuid)`))}`;
  // The current offer: an anti-join (one hash join) over the board, a max(version) lookup per card for a page.
  const currentOffer = board
    ? sql`NOT EXISTS (SELECT 1 FROM offers o2 WHERE o2.org_id = o.org_id AND o2.candidate_id = o.candidate_id AND o2.version > o.version)`
    : sql`o.version = (SELECT max(o2.version) FROM offers o2 WHERE o2.org_id = c.org_id AND o2.candidate_id = c.id)`;
  const result = await sql<BoardFactsRow>`
    ${head}
    SELECT c.id, c.status, c.full_name, o.start_date, o.position_title,
      (o.start_date - (${at}::timestamptz AT TIME ZONE s.timezone)::date) AS days_to_start,
      c.department_id, d.name AS department_name, s.id AS site_id, s.name AS site_name,
      c.hr_owner_id, hr.name AS hr_name, c.manager_id, mg.name AS mg_name,
      (o.start_date - (acc.first_accepted_at AT TIME ZONE s.timezone)::date) AS notice_days,
      floor(extract(epoch FROM (${at}::timestamptz - COALESCE(reply.last_reply_at, acc.first_accepted_at))) / 86400)::int AS days_since_reply,
      COALESCE(sent.n, 0)::int AS unanswered,
      pulse.score AS latest_pulse,
      (c.status = 'delayed' OR jsonb_typeof(es.state->'openDelay') = 'object') AS delay_open,
      COALESCE(es.state->'openDelay'->>'reason' = 'counteroffer', false) AS counter_offer,
      (salary.candidate_id IS NOT NULL) AS salary_open,
      COALESCE(overdue.n, 0)::int AS overdue,
      (lc.candidate_id IS NOT NULL) AS logistics_confirmed,
      (checklist.candidate_id IS NOT NULL) AS checklist_started
    FROM candidates c
    JOIN offers o ON o.org_id = c.org_id AND o.candidate_id = c.id AND ${currentOffer}
    JOIN sites s ON s.org_id = o.org_id AND s.id = o.site_id
    JOIN departments d ON d.org_id = c.org_id AND d.id = c.department_id
    LEFT JOIN users hr ON hr.org_id = c.org_id AND hr.id = c.hr_owner_id
    LEFT JOIN users mg ON mg.org_id = c.org_id AND mg.id = c.manager_id
    LEFT JOIN engine_states es ON es.org_id = c.org_id AND es.candidate_id = c.id
    LEFT JOIN logistics_confirmations lc ON lc.org_id = c.org_id AND lc.candidate_id = c.id AND lc.start_date = o.start_date
    ${signals.joins}
    -- The engine's own record of replies and of the messages it sent (per-row work, no lookups).
    LEFT JOIN LATERAL (SELECT GREATEST((es.state->>'lastReplyAt')::timestamptz, replied.at) AS last_reply_at) reply ON true
    LEFT JOIN LATERAL (
      SELECT count(*) AS n FROM jsonb_array_elements_text(COALESCE(es.state->'sentMessages', '[]'::jsonb)) m(sent_at)
      WHERE m.sent_at::timestamptz <= ${at}::timestamptz AND (reply.last_reply_at IS NULL OR m.sent_at::timestamptz > reply.last_reply_at)
    ) sent ON true
    WHERE c.org_id = ${orgId} AND c.id IN (${target})`.execute(db);
  return result.rows;
}
