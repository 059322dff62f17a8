/**
 * Staff channels in Chromium against the real server: an org admin adds a WeCom group
 * robot (a wrong URL refused beside the field first), sends a test message that reaches
 * the local WeCom server, edits it (new name and language; a wrong webhook refused, a
 * blank one keeping the saved webhook), test-sends again in the new language, then
 * removes it. The webhook key never appears on the page. axe on the tab and the edit form
 * in both languages.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findSeriousA11yViolations, openPage, pickDialogOption, screenshot, settle, signIn, startHarness, type Harness } from './harness.js';
import { startWecomServer, type WecomTestServer } from '../servers/wecom.js';

const ZH = { email: '工作邮箱', password: '密码', submit: '登录' };
const EN = { email: 'Work email', password: 'Password', submit: 'Sign in' };

let h: Harness;
let wecom: WecomTestServer;

beforeAll(async () => {
  h = await startHarness();
  wecom = await startWecomServer({ robotKey: 'browser-key-7777' });
});
afterAll(async () => {
  await wecom?.close();
  await h?.close();
});

describe('staff channels in the console', () => {
  it('an org admin adds a WeCom robot, test-sends to it and removes it', async () => {
    const { context, page, problems } = await openPage(h, 'zh-CN');
    await signIn(page, h.demo.users.org_admin.email, h.demo.password, ZH);
    await page.goto(`${h.baseUrl}/settings?tab=channels`);
    await page.getByRole('tab', { name: '员工通知渠道' }).waitFor();
    await page.getByTestId('channel-add').click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('名称', { exact: true }).fill('入职提醒群');
    await dialog.getByLabel('Webhook 地址', { exact: true }).fill('https://example.com/cgi-bin/webhook/send?key=x');
    await page.getByTestId('channel-submit').click();
    await dialog.getByText('请填写所选平台的机器人 Webhook 地址（https）。').waitFor();
    await dialog.getByLabel('Webhook 地址', { exact: true }).fill(`${wecom.url}/cgi-bin/webhook/send?key=browser-key-7777`);
    await page.getByTestId('channel-submit').click();
    const row = page.getByTestId('channels-table').locator('tbody tr.ant-table-row');
    await expect.poll(() => row.count()).toBe(1);
    expect(await row.first().innerText()).toContain('入职提醒群');
    expect(await row.first().innerText()).toContain('…7777');
    expect(await page.content()).not.toContain('browser-key-7777');
    await settle(page);
    expect(await findSeriousA11yViolations(page)).toEqual([]);
    await screenshot(page, '45-settings-channels-zh');

    await page.getByRole('button', { name: '发送测试: 入职提醒群' }).click();
    await page.getByText('已向「入职提醒群」发送测试消息').waitFor();
    expect(wecom.delivered).toHaveLength(1);
    expect(JSON.stringify(wecom.delivered[0]!.body)).toContain('「入职提醒群」测试消息');

    // Edit: the saved webhook is not shown, only its hint; a wrong one is refused beside the field.
    await page.getByRole('button', { name: '编辑: 入职提醒群' }).click();
    const edit = page.getByRole('dialog', { name: '编辑「入职提醒群」' });
    await edit.getByText('留空则保留已保存的 Webhook', { exact: false }).waitFor();
    expect(await edit.getByLabel(/^Webhook 地址/).inputValue()).toBe('');
    expect(await edit.getByLabel('名称', { exact: true }).inputValue()).toBe('入职提醒群');
    await edit.getByLabel('名称', { exact: true }).fill('入职提醒群（上海）');
    await pickDialogOption(page, '消息语言', 'English');
    await edit.getByLabel(/^Webhook 地址/).fill('https://example.com/cgi-bin/webhook/send?key=y');
    await page.getByTestId('channel-submit').click();
    await edit.getByText('请填写所选平台的机器人 Webhook 地址（https）。').waitFor();
    await settle(page);
    expect(await findSeriousA11yViolations(page)).toEqual([]);
    await screenshot(page, '46-settings-channel-edit-zh');
    // Blank keeps the saved webhook.
    await edit.getByLabel(/^Webhook 地址/).fill('');
    await page.getByTestId('channel-submit').click();
    await page.getByText('已保存「入职提醒群（上海）」').waitFor();
    await expect.poll(() => row.first().innerText()).toContain('入职提醒群（上海）');
    expect(await row.first().innerText()).toContain('English');
    expect(await row.first().innerText()).toContain('…7777');
    expect(await page.content()).not.toContain('browser-key-7777');

    // The robot now posts in English, still to the saved webhook.
    await page.getByRole('button', { name: '发送测试: 入职提醒群（上海）' }).click();
    await expect.poll(() => wecom.delivered.length).toBe(2);
    expect((wecom.delivered[1]!.body as { text: { content: string } }).text.content).toContain('test message for "入职提醒群（上海）"');

    await page.getByRole('button', { name: '移除: 入职提醒群（上海）' }).click();
    await page.getByRole('tooltip').getByRole('button', { name: '移除' }).click();
    await expect.poll(() => row.count()).toBe(0);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('reads in English with no serious accessibility problems', async () => {
    const { context, page, problems } = await openPage(h, 'en-US');
    await signIn(page, h.demo.users.org_admin.email, h.demo.password, EN);
    await page.goto(`${h.baseUrl}/settings?tab=channels`);
    // The profile's language wins after sign-in; switch to English here.
    await page.getByText('English', { exact: true }).click();
    await page.getByRole('tab', { name: 'Staff channels' }).waitFor();
    await page.getByText('No staff channels').waitFor();
    await page.getByTestId('channel-add').click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText('https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=…').waitFor();
    // A new robot posts in the console's language unless chosen otherwise.
    expect(await dialog.getByTestId('channel-language').innerText()).toContain('English');
    await settle(page);
    expect(await findSeriousA11yViolations(page)).toEqual([]);
    await dialog.getByLabel('Name', { exact: true }).fill('Onboarding');
    await dialog.getByLabel('Webhook URL', { exact: true }).fill(`${wecom.url}/cgi-bin/webhook/send?key=browser-key-7777`);
    await page.getByTestId('channel-submit').click();
    await page.getByRole('button', { name: 'Edit: Onboarding' }).click();
    await page.getByRole('dialog', { name: 'Edit “Onboarding”' }).getByText('Leave blank to keep the saved webhook', { exact: false }).waitFor();
    await settle(page);
    expect(await findSeriousA11yViolations(page)).toEqual([]);
    await screenshot(page, '46-settings-channel-edit-en');
    expect(problems).toEqual([]);
    await context.close();
  });
});
