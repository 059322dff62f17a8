/** Shared setup of the browser tests: a seeded app on a real port and Debian's Chromium. */
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { AxeBuilder } from '@axe-core/playwright';
import type { FastifyInstance } from 'fastify';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { expect } from 'vitest';
import { buildApp } from '../../src/http/app.js';
import { testVault } from '../app.js';
import { systemClock } from '../../src/services/deps.js';
import { seedDemo, type DemoOrg } from '../../src/services/seed/seed-demo.js';
import { createTestDatabase, type TestDatabase } from '../db.js';

/** The built web; PREBOARD_WEB_DIR points at another build (e.g. one made with `vite build --outDir`). */
export const WEB_DIR = process.env.PREBOARD_WEB_DIR ?? 'dist/web';
export const SCREENSHOTS = 'test-results/screenshots';

export interface Harness {
  app: FastifyInstance;
  db: TestDatabase;
  demo: DemoOrg;
  browser: Browser;
  baseUrl: string;
  close(): Promise<void>;
}

/** Starts a freshly seeded app serving the built web, and launches Chromium. */
export async function startHarness(): Promise<Harness> {
  if (!existsSync(path.join(WEB_DIR, 'index.html'))) throw new Error(`${WEB_DIR} is missing: run \`vite build\` first (npm run test:browser does)`);
  mkdirSync(SCREENSHOTS, { recursive: true });
  const db = await createTestDatabase();
  const deps = { db: db.db, clock: systemClock, vault: testVault };
  const demo = await seedDemo(deps, { slug: `web${Math.random().toString(36).slice(2, 8)}` });
  const app = await buildApp(deps, { webDir: WEB_DIR, loginRateLimit: 1000 });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  if (!address || typeof address === 'string') throw new Error('no port');
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
  });
  return {
    app, db, demo, browser, baseUrl: `http://127.0.0.1:${address.port}`,
    close: async () => { await browser.close(); await app.close(); await db.destroy(); },
  };
}

export interface TrackedPage { context: BrowserContext; page: Page; problems: string[] }

/**
 * A fresh browser context (own cookies and localStorage) that records page errors and
 * CSP violations, which must stay empty. `phone`: the candidate's view at 390×844 with touch.
 */
export async function openPage(h: Harness, locale: 'zh-CN' | 'en-US', options: { phone?: boolean } = {}): Promise<TrackedPage> {
  const device = options.phone
    ? { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2, acceptDownloads: true }
    : { viewport: { width: 1440, height: 900 } };
  const context = await h.browser.newContext({ baseURL: h.baseUrl, locale, timezoneId: 'Asia/Shanghai', ...device });
  context.setDefaultTimeout(15_000);
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (err) => problems.push(`pageerror: ${err.message}`));
  page.on('console', (msg) => {
    if (msg.type() === 'error' && /Content Security Policy|Refused to/i.test(msg.text())) problems.push(`csp: ${msg.text()}`);
  });
  return { context, page, problems };
}

/** The candidate portal on a phone (see openPage). */
export const openPhone = (h: Harness, locale: 'zh-CN' | 'en-US' = 'zh-CN') => openPage(h, locale, { phone: true });

/**
 * Signs in through the login form and waits for the candidate list. Hiring managers and
 * admin staff land on their own home page first (see role-journeys.test.ts); from there
 * this opens the candidate list, where the tests using it start.
 */
export async function signIn(page: Page, email: string, password: string, labels: { email: string; password: string; submit: string }): Promise<void> {
  await page.goto('/login');
  await page.getByLabel(labels.email, { exact: true }).fill(email);
  await page.getByLabel(labels.password, { exact: true }).fill(password);
  await page.getByRole('button', { name: labels.submit }).click();
  await page.waitForURL((url) => url.pathname !== '/login' && url.pathname !== '/');
  if (new URL(page.url()).pathname !== '/candidates') await page.goto('/candidates');
  await page.getByTestId('candidate-table').locator('tbody tr.ant-table-row').first().waitFor();
}

/** Serious and critical axe violations (WCAG 2.1 A/AA) on the current page. */
export async function findSeriousA11yViolations(page: Page): Promise<string[]> {
  await settle(page);
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
}

/**
 * Waits until the page is at rest: finite CSS animations and transitions done (a closing
 * dropdown or drawer is still in the accessibility tree while it animates out).
 */
export async function settle(page: Page): Promise<void> {
  await page.evaluate(async () => {
    // An animation started by the last input (a key that closes a popover) begins on a
    // coming frame: let two frames pass before collecting what runs.
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    const running = document.getAnimations().filter((a) => {
      const timing = a.effect?.getComputedTiming();
      return a.playState === 'running' && timing !== undefined && Number.isFinite(timing.endTime ?? Infinity);
    });
    await Promise.race([Promise.allSettled(running.map((a) => a.finished)), new Promise((r) => setTimeout(r, 2000))]);
  });
}

/**
 * Chooses an option of a Select inside the open dialog by its label, and waits until the
 * field shows it (the list lives outside the dialog). A click that lands while the list is
 * still opening can miss under load: then it opens the list again, up to three times.
 */
export async function pickDialogOption(page: Page, label: string, option: string): Promise<void> {
  const dialog = page.getByRole('dialog');
  for (let attempt = 1; ; attempt++) {
    await dialog.getByLabel(label, { exact: true }).click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: option }).first().click();
    try {
      await expect.poll(() => dialog.innerText(), { timeout: 3_000 }).toContain(option);
      return;
    } catch (err) {
      if (attempt === 3) throw err;
      await page.keyboard.press('Escape').catch(() => undefined);
    }
  }
}

export const screenshot = (page: Page, name: string) => page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true });

/** Gzipped bytes of the JS the console's index.html loads up front (entry + modulepreloads). */
export function measureInitialJs(webDir = WEB_DIR): { files: string[]; gzipBytes: number } {
  const html = readFileSync(path.join(webDir, 'index.html'), 'utf8');
  const files = [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+\.js)"/g)].map((m) => m[1]!);
  const gzipBytes = files.reduce((sum, f) => sum + gzipSync(readFileSync(path.join(webDir, f))).length, 0);
  return { files, gzipBytes };
}

/** Visible names in the candidate table, in order. */
export async function readCandidateNames(page: Page): Promise<string[]> {
  return page.getByTestId('candidate-table').locator('tbody tr.ant-table-row td:first-child').allInnerTexts();
}
