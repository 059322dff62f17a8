/**
 * The labour contract after arrival on the candidate page (Chromium against the real
 * server): once arrival is recorded, the tasks card announces the signing task with its
 * legal deadline and the plan shows the deadline on the step, in Chinese and in English;
 * HR record that the hire left, and the contract task goes with it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { computeLabourContractDeadline } from '../../src/core/calendar/labour-contract-deadline.js';
import { toLocalDate } from '../../src/core/time/local-time.js';
import { findSeriousA11yViolations, pickDialogOption, openPage, screenshot, signIn, startHarness, type Harness } from './harness.js';

const ZH = { email: '工作邮箱', password: '密码', submit: '登录' };
const EN = { email: 'Work email', password: 'Password', submit: 'Sign in' };

let h: Harness;
let id: string;
let deadline: string;

beforeAll(async () => {
  h = await startHarness();
  const login = await h.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: h.demo.users.hr.email, password: h.demo.password } });
  const headers = { cookie: String(login.headers['set-cookie']).split(';')[0]!, 'x-csrf-token': login.json().csrfToken };
  const list = await h.app.inject({ method: 'GET', url: `/api/v1/candidates?q=${encodeURIComponent('钱十一')}`, headers });
  id = list.json().items[0].id;
  const arrived = await h.app.inject({ method: 'POST', url: `/api/v1/candidates/${id}/events`, headers, payload: { type: 'arrived' } });
  if (arrived.statusCode !== 201) throw new Error(`arrived: ${arrived.statusCode} ${arrived.body}`);
  // Employment starts on the arrival's date at the Shanghai site.
  deadline = computeLabourContractDeadline(toLocalDate(new Date(), 'Asia/Shanghai'));
});
afterAll(async () => { await h?.close(); });

describe('the labour contract on the candidate page', () => {
  it.each([
    ['zh-CN', '劳动合同', '法定期限'],
    ['en-US', 'Labour contract', 'Legal deadline'],
  ] as const)('%s: the tasks card and the plan show the signing task with its legal deadline', async (lng, stage, label) => {
    const { context, page, problems } = await openPage(h, lng);
    await signIn(page, h.demo.users.hr.email, h.demo.password, lng === 'zh-CN' ? ZH : EN);
    // HR's profile says zh-CN; switch by hand for English.
    if (lng === 'en-US') {
      await page.getByText('English', { exact: true }).click();
      await page.getByRole('columnheader', { name: 'Start date' }).waitFor();
    }
    await page.goto(`/candidates/${id}`);
    const notice = page.getByTestId('contract-notice');
    await notice.waitFor();
    expect(await notice.innerText()).toContain(label);
    expect(await notice.getByTestId('legal-deadline').getAttribute('data-deadline')).toBe(deadline);

    const step = page.getByTestId('plan-card').locator('[data-testid="plan-item"][data-step="contract.sign_labour_contract"]');
    await step.waitFor();
    expect(await step.getByTestId('legal-deadline').getAttribute('data-deadline')).toBe(deadline);
    expect(await page.getByTestId('plan-stage-contract').getByRole('heading', { name: stage }).count()).toBe(1);

    expect(await findSeriousA11yViolations(page)).toEqual([]);
    await screenshot(page, `labour-contract-${lng}`);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('zh-CN: HR complete the signing task with the signing date; a future date is refused under the field', async () => {
    const hire = await createArrivedHire('签约 测试');
    const { context, page, problems } = await openPage(h, 'zh-CN');
    await signIn(page, h.demo.users.hr.email, h.demo.password, ZH);
    await page.goto(`/candidates/${hire}`);
    const row = page.getByTestId('candidate-tasks').locator('tr[data-step="contract.sign_labour_contract"]');
    await row.getByTestId('task-complete').click();
    const dialog = page.getByRole('dialog');
    const signedOn = dialog.getByTestId('signed-on');
    const today = toLocalDate(new Date(), 'Asia/Shanghai');
    const future = toLocalDate(new Date(Date.now() + 5 * 86_400_000), 'Asia/Shanghai');
    await signedOn.fill(future);
    await dialog.getByTestId('complete-submit').click();
    // The server refuses a date in the future; its message stands under the date.
    await expect.poll(() => dialog.locator('.ant-form-item-explain-error').count()).toBeGreaterThan(0);
    // Axe reads colours as shown: not under a hovered button.
    await page.mouse.move(0, 0);
    expect(await findSeriousA11yViolations(page)).toEqual([]);
    await signedOn.fill(today);
    await dialog.getByTestId('complete-submit').click();
    await dialog.waitFor({ state: 'detached', timeout: 30_000 });
    await expect.poll(() => page.getByTestId('touch').filter({ hasText: `signed on ${today}` }).count()).toBe(1);
    await page.getByTestId('contract-notice').waitFor({ state: 'detached' });
    expect(problems).toEqual([]);
    await context.close();
  });

  it('zh-CN: HR record that the new hire left after arriving; the contract task is cancelled', async () => {
    const { context, page, problems } = await openPage(h, 'zh-CN');
    await signIn(page, h.demo.users.hr.email, h.demo.password, ZH);
    await page.goto(`/candidates/${id}`);
    await page.getByTestId('contract-notice').waitFor();
    await page.getByTestId('change-decline').click();
    const dialog = page.getByRole('dialog');
    expect(await dialog.innerText()).toContain('报到后离职');
    await pickDialogOption(page, '原因', '个人原因');
    expect(await findSeriousA11yViolations(page)).toEqual([]);
    await dialog.getByTestId('change-submit').click();
    await dialog.waitFor({ state: 'detached', timeout: 30_000 });
    await page.getByTestId('contract-notice').waitFor({ state: 'detached' });
    const step = page.getByTestId('plan-card').locator('[data-testid="plan-item"][data-step="contract.sign_labour_contract"]');
    await expect.poll(() => step.getAttribute('data-state')).toBe('cancelled');
    await screenshot(page, 'labour-contract-left-zh-CN');
    expect(problems).toEqual([]);
    await context.close();
  });
});

/** A new hire whose start is today, accepted an hour ago, and who has just arrived. */
async function createArrivedHire(fullName: string): Promise<string> {
  const login = await h.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: h.demo.users.hr.email, password: h.demo.password } });
  const headers = { cookie: String(login.headers['set-cookie']).split(';')[0]!, 'x-csrf-token': login.json().csrfToken };
  const created = await h.app.inject({
    method: 'POST', url: '/api/v1/candidates', headers, payload: {
      fullName, email: 'contract@example.com', roleType: 'tech', departmentId: h.demo.departments.engineering, siteId: h.demo.sites.shanghai,
      positionTitle: 'Platform Engineer', startDate: toLocalDate(new Date(), 'Asia/Shanghai'), managerId: h.demo.users.manager.id,
      salaryMonthly: 30000, salaryMonths: 14, offerAcceptedAt: new Date(Date.now() - 3_600_000).toISOString(),
    },
  });
  if (created.statusCode !== 201) throw new Error(`create: ${created.statusCode} ${created.body}`);
  const hire = created.json().id as string;
  const arrived = await h.app.inject({ method: 'POST', url: `/api/v1/candidates/${hire}/events`, headers, payload: { type: 'arrived' } });
  if (arrived.statusCode !== 201) throw new Error(`arrived: ${arrived.statusCode} ${arrived.body}`);
  return hire;
}

