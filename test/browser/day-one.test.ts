/**
 * Day one in Chromium against the real server: HR record the arrival and a day-one issue
 * from the candidate page; the issue is an HR task due within a business day, done with
 * its outcome; the new hire's portal no longer offers changes. axe on every screen.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toLocalDate } from '../../src/core/time/local-time.js';
import { findSeriousA11yViolations, openPage, openPhone, screenshot, signIn, startHarness, type Harness } from './harness.js';
import { createAcceptedCandidate, portalPath, staffHeaders, ZH } from './flow-helpers.js';

let h: Harness;
let id: string;

beforeAll(async () => {
  h = await startHarness();
  id = await createAcceptedCandidate(h, '首日 测试', { startDate: toLocalDate(new Date(), 'Asia/Shanghai') });
});
afterAll(async () => { await h?.close(); });

describe('day one', () => {
  it('HR record the arrival and an issue; the issue is HR’s task, completed with its outcome (zh-CN)', async () => {
    const { context, page, problems } = await openPage(h, 'zh-CN');
    await signIn(page, h.demo.users.hr.email, h.demo.password, ZH);
    await page.goto(`/candidates/${id}`);
    await page.getByTestId('change-arrived').click();
    const dialog = page.getByRole('dialog');
    expect(await dialog.innerText()).toContain('确认 首日 测试 已到岗报到。');
    await dialog.getByTestId('change-submit').click();
    await dialog.waitFor({ state: 'detached', timeout: 30_000 });
    await expect.poll(() => page.locator('.pb-page-head').innerText()).toContain('已入职');

    // Arrival opens the day-one issue form; arrival itself is no longer offered.
    expect(await page.getByTestId('change-arrived').count()).toBe(0);
    await page.getByTestId('change-issue').click();
    await dialog.getByLabel('出现了什么问题').fill('电脑未到位');
    await page.mouse.move(0, 0);
    expect(await findSeriousA11yViolations(page)).toEqual([]);
    await dialog.getByTestId('change-submit').click();
    await dialog.waitFor({ state: 'detached', timeout: 30_000 });

    const row = page.getByTestId('candidate-tasks').locator('tr[data-step="day1.issue"]');
    await row.waitFor();
    expect(await row.innerText()).toContain('处理首日问题');
    // The issue's own words are on the row and in the completion dialog: two issues never look alike.
    expect(await row.getByTestId('task-detail').innerText()).toBe('电脑未到位');
    const [task] = (await h.app.inject({ method: 'GET', url: `/api/v1/tasks?status=open&candidateId=${id}`, headers: await staffHeaders(h) }))
      .json().items.filter((t: { stepId: string }) => t.stepId === 'day1.issue');
    expect(task).toMatchObject({ detail: '电脑未到位', ownerRoles: ['hr'] });
    expect(await row.locator('time').getAttribute('datetime')).toBe(task.dueAt);
    // One business day: at most four calendar days on even across a weekend and a holiday eve.
    expect(Date.parse(task.dueAt) - Date.now()).toBeGreaterThan(0);
    expect(Date.parse(task.dueAt) - Date.now()).toBeLessThanOrEqual(4 * 86_400_000);
    await screenshot(page, 'day-one-1-issue-task-zh');

    await row.getByTestId('task-complete').click();
    await dialog.getByTestId('complete-form').waitFor();
    expect(await dialog.getByTestId('complete-detail').innerText()).toBe('电脑未到位');
    await dialog.getByLabel('结果', { exact: true }).fill('IT 已送来备用电脑');
    await dialog.getByTestId('complete-submit').click();
    await dialog.waitFor({ state: 'detached', timeout: 30_000 });
    await row.waitFor({ state: 'detached' });
    await page.getByTestId('touch').filter({ hasText: 'IT 已送来备用电脑' }).waitFor();
    expect(await findSeriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'day-one-2-issue-done-zh');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('the new hire’s portal no longer offers changes (phone, zh-CN)', async () => {
    const { context, page, problems } = await openPhone(h, 'zh-CN');
    await page.goto(await portalPath(h, id));
    await page.getByRole('heading', { level: 1, name: '首日，欢迎加入！' }).waitFor();
    await page.getByRole('button', { name: '有变化', exact: true }).click();
    await page.getByText('入职已经开始，如有变化请直接联系 HR。').waitFor();
    expect(await page.locator('#pb-main form').count()).toBe(0);
    expect(await findSeriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'day-one-3-portal-started-zh');
    expect(problems).toEqual([]);
    await context.close();
  });
});
