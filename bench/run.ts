import { mkdirSync, writeFileSync } from 'node:fs';
import type { BenchResult } from './measure.js';
import { benchPlan } from './plan.bench.js';
import { benchDispatch } from './dispatch.bench.js';
import { benchPipelineBoard, benchPipelineRisk } from './pipeline.bench.js';
import { benchPortalJs, benchPortalPaint } from './portal.bench.js';
import { benchConsoleManifestJs, benchListFiltered, benchListFirstPage, benchLogisticsBoard, benchMyHires } from './console.bench.js';
import { closeTenThousand } from './fixtures/ten-thousand.js';

/**
 * `npm run bench`: each benchmark reports its figure and a ratio against a baseline
 * measured in the same run, so results compare across machines.
 */
async function main() {
  const only = process.argv[2];
  // A bench may report several figures measured together (the portal's paint and readiness).
  const benches: Array<[string, () => BenchResult | BenchResult[] | Promise<BenchResult | BenchResult[]>]> = [
    ['plan', benchPlan], ['dispatch', benchDispatch],
    // The list benchmarks share one seeded fixture of 10 000 candidates (bench/fixtures/ten-thousand.ts).
    ['pipeline', benchPipelineBoard], ['pipeline-risk', benchPipelineRisk],
    ['console-list', benchListFirstPage], ['console-list-filtered', benchListFiltered], ['my-hires', benchMyHires],
    ['logistics-board', benchLogisticsBoard],
    ['portal-js', benchPortalJs], ['portal-paint', benchPortalPaint], ['console-js', benchConsoleManifestJs],
  ];
  const results: BenchResult[] = [];
  for (const [key, run] of benches) {
    if (only && key !== only) continue;
    for (const r of [await run()].flat()) {
      results.push(r);
      const base = r.baseline ? `  baseline ${r.baseline.name}: ${fmt(r.baseline.value)}` : '';
      process.stdout.write(`${r.name}: ${fmt(r.value)} ${r.unit}  ratio ${r.ratio.toFixed(2)}${base}${r.goal ? `  goal ${r.goal} ${r.pass ? '✓' : '✗'}` : ''}\n`);
    }
  }
  await closeTenThousand();
  mkdirSync('bench/results', { recursive: true });
  writeFileSync('bench/results/latest.json', JSON.stringify({ at: new Date().toISOString(), node: process.version, results }, null, 2));
}

const fmt = (n: number) => (n >= 100 ? Math.round(n).toLocaleString('en-US') : n.toFixed(2));

await main();
