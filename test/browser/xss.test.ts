/**
 * Candidate-supplied text is shown as text everywhere (issue 7): hostile names, notes,
 * touches and portal questions render literally in the console and the portal; nothing
 * they contain becomes markup, and CSP reports nothing.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPage, signIn, startHarness, type Harness } from './harness.js';

const IMG = '<img src=x onerror="window.__pwned=1">';
const SCRIPT = '<script>window.__pwned=2</script>';
const NAME = `${IMG}韩梅梅`;

let h: Harness;
let candidateId: string;
let hr: { cookie: string; csrf: string };

async function api(method: string, url: string, body?: unknown) {
  const res = await fetch(`${h.baseUrl}${url}`, {
    method, headers: { cookie: hr.cookie, 'x-csrf-token': hr.csrf, ...(body ? { 'content-type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  const json = await res.json() as Record<string, unknown>;
  if (res.status >= 300) throw new Error(`${method} ${url}: ${res.status} ${JSON.stringify(json)}`);
  return json;
}

beforeAll(async () => {
  h = await startHarness();
  const login = await fetch(`${h.baseUrl}/api/v1/auth/login`, {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: h.demo.users.hr.email, password: h.demo.password }),
  });
  hr = { cookie: (login.headers.get('set-cookie') ?? '').split(';')[0]!, csrf: ((await login.json()) as { csrfToken: string }).csrfToken };
  const created = await api('POST', '/api/v1/candidates', {
    fullName: NAME, positionTitle: `${SCRIPT}工程师`, roleType: 'tech', departmentId: h.demo.departments.engineering, siteId: h.demo.sites.shanghai,
    startDate: new Date(Date.now() + 20 * 86_400_000).toISOString().slice(0, 10), notes: `${IMG} notes`, email: 'xss@example.com',
  });
  candidateId = created.id as string;
  await api('POST', `/api/v1/candidates/${candidateId}/touches`, {
    kind: 'call', channel: 'phone', direction: 'outbound', summary: `${IMG} summary`, content: `${SCRIPT} content`, candidateFeedback: `${IMG} feedback`,
  });
});
afterAll(async () => { await h?.close(); });

async function expectInert(page: Page) {
  expect(await page.locator('img[src="x"]').count()).toBe(0);
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
}

describe('hostile text stays text', () => {
  it('in the console: list, candidate page and timeline', async () => {
    const { context, page, problems } = await openPage(h, 'zh-CN');
    const dialogs: string[] = [];
    page.on('dialog', (d) => { dialogs.push(d.message()); void d.dismiss(); });
    await signIn(page, h.demo.users.hr.email, h.demo.password, { email: '工作邮箱', password: '密码', submit: '登录' });
    await page.getByText(NAME, { exact: true }).first().waitFor();
    await expectInert(page);
    await page.getByRole('link', { name: NAME }).first().click();
    await page.getByTestId('candidate-name').waitFor();
    expect(await page.getByTestId('candidate-name').innerText()).toContain(NAME);
    await page.getByTestId('touch').filter({ hasText: `${IMG} summary` }).waitFor();
    expect(await page.getByText(`${SCRIPT} content`).count()).toBeGreaterThan(0);
    await expectInert(page);
    expect(dialogs).toEqual([]);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('in the portal: welcome and the candidate’s own question', async () => {
    const link = await api('POST', `/api/v1/candidates/${candidateId}/portal-link`, {});
    const { context, page, problems } = await openPage(h, 'zh-CN');
    await page.goto(`/portal/${new URL(link.url as string).hash}`);
    // The greeting uses the first word of the name: here, the start of the markup, as text.
    await page.getByRole('heading', { level: 1 }).filter({ hasText: '欢迎加入' }).waitFor();
    expect(await page.getByRole('heading', { level: 1 }).innerText()).toContain('<img');
    await expectInert(page);
    await page.locator('[data-tab="ask"]').click();
    await page.getByRole('textbox').fill(`${SCRIPT} 我的问题`);
    await page.getByRole('button', { name: '发送问题' }).click();
    await page.getByText('已收到您的问题').waitFor();
    await page.locator('[data-tab="messages"]').click();
    await page.getByText(`${SCRIPT} 我的问题`).waitFor();
    await expectInert(page);
    expect(problems).toEqual([]);
    await context.close();
  });
});
