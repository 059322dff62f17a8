/**
 * The candidate portal in Chromium at a phone viewport (390×844), against the real server
 * and a seeded database: open the magic link → read the welcome → switch language → ask a
 * question → send a pulse; an expired link gets a polite page. Axe on every page.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findSeriousA11yViolations, screenshot, startHarness, WEB_DIR, openPhone, type Harness } from './harness.js';

let h: Harness;
beforeAll(async () => { h = await startHarness(); });
afterAll(async () => { await h?.close(); });

/** Gzipped bytes of every script portal.html loads (entry + modulepreloads). */
function measurePortalJs(): { files: string[]; gzipBytes: number } {
  const html = readFileSync(path.join(WEB_DIR, 'portal.html'), 'utf8');
  const files = [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+\.js)"/g)].map((m) => m[1]!);
  // The entry's static imports are chunks too: follow them so nothing escapes the budget.
  const seen = new Set(files);
  for (const f of [...seen]) {
    for (const m of readFileSync(path.join(WEB_DIR, f), 'utf8').matchAll(/from\s*"\.\/([^"]+\.js)"|import\s*"\.\/([^"]+\.js)"/g)) {
      const dep = `assets/${m[1] ?? m[2]}`;
      if (!seen.has(dep)) { seen.add(dep); files.push(dep); }
    }
  }
  const gzipBytes = files.reduce((sum, f) => sum + gzipSync(readFileSync(path.join(WEB_DIR, f))).length, 0);
  return { files, gzipBytes };
}

async function issueLink(candidateId: string): Promise<string> {
  const login = await h.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: h.demo.users.hr.email, password: h.demo.password } });
  const cookie = String(login.headers['set-cookie']).split(';')[0]!;
  const res = await h.app.inject({ method: 'POST', url: `/api/v1/candidates/${candidateId}/portal-link`, headers: { cookie, 'x-csrf-token': login.json().csrfToken } });
  expect(res.statusCode, res.body).toBe(201);
  return new URL(res.json().url).hash;
}

