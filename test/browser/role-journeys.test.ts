/**
 * Each role's main journey in Chromium against the real server, four signed-in people:
 * HR create a candidate in the console (the plan appears), record the acceptance and log
 * the confirmation call → the hiring manager lands on their hires and logs the intro call →
 * admin staff land on the logistics board and mark the workstation ready → the candidate
 * uploads a checklist document on their phone → HR approve it → the manager records the
 * day-one check. Axe on every page; the manager's home and the board are rendered in
 * zh-CN and en-US; screenshots go to test-artifacts/role-journeys/.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findSeriousA11yViolations, openPage, signIn, startHarness, type Harness, type TrackedPage } from './harness.js';

const ARTIFACTS = 'test-artifacts/role-journeys';
const ZH = { email: '工作邮箱', password: '密码', submit: '登录' };
const EN = { email: 'Work email', password: 'Password', submit: 'Sign in' };
const NAME = '林小满';
const PDF = Buffer.from('%PDF-1.7\n1 0 obj << >> endobj\n%%EOF\n');
const DAY = 86_400_000;

let h: Harness;
let candidateId = '';
/** The start date: eight days out (Shanghai), so every prep step is still ahead. */
const startDate = new Date(Date.now() + 8 * 3_600_000 + 8 * DAY).toISOString().slice(0, 10);

beforeAll(async () => {
  h = await startHarness();
  mkdirSync(ARTIFACTS, { recursive: true });
});
afterAll(async () => { await h?.close(); });

