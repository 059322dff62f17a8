/**
 * The staff console at 10 000 candidates (bench/fixtures/ten-thousand.ts): the candidate
 * list API (first page and a filtered page), the manager's home and the logistics board,
 * each through the HTTP app (validation, scope, count, audit, serialisation) against a
 * hand-written SQL page of the same rows in the same run; and the console's initial
 * JavaScript from the Vite build manifest. The pipeline board is in pipeline.bench.ts.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { sql } from 'kysely';
import type { BenchResult } from './measure.js';
import { CANDIDATES, loadTenThousand, medianMs, type TenThousand } from './fixtures/ten-thousand.js';

/** One GET through the whole HTTP app; anything but 200 stops the bench. */
async function getOk(f: TenThousand, cookie: string, url: string): Promise<void> {
  const res = await f.app.inject({ method: 'GET', url, headers: { cookie } });
  if (res.statusCode !== 200) throw new Error(`${url}: ${res.statusCode} ${res.body.slice(0, 200)}`);
}

/**
 * The yardstick: the same 50 candidates written by hand — current offer, department and
 * site joined, sorted by start date — with `where` narrowing it like the API's filters. The
 * API does more (a total count, people's names, the audit entry, validation and JSON), so
 * its ratio says what that costs.
 */
function rawPageMs(f: TenThousand, where = sql``): Promise<number> {
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
  const f = await loadTenThousand();
  const base = await rawPageMs(f);
  const ms = await medianMs(() => getOk(f, f.cookies.hr, '/api/v1/candidates?limit=50'));
  return result('candidate list API, first page of 50 (PGlite)', ms, base, 300);
}

/** GET /candidates filtered by department, status and a start month, 50 a page. */
export async function benchListFiltered(): Promise<BenchResult> {
  const f = await loadTenThousand();
  const dept = f.demo.departments.engineering;
  const base = await rawPageMs(f, sql`AND c.department_id = ${dept} AND c.status = 'preboarding' AND o.start_date BETWEEN '2026-12-01' AND '2026-12-31'`);
  const ms = await medianMs(() => getOk(f, f.cookies.hr, `/api/v1/candidates?departmentId=${dept}&status=preboarding&startFrom=2026-12-01&startTo=2026-12-31&limit=50`));
  return result('candidate list API, department + status + start month (PGlite)', ms, base, 300);
}

/** GET /me/hires for a manager with 5 000 hires: a page of 50 with risk and steps. */
export async function benchMyHires(): Promise<BenchResult> {
  const f = await loadTenThousand();
  const base = await rawPageMs(f, sql`AND c.manager_id = ${f.demo.users.manager.id}`);
  const ms = await medianMs(() => getOk(f, f.cookies.manager, '/api/v1/me/hires?limit=50'));
  return result('manager home API, 50 of 5 000 hires with risk and steps (PGlite)', ms, base, 300);
}

/** GET /logistics-board for admin staff: four weeks of start dates, 50 a page, with items and arrival. */
export async function benchLogisticsBoard(): Promise<BenchResult> {
  const f = await loadTenThousand();
  const base = await rawPageMs(f, sql`AND o.start_date BETWEEN '2026-11-26' AND '2026-12-23'`);
  const ms = await medianMs(() => getOk(f, f.cookies.admin, '/api/v1/logistics-board?limit=50'));
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
