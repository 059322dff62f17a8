import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { sql } from 'kysely';
import { connectDatabase, type DatabaseHandle } from '../src/adapters/db/connect.js';
import { prepareSchema } from '../src/adapters/db/prepare.js';
import { createVault, newKeySpec, parseKeyRing } from '../src/adapters/crypto/vault.js';
import { ZCandidateListQuery } from '../src/contracts/candidates.js';
import { ZPipelineQuery } from '../src/contracts/pipeline.js';
import { listPermissions } from '../src/core/access/permissions.js';
import type { Principal } from '../src/core/access/candidate-scope.js';
import { listCandidates } from '../src/services/candidates/candidates.js';
import { getPipeline } from '../src/services/candidates/pipeline.js';
import type { Deps } from '../src/services/deps.js';
import { seedDemo, type DemoOrg } from '../src/services/seed/seed-demo.js';
import type { BenchResult } from './measure.js';

const CANDIDATES = 10_000;
const RUNS = 15;

interface Fixture { handle: DatabaseHandle; deps: Deps; demo: DemoOrg; hr: Principal; manager: Principal }
let fixture: Promise<Fixture> | undefined;

/**
 * One embedded database (the default deployment) with the demo org plus 10 000 candidates
 * spread over statuses, start dates, departments and managers, each with an engine state,
 * five tasks (some overdue), a reply, and for one in ten a portal pulse. Inserted set-based.
 */
function loadFixture(): Promise<Fixture> {
  fixture ??= (async () => {
    const handle = await connectDatabase({ dataDir: 'memory://' });
    await prepareSchema(handle, { queue: false });
    const at = new Date('2026-11-26T02:30:00Z');
    const deps: Deps = { db: handle.db, clock: { now: () => at }, vault: createVault(parseKeyRing(newKeySpec('bench'))) };
    const demo = await seedDemo(deps, { slug: 'bench' });
    const pb = await handle.db.selectFrom('engine_states').select(['playbook_key', 'playbook_version']).where('org_id', '=', demo.orgId).executeTakeFirstOrThrow();
    const d = demo.departments;
    const s = demo.sites;
    const id = sql`md5('bench-' || g)::uuid`;
    const ids = { org: demo.orgId, hr: demo.users.hr.id, m1: demo.users.manager.id, m2: demo.users.manager2.id };
    const n = CANDIDATES;
    const now = at.toISOString();
    // Bulk load without per-row foreign-key triggers (the rows are consistent by construction);
    // the embedded database runs as its superuser, and the setting is back on before measuring.
    await sql`SET session_replication_role = replica`.execute(handle.db);
    await sql`INSERT INTO candidates (org_id, id, full_name, status, role_type, department_id, hr_owner_id, manager_id, created_at, updated_at)
      SELECT ${ids.org}::uuid, ${id}, 'Bench ' || g,
        (ARRAY['offer_sent','offer_accepted','preboarding','preboarding','preboarding','delayed','started','declined'])[1 + g % 8],
        'tech', (ARRAY[${d.engineering}, ${d.sales}, ${d.operations}]::uuid[])[1 + g % 3], ${ids.hr}::uuid,
        (ARRAY[${ids.m1}, ${ids.m2}]::uuid[])[1 + g % 2], ${now}::timestamptz, ${now}::timestamptz
      FROM generate_series(1, ${n}::int) g`.execute(handle.db);
    await sql`INSERT INTO offers (org_id, candidate_id, version, position_title, site_id, start_date, role_type, salary_monthly, status, sent_at, accepted_at, created_at)
      SELECT ${ids.org}::uuid, ${id}, 1, 'Engineer ' || (g % 40), (ARRAY[${s.shanghai}, ${s.beijing}, ${s.singapore}]::uuid[])[1 + g % 3],
        (DATE '2026-11-26' + (g % 70 - 10)), 'tech', '30000.00', 'accepted',
        ${now}::timestamptz - interval '30 days', ${now}::timestamptz - ((g % 25) || ' days')::interval, ${now}::timestamptz
      FROM generate_series(1, ${n}::int) g`.execute(handle.db);
    await sql`INSERT INTO engine_states (org_id, candidate_id, playbook_key, playbook_version, state, next_wake_at)
      SELECT ${ids.org}::uuid, ${id}, ${pb.playbook_key}, ${pb.playbook_version},
        jsonb_build_object(
          'lastReplyAt', CASE WHEN g % 4 = 0 THEN NULL ELSE to_char(${now}::timestamptz - ((g % 9) || ' days')::interval, 'YYYY-MM-DD"T"HH24:MI:SS"Z"') END,
          'sentMessages', jsonb_build_array(
            to_char(${now}::timestamptz - interval '8 days', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'),
            to_char(${now}::timestamptz - interval '4 days', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'),
            to_char(${now}::timestamptz - interval '1 day', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')),
          'openDelay', CASE WHEN g % 8 = 5 THEN jsonb_build_object('reason', CASE WHEN g % 16 = 5 THEN 'counteroffer' ELSE 'handover' END) ELSE NULL END),
        NULL
      FROM generate_series(1, ${n}::int) g`.execute(handle.db);
    await sql`INSERT INTO tasks (org_id, candidate_id, key, step_id, stage, kind, action, owner_roles, due_at, status)
      SELECT ${ids.org}::uuid, ${id}, 'bench.step#' || k, 'bench.step', 'prep', 'task', 'task', ARRAY['hr'],
        ${now}::timestamptz + ((k * 3 - 6 + g % 5) || ' days')::interval, CASE WHEN k = 1 THEN 'done' ELSE 'open' END
      FROM generate_series(1, ${n}::int) g, generate_series(1, 5) k`.execute(handle.db);
    await sql`INSERT INTO touches (org_id, id, candidate_id, occurred_at, kind, channel, direction, author_kind, summary, step_id)
      SELECT ${ids.org}::uuid, md5('touch-' || g)::uuid, ${id}, ${now}::timestamptz - ((g % 12) || ' days')::interval,
        'note', 'portal', 'inbound', 'candidate',
        CASE WHEN g % 10 = 0 THEN '加入意愿 Pulse ' || (1 + g % 5) || '/5' ELSE 'Question' END,
        CASE WHEN g % 10 = 0 THEN 'portal.pulse' ELSE NULL END
      FROM generate_series(1, ${n}::int) g`.execute(handle.db);
    await sql`SET session_replication_role = DEFAULT`.execute(handle.db);
    await sql`ANALYZE`.execute(handle.db);
    const principal = (userId: string, role: 'hr' | 'manager'): Principal => ({ kind: 'user', orgId: demo.orgId, userId, role, departmentIds: [], permissions: listPermissions(role) });
    return { handle, deps, demo, hr: principal(ids.hr, 'hr'), manager: principal(ids.m1, 'manager') };
  })();
  return fixture;
}