describe('candidate portal on a phone', () => {
  it('keeps the portal JS within 100 KB gzipped', () => {
    const { files, gzipBytes } = measurePortalJs();
    console.info(`portal JS: ${files.length} files, ${(gzipBytes / 1024).toFixed(1)} KB gzipped (${files.join(', ')})`);
    expect(files.length).toBeGreaterThan(0);
    expect(gzipBytes).toBeLessThanOrEqual(100 * 1024);
  });

  it('serves compressed copies that decode to exactly the built files, and the stylesheet inside portal.html', async () => {
    const { files } = measurePortalJs();
    for (const encoding of ['br', 'gzip']) {
      for (const file of [files[0]!, 'portal.html']) {
        const url = file === 'portal.html' ? '/portal/' : `/${file}`;
        const res = await fetch(`${h.baseUrl}${url}`, { headers: { 'accept-encoding': encoding } });
        expect(res.status, url).toBe(200);
        expect(res.headers.get('content-encoding'), url).toBe(encoding);
        // fetch decodes the body: it must be the very file the build wrote.
        expect(await res.text(), url).toBe(readFileSync(path.join(WEB_DIR, file), 'utf8'));
      }
    }
    // Every compressed copy of the build (console chunks too) is its file, byte for byte.
    const copies = readdirSync(path.join(WEB_DIR, 'assets')).filter((f) => f.endsWith('.gz') || f.endsWith('.br'));
    expect(copies.length).toBeGreaterThan(10);
    for (const copy of copies) {
      const packed = readFileSync(path.join(WEB_DIR, 'assets', copy));
      const unpacked = copy.endsWith('.gz') ? gunzipSync(packed) : brotliDecompressSync(packed);
      expect(unpacked.equals(readFileSync(path.join(WEB_DIR, 'assets', copy.slice(0, -3)))), copy).toBe(true);
    }
    const html = readFileSync(path.join(WEB_DIR, 'portal.html'), 'utf8');
    expect(html).toContain('<style>');
    expect(html).not.toMatch(/<link rel="stylesheet"/);
  });

  it('opens the link, reads the welcome, switches language, asks a question and sends a pulse', async () => {
    const candidateId = h.demo.candidateIds[0]!; // 张三, Shanghai HQ, starts in 19 days
    const fragment = await issueLink(candidateId);
    const { context, page, problems } = await openPhone(h, 'zh-CN');
    await page.goto(`/portal/${fragment}`);
    await page.getByRole('heading', { level: 1, name: '张三，欢迎加入！' }).waitFor();
    expect(await page.getByTestId('countdown').innerText()).toBe('还有 19 天');
    expect(await page.getByText('上海市浦东新区张江路 100 号 8 楼').count()).toBe(1);
    expect(await page.getByText('王芳 Wang Fang').count()).toBe(1);
    expect(await page.getByRole('link', { name: '打开地图' }).getAttribute('href')).toBe('https://map.example.com/?q=zhangjiang');
    // The credential left the address bar (kept in sessionStorage for this tab only).
    expect(page.url()).not.toContain('#t=');
    // Fits the phone: nothing scrolls sideways.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    expect(await findSeriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'portal-01-welcome-zh');

    await page.getByRole('button', { name: /English/ }).click();
    await page.getByRole('heading', { level: 1, name: 'Welcome, 张三!' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en-US');
    expect(await page.getByTestId('countdown').innerText()).toBe('19 days to go');
    expect(await findSeriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'portal-02-welcome-en');

    await page.getByRole('button', { name: 'Ask', exact: true }).click();
    const question = 'Is there a <b>dress code</b>? 需要带什么？';
    await page.getByLabel('Your question').fill(question);
    await page.getByRole('button', { name: 'Send question' }).click();
    await expect.poll(() => page.getByTestId('form-status').innerText()).toContain('We have your question');
    expect(await findSeriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'portal-03-ask');

    await page.getByRole('button', { name: 'Messages', exact: true }).click();
    await page.getByText(question, { exact: true }).waitFor();
    expect(await page.locator('.pb-message-body b').count()).toBe(0);
    expect(await findSeriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'portal-04-messages');

    await page.getByRole('button', { name: 'Feeling', exact: true }).click();
    await page.getByText('Looking forward').click();
    await page.getByLabel('Anything you want to tell us? (optional)').fill('Excited, a bit nervous');
    await page.getByRole('button', { name: 'Send', exact: true }).click();
    await expect.poll(() => page.getByTestId('form-status').innerText()).toContain('Thank you');
    expect(await findSeriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'portal-05-pulse');

    // A reload keeps the link (sessionStorage) and the language (stored on the record).
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Welcome, 张三!' }).waitFor();

    const touches = await h.db.db.selectFrom('touches').select(['step_id', 'content', 'candidate_feedback', 'summary'])
      .where('org_id', '=', h.demo.orgId).where('candidate_id', '=', candidateId).where('channel', '=', 'portal').execute();
    expect(touches).toContainEqual(expect.objectContaining({ step_id: 'portal.question', content: question }));
    expect(touches).toContainEqual(expect.objectContaining({ step_id: 'portal.pulse', summary: '加入意愿 Pulse 4/5', candidate_feedback: 'Excited, a bit nervous' }));
    const language = await h.db.db.selectFrom('candidates').select('language').where('org_id', '=', h.demo.orgId).where('id', '=', candidateId).executeTakeFirstOrThrow();
    expect(language.language).toBe('en-US');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('a revoked or unknown link gets a polite page, not an error', async () => {
    const { context, page, problems } = await openPhone(h, 'zh-CN');
    await page.goto(`/portal/#t=pl1.${h.demo.orgId}.${'A'.repeat(43)}`);
    await page.getByRole('heading', { level: 1, name: '链接已失效' }).waitFor();
    expect(await page.getByRole('alert').innerText()).toContain('请联系您的 HR 重新发送');
    expect(await findSeriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'portal-06-expired');
    await page.goto('/portal/');
    await page.getByRole('heading', { level: 1, name: '请使用邀请链接' }).waitFor();
    expect(problems).toEqual([]);
    await context.close();
  });
});