const shoot = (page: Page, name: string) => page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`), fullPage: true });

/** Signs in through the form and waits for the role's own landing page. */
async function signInTo(page: Page, role: 'manager' | 'admin', landing: string) {
  await page.goto('/login');
  await page.getByLabel(ZH.email, { exact: true }).fill(h.demo.users[role].email);
  await page.getByLabel(ZH.password, { exact: true }).fill(h.demo.password);
  await page.getByRole('button', { name: ZH.submit }).click();
  await page.waitForURL(`**${landing}`);
}

/** Picks an option of the antd select labelled `label` inside `scope`. */
async function choose(page: Page, label: string, option: string) {
  await page.getByTestId('new-candidate-form').getByLabel(label, { exact: true }).click();
  await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option', { hasText: option }).first().click();
}

async function switchLanguage(page: Page, from: '语言' | 'Language', to: 'English' | '中文') {
  await page.getByRole('radiogroup', { name: from }).getByText(to, { exact: true }).click();
}

const hireCard = (page: Page) => page.locator(`[data-testid="hire-card"][data-candidate="${NAME}"]`);
const hireStep = (page: Page, step: string) => hireCard(page).locator(`[data-testid="hire-step"][data-step="${step}"]`);
const boardRow = (page: Page) => page.getByTestId('logistics-board').locator(`tr[data-candidate="${NAME}"]`);

/** Completes a manager step from the hire card with an outcome note. */
async function completeStep(page: Page, step: string, outcome: string) {
  await hireStep(page, step).getByTestId('hire-step-complete').click();
  const dialog = page.getByRole('dialog');
  await dialog.getByTestId('complete-form').waitFor();
  await dialog.getByLabel('结果', { exact: true }).fill(outcome);
  await dialog.getByTestId('complete-submit').click();
  await dialog.waitFor({ state: 'detached' });
  await expect.poll(() => hireStep(page, step).getAttribute('data-state')).toBe('done');
}

async function closeClean(tracked: TrackedPage) {
  expect(tracked.problems).toEqual([]);
  await tracked.context.close();
}

describe('each role’s main journey', () => {
  it('HR create a candidate, the plan appears, HR record the acceptance and log the confirmation call', async () => {
    const hr = await openPage(h, 'zh-CN');
    const { page } = hr;
    await signIn(page, h.demo.users.hr.email, h.demo.password, ZH);
    await page.getByTestId('new-candidate').click();
    const form = page.getByTestId('new-candidate-form');
    await form.waitFor();
    expect(await findSeriousA11yViolations(page)).toEqual([]);
    await form.getByLabel('姓名', { exact: true }).fill(NAME);
    await form.getByLabel('职位', { exact: true }).fill('平台工程师');
    await choose(page, '部门', '研发部');
    await choose(page, '工作地点', '上海总部');
    await form.getByLabel('入职日期', { exact: true }).fill(startDate);
    await choose(page, '直属上级', '张伟');
    await form.getByLabel('邮箱', { exact: true }).fill('xiaoman@example.com');
    await form.getByLabel('月薪（元）', { exact: true }).fill('28000');
    await shoot(page, '01-hr-new-candidate-zh');
    await page.getByTestId('new-candidate-submit').click();

    await page.waitForURL(/\/candidates\/[0-9a-f-]{36}$/);
    candidateId = page.url().split('/').at(-1)!;
    const preview = page.getByTestId('plan-preview');
    await preview.waitFor();
    expect(await page.getByTestId('plan-card').innerText()).toContain('入职意向确认电话');
    await page.getByTestId('offer-accepted').click();
    await page.getByRole('button', { name: '确认记录', exact: true }).click();
    await preview.waitFor({ state: 'detached' });

    const call = page.getByTestId('candidate-tasks').locator('tr[data-step="offer.confirmation_call"]');
    await call.getByTestId('task-complete').click();
    const dialog = page.getByRole('dialog');
    await dialog.getByTestId('complete-form').waitFor();
    await dialog.getByLabel('结果', { exact: true }).fill('确认按期入职，解释了试用期考核');
    await dialog.getByTestId('complete-submit').click();
    await dialog.waitFor({ state: 'detached' });
    const planCall = page.getByTestId('plan-card').locator('[data-testid="plan-item"][data-step="offer.confirmation_call"]');
    await expect.poll(() => planCall.getAttribute('data-state')).toBe('done');
    expect(await findSeriousA11yViolations(page)).toEqual([]);
    await shoot(page, '02-hr-plan-running-zh');
    await closeClean(hr);
  });

  it('the hiring manager lands on their hires and logs the intro call, in Chinese and in English', async () => {
    const manager = await openPage(h, 'zh-CN');
    const { page } = manager;
    await signInTo(page, 'manager', '/my-hires');
    await hireCard(page).waitFor();
    // Only the manager's own hires: the sales team's are not there.
    expect(await page.locator('[data-testid="hire-card"][data-candidate="周八"]').count()).toBe(0);
    expect(await hireCard(page).getByTestId('hire-countdown').innerText()).toBe('8天后');
    expect(await hireStep(page, 'final.preonboarding_meeting').innerText()).toContain('由 HR 组织，你参加');
    expect(await hireStep(page, 'final.preonboarding_meeting').getByTestId('hire-step-complete').count()).toBe(0);
    expect(await findSeriousA11yViolations(page)).toEqual([]);
    await shoot(page, '03-manager-home-zh');

    await completeStep(page, 'prep.manager_intro_call', '介绍了团队、当前项目和第一个月的目标');
    expect(await hireStep(page, 'prep.manager_intro_call').getByTestId('hire-step-outcome').innerText()).toContain('介绍了团队');
    expect(await findSeriousA11yViolations(page)).toEqual([]);

    await switchLanguage(page, '语言', 'English');
    await page.getByRole('heading', { level: 1, name: 'My incoming hires' }).waitFor();
    expect(await hireStep(page, 'prep.manager_intro_call').innerText()).toContain('Done');
    expect(await hireCard(page).getByTestId('hire-countdown').innerText()).toBe('in 8 days');
    expect(await page.getByRole('menuitem', { name: 'My hires' }).count()).toBe(1);
    expect(await page.getByRole('menuitem', { name: 'Logistics board' }).count()).toBe(0);
    expect(await findSeriousA11yViolations(page)).toEqual([]);
    await shoot(page, '04-manager-home-en');
    await closeClean(manager);
  });

  it('admin staff land on the logistics board and mark the workstation ready, in Chinese and in English', async () => {
    const admin = await openPage(h, 'zh-CN');
    const { page } = admin;
    await signInTo(page, 'admin', '/logistics');
    const row = boardRow(page);
    await row.waitFor();
    const items = row.getByTestId('prep-item');
    expect(await items.evaluateAll((els) => els.map((e) => `${e.getAttribute('data-item')}:${e.getAttribute('data-state')}`)))
      .toEqual(['workstation:open', 'badge:open', 'computer:open', 'welcome_kit:open']);
    expect(await row.getByTestId('arrival').innerText()).toContain('尚未确认');
    // Logistics only: the salary HR entered is nowhere on the page.
    expect(await page.getByRole('main').last().innerText()).not.toMatch(/28[,，]?000/);
    expect(await findSeriousA11yViolations(page)).toEqual([]);
    await shoot(page, '05-admin-board-zh');

    await row.locator('[data-item="badge"]').getByTestId('prep-mark').click();
    const dialog = page.getByRole('dialog');
    expect(await dialog.getByTestId('prep-covers').innerText()).toContain('工位');
    await dialog.getByLabel('备注', { exact: true }).fill('8 楼 A12 工位；工牌和电脑放在前台');
    expect(await findSeriousA11yViolations(page)).toEqual([]);
    await dialog.getByTestId('prep-submit').click();
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => items.evaluateAll((els) => els.map((e) => e.getAttribute('data-state')))).toEqual(['done', 'done', 'done', 'done']);

    await switchLanguage(page, '语言', 'English');
    await page.getByRole('heading', { level: 1, name: 'First-day preparation' }).waitFor();
    expect(await row.locator('[data-item="computer"]').innerText()).toContain('Ready');
    expect(await page.getByRole('columnheader', { name: 'Welcome kit' }).count()).toBe(1);
    expect(await findSeriousA11yViolations(page)).toEqual([]);
    await shoot(page, '06-admin-board-en');
    await closeClean(admin);
  });

  it('the candidate uploads a checklist document and HR approve it', async () => {
    const login = await h.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: h.demo.users.hr.email, password: h.demo.password } });
    const cookie = String(login.headers['set-cookie']).split(';')[0]!;
    const link = await h.app.inject({ method: 'POST', url: `/api/v1/candidates/${candidateId}/portal-link`, headers: { cookie, 'x-csrf-token': login.json().csrfToken } });
    expect(link.statusCode, link.body).toBe(201);
    const context = await h.browser.newContext({ baseURL: h.baseUrl, locale: 'zh-CN', timezoneId: 'Asia/Shanghai', viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    context.setDefaultTimeout(15_000);
    const phone = await context.newPage();
    const problems: string[] = [];
    phone.on('pageerror', (err) => problems.push(`pageerror: ${err.message}`));
    await phone.goto(`/portal/${new URL(link.json().url).hash}`);
    await phone.getByRole('button', { name: '清单' }).click();
    await phone.getByTestId('status-diplomas').waitFor();
    await phone.locator('#pb-cl-diplomas-file').setInputFiles({ name: '学位证.pdf', mimeType: 'application/pdf', buffer: PDF });
    await expect.poll(() => phone.getByTestId('status-diplomas').innerText()).toBe('待审核');
    expect(await findSeriousA11yViolations(phone)).toEqual([]);
    await shoot(phone, '07-candidate-checklist-zh');
    await closeClean({ context, page: phone, problems });

    const hr = await openPage(h, 'zh-CN');
    await signIn(hr.page, h.demo.users.hr.email, h.demo.password, ZH);
    await hr.page.goto(`/candidates/${candidateId}`);
    await expect.poll(() => hr.page.getByTestId('checklist-status-diplomas').innerText()).toBe('待审核');
    await hr.page.getByTestId('approve-diplomas').click();
    await expect.poll(() => hr.page.getByTestId('checklist-status-diplomas').innerText()).toBe('已通过');
    expect(await findSeriousA11yViolations(hr.page)).toEqual([]);
    await shoot(hr.page, '08-hr-checklist-approved-zh');
    await closeClean(hr);
  });

  it('the hiring manager records the day-one check, and HR see every step done in the plan', async () => {
    const manager = await openPage(h, 'zh-CN');
    await signInTo(manager.page, 'manager', '/my-hires');
    await hireCard(manager.page).waitFor();
    await completeStep(manager.page, 'day1.checkin', '第一天顺利：电脑可用，已见过团队');
    expect(await findSeriousA11yViolations(manager.page)).toEqual([]);
    await shoot(manager.page, '09-manager-day-one-zh');
    await closeClean(manager);

    const hr = await openPage(h, 'en-US');
    await signIn(hr.page, h.demo.users.hr.email, h.demo.password, EN);
    await hr.page.goto(`/candidates/${candidateId}`);
    const planState = (step: string) => hr.page.getByTestId('plan-card').locator(`[data-testid="plan-item"][data-step="${step}"]`).getAttribute('data-state');
    for (const step of ['offer.confirmation_call', 'prep.manager_intro_call', 'day1.workstation_prep', 'day1.checkin']) {
      await expect.poll(() => planState(step), { message: step }).toBe('done');
    }
    await shoot(hr.page, '10-hr-plan-after-journey');
    await closeClean(hr);
  });
});
