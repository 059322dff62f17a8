/**
 * The pipeline board at 10 000 candidates (bench/fixtures/ten-thousand.ts), through the
 * service: the whole board for HR, and filtered by risk (every visible candidate scored),
 * against a plain page of 50 candidate rows in the same run. The candidate list and the
 * console's JavaScript are in console.bench.ts.
 */
import { ZPipelineQuery } from '../src/contracts/pipeline.js';
import { getPipeline } from '../src/services/candidates/pipeline.js';
import type { BenchResult } from './measure.js';
import { CANDIDATES, loadTenThousand, medianMs, type TenThousand } from './fixtures/ten-thousand.js';

/** The yardstick: a plain page of 50 candidate rows from the same table in the same run. */
function baselineMs(f: TenThousand): Promise<number> {
  return medianMs(() => f.handle.db.selectFrom('candidates').selectAll().where('org_id', '=', f.demo.orgId).limit(50).execute());
}

const result = (name: string, ms: number, base: number, goalMs: number): BenchResult => ({
  name, value: ms, unit: 'ms (median)', baseline: { name: 'plain SELECT … LIMIT 50 on candidates', value: base },
  ratio: ms / base, goal: `≤ ${goalMs} ms at ${CANDIDATES.toLocaleString('en-US')} candidates`, pass: ms <= goalMs,
});

/** The whole board for HR: columns, totals, 20 cards each with risk and overdue markers. */
export async function benchPipelineBoard(): Promise<BenchResult> {
  const f = await loadTenThousand();
  const base = await baselineMs(f);
  const ms = await medianMs(() => getPipeline(f.deps, f.principals.hr, ZPipelineQuery.parse({}), {}));
  return result('pipeline board, HR, no filter (PGlite)', ms, base, 300);
}

/** The board filtered by risk: every visible candidate's signals are read and scored. */
export async function benchPipelineRisk(): Promise<BenchResult> {
  const f = await loadTenThousand();
  const base = await baselineMs(f);
  const ms = await medianMs(() => getPipeline(f.deps, f.principals.hr, ZPipelineQuery.parse({ risk: 'high' }), {}));
  return result('pipeline board, risk=high over the whole board (PGlite)', ms, base, 1000);
}
