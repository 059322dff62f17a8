/**
 * Employer withdrawal of an offer, end to end in Chromium against the real server: the
 * candidate has the portal open; HR request the withdrawal with a reason and cannot
 * approve it themselves; an executive reads the evidence (offer sent, portal last opened,
 * accepted) and approves; the plan stops; the candidate's open portal page closes to a
 * read-only "no longer open" view. axe on every screen, screenshots kept.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findSeriousA11yViolations, openPage, openPhone, screenshot, signIn, startHarness, type Harness, type TrackedPage } from './harness.js';
import { createAcceptedCandidate, EN, formatInPage, portalPath, staffHeaders, switchToEnglish, ZH } from './flow-helpers.js';

let h: Harness;
let id: string;
let candidate: TrackedPage;
const REASON = '业务调整，该岗位编制冻结';

beforeAll(async () => {
  h = await startHarness();
  id = await createAcceptedCandidate(h, '撤回 测试');
});
afterAll(async () => { await h?.close(); });

/** The evidence list as label → value. */
async function readEvidence(page: TrackedPage['page']): Promise<Record<string, string>> {
  const items = page.getByTestId('pending-withdrawal').locator('.ant-descriptions-item');
  const rows = await items.evaluateAll((els) => els.map((el) => [
    el.querySelector('.ant-descriptions-item-label')?.textContent ?? '', el.querySelector('.ant-descriptions-item-content')?.textContent ?? '',
  ]));
  return Object.fromEntries(rows);
}

