/**
 * "My data" end to end in Chromium: on a phone the candidate sees what is held, downloads
 * it as JSON and as a readable page, and asks for deletion (confirming first); HR resolve
 * the request in the console; the candidate's link then no longer opens anything. Axe on
 * every screen, screenshots kept as artifacts.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findSeriousA11yViolations, openPage, screenshot, signIn, startHarness, type Harness } from './harness.js';

let h: Harness;
beforeAll(async () => { h = await startHarness(); });
afterAll(async () => { await h?.close(); });

const ZH = { email: '工作邮箱', password: '密码', submit: '登录' };

async function issueLink(candidateId: string): Promise<string> {
  const login = await h.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: h.demo.users.hr.email, password: h.demo.password } });
  const cookie = String(login.headers['set-cookie']).split(';')[0]!;
  const res = await h.app.inject({ method: 'POST', url: `/api/v1/candidates/${candidateId}/portal-link`, headers: { cookie, 'x-csrf-token': login.json().csrfToken } });
  expect(res.statusCode, res.body).toBe(201);
  return new URL(res.json().url).hash;
}

describe('my data', () => {
  it('the candidate downloads their data and asks for deletion on a phone; HR approve it in the console', async () => {
    const candidateId = h.demo.candidateIds[7]!; // 吴九, offer not yet accepted
    const fragment = await issueLink(candidateId);
    const phone = await h.browser.newContext({
      baseURL: h.baseUrl, locale: 'zh-CN', timezoneId: 'Asia/Shanghai', viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, acceptDownloads: true,
    });
    phone.setDefaultTimeout(15_000);
    const page = await phone.newPage();
    const problems: string[] = [];
    page.on('pageerror', (err) => problems.push(`pageerror: ${err.message}`));
    page.on('console', (msg) => { if (msg.type() === 'error' && /Content Security Policy|Refused to/i.test(msg.text())) problems.push(`csp: ${msg.text()}`); });

    await page.goto(`/portal/${fragment}`);
    await page.getByRole('heading', { level: 1, name: '吴九，欢迎加入！' }).waitFor();
    await page.getByRole('button', { name: '我的数据' }).click();
    await page.getByRole('heading', { level: 1, name: '我的数据' }).waitFor();
    await expect.poll(() => page.getByTestId('my-data-held').innerText()).toContain('吴九');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    expect(await findSeriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'privacy-01-my-data-zh');

    const [json] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download-json').click()]);
    expect(json.suggestedFilename()).toMatch(/^my-data-\d{4}-\d{2}-\d{2}\.json$/);
    const exported = JSON.parse(readFileSync((await json.path())!, 'utf8'));
    expect(exported.profile.fullName).toBe('吴九');
    expect(exported.offers[0].positionTitle).toBe('运营专员');
    const [html] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download-html').click()]);
    expect(html.suggestedFilename()).toMatch(/\.html$/);
    const readable = readFileSync((await html.path())!, 'utf8');
    expect(readable).toContain('我的个人信息');
    expect(readable).toContain('吴九');
    expect(readable).not.toMatch(/<script/i);

    await page.getByTestId('ask-deletion').click();
    await page.getByText('确定要求删除您的个人信息吗？').waitFor();
    expect(await findSeriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'privacy-02-confirm-deletion-zh');
    await page.getByRole('button', { name: '确定' }).click();
    await expect.poll(() => page.getByTestId('my-data-delete-status').innerText()).toContain('已收到您的删除请求');
    await screenshot(page, 'privacy-03-deletion-asked-zh');
    expect(problems).toEqual([]);

    const { context, page: console, problems: consoleProblems } = await openPage(h, 'zh-CN');
    await signIn(console, h.demo.users.hr.email, h.demo.password, ZH);
    await console.getByRole('menuitem', { name: '隐私' }).click();
    await console.getByRole('heading', { level: 1, name: '隐私与个人信息' }).waitFor();
    const row = console.getByTestId('privacy-requests').locator('tbody tr.ant-table-row', { hasText: '吴九' });
    await row.waitFor();
    expect(await row.innerText()).toContain('删除');
    expect(await findSeriousA11yViolations(console)).toEqual([]);
    await screenshot(console, 'privacy-04-console-requests-zh');

    await row.getByTestId('privacy-resolve').click();
    const dialog = console.getByRole('dialog');
    await dialog.getByText('同意后将立即匿名化此人').waitFor();
    expect(await findSeriousA11yViolations(console)).toEqual([]);
    await screenshot(console, 'privacy-05-console-resolve-zh');
    await dialog.getByRole('button', { name: /同\s*意/ }).last().click();
    await console.getByText('请求已完成，已通知候选人。').waitFor();
    await expect.poll(() => console.getByTestId('privacy-requests').locator('tbody tr.ant-table-row', { hasText: '吴九' }).count()).toBe(0);
    expect(consoleProblems).toEqual([]);
    await context.close();

    await page.reload();
    await page.getByRole('heading', { name: '链接已失效' }).waitFor();
    await screenshot(page, 'privacy-06-link-gone-zh');
    await phone.close();
  });
});