/** Median milliseconds of `fn` over RUNS runs after two warm-ups. */
async function medianMs(fn: () => Promise<unknown>): Promise<number> {
  await fn();
  await fn();
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    await fn();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

/** The yardstick: a plain page of 50 candidate rows from the same table in the same run. */
async function baselineMs(f: Fixture): Promise<number> {
  return medianMs(() => f.handle.db.selectFrom('candidates').selectAll().where('org_id', '=', f.demo.orgId).limit(50).execute());
}

const result = (name: string, ms: number, base: number, goalMs: number): BenchResult => ({
  name, value: ms, unit: 'ms (median)', baseline: { name: 'plain SELECT … LIMIT 50 on candidates', value: base },
  ratio: ms / base, goal: `≤ ${goalMs} ms at ${CANDIDATES.toLocaleString('en-US')} candidates`, pass: ms <= goalMs,
});

/** The whole board for HR: columns, totals, 20 cards each with risk and overdue markers. */
export async function benchPipelineBoard(): Promise<BenchResult> {
  const f = await loadFixture();
  const base = await baselineMs(f);
  const ms = await medianMs(() => getPipeline(f.deps, f.hr, ZPipelineQuery.parse({}), {}));
  return result('pipeline board, HR, no filter (PGlite)', ms, base, 300);
}

/** The board filtered by risk: every visible candidate's signals are read and scored. */
export async function benchPipelineRisk(): Promise<BenchResult> {
  const f = await loadFixture();
  const base = await baselineMs(f);
  const ms = await medianMs(() => getPipeline(f.deps, f.hr, ZPipelineQuery.parse({ risk: 'high' }), {}));
  return result('pipeline board, risk=high over the whole board (PGlite)', ms, base, 1000);
}

/** The candidate list with filters and a manager's scope, sorted by start date, 50 a page. */
export async function benchCandidateList(): Promise<BenchResult> {
  const f = await loadFixture();
  const base = await baselineMs(f);
  const query = ZCandidateListQuery.parse({ departmentId: f.demo.departments.engineering, startFrom: '2026-12-01', startTo: '2026-12-31', limit: '50' });
  const hrMs = await medianMs(() => listCandidates(f.deps, f.hr, query, {}));
  await f.handle.close();
  fixture = undefined;
  return result('candidate list, department + start month, 50 a page (PGlite)', hrMs, base, 300);
}

/** Gzipped JS the console's index.html loads up front (needs `vite build` first). */
export function benchConsoleInitialJs(webDir = 'dist/web'): BenchResult {
  const index = path.join(webDir, 'index.html');
  if (!existsSync(index)) throw new Error(`${index} is missing: run \`npx vite build\` first`);
  const html = readFileSync(index, 'utf8');
  const files = [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+\.js)"/g)].map((m) => m[1]!);
  const kb = files.reduce((sum, file) => sum + gzipSync(readFileSync(path.join(webDir, file))).length, 0) / 1024;
  return { name: `console initial JS (${files.length} files, gzipped)`, value: kb, unit: 'KB', ratio: kb / 400, goal: '≤ 400 KB', pass: kb <= 400 };
}
