/**
 * The staff console end to end in Chromium against the real server and a seeded
 * database: sign in → candidate list → candidate page with timeline → record a touch,
 * in zh-CN and en-US, for HR, a hiring manager and admin staff.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  findSeriousA11yViolations, measureInitialJs, openPage, readCandidateNames, screenshot, signIn, startHarness, type Harness,
} from './harness.js';

const ZH = { email: '工作邮箱', password: '密码', submit: '登录' };
const EN = { email: 'Work email', password: 'Password', submit: 'Sign in' };
const ENGINEERING = ['张三', '李四', '王五', '赵六', '孙七', '钱十一', 'Lucas Wang'];
const SALES = ['周八', 'Olivia Martin', '冯十二'];

let h: Harness;
beforeAll(async () => { h = await startHarness(); });
afterAll(async () => { await h?.close(); });

describe('staff console', () => {
  it('keeps the initial console JS within 400 KB gzipped', () => {
    const { files, gzipBytes } = measureInitialJs();
    console.info(`initial console JS: ${files.length} files, ${(gzipBytes / 1024).toFixed(1)} KB gzipped`);
    expect(files.length).toBeGreaterThan(0);
    expect(gzipBytes).toBeLessThanOrEqual(400 * 1024);
  });

  it('serves the console with a strict CSP and the portal separately', async () => {
    const console_ = await fetch(`${h.baseUrl}/candidates`);
    expect(console_.status).toBe(200);
    expect(console_.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(await console_.text()).toContain('id="root"');
    const portal = await fetch(`${h.baseUrl}/portal/welcome`);
    expect(portal.status).toBe(200);
    const portalHtml = await portal.text();
    expect(portalHtml).toContain('id="pb-main"');
    expect(portalHtml).not.toContain('id="root"');
    const api404 = await fetch(`${h.baseUrl}/api/v1/no-such-route`);
    expect(api404.status).toBe(404);
    expect((await api404.json()).error.code).toBe('not_found');
    expect((await fetch(`${h.baseUrl}/assets/missing.js`)).status).toBe(404);
  });

  it('HR signs in (zh-CN), filters the list, opens a candidate and records a touch', async () => {
    const { context, page, problems } = await openPage(h, 'zh-CN');
    await page.goto('/');
    await page.waitForURL('**/login');
    await page.getByRole('heading', { name: '登录 Preboard' }).waitFor();
    expect(await findSeriousA11yViolations(page)).toEqual([]);
    await screenshot(page, '01-login-zh');

    // A wrong password shows the server's answer in place.
    await page.getByLabel(ZH.email, { exact: true }).fill(h.demo.users.hr.email);
    await page.getByLabel(ZH.password, { exact: true }).fill('not-the-password');
    await page.getByRole('button', { name: ZH.submit }).click();
    await expect.poll(() => page.getByTestId('login-error').innerText()).toContain('邮箱或密码不正确');

    await signIn(page, h.demo.users.hr.email, h.demo.password, ZH);
    await expect.poll(() => page.getByTestId('current-user').innerText()).toContain('王芳');
    expect(await page.getByTestId('current-user').innerText()).toContain('招聘 HR');
    expect(await page.getByTestId('org-name').innerText()).toContain('示例科技');
    expect(await page.getByRole('columnheader', { name: '入职日期' }).count()).toBe(1);
    expect((await readCandidateNames(page)).sort()).toEqual([...ENGINEERING, ...SALES, '吴九', '郑十'].sort());
    expect(await page.getByText('共 12 人').count()).toBe(1);
    expect(await findSeriousA11yViolations(page)).toEqual([]);
    await screenshot(page, '02-list-zh');

    // Department filter (server-side).
    await page.getByTestId('department-filter').click();
    await page.locator('.ant-select-item-option', { hasText: '销售部 Sales' }).click();
    await expect.poll(async () => (await readCandidateNames(page)).sort()).toEqual([...SALES].sort());
    await page.getByTestId('status-filter').click();
    await page.locator('.ant-select-item-option', { hasText: '已发 Offer' }).click();
    // Filters combine: Sales and still at "offer sent".
    await expect.poll(() => readCandidateNames(page)).toEqual(['冯十二']);
    await page.getByRole('button', { name: '重置' }).click();
    await expect.poll(async () => (await readCandidateNames(page)).length).toBe(12);

    // Search, then open the candidate.
    await page.getByRole('searchbox', { name: '按姓名、邮箱或职位搜索' }).fill('张三');
    await page.keyboard.press('Enter');
    await expect.poll(() => readCandidateNames(page)).toEqual(['张三']);
    await page.getByRole('link', { name: '张三' }).click();
    await page.waitForURL(/\/candidates\/[0-9a-f-]{36}$/);
    await page.getByTestId('candidate-name').waitFor();
    expect(await page.getByTestId('facts').innerText()).toContain('高级后端工程师');
    expect(await page.getByTestId('salary').innerText()).toContain('20,000');
    await page.getByText(/^共 \d+ 条$/).waitFor();
    expect(await findSeriousA11yViolations(page)).toEqual([]);

    // Record a touch: the zod schema catches an empty summary in place, then it saves.
    await page.getByTestId('record-touch').click();
    const form = page.getByTestId('touch-form');
    await form.waitFor();
    await page.getByTestId('touch-save').click();
    await expect.poll(() => form.locator('.ant-form-item-explain-error').allInnerTexts()).toContain('必填');
    const summary = '已确认报到时间与停车安排';
    const hostile = '<img src=x onerror="window.__xss=1"> 期待第一天';
    await page.getByLabel('摘要').fill(summary);
    await page.getByLabel('详细内容').fill('电话沟通 10 分钟，候选人 9:00 到前台。');
    await page.getByLabel('候选人反馈').fill(hostile);
    // The server's own field error (a touch cannot be dated in the future) lands beside the field.
    const tomorrow = new Date(Date.now() + 86_400_000 + 8 * 3_600_000).toISOString().slice(0, 16);
    await page.getByLabel('时间').fill(tomorrow);
    await page.getByTestId('touch-save').click();
    await expect.poll(() => form.locator('.ant-form-item-explain-error').allInnerTexts()).toContain('cannot be in the future');
    await screenshot(page, '03a-touch-drawer-zh');
    expect(await form.locator('.ant-form-item-explain-error').allInnerTexts()).not.toContain('必填');
    await page.getByLabel('时间').fill('');
    await page.getByTestId('touch-save').click();
    await form.waitFor({ state: 'detached' });
    const newest = page.getByTestId('touch').first();
    await expect.poll(() => newest.innerText()).toContain(summary);
    expect(await newest.innerText()).toContain(hostile); // rendered as text, not markup
    expect(await newest.innerText()).toContain('王芳');
    expect(await page.evaluate(() => (window as { __xss?: number }).__xss)).toBeUndefined();
    await screenshot(page, '03-candidate-zh');

    // Switch to English: labels, antd's own texts and the stored choice follow.
    await page.getByText('English', { exact: true }).click();
    await page.getByRole('button', { name: 'Record a touch' }).waitFor();
    expect(await page.getByRole('heading', { name: 'Key facts' }).count()).toBe(1);
    expect(await page.getByRole('heading', { name: 'Timeline' }).count()).toBe(1);
    expect(await page.getByRole('button', { name: 'Sign out' }).count()).toBe(1);
    expect(await page.getByTestId('current-user').innerText()).toContain('HR');
    expect(await page.locator('html').getAttribute('lang')).toBe('en-US');
    await screenshot(page, '04-candidate-en');
    await page.getByRole('link', { name: 'Back to candidates' }).click();
    await page.getByRole('columnheader', { name: 'Start date' }).waitFor();
    expect(await page.getByText('12 candidates').count()).toBe(1);
    expect(await findSeriousA11yViolations(page)).toEqual([]);
    await screenshot(page, '05-list-en');

    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL('**/login');
    await page.getByRole('heading', { name: 'Sign in to Preboard' }).waitFor();
    expect(problems).toEqual([]);
    await context.close();
  });

  it('a hiring manager sees only their own hires and no salary', async () => {
    const { context, page, problems } = await openPage(h, 'zh-CN');
    await signIn(page, h.demo.users.manager.email, h.demo.password, ZH);
    expect((await readCandidateNames(page)).sort()).toEqual([...ENGINEERING].sort());
    expect(await page.getByTestId('current-user').innerText()).toContain('用人经理');
    await page.getByRole('link', { name: '李四' }).click();
    await page.getByTestId('timeline').waitFor();
    expect(await page.getByTestId('salary').count()).toBe(0);
    expect(await page.getByTestId('record-touch').count()).toBe(1);
    await screenshot(page, '06-candidate-manager');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('admin staff see the candidate without the timeline', async () => {
    const { context, page, problems } = await openPage(h, 'en-US');
    await page.goto('/login');
    // The profile locale (zh-CN) wins over the browser's language after sign-in.
    await signIn(page, h.demo.users.admin.email, h.demo.password, EN);
    await page.getByRole('link', { name: '王五' }).click();
    await page.getByTestId('timeline-no-access').waitFor();
    expect(await page.getByTestId('timeline-no-access').innerText()).toContain('跟进记录不对你的角色开放');
    expect(await page.getByTestId('timeline').count()).toBe(0);
    expect(await page.getByTestId('record-touch').count()).toBe(0);
    expect(await page.getByTestId('salary').count()).toBe(0);
    expect(await page.getByTestId('facts').innerText()).toContain('测试开发工程师');
    expect(await findSeriousA11yViolations(page)).toEqual([]);
    await screenshot(page, '07-candidate-admin');
    expect(problems).toEqual([]);
    await context.close();
  });
});
