import { existsSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser } from 'playwright-core';
import { connectDatabase } from '../src/adapters/db/connect.js';
import { prepareSchema } from '../src/adapters/db/prepare.js';
import { createVault, newKeySpec, parseKeyRing } from '../src/adapters/crypto/vault.js';
import { listPermissions } from '../src/core/access/permissions.js';
import { buildApp } from '../src/http/app.js';
import { systemClock, type Deps } from '../src/services/deps.js';
import { issuePortalLink } from '../src/services/portal/portal-links.js';
import { seedDemo } from '../src/services/seed/seed-demo.js';
import type { BenchResult } from './measure.js';

const WEB_DIR = 'dist/web';
const RUNS = 5;
const JS_BUDGET_KB = 100;
const FCP_GOAL_MS = 1500;

/**
 * Chrome DevTools' "Slow 4G" preset (the one Lighthouse's mobile run also uses): 150 ms
 * RTT × 3.75 request latency, 1.6 Mbps × 0.9 down, 750 kbps × 0.9 up, in bytes per second;
 * with DevTools' 4× CPU slowdown for a mid-range phone.
 */
export const SLOW_4G = { offline: false, latency: 150 * 3.75, downloadThroughput: (1.6 * 1000 * 1000) / 8 * 0.9, uploadThroughput: (750 * 1000) / 8 * 0.9 };
export const CPU_SLOWDOWN = 4;

/** Every script portal.html loads: the entry, its modulepreloads and the chunks they import. */
export function listPortalScripts(webDir = WEB_DIR): string[] {
  const html = path.join(webDir, 'portal.html');
  if (!existsSync(html)) throw new Error(`${html} is missing: run \`npx vite build\` first`);
  const files = [...readFileSync(html, 'utf8').matchAll(/(?:src|href)="\/(assets\/[^"]+\.js)"/g)].map((m) => m[1]!);
  const seen = new Set(files);
  for (const f of files) {
    for (const m of readFileSync(path.join(webDir, f), 'utf8').matchAll(/from\s*"\.\/([^"]+\.js)"|import\s*"\.\/([^"]+\.js)"/g)) {
      const dep = `assets/${m[1] ?? m[2]}`;
      if (!seen.has(dep)) { seen.add(dep); files.push(dep); }
    }
  }
  return files;
}

/** The portal's JavaScript, gzipped, against its 100 KB budget. */
export function benchPortalJs(webDir = WEB_DIR): BenchResult {
  const files = listPortalScripts(webDir);
  const kb = files.reduce((sum, f) => sum + gzipSync(readFileSync(path.join(webDir, f))).length, 0) / 1024;
  return { name: `portal JS (${files.length} files, gzipped)`, value: kb, unit: 'KB', ratio: kb / JS_BUDGET_KB, goal: `≤ ${JS_BUDGET_KB} KB`, pass: kb <= JS_BUDGET_KB };
}

/** A static page with one line of text and nothing else to load: what the network and CPU alone cost. */
const BASELINE_HTML = '<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>baseline</title></head><body><p>Baseline</p></body></html>';

async function startBaselineServer(): Promise<{ server: Server; url: string }> {
  const server = createServer((_req, res) => { res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }); res.end(BASELINE_HTML); });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/` };
}

interface Timing { fcp: number; ready: number }

/**
 * One cold load in a fresh phone-sized context under Slow 4G and 4× CPU: first
 * contentful paint from the paint timeline, and when `readySelector` (the welcome heading)
 * appeared, both in ms from navigation start.
 */
async function loadOnce(browser: Browser, url: string, readySelector: string): Promise<Timing> {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2, locale: 'zh-CN' });
  try {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    await cdp.send('Network.emulateNetworkConditions', SLOW_4G);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
    await page.goto(url, { waitUntil: 'load', timeout: 60_000 });
    await page.locator(readySelector).first().waitFor({ timeout: 60_000 }).catch(async (err) => {
      throw new Error(`${url}: ${readySelector} never appeared; the page shows: ${(await page.locator('body').innerText()).slice(0, 300)}`, { cause: err });
    });
    const ready = await page.evaluate(() => performance.now());
    const fcp = await page.evaluate(() => new Promise<number>((resolve) => {
      new PerformanceObserver((list) => {
        const entry = list.getEntries().find((e) => e.name === 'first-contentful-paint');
        if (entry) resolve(entry.startTime);
      }).observe({ type: 'paint', buffered: true });
    }));
    return { fcp, ready };
  } finally {
    await context.close();
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/**
 * The portal opened from a magic link against the local server (embedded database,
 * seeded demo, built web) under Slow 4G and 4× CPU, against a one-line static page under
 * the same throttling, loaded alternately in the same run: median first contentful paint
 * of each (goal ≤ 1.5 s) and, for the portal, when the candidate's welcome appeared.
 */
export async function benchPortalPaint(webDir = WEB_DIR): Promise<BenchResult[]> {
  listPortalScripts(webDir);
  const handle = await connectDatabase({ dataDir: 'memory://' });
  const baseline = await startBaselineServer();
  let browser: Browser | undefined;
  const app = await (async () => {
    await prepareSchema(handle, { queue: false });
    const deps: Deps = { db: handle.db, clock: systemClock, vault: createVault(parseKeyRing(newKeySpec('bench'))) };
    const demo = await seedDemo(deps, { slug: 'bench-portal' });
    const built = await buildApp(deps, { webDir, loginRateLimit: 1000 });
    await built.listen({ port: 0, host: '127.0.0.1' });
    return { built, deps, demo };
  })();
  try {
    browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
    });
    const port = (app.built.server.address() as AddressInfo).port;
    const hr = { kind: 'user' as const, orgId: app.demo.orgId, userId: app.demo.users.hr.id, role: 'hr' as const, departmentIds: [], permissions: listPermissions('hr') };
    const portal: Timing[] = [];
    const base: Timing[] = [];
    // One warm-up of each (Chromium's own first start), then alternate so drift hits both alike.
    for (let i = 0; i <= RUNS; i++) {
      // A fresh link per load: each cold context reads the credential from the fragment.
      const link = await issuePortalLink({ ...app.deps, dispatch: { publicUrl: `http://127.0.0.1:${port}` } }, hr, app.demo.candidateIds[0]!, {});
      const p = await loadOnce(browser, link.url, '[data-testid="countdown"]');
      const b = await loadOnce(browser, baseline.url, 'p');
      if (i > 0) { portal.push(p); base.push(b); }
    }
    const fcp = median(portal.map((t) => t.fcp));
    const baseFcp = median(base.map((t) => t.fcp));
    const ready = median(portal.map((t) => t.ready));
    const baselineEntry = { name: 'static one-line page FCP, same throttling', value: baseFcp };
    return [
      { name: 'portal first contentful paint (Slow 4G, 4× CPU)', value: fcp, unit: 'ms', baseline: baselineEntry, ratio: fcp / baseFcp, goal: `≤ ${FCP_GOAL_MS} ms`, pass: fcp <= FCP_GOAL_MS },
      { name: 'portal welcome shown (Slow 4G, 4× CPU)', value: ready, unit: 'ms', baseline: baselineEntry, ratio: ready / baseFcp },
    ];
  } finally {
    await browser?.close();
    await app.built.close();
    await new Promise((resolve) => baseline.server.close(resolve));
    await handle.close();
  }
}
