/**
 * The staff console at 10 000 candidates: the candidate list API (first page and a filtered
 * page), the manager's home and the logistics board, each through the HTTP app (validation,
 * scope, count, audit, serialisation) against a hand-written SQL page of the same rows in
 * the same run; and the console's initial JavaScript from the Vite build manifest.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { connectDatabase, type DatabaseHandle } from '../src/adapters/db/connect.js';
import { prepareSchema } from '../src/adapters/db/prepare.js';
import { createVault, newKeySpec, parseKeyRing } from '../src/adapters/crypto/vault.js';
import { buildApp } from '../src/http/app.js';
import type { Deps } from '../src/services/deps.js';
import { seedDemo, type DemoOrg } from '../src/services/seed/seed-demo.js';
import type { BenchResult } from './measure.js';

const CANDIDATES = 10_000;
const RUNS = 15;
const AT = new Date('2026-11-26T02:30:00Z');

interface Fixture { handle: DatabaseHandle; app: FastifyInstance; demo: DemoOrg; cookies: Record<'hr' | 'manager' | 'admin', string> }
let fixture: Promise<Fixture> | undefined;

/**
 * The demo org plus 10 000 candidates over statuses, start dates, departments, sites and
 * the two managers, each with a current offer and the plan's manager, HR and admin tasks;
 * one in three confirmed their arrival. Inserted set-based.
 */
function loadFixture(): Promise<Fixture> {
  fixture ??= (async () => {
    const handle = await connectDatabase({ dataDir: 'memory://' });
    await prepareSchema(handle, { queue: false });
    const deps: Deps = { db: handle.db, clock: { now: () => AT }, vault: createVault(parseKeyRing(newKeySpec('bench'))) };
    const demo = await seedDemo(deps, { slug: 'console-bench' });
    const d = demo.departments;
    const s = demo.sites;
    const org = demo.orgId;
    // md5 shaped as a version-4 UUID: the API's schemas check the version and variant digits.
    const id = sql`overlay(overlay(md5('console-' || g) placing '4' from 13) placing '8' from 17)::uuid`;
    const now = AT.toISOString();
    const start = sql`(DATE '2026-11-26' + (g % 70 - 10))`;
    // Bulk load without per-row foreign-key triggers (consistent by construction); back on before measuring.
    await sql`SET session_replication_role = replica`.execute(handle.db);
    await sql`INSERT INTO candidates (org_id, id, full_name, email, status, role_type, department_id, hr_owner_id, manager_id, admin_contact_id, created_at, updated_at)
      SELECT ${org}::uuid, ${id}, 'Bench ' || g, 'bench' || g || '@example.com',
        (ARRAY['offer_sent','offer_accepted','preboarding','preboarding','preboarding','delayed','started','declined'])[1 + g % 8],
        'tech', (ARRAY[${d.engineering}, ${d.sales}, ${d.operations}]::uuid[])[1 + g % 3], ${demo.users.hr.id}::uuid,
        (ARRAY[${demo.users.manager.id}, ${demo.users.manager2.id}]::uuid[])[1 + g % 2], ${demo.users.admin.id}::uuid, ${now}::timestamptz, ${now}::timestamptz
      FROM generate_series(1, ${CANDIDATES}::int) g`.execute(handle.db);
    await sql`INSERT INTO offers (org_id, candidate_id, version, position_title, site_id, start_date, role_type, salary_monthly, status, sent_at, accepted_at, created_at)
      SELECT ${org}::uuid, ${id}, 1, 'Engineer ' || (g % 40), (ARRAY[${s.shanghai}, ${s.beijing}, ${s.singapore}]::uuid[])[1 + g % 3],
        ${start}, 'tech', '30000.00', 'accepted', ${now}::timestamptz - interval '30 days', ${now}::timestamptz - interval '20 days', ${now}::timestamptz
      FROM generate_series(1, ${CANDIDATES}::int) g`.execute(handle.db);
    await sql`INSERT INTO tasks (org_id, candidate_id, key, step_id, stage, kind, action, owner_roles, due_at, status)
      SELECT ${org}::uuid, ${id}, step.id || '#0', step.id, step.stage, 'task', step.action, step.owners,
        (${start})::timestamp AT TIME ZONE 'Asia/Shanghai' + step.offset_days * interval '1 day', CASE WHEN g % 3 = 0 THEN 'done' ELSE 'open' END
      FROM generate_series(1, ${CANDIDATES}::int) g, (VALUES
        ('offer.confirmation_call', 'offer_confirmation', 'call', ARRAY['hr'], -20),
        ('prep.manager_intro_call', 'prep', 'call', ARRAY['manager'], -7),
        ('final.preonboarding_meeting', 'final_days', 'meeting', ARRAY['hr'], -2),
        ('day1.workstation_prep', 'day_one', 'task', ARRAY['admin'], -1),
        ('day1.checkin', 'day_one', 'task', ARRAY['hr', 'manager'], 0)
      ) AS step(id, stage, action, owners, offset_days)`.execute(handle.db);
    await sql`INSERT INTO logistics_confirmations (org_id, candidate_id, mode, arrival_time, note, start_date, confirmed_at)
      SELECT ${org}::uuid, ${id}, 'metro_bus', '09:00', '', ${start}, ${now}::timestamptz FROM generate_series(1, ${CANDIDATES}::int) g WHERE g % 3 = 0`.execute(handle.db);
    await sql`SET session_replication_role = DEFAULT`.execute(handle.db);
    await sql`ANALYZE`.execute(handle.db);
    const app = await buildApp(deps, { loginRateLimit: 1000 });
    const login = async (email: string) => {
      const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password: demo.password } });
      if (res.statusCode !== 200) throw new Error(`bench login ${email}: ${res.statusCode} ${res.body}`);
      return String(res.headers['set-cookie']).split(';')[0]!;
    };
    const cookies = { hr: await login(demo.users.hr.email), manager: await login(demo.users.manager.email), admin: await login(demo.users.admin.email) };
    return { handle, app, demo, cookies };
  })();
  return fixture;
}

