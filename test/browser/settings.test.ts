/**
 * Settings and the audit log in Chromium against the real server: an org admin changes
 * quiet hours (with a field error first), adds a calendar override, creates an API token
 * that is shown once, then filters the audit log and opens an entry; HR get no way in.
 * axe on every screen, both languages.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { findSeriousA11yViolations as findViolations, openPage, screenshot, settle, signIn, startHarness, type Harness } from './harness.js';

const ZH = { email: '工作邮箱', password: '密码', submit: '登录' };

let h: Harness;

/** axe with the pointer parked away from the button just clicked (hover tints are not the resting colours). */
async function findSeriousA11yViolations(page: Page): Promise<string[]> {
  await page.mouse.move(0, 0);
  return findViolations(page);
}

beforeAll(async () => { h = await startHarness(); });
afterAll(async () => { await h?.close(); });

describe('settings and audit log in the console', () => {
  it('an org admin changes quiet hours, adds a calendar override, creates a token and finds it all in the audit log', async () => {
    const { context, page, problems } = await openPage(h, 'zh-CN');
    await signIn(page, h.demo.users.org_admin.email, h.demo.password, ZH);
    await page.getByRole('menuitem', { name: '设置' }).click();
    await page.waitForURL('**/settings');
    await page.getByRole('heading', { name: '设置', level: 1 }).waitFor();
    const form = page.getByTestId('general-settings-form');
    const quietStart = form.getByLabel('免打扰开始', { exact: true });
    const quietEnd = form.getByLabel('免打扰结束', { exact: true });
    expect(await quietStart.inputValue()).toBe('21:00');
    expect(await findSeriousA11yViolations(page)).toEqual([]);
    await screenshot(page, '40-settings-general-zh');

    // The shared schema refuses a window that starts and ends at the same time, beside the field.
    await quietStart.fill('09:00');
    await page.getByTestId('general-save').click();
    await form.getByText('免打扰时段的开始和结束不能相同').waitFor();
    await quietStart.fill('22:00');
    await quietEnd.fill('08:30');
    await page.getByTestId('general-save').click();
    await page.getByText('已保存').first().waitFor();
    await page.reload();
    await expect.poll(() => page.getByTestId('general-settings-form').getByLabel('免打扰开始', { exact: true }).inputValue()).toBe('22:00');
    expect(await page.getByTestId('general-settings-form').getByLabel('免打扰结束', { exact: true }).inputValue()).toBe('08:30');

    // Calendar: an extra company holiday; the same date twice is refused in place.
    await page.getByRole('tab', { name: '日历' }).click();
    await page.waitForURL('**/settings?tab=calendar');
    const overrides = page.getByTestId('override-form');
    await overrides.getByLabel('日期', { exact: true }).fill('2027-01-04');
    await overrides.getByLabel('名称', { exact: true }).fill('公司周年庆');
    await page.getByTestId('override-add').click();
    const row = page.getByTestId('override-table').locator('tbody tr.ant-table-row');
    await expect.poll(() => row.count()).toBe(1);
    expect(await row.first().innerText()).toContain('公司周年庆');
    expect(await row.first().innerText()).toContain('额外放假');
    await overrides.getByLabel('日期', { exact: true }).fill('2027-01-04');
    await overrides.getByLabel('名称', { exact: true }).fill('重复');
    await page.getByTestId('override-add').click();
    await overrides.getByText('该日期已有例外设置').waitFor();
    expect(await row.count()).toBe(1);
    // The built-in holidays of this year sit below, or a warning when the data does not reach it.
    const statutory = page.getByTestId('statutory-days');
    await statutory.locator('tbody tr.ant-table-row, .ant-alert-warning').first().waitFor();
    expect(await findSeriousA11yViolations(page)).toEqual([]);
    await screenshot(page, '41-settings-calendar-zh');

    // API token: the secret appears once, with a copy button, and is gone after closing.
    await page.getByRole('tab', { name: 'API 令牌' }).click();
    await page.getByTestId('token-create').click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('名称', { exact: true }).fill('Moka ATS');
    await page.getByTestId('token-submit').click();
    const secret = page.getByTestId('token-secret');
    await secret.waitFor();
    const token = (await secret.innerText()).trim();
    expect(token.length).toBeGreaterThan(30);
    expect(await secret.getByRole('button', { name: '复制' }).count()).toBe(1);
    expect(await findSeriousA11yViolations(page)).toEqual([]);
    await screenshot(page, '42-settings-token-once-zh');
    await page.getByRole('button', { name: '我已复制' }).click();
    await secret.waitFor({ state: 'detached' });
    const tokens = page.getByTestId('tokens-table');
    await tokens.getByText('Moka ATS').waitFor();
    expect(await page.locator('body').innerText()).not.toContain(token);
    const me = await fetch(`${h.baseUrl}/api/v1/candidates?limit=1`, { headers: { authorization: `Bearer ${token}` } });
    expect(me.status).toBe(200); // the token shown is the one that works

    // Audit log: filter to settings changes, open the newest and read its before/after.
    await page.getByRole('menuitem', { name: '审计日志' }).click();
    await page.waitForURL('**/audit');
    await page.getByRole('heading', { name: '审计日志', level: 1 }).waitFor();
    const entity = page.getByRole('combobox', { name: '记录' });
    await entity.fill('settings');
    await entity.press('Enter');
    await page.waitForURL('**/audit?entity=settings');
    const rows = page.getByTestId('audit-table').locator('tbody tr.ant-table-row');
    await expect.poll(() => rows.count()).toBe(2);
    for (const text of await rows.allInnerTexts()) expect(text).toContain('settings');
    expect(await rows.first().innerText()).toContain('赵磊');
    await rows.first().getByRole('button', { name: /详情/ }).click();
    const detail = page.getByTestId('audit-detail');
    await detail.waitFor();
    const json = JSON.parse(await detail.innerText()) as { before: { calendarOverrides: unknown[] }; after: { calendarOverrides: unknown[] } };
    expect(json.before.calendarOverrides).toEqual([]);
    expect(json.after.calendarOverrides).toEqual([{ date: '2027-01-04', name: '公司周年庆', working: false }]);
    expect(await findSeriousA11yViolations(page)).toEqual([]);
    await screenshot(page, '43-audit-drawer-zh');
    await page.keyboard.press('Escape');
    await detail.waitFor({ state: 'detached' });

    // The filter is in the URL: a reload keeps it; adding the token's action narrows to nothing.
    await page.reload();
    await expect.poll(() => rows.count()).toBe(2);
    expect(await page.getByRole('combobox', { name: '记录' }).inputValue()).toBe('settings');
    const action = page.getByRole('combobox', { name: '操作', exact: true });
    await action.fill('revoke');
    await action.press('Enter');
    await page.waitForURL(/action=revoke/);
    await page.getByText('没有符合条件的记录').waitFor();

    // One pass in English.
    await page.getByText('English', { exact: true }).click();
    await page.getByRole('heading', { name: 'Audit log', level: 1 }).waitFor();
    await page.getByRole('button', { name: 'Clear filters' }).click();
    await expect.poll(() => rows.count()).toBeGreaterThan(20);
    expect(await findSeriousA11yViolations(page)).toEqual([]);
    await screenshot(page, '44-audit-en');
    // Entries per page: 20 instead of 50, kept in the URL.
    await page.getByRole('combobox', { name: 'Entries per page' }).click();
    await page.locator('.ant-select-item-option', { hasText: '20 / page' }).click();
    await page.waitForURL(/size=20/);
    await expect.poll(() => rows.count()).toBe(20);
    expect(await page.getByTestId('audit-next').isEnabled()).toBe(true);
    await page.getByRole('menuitem', { name: 'Settings' }).click();
    await page.getByRole('tab', { name: 'Users & roles' }).click();
    await page.getByTestId('users-table').getByText('王芳 Wang Fang').waitFor();
    await settle(page);
    expect(await findSeriousA11yViolations(page)).toEqual([]);
    await screenshot(page, '45-settings-users-en');

    // A new HR user: the shared schema asks for a longer password first, then the row appears.
    await page.getByTestId('user-create').click();
    const drawer = page.getByRole('dialog');
    await drawer.getByLabel('Work email', { exact: true }).fill('new.hr@example.com');
    await drawer.getByLabel('Name', { exact: true }).fill('Sun Mei');
    await drawer.getByLabel('Initial password', { exact: true }).fill('short');
    await page.getByTestId('user-save').click();
    await drawer.getByText('At least 10 characters', { exact: true }).waitFor();
    await drawer.getByLabel('Initial password', { exact: true }).fill('a-long-enough-password');
    await page.getByTestId('user-save').click();
    await drawer.waitFor({ state: 'detached' });
    const newRow = page.getByTestId('users-table').locator('tbody tr', { hasText: 'Sun Mei' });
    await newRow.waitFor();
    expect(await newRow.innerText()).toContain('HR');
    // Disabling asks first, then shows the state.
    await newRow.getByRole('button', { name: 'Disable: Sun Mei' }).click();
    await page.getByRole('tooltip').getByRole('button', { name: 'Disable' }).click();
    await expect.poll(() => newRow.innerText()).toContain('Disabled');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('HR see neither entry in the menu and get no access at the address', async () => {
    const { context, page, problems } = await openPage(h, 'zh-CN');
    await signIn(page, h.demo.users.hr.email, h.demo.password, ZH);
    expect(await page.getByRole('menuitem', { name: '设置' }).count()).toBe(0);
    expect(await page.getByRole('menuitem', { name: '审计日志' }).count()).toBe(0);
    await page.goto('/settings');
    await page.getByTestId('forbidden').waitFor();
    await page.goto('/audit');
    await page.getByTestId('forbidden').waitFor();
    expect(await findSeriousA11yViolations(page)).toEqual([]);
    expect(problems).toEqual([]);
    await context.close();
  });
});
