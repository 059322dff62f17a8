/**
 * The pipeline board in Chromium against the real server and the seeded demo: HR open it
 * from the menu, filter by department and risk (the filters land in the URL and survive a
 * reload), read a risk tag's reasons and open a card; in zh-CN and en-US, axe clean.
 */
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findSeriousA11yViolations, openPage, screenshot, SCREENSHOTS, signIn, startHarness, type Harness } from './harness.js';

const ZH = { email: '工作邮箱', password: '密码', submit: '登录' };
const EN = { email: 'Work email', password: 'Password', submit: 'Sign in' };
const SALES = ['周八', 'Olivia Martin', '冯十二'];
const ENGINEERING = ['张三', '李四', '王五', '赵六', '孙七', '钱十一', 'Lucas Wang'];

let h: Harness;
beforeAll(async () => { h = await startHarness(); });
afterAll(async () => { await h?.close(); });

const cardNames = (page: Page) => page.getByTestId('pipeline-card').locator('a').allInnerTexts();
const columnCounts = async (page: Page) => (await page.getByTestId('column-count').allInnerTexts()).map(Number);
const boardIdle = async (page: Page) => expect.poll(() => page.getByTestId('pipeline-board').getAttribute('aria-busy')).toBe('false');

describe('pipeline board', () => {
  it('HR filter by department and risk, read the reasons and open a card (zh-CN, then en-US)', async () => {
    const { context, page, problems } = await openPage(h, 'zh-CN');
    await signIn(page, h.demo.users.hr.email, h.demo.password, ZH);
    await page.getByRole('menuitem', { name: '入职看板' }).click();
    await page.waitForURL('**/pipeline');
    await page.getByRole('heading', { name: '入职看板', level: 1 }).waitFor();
    await page.getByTestId('pipeline-card').first().waitFor();
    const headings = await page.getByTestId('pipeline-board').getByRole('heading', { level: 2 }).allInnerTexts();
    expect(headings.map((x) => x.replace(/\s*\d+$/, ''))).toEqual(['Offer 确认', '入职准备', '入职前三天', '入职当天', '已入职']);
    // Every demo candidate is on the board once, and the counts add up.
    expect((await cardNames(page)).sort()).toEqual([...ENGINEERING, ...SALES, '吴九', '郑十'].sort());
    expect((await columnCounts(page)).reduce((a, b) => a + b, 0)).toBe(12);
    expect(await page.getByTestId('overdue-tag').count()).toBeGreaterThan(0);
    expect(await findSeriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'pipeline-01-board-zh');

    // Department (server-side), kept in the URL.
    await page.getByTestId('pipeline-department').click();
    await page.locator('.ant-select-item-option', { hasText: '销售部 Sales' }).click();
    await expect.poll(async () => (await cardNames(page)).sort()).toEqual([...SALES].sort());
    expect(page.url()).toContain('dept=');
    await page.getByRole('button', { name: '重置' }).click();
    await expect.poll(async () => (await cardNames(page)).length).toBe(12);

    // Risk: only high-risk cards remain; the reasons open from the tag.
    await page.getByTestId('pipeline-risk').click();
    await page.locator('.ant-select-item-option', { hasText: '高风险' }).click();
    await expect.poll(() => page.url()).toContain('risk=high');
    await expect.poll(async () => (await page.getByTestId('risk-tag').allInnerTexts()).every((x) => x.trim() === '高风险')).toBe(true);
    await boardIdle(page);
    const highTags = await page.getByTestId('risk-tag').allInnerTexts();
    expect(highTags.length).toBeGreaterThan(0);
    expect(highTags.length).toBeLessThan(12);
    expect(highTags.every((x) => x.trim() === '高风险')).toBe(true);
    expect((await columnCounts(page)).reduce((a, b) => a + b, 0)).toBe(highTags.length);
    // 赵六 starts in two days, accepted three weeks ago and has not replied since the confirmation call.
    expect(await cardNames(page)).toContain('赵六');
    const zhao = page.getByTestId('pipeline-card').filter({ hasText: '赵六' });
    await zhao.getByTestId('risk-tag').click();
    const reasons = page.getByTestId('risk-reasons');
    await reasons.waitFor();
    expect(await reasons.innerText()).toContain('未获回复');
    expect(await reasons.innerText()).toContain('报到安排尚未确认');
    await screenshot(page, 'pipeline-02-risk-zh');
    await page.keyboard.press('Escape');

    // The filters survive a reload (they live in the URL) and combine with the department.
    await page.reload();
    await page.getByTestId('pipeline-card').first().waitFor();
    await page.getByTestId('pipeline-department').click();
    await page.locator('.ant-select-item-option', { hasText: '研发部 Engineering' }).click();
    await expect.poll(() => page.url()).toContain('dept=');
    await expect.poll(async () => (await cardNames(page)).every((n) => ENGINEERING.includes(n))).toBe(true);
    await boardIdle(page);
    const names = await cardNames(page);
    expect(names).toContain('赵六');
    expect(names.every((n) => ENGINEERING.includes(n))).toBe(true);
    expect(await findSeriousA11yViolations(page)).toEqual([]);

    // A card opens the candidate's one record.
    await page.getByRole('link', { name: '赵六' }).click();
    await page.waitForURL(/\/candidates\/[0-9a-f-]{36}$/);
    // The candidate page is the console's largest chunk: give it time on a busy machine.
    await page.getByTestId('candidate-name').waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('candidate-name').innerText()).toContain('赵六');

    // English: the same board with its own words.
    await page.getByText('English', { exact: true }).click();
    await page.getByRole('menuitem', { name: 'Pipeline' }).click();
    await page.waitForURL('**/pipeline');
    await page.getByTestId('pipeline-card').first().waitFor();
    const enHeadings = await page.getByTestId('pipeline-board').getByRole('heading', { level: 2 }).allInnerTexts();
    expect(enHeadings.map((x) => x.replace(/\s*\d+$/, ''))).toEqual(['Offer confirmation', 'Preparation', 'Final days', 'Day one', 'Started']);
    expect(await page.getByText('12 on the board').count()).toBe(1);
    await page.getByTestId('pipeline-card').filter({ hasText: '赵六' }).getByTestId('risk-tag').click();
    await page.getByTestId('risk-reasons').waitFor();
    expect(await page.getByTestId('risk-reasons').innerText()).toContain('First-day logistics not confirmed');
    await page.keyboard.press('Escape');
    // The popover fades out: axe would read its half-transparent text.
    await page.getByTestId('risk-reasons').waitFor({ state: 'hidden' });
    expect(await findSeriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'pipeline-03-board-en');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('a hiring manager sees only their hires; admin staff see no risk', async () => {
    const { context, page, problems } = await openPage(h, 'en-US');
    await signIn(page, h.demo.users.manager2.email, h.demo.password, EN);
    await page.goto('/pipeline');
    await page.getByTestId('pipeline-card').first().waitFor();
    expect((await cardNames(page)).sort()).toEqual([...SALES, '吴九', '郑十'].sort());
    expect(await page.getByTestId('pipeline-owner').count()).toBe(0); // no user directory for managers
    await screenshot(page, 'pipeline-04-manager-en');
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL('**/login');

    await signIn(page, h.demo.users.admin.email, h.demo.password, EN);
    await page.goto('/pipeline');
    await page.getByTestId('pipeline-card').first().waitFor();
    expect(await page.getByTestId('pipeline-card').count()).toBe(12);
    expect(await page.getByTestId('risk-tag').count()).toBe(0);
    expect(await page.getByTestId('pipeline-risk').count()).toBe(0);
    expect(await findSeriousA11yViolations(page)).toEqual([]);
    expect(problems).toEqual([]);
    await context.close();
  });
});

/**
 * Long candidate pages at 230 more candidates: a page of 200 renders only the rows near the
 * screen, and still sorts from the keyboard, lets Tab walk row after row past the first
 * screenful, shows the last row once scrolled to, and stays axe clean.
 */
describe('a long candidate page', () => {
  let long: Harness;
  const BULK = 230;
  const bulkName = (i: number) => `Bulk ${String(i).padStart(3, '0')}`;
  beforeAll(async () => {
    long = await startHarness();
    const { demo } = long;
    const ids = Array.from({ length: BULK }, () => crypto.randomUUID());
    await long.db.db.insertInto('candidates').values(ids.map((id, i) => ({
      org_id: demo.orgId, id, full_name: bulkName(i + 1), status: 'preboarding', role_type: 'tech', channels: ['email'],
      department_id: demo.departments.engineering, hr_owner_id: demo.users.hr.id, manager_id: demo.users.manager.id,
    }))).execute();
    await long.db.db.insertInto('offers').values(ids.map((id, i) => ({
      org_id: demo.orgId, candidate_id: id, version: 1, position_title: 'Engineer', site_id: demo.sites.shanghai,
      // Start dates run with the names, so sorting by date reorders the same rows.
      start_date: new Date(Date.UTC(2027, 0, 4) + i * 86_400_000).toISOString().slice(0, 10),
      role_type: 'tech', salary_monthly: null, salary_months: null, status: 'accepted', sent_at: new Date(), accepted_at: new Date(), created_by: null,
    }))).execute();
  });
  afterAll(async () => { await long?.close(); });

  const table = (page: Page) => page.getByTestId('candidate-table');
  const renderedNames = (page: Page) => table(page).locator('tbody tr.ant-table-row td:first-child').allInnerTexts();

  it('renders the rows near the screen and reaches every other one by scrolling or the keyboard', async () => {
    const { context, page, problems } = await openPage(long, 'zh-CN');
    await signIn(page, long.demo.users.hr.email, long.demo.password, ZH);
    await page.goto('/candidates?q=Bulk&size=200');
    await page.getByText(`共 ${BULK} 人`).waitFor();
    await expect.poll(async () => (await renderedNames(page))[0]).toBe(bulkName(1));
    // One page of 200 is loaded; far fewer rows are in the document, the rest stand behind a spacer.
    const rendered = (await renderedNames(page)).length;
    expect(rendered).toBeGreaterThan(10);
    expect(rendered).toBeLessThan(100);
    expect(await table(page).getByTestId('rows-below').evaluate((tr) => tr.getBoundingClientRect().height)).toBeGreaterThan(50 * 40);
    expect(await findSeriousA11yViolations(page)).toEqual([]);

    // Tab walks from the first row's link to the 80th (each focused row on screen), Shift+Tab back.
    await table(page).getByRole('link', { name: bulkName(1) }).focus();
    for (let i = 0; i < 79; i++) await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement;
      const box = el.getBoundingClientRect();
      return { text: el.innerText, onScreen: box.top >= 0 && box.bottom <= window.innerHeight };
    });
    expect(focused).toEqual({ text: bulkName(80), onScreen: true });
    expect((await renderedNames(page)).length).toBeLessThan(150);
    for (let i = 0; i < 30; i++) await page.keyboard.press('Shift+Tab');
    expect(await page.evaluate(() => (document.activeElement as HTMLElement).innerText)).toBe(bulkName(50));

    // Scrolled to the end, the 200th row is there; the first rows gave way.
    await expect.poll(async () => {
      await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
      return (await renderedNames(page)).at(-1);
    }).toBe(bulkName(200));
    expect(await renderedNames(page)).not.toContain(bulkName(1));
    // The screen as the user sees it (a full-page shot would stretch the window to the whole table).
    await page.screenshot({ path: path.join(SCREENSHOTS, 'candidates-long-page-zh.png') });

    // Sorting from the keyboard: the start-date header, Enter, newest first.
    await page.evaluate(() => window.scrollTo(0, 0));
    await table(page).getByRole('columnheader', { name: /入职日期/ }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.url()).toContain('sort=-startDate');
    await expect.poll(async () => (await renderedNames(page))[0]).toBe(bulkName(BULK));
    expect(await findSeriousA11yViolations(page)).toEqual([]);
    expect(problems).toEqual([]);
    await context.close();
  });
});
