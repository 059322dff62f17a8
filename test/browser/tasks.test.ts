/**
 * The engine in the staff console, in Chromium against the real server: My tasks per
 * role with completion, the candidate's plan (preview → offer accepted → running) in
 * both languages, and the outbox. axe runs on every new page.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findSeriousA11yViolations, openPage, screenshot, signIn, startHarness, type Harness } from './harness.js';

const ZH = { email: '工作邮箱', password: '密码', submit: '登录' };
const EN = { email: 'Work email', password: 'Password', submit: 'Sign in' };

let h: Harness;
beforeAll(async () => { h = await startHarness(); });
afterAll(async () => { await h?.close(); });

const taskRow = (page: Page, step: string, candidate?: string) =>
  page.getByTestId('task-table').locator(`tr[data-step="${step}"]${candidate ? `[data-candidate="${candidate}"]` : ''}`);
const tabCount = async (page: Page, tab: string) => Number(await page.getByTestId(`tab-${tab}`).locator('.pb-tab-count').innerText());
const rowSteps = (page: Page) => page.getByTestId('task-table').locator('tbody tr.ant-table-row').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-step')));

/** Looks for a task under "today", then "upcoming"; returns its row once shown. */
async function findOpenTaskRow(page: Page, step: string, candidate: string) {
  for (const tab of ['today', 'upcoming']) {
    const listed = page.waitForResponse((r) => r.url().includes('/api/v1/tasks?') && r.url().includes(`due=${tab}`) && !/limit=1(&|$)/.test(r.url()));
    await page.getByTestId(`tab-${tab}`).click();
    await listed;
    await expect.poll(() => page.getByTestId('task-table').locator('.ant-spin-spinning').count()).toBe(0);
    const row = taskRow(page, step, candidate);
    if (await row.count() > 0) return row;
  }
  throw new Error(`no open task ${step} for ${candidate}`);
}

/** Opens a task's "Complete" dialog from its row, fills the outcome and submits. */
async function completeFromRow(page: Page, row: ReturnType<Page['locator']>, fields: Record<string, string>) {
  await row.getByTestId('task-complete').click();
  const dialog = page.getByRole('dialog');
  await dialog.getByTestId('complete-form').waitFor();
  for (const [label, value] of Object.entries(fields)) await dialog.getByLabel(label, { exact: true }).fill(value);
  await dialog.getByTestId('complete-submit').click();
  await dialog.waitFor({ state: 'detached' });
}

/** Creates a candidate through the API as HR (a fetch with the session cookie and CSRF token). */
async function createCandidateAsHr(body: Record<string, unknown>): Promise<string> {
  const login = await fetch(`${h.baseUrl}/api/v1/auth/login`, {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: h.demo.users.hr.email, password: h.demo.password }),
  });
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!;
  const { csrfToken } = await login.json() as { csrfToken: string };
  const res = await fetch(`${h.baseUrl}/api/v1/candidates`, {
    method: 'POST', headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrfToken }, body: JSON.stringify(body),
  });
  const created = await res.json() as { id?: string };
  if (res.status !== 201 || !created.id) throw new Error(`create candidate: ${res.status} ${JSON.stringify(created)}`);
  return created.id;
}

