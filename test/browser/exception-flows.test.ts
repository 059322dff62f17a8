/**
 * When plans change, in the console (Chromium against the real server): HR record a
 * delay, agree a new start date and see the plan move; HR record a renege with the
 * talent-pool opt-in and find the person on the talent-pool page; HR record a salary
 * request, weigh it against the pay band and approve it, and the candidate re-accepts
 * the new offer in the portal. axe on every screen.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findSeriousA11yViolations, pickDialogOption, openPage, openPhone, screenshot, signIn, startHarness, type Harness } from './harness.js';
import { createAcceptedCandidate as createFor, isoDate, portalPath, staffHeaders, ZH } from './flow-helpers.js';

let h: Harness;
beforeAll(async () => { h = await startHarness(); });
afterAll(async () => { await h?.close(); });

const createAcceptedCandidate = (fullName: string, startDate: string, extra: Record<string, unknown> = {}) => createFor(h, fullName, { startDate, extra });

/** Submits the open change dialog; if it stays open, the error names what the form shows. */
async function submitDialog(page: Page) {
  const dialog = page.getByRole('dialog');
  await dialog.getByTestId('change-submit').click();
  try {
    await dialog.waitFor({ state: 'detached', timeout: 30_000 });
  } catch (err) {
    throw new Error(`the dialog stayed open showing: ${await dialog.innerText().catch(() => '(gone)')}`, { cause: err });
  }
}