describe('employer withdrawal of an offer', () => {
  it('the candidate has the portal open at the arrival form (phone, zh-CN)', async () => {
    candidate = await openPhone(h, 'zh-CN');
    await candidate.page.goto(await portalPath(h, id));
    await candidate.page.getByRole('heading', { level: 1, name: '撤回，欢迎加入！' }).waitFor();
    await candidate.page.getByRole('button', { name: '报到', exact: true }).click();
    await candidate.page.getByRole('heading', { level: 1, name: '报到安排' }).waitFor();
  });

  it('HR request it with a reason; nothing changes yet and they cannot approve their own request (zh-CN)', async () => {
    const { context, page, problems } = await openPage(h, 'zh-CN');
    await signIn(page, h.demo.users.hr.email, h.demo.password, ZH);
    await page.goto(`/candidates/${id}`);
    await page.getByTestId('change-withdraw').click();
    const dialog = page.getByRole('dialog');
    expect(await dialog.innerText()).toContain('在另一位同事（HR、组织管理员或高管）批准之前，候选人这边不会有任何变化。');
    // No reason, no request.
    await dialog.getByTestId('change-submit').click();
    await expect.poll(() => dialog.locator('.ant-form-item-explain-error').count()).toBeGreaterThan(0);
    await dialog.getByLabel('原因').fill(REASON);
    // Axe reads colours as shown: not under a hovered button.
    await page.mouse.move(0, 0);
    expect(await findSeriousA11yViolations(page)).toEqual([]);
    await dialog.getByTestId('change-submit').click();
    await dialog.waitFor({ state: 'detached', timeout: 30_000 });

    const pending = page.getByTestId('pending-withdrawal');
    await pending.waitFor();
    expect(await pending.innerText()).toContain('这是你提交的撤回申请，需由另一位同事审批。');
    expect(await pending.getByTestId('approve-withdrawal').count()).toBe(0);
    const evidence = await readEvidence(page);
    expect(evidence['原因']).toBe(REASON);
    expect(evidence['接受时间']).not.toBe('尚无');
    expect(await page.locator('.pb-page-head').innerText()).not.toContain('已撤回');
    await page.getByTestId('touch').filter({ hasText: 'Offer withdrawal requested' }).waitFor();
    expect(await findSeriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'withdrawal-1-requested-hr-zh');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('an executive reads the evidence and approves; the candidate is withdrawn and the plan stops (en-US)', async () => {
    const [request] = (await h.app.inject({ method: 'GET', url: `/api/v1/offer-withdrawals?candidateId=${id}`, headers: await staffHeaders(h, 'executive') })).json().items;
    expect(request.evidence.portalLastOpenedAt).not.toBeNull();

    const { context, page, problems } = await openPage(h, 'en-US');
    await signIn(page, h.demo.users.executive.email, h.demo.password, EN);
    await switchToEnglish(page);
    await page.goto(`/candidates/${id}`);
    const pending = page.getByTestId('pending-withdrawal');
    await pending.waitFor();
    expect(await pending.innerText()).toContain('Offer withdrawal waiting for approval');
    // The request is the executive's task too, decided here rather than ticked off.
    const approval = page.getByTestId('candidate-tasks').locator('tr[data-step="offer.approve_withdrawal"]');
    await approval.waitFor();
    expect(await approval.getByTestId('task-step').innerText()).toBe('Approve or refuse the offer withdrawal');
    expect(await approval.getByTestId('task-detail').innerText()).toBe(REASON);
    expect(await approval.getByTestId('task-decide').getAttribute('href')).toBe(`/candidates/${id}`);
    expect(await approval.getByTestId('task-complete').count()).toBe(0);
    const evidence = await readEvidence(page);
    expect(evidence).toMatchObject({
      Reason: REASON,
      'Requested by': expect.stringContaining('王芳 Wang Fang'),
      'Offer sent': await formatInPage(page, request.evidence.offerSentAt, 'en-US'),
      'Portal last opened': await formatInPage(page, request.evidence.portalLastOpenedAt, 'en-US'),
      Accepted: await formatInPage(page, request.evidence.acceptedAt, 'en-US'),
    });
    expect(await findSeriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'withdrawal-2-evidence-executive-en');

    await pending.getByLabel('Note (optional)').fill('Confirmed with the hiring committee');
    await pending.getByTestId('approve-withdrawal').click();
    await pending.waitFor({ state: 'detached' });
    await expect.poll(() => page.locator('.pb-page-head').innerText()).toContain('Withdrawn');
    const checkin = page.getByTestId('plan-card').locator('[data-testid="plan-item"][data-step="day1.checkin"]');
    await expect.poll(() => checkin.getAttribute('data-state')).toBe('cancelled');
    await page.getByTestId('touch').filter({ hasText: 'Offer withdrawal approved' }).waitFor();
    expect(await page.getByTestId('touch').filter({ hasText: 'Confirmed with the hiring committee' }).count()).toBe(1);
    expect(await findSeriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'withdrawal-3-approved-executive-en');
    expect(problems).toEqual([]);
    await context.close();

    const decided = (await h.app.inject({ method: 'GET', url: `/api/v1/offer-withdrawals?status=all&candidateId=${id}`, headers: await staffHeaders(h) })).json().items;
    expect(decided).toEqual([expect.objectContaining({ status: 'approved', decidedBy: expect.objectContaining({ id: h.demo.users.executive.id }) })]);
  });

  it('the candidate’s open page closes gracefully at the next action, and stays closed (phone, zh-CN)', async () => {
    const { page, context, problems } = candidate;
    await page.getByLabel('出行方式').selectOption('metro_bus');
    await page.getByLabel('预计到达时间').fill('09:15');
    await page.getByRole('button', { name: '确认', exact: true }).click();
    const closed = page.getByTestId('thanks');
    await closed.waitFor();
    expect(await closed.getByRole('heading', { level: 1 }).innerText()).toBe('这个职位的录用流程已结束');
    expect(await closed.innerText()).not.toContain('谢谢您告诉我们');
    const tabs = () => page.locator('.pb-tab').allInnerTexts();
    expect(await tabs()).toEqual(['谢谢', '消息', '我的数据']);
    expect(await findSeriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'withdrawal-4-portal-closed-zh');

    await page.reload();
    await closed.waitFor();
    expect(await tabs()).toEqual(['谢谢', '消息', '我的数据']);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    // Nothing the candidate could still do reaches the server as a change.
    const confirmations = await h.db.db.selectFrom('touches').select('summary').where('candidate_id', '=', id).where('channel', '=', 'portal').execute();
    expect(confirmations).toEqual([]);
    expect(problems).toEqual([]);
    await context.close();
  });
});