describe('tasks, plan and outbox in the console', () => {
  it('HR completes the confirmation call: the candidate moves to preboarding, with the touch and the plan step done', async () => {
    const { context, page, problems } = await openPage(h, 'zh-CN');
    await signIn(page, h.demo.users.hr.email, h.demo.password, ZH);
    await page.getByRole('menuitem', { name: '我的待办' }).click();
    await page.waitForURL('**/tasks');
    await page.getByRole('heading', { name: '我的待办' }).waitFor();
    await page.getByTestId('tab-overdue').locator('.pb-tab-count').waitFor();
    expect(await tabCount(page, 'overdue')).toBeGreaterThan(0);
    // With overdue work and no tab in the URL, the overdue group opens first.
    await page.getByTestId('overdue-tag').first().waitFor();
    expect(await findSeriousA11yViolations(page)).toEqual([]);
    await screenshot(page, '10-tasks-hr-zh');

    // The call falls due a day after acceptance, moved out of quiet hours and off rest
    // days, so depending on the hour it sits under "today" or "upcoming".
    const row = await findOpenTaskRow(page, 'offer.confirmation_call', '张三');
    expect(await row.innerText()).toContain('入职意向确认电话');
    expect(await row.innerText()).toContain('招聘 HR');
    const doneBefore = await tabCount(page, 'done');
    const outcome = '已确认按期入职；说明了试用期考核标准和五险一金';
    await completeFromRow(page, row, { 结果: outcome, 候选人反馈: '很期待第一天' });
    await row.waitFor({ state: 'detached' });
    await expect.poll(() => tabCount(page, 'done')).toBe(doneBefore + 1);

    await page.getByTestId('tab-done').click();
    const done = taskRow(page, 'offer.confirmation_call', '张三');
    await done.waitFor();
    expect(await done.innerText()).toContain(outcome);
    await done.getByRole('link', { name: '张三' }).click();
    await page.getByTestId('candidate-name').waitFor();
    await expect.poll(() => page.locator('.pb-page-head').innerText()).toContain('入职准备中');
    const touch = page.getByTestId('touch').filter({ hasText: outcome });
    await touch.waitFor();
    expect(await touch.innerText()).toContain('offer.confirmation_call');
    expect(await touch.innerText()).toContain('很期待第一天');
    const step = page.getByTestId('plan-item').and(page.locator('[data-step="offer.confirmation_call"]'));
    await expect.poll(() => step.getAttribute('data-state')).toBe('done');
    expect(await step.innerText()).toContain('已完成');
    expect(await page.getByTestId('plan-stage-offer_confirmation').innerText()).toContain('Offer 确认');
    // The candidate's own task list no longer offers the finished call.
    expect(await page.getByTestId('candidate-tasks').locator('tr[data-step="offer.confirmation_call"]').count()).toBe(0);
    expect(await findSeriousA11yViolations(page)).toEqual([]);
    await screenshot(page, '11-candidate-plan-zh');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('a hiring manager sees only manager-owned tasks and completes an intro call', async () => {
    const { context, page, problems } = await openPage(h, 'zh-CN');
    await signIn(page, h.demo.users.manager.email, h.demo.password, ZH);
    expect(await page.getByRole('menuitem', { name: '发件箱' }).count()).toBe(0);
    await page.getByRole('menuitem', { name: '我的待办' }).click();
    await page.getByTestId('task-table').locator('tbody tr.ant-table-row').first().waitFor();
    for (const tab of ['overdue', 'upcoming']) {
      await page.getByTestId(`tab-${tab}`).click();
      await page.getByTestId('task-table').locator('tbody tr.ant-table-row').first().waitFor();
      const steps = await rowSteps(page);
      expect(steps.length).toBeGreaterThan(0);
      expect(steps.every((s) => s === 'prep.manager_intro_call' || s === 'day1.checkin')).toBe(true);
      const owners = await page.getByTestId('task-table').locator('tbody tr.ant-table-row td:nth-child(4)').allInnerTexts();
      expect(owners.every((o) => o.includes('用人经理'))).toBe(true);
    }
    const row = taskRow(page, 'prep.manager_intro_call').first();
    const before = await tabCount(page, 'upcoming');
    await completeFromRow(page, row, { 结果: '介绍了团队和第一个月的目标' });
    await expect.poll(() => tabCount(page, 'upcoming')).toBe(before - 1);
    expect(await findSeriousA11yViolations(page)).toEqual([]);
    await screenshot(page, '12-tasks-manager');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('admin staff see workstation preparation and complete it', async () => {
    const { context, page, problems } = await openPage(h, 'en-US');
    await signIn(page, h.demo.users.admin.email, h.demo.password, EN);
    await page.getByRole('menuitem', { name: '我的待办' }).click();
    const row = taskRow(page, 'day1.workstation_prep').first();
    await row.waitFor();
    expect(await row.innerText()).toContain('准备工牌、电脑和工位');
    expect((await rowSteps(page)).every((s) => s === 'day1.workstation_prep')).toBe(true);
    // Logistics tasks ask only for an outcome: no candidate feedback, no channel.
    await row.getByTestId('task-complete').click();
    const dialog = page.getByRole('dialog');
    await dialog.getByTestId('complete-form').waitFor();
    expect(await dialog.getByLabel('候选人反馈', { exact: true }).count()).toBe(0);
    expect(await findSeriousA11yViolations(page)).toEqual([]);
    await screenshot(page, '13-complete-admin');
    await dialog.getByLabel('结果', { exact: true }).fill('工牌、电脑、欢迎礼包已放到 8 楼 A12 工位');
    await dialog.getByTestId('complete-submit').click();
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => tabCount(page, 'done')).toBe(1);
    await page.getByTestId('tab-done').click();
    await expect.poll(() => page.getByTestId('task-table').innerText()).toContain('A12');
    expect(await page.getByRole('menuitem', { name: '发件箱' }).count()).toBe(0);
    expect(await findSeriousA11yViolations(page)).toEqual([]);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('HR reads the outbox, filters dead letters and opens a message', async () => {
    const { context, page, problems } = await openPage(h, 'zh-CN');
    await signIn(page, h.demo.users.hr.email, h.demo.password, ZH);
    await page.getByRole('menuitem', { name: '发件箱' }).click();
    await page.waitForURL('**/outbox');
    const rows = page.getByTestId('outbox-table').locator('tbody tr.ant-table-row');
    await rows.first().waitFor();
    expect(await page.getByTestId('outbox-status').first().innerText()).toBe('待发送');
    expect(await findSeriousA11yViolations(page)).toEqual([]);
    await screenshot(page, '14-outbox-zh');

    await page.getByTestId('outbox-status-filter').click();
    await page.locator('.ant-select-item-option', { hasText: '死信' }).click();
    await page.waitForURL(/status=dead/);
    await page.locator('.ant-select-dropdown').waitFor({ state: 'hidden' });
    await expect.poll(() => page.getByTestId('outbox-table').innerText()).toContain('没有符合条件的消息');
    expect(await findSeriousA11yViolations(page)).toEqual([]);
    await page.goto('/outbox?status=scheduled');
    await rows.first().waitFor();
    await rows.first().getByRole('button').click();
    const drawer = page.getByTestId('outbox-drawer');
    await drawer.waitFor();
    expect(await drawer.innerText()).toContain('待发送');
    expect(await findSeriousA11yViolations(page)).toEqual([]);
    await screenshot(page, '15-outbox-drawer-zh');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('the plan previews before acceptance in English, HR records the acceptance, and it reads in Chinese', async () => {
    const { context, page, problems } = await openPage(h, 'en-US');
    await signIn(page, h.demo.users.hr.email, h.demo.password, EN);
    // HR's profile says zh-CN; switch by hand.
    await page.getByText('English', { exact: true }).click();
    await page.getByRole('columnheader', { name: 'Start date' }).waitFor();
    await page.getByRole('link', { name: '吴九' }).click();
    const preview = page.getByTestId('plan-preview');
    await preview.waitFor();
    expect(await preview.innerText()).toContain('Preview: the plan starts when the offer is accepted');
    const card = page.getByTestId('plan-card');
    expect(await card.getByRole('heading', { name: 'Offer confirmation' }).count()).toBe(1);
    expect(await card.getByRole('heading', { name: 'Day one' }).count()).toBe(1);
    expect(await card.innerText()).toContain('Confirmation call');
    expect(await card.innerText()).toContain('Asia/Shanghai');
    expect(await card.innerText()).toMatch(/GMT\+8/);
    expect(await findSeriousA11yViolations(page)).toEqual([]);
    await screenshot(page, '16-plan-preview-en');

    await page.getByTestId('offer-accepted').click();
    await page.getByRole('button', { name: 'Record', exact: true }).click();
    await preview.waitFor({ state: 'detached' });
    const call = card.getByTestId('plan-item').and(page.locator('[data-step="offer.confirmation_call"]'));
    await expect.poll(() => call.getAttribute('data-state')).toBe('open');
    await expect.poll(() => page.locator('.pb-page-head').innerText()).toContain('Offer accepted');
    await page.getByTestId('candidate-tasks').locator('tr[data-step="offer.confirmation_call"]').waitFor();
    expect(await card.getByTestId('plan-progress').innerText()).toMatch(/^0 of \d+ done$/);
    await screenshot(page, '17-plan-started-en');

    await page.getByRole('radiogroup', { name: 'Language' }).getByText('中文').click();
    await card.getByRole('heading', { name: '入职首日' }).waitFor();
    expect(await card.getByRole('heading', { name: 'Offer 确认' }).count()).toBe(1);
    expect(await card.innerText()).toContain('入职意向确认电话');
    expect(await call.innerText()).toContain('待处理');
    expect(await findSeriousA11yViolations(page)).toEqual([]);
    await screenshot(page, '18-plan-started-zh');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('a message only a person can send (WeChat) offers the prepared text and "Mark sent"', async () => {
    const day = 86_400_000;
    const id = await createCandidateAsHr({
      fullName: '微信 候选人', email: 'wechat@example.com', roleType: 'tech', departmentId: h.demo.departments.engineering,
      siteId: h.demo.sites.shanghai, positionTitle: '运维工程师', startDate: new Date(Date.now() + 6 * day).toISOString().slice(0, 10),
      managerId: h.demo.users.manager.id, hrOwnerId: h.demo.users.hr.id, channels: ['email', 'wechat'],
      offerAcceptedAt: new Date(Date.now() - 3_600_000).toISOString(),
    });
    const { context, page, problems } = await openPage(h, 'zh-CN');
    await signIn(page, h.demo.users.hr.email, h.demo.password, ZH);
    await page.goto(`/candidates/${id}`);
    const row = page.getByTestId('candidate-tasks').locator('tr[data-step="final.daily_care"]').first();
    await row.waitFor();
    await row.getByTestId('task-prepared').click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText('请你亲自发送', { exact: false }).waitFor();
    expect(await dialog.innerText()).toContain('入职前每日关怀');
    expect(await dialog.innerText()).toContain('微信');
    expect(await findSeriousA11yViolations(page)).toEqual([]);
    await screenshot(page, '19-prepared-text-zh');
    await dialog.getByTestId('prepared-mark-sent').click();
    const form = page.getByTestId('complete-form');
    await form.waitFor();
    await page.getByRole('dialog').getByLabel('候选人反馈', { exact: true }).fill('收到，谢谢关心');
    await page.getByTestId('complete-submit').click();
    await form.waitFor({ state: 'detached' });
    const touch = page.getByTestId('touch').filter({ hasText: '收到，谢谢关心' });
    await touch.waitFor();
    expect(await touch.innerText()).toContain('微信');
    expect(problems).toEqual([]);
    await context.close();
  });
});