/** Median milliseconds of `fn` over RUNS runs after two warm-ups. */
async function medianMs(fn: () => Promise<unknown>): Promise<number> {
  await fn();
  await fn();
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    await fn();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

/** One GET through the whole HTTP app; anything but 200 stops the bench. */
async function getOk(f: Fixture, cookie: string, url: string): Promise<void> {
  const res = await f.app.inject({ method: 'GET', url, headers: { cookie } });
  if (res.statusCode !== 200) throw new Error(`${url}: ${res.statusCode} ${res.body.slice(0, 200)}`);
}

/**
 * The yardstick: the same 50 candidates written by hand — current offer, department and
 * site joined, sorted by start date — with `where` narrowing it like the API's filters. The
 * API does more (a total count, people's names, the audit entry, validation and JSON), so
 * its ratio says what that costs.
 */
function rawPageMs(f: Fixture, where = sql``): Promise<number> {
  return medianMs(() => sql`
    SELECT c.id, c.full_name, c.email, c.status, o.position_title, o.start_date, d.name AS department, s.name AS site
    FROM candidates c
    JOIN offers o ON o.org_id = c.org_id AND o.candidate_id = c.id
      AND NOT EXISTS (SELECT 1 FROM offers o2 WHERE o2.org_id = o.org_id AND o2.candidate_id = o.candidate_id AND o2.version > o.version)
    JOIN departments d ON d.org_id = c.org_id AND d.id = c.department_id
    JOIN sites s ON s.org_id = o.org_id AND s.id = o.site_id
    WHERE c.org_id = ${f.demo.orgId} AND c.anonymised_at IS NULL ${where}
    ORDER BY o.start_date, c.id LIMIT 50`.execute(f.handle.db));
}

const result = (name: string, ms: number, base: number, goalMs: number): BenchResult => ({
  name, value: ms, unit: 'ms (median)', baseline: { name: 'hand-written SQL page of 50', value: base },
  ratio: ms / base, goal: `≤ ${goalMs} ms at ${CANDIDATES.toLocaleString('en-US')} candidates`, pass: ms <= goalMs,
});

/** GET /candidates, first page of 50 by start date, as HR (every candidate in scope). */
export async function benchListFirstPage(): Promise<BenchResult> {
  const f = await loadFixture();
  const base = await rawPageMs(f);
  const ms = await medianMs(() => getOk(f, f.cookies.hr, '/api/v1/candidates?limit=50'));
  return result('candidate list API, first page of 50 (PGlite)', ms, base, 300);
}

/** GET /candidates filtered by department, status and a start month, 50 a page. */
export async function benchListFiltered(): Promise<BenchResult> {
  const f = await loadFixture();
  const dept = f.demo.departments.engineering;
  const base = await rawPageMs(f, sql`AND c.department_id = ${dept} AND c.status = 'preboarding' AND o.start_date BETWEEN '2026-12-01' AND '2026-12-31'`);
  const ms = await medianMs(() => getOk(f, f.cookies.hr, `/api/v1/candidates?departmentId=${dept}&status=preboarding&startFrom=2026-12-01&startTo=2026-12-31&limit=50`));
  return result('candidate list API, department + status + start month (PGlite)', ms, base, 300);
}

/** GET /me/hires for a manager with 5 000 hires: a page of 50 with risk and steps. */
export async function benchMyHires(): Promise<BenchResult> {
  const f = await loadFixture();
  const base = await rawPageMs(f, sql`AND c.manager_id = ${f.demo.users.manager.id}`);
  const ms = await medianMs(() => getOk(f, f.cookies.manager, '/api/v1/me/hires?limit=50'));
  return result('manager home API, 50 of 5 000 hires with risk and steps (PGlite)', ms, base, 300);
}

/** GET /logistics-board for admin staff: four weeks of start dates, 50 a page, with items and arrival. */
export async function benchLogisticsBoard(): Promise<BenchResult> {
  const f = await loadFixture();
  const base = await rawPageMs(f, sql`AND o.start_date BETWEEN '2026-11-26' AND '2026-12-23'`);
  const ms = await medianMs(() => getOk(f, f.cookies.admin, '/api/v1/logistics-board?limit=50'));
  await f.app.close();
  await f.handle.close();
  fixture = undefined;
  return result('logistics board API, four weeks, 50 a page (PGlite)', ms, base, 300);
}

interface ManifestChunk { file: string; isEntry?: boolean; imports?: string[] }

/**
 * The console's initial JavaScript, gzipped: its entry chunk and every chunk it imports
 * statically (transitively), read from a fresh Vite build manifest (built into a temporary
 * directory, so dist/web is left alone). Lazy pages are not counted.
 */
export async function benchConsoleManifestJs(): Promise<BenchResult> {
  const { build } = await import('vite');
  const outDir = mkdtempSync(path.join(tmpdir(), 'preboard-manifest-'));
  try {
    await build({ configFile: 'vite.config.ts', logLevel: 'warn', build: { outDir, emptyOutDir: true, manifest: true } });
    const manifest = JSON.parse(readFileSync(path.join(outDir, '.vite', 'manifest.json'), 'utf8')) as Record<string, ManifestChunk>;
    const files = new Set<string>();
    const visit = (key: string) => {
      const chunk = manifest[key];
      if (!chunk || files.has(chunk.file)) return;
      files.add(chunk.file);
      for (const next of chunk.imports ?? []) visit(next);
    };
    visit('index.html');
    if (files.size === 0) throw new Error('no console entry (index.html) in the Vite manifest');
    const kb = [...files].reduce((sum, file) => sum + gzipSync(readFileSync(path.join(outDir, file))).length, 0) / 1024;
    return { name: `console initial JS from the Vite manifest (${files.size} chunks, gzipped)`, value: kb, unit: 'KB', ratio: kb / 400, goal: '≤ 400 KB', pass: kb <= 400 };
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}