describe('recording changes in the console', () => {
  it('HR record a delay, then agree a new start date and see the plan move', async () => {
    const start = isoDate(40);
    const later = isoDate(54);
    const id = await createAcceptedCandidate('Morgan Delay', start);
    // HR's own language is Chinese (their profile), whatever the browser says.
    const { page, context, problems } = await openPage(h, 'zh-CN');
    await signIn(page, h.demo.users.hr.email, h.demo.password, ZH);
    await page.goto(`/candidates/${id}`);
    await page.getByTestId('change-actions').waitFor();

    await page.getByTestId('change-delay').click();
    await pickDialogOption(page, '原因', '反向 Offer');
    await page.getByRole('dialog').getByLabel('候选人提出的入职日期').fill(later);
    await submitDialog(page);
    await expect.poll(() => page.locator('.ant-tag', { hasText: '延期' }).count()).toBeGreaterThan(0);

    await page.getByTestId('change-startDate').click();
    await page.getByTestId('new-start-date').fill(later);
    await page.getByRole('dialog').getByLabel('商定内容').fill('Agreed after the counter-offer talk');
    await submitDialog(page);
    const moved = page.getByTestId('moved-steps');
    await moved.waitFor();
    expect(await moved.innerText()).toMatch(/个步骤已调整/);
    expect(await moved.locator('.ant-list-item').count()).toBeGreaterThan(3);
    await expect.poll(() => page.locator('.ant-tag', { hasText: '入职准备' }).count()).toBeGreaterThan(0);
    // The plan card was refreshed: the day-one check-in now sits on the new date.
    await expect.poll(async () => (await page.request.get(`/api/v1/candidates/${id}/plan`)).json()
      .then((p: { items: Array<{ stepId: string; state: string; dueAt: string }> }) => p.items.find((i) => i.stepId === 'day1.checkin' && i.state !== 'cancelled')?.dueAt.slice(0, 10)))
      .toBe(later);
    expect(await findSeriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'changes-new-start-date');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('HR record a renege with the talent-pool opt-in and find the person on the talent-pool page (zh-CN)', async () => {
    const id = await createAcceptedCandidate('人才 库测试', isoDate(30));
    const { page, context, problems } = await openPage(h, 'zh-CN');
    await signIn(page, h.demo.users.hr.email, h.demo.password, ZH);
    await page.goto(`/candidates/${id}`);
    await page.getByTestId('change-actions').waitFor();
    await page.getByTestId('change-decline').click();
    await pickDialogOption(page, '原因', '反向 Offer');
    await page.getByTestId('talent-pool-opt-in').check();
    await page.getByTestId('pool-wording').waitFor();
    expect(await page.getByTestId('pool-wording').innerText()).toContain('24 个月');
    expect(await findSeriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'changes-renege-opt-in-zh');
    await submitDialog(page);
    await expect.poll(() => page.locator('.ant-tag', { hasText: '毁约' }).count()).toBeGreaterThan(0);
    // The prepared thank-you is there to read before it goes.
    await page.getByTestId('prepared-messages').waitFor();

    await page.getByRole('menuitem', { name: '人才库' }).click();
    await page.waitForURL('**/talent-pool');
    const row = page.getByTestId('talent-pool-table').locator('tbody tr.ant-table-row', { hasText: '人才 库测试' });
    await row.waitFor();
    expect(await row.innerText()).toMatch(/\d{4}/);
    expect(await findSeriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'talent-pool-zh');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('HR record a salary request, weigh it against the pay band and approve it: offer version 2 waits for the candidate (zh-CN)', async () => {
    const headers = await staffHeaders(h);
    const band = await h.app.inject({
      method: 'PUT', url: '/api/v1/pay-bands', headers,
      payload: { departmentId: h.demo.departments.engineering, matchKind: 'position_title', matchValue: 'Platform Engineer', minMonthly: 25000, midMonthly: 32000, maxMonthly: 40000 },
    });
    expect(band.statusCode, band.body).toBe(200);
    const id = await createAcceptedCandidate('薪资 诉求', isoDate(35));
    const { page, context, problems } = await openPage(h, 'zh-CN');
    await signIn(page, h.demo.users.hr.email, h.demo.password, ZH);
    await page.goto(`/candidates/${id}`);
    await page.getByTestId('change-salary').click();
    const argument = '另一家公司给到 36k，希望能接近这个水平';
    await page.getByRole('dialog').getByLabel('期望月薪（可选）').fill('36000');
    await page.getByRole('dialog').getByLabel('候选人的理由').fill(argument);
    await submitDialog(page);

    await page.getByTestId('salary-evaluate').click();
    const dialog = page.getByRole('dialog');
    await expect.poll(() => dialog.innerText()).toContain(argument);
    const facts = await dialog.locator('.ant-descriptions-item-content').allInnerTexts();
    const [asked, current, payBand] = facts.slice(1).map((x) => x.replace(/\s+/g, ''));
    expect(asked).toBe('¥36,000');
    expect(current).toBe('¥30,000×14');
    expect(payBand).toBe('¥25,000–¥32,000–¥40,000');
    await dialog.getByLabel('同意').check();
    await dialog.getByLabel('新的月度基本工资').fill('34000');
    await page.mouse.move(0, 0);
    expect(await findSeriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'changes-salary-evaluate-zh');
    await dialog.getByRole('button', { name: '记录决定' }).click();
    await dialog.waitFor({ state: 'detached', timeout: 30_000 });

    const v2 = page.getByTestId('offer-version').and(page.locator('[data-version="2"]'));
    await v2.waitFor();
    expect(await v2.innerText()).toContain('待候选人接受');
    expect(await v2.getByTestId('offer-salary').innerText()).toContain('34,000');
    await page.getByTestId('salary-evaluate').waitFor({ state: 'detached' });
    expect(problems).toEqual([]);
    await context.close();
  });

  it('the candidate reads the approved pay change in the portal and accepts it (phone, en-US)', async () => {
    const id = await createAcceptedCandidate('Sam Raise', isoDate(35), { language: 'en-US' });
    const headers = await staffHeaders(h);
    const asked = await h.app.inject({ method: 'POST', url: `/api/v1/candidates/${id}/salary-requests`, headers, payload: { requestedMonthly: 35000, argument: 'A competing offer at 35k' } });
    expect(asked.statusCode, asked.body).toBe(201);
    const decided = await h.app.inject({ method: 'POST', url: `/api/v1/candidates/${id}/salary-requests/${asked.json().id}/decision`, headers, payload: { decision: 'approved', salaryMonthly: 34000 } });
    expect(decided.statusCode, decided.body).toBe(200);
    const { page, context, problems } = await openPhone(h, 'en-US');
    await page.goto(await portalPath(h, id));
    await page.locator('[data-tab="offer"]').click();
    const terms = page.getByTestId('offer-terms');
    await terms.waitFor();
    expect(await terms.innerText()).toContain('34,000');
    expect(await terms.innerText()).toContain('30,000');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    expect(await findSeriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'portal-updated-offer-en');
    await page.getByTestId('accept-offer').click();
    await expect.poll(() => page.getByTestId('offer-status').innerText()).toContain('Accepted');
    const offers = await h.app.inject({ method: 'GET', url: `/api/v1/candidates/${id}/offers`, headers });
    expect(offers.json().items[0]).toMatchObject({ version: 2, status: 'accepted' });
    expect(problems).toEqual([]);
    await context.close();
  });
});
