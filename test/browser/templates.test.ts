/**
 * Message templates in Chromium against the real server: HR open a template, insert a
 * variable at the cursor, watch the live preview follow (sample, then a chosen candidate),
 * see a forbidden question (marital status) flagged inline and refused on save, fix it,
 * save twice and find version 2 in force in the history. Then the same screens in English.
 * axe on every screen.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { findSeriousA11yViolations as findViolations, openPage, screenshot, signIn, startHarness, type Harness } from './harness.js';

const ZH = { email: '工作邮箱', password: '密码', submit: '登录' };

let h: Harness;

/** axe with the pointer parked away from the last click (hover tints are not the resting colours). */
async function findSeriousA11yViolations(page: Page): Promise<string[]> {
  await page.mouse.move(0, 0);
  return findViolations(page);
}

async function pickOption(page: Page, testId: string, option: string) {
  await page.getByTestId(testId).click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: option }).first().click();
}

beforeAll(async () => { h = await startHarness(); });
afterAll(async () => { await h?.close(); });

describe('message templates in the console', () => {
  it('HR edit a template with live preview and inline compliance check, save versions, in Chinese and English', async () => {
    const { context, page, problems } = await openPage(h, 'zh-CN');
    await signIn(page, h.demo.users.hr.email, h.demo.password, ZH);
    await page.getByRole('menuitem', { name: '消息模板' }).click();
    await page.waitForURL('**/templates');
    await page.getByRole('heading', { name: '消息模板', level: 1 }).waitFor();
    const rows = page.getByTestId('template-table').locator('tbody tr.ant-table-row');
    await rows.first().waitFor();

    // Narrow the list to one step in Chinese, then open it.
    await pickOption(page, 'filter-step', '邀请加入企业群与公众号');
    await pickOption(page, 'filter-locale', '中文');
    await page.waitForURL(/step=offer\.channel_invite/);
    await expect.poll(() => rows.count()).toBe(1);
    expect(await rows.first().getByTestId('template-source').innerText()).toBe('内置');
    expect(await findSeriousA11yViolations(page)).toEqual([]);
    await screenshot(page, '60-templates-list-zh');
    await rows.first().getByTestId('template-edit').click();

    const drawer = page.getByRole('dialog');
    const subject = drawer.getByLabel('主题', { exact: true });
    const body = drawer.getByLabel('正文', { exact: true });
    await expect.poll(() => subject.inputValue()).toBe('邀请您加入{{ org.name }}新同事群');
    const previewBody = drawer.getByTestId('preview-body');
    await expect.poll(() => previewBody.innerText()).toContain('张三'); // the sample record
    expect(await drawer.getByTestId('preview-for').innerText()).toBe('示例数据');
    await drawer.getByTestId('lint-clean').waitFor();
    expect(await drawer.getByTestId('template-versions').innerText()).toContain('尚未保存过版本');

    // New text; the picker inserts a variable where the cursor is.
    await body.fill('{{ candidate.name }}，您好！\n欢迎加入，入职日期：。');
    await body.focus();
    await body.evaluate((el: HTMLTextAreaElement) => { const at = el.value.indexOf('。'); el.setSelectionRange(at, at); });
    await body.press('ArrowLeft');
    await body.press('ArrowRight');
    await drawer.getByTestId('variable-picker').click();
    await page.keyboard.type('入职日期');
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: 'offer.startDate' }).first().click();
    await expect.poll(() => body.inputValue()).toBe('{{ candidate.name }}，您好！\n欢迎加入，入职日期：{{ offer.startDate }}。');
    await expect.poll(() => previewBody.innerText()).toBe('张三，您好！\n欢迎加入，入职日期：2026-12-14。');

    // Against a real candidate of the organisation.
    await drawer.getByTestId('preview-candidate').click();
    await page.keyboard.type('李四');
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '李四' }).first().click();
    await expect.poll(() => drawer.getByTestId('preview-for').innerText()).toBe('李四 将看到的内容');
    await expect.poll(() => previewBody.innerText()).toMatch(/^李四，您好！/);

    // A forbidden question is flagged under the editor as it is typed, and refused on save.
    await body.fill('{{ candidate.name }}，您好！\n入群前请告诉我们您的婚姻状况。');
    const finding = drawer.locator('[data-testid="lint-finding"][data-rule="marital_status"]');
    await finding.waitFor();
    expect(await finding.innerText()).toContain('不允许');
    expect(await finding.innerText()).toContain('正文第 2 行');
    expect(await findSeriousA11yViolations(page)).toEqual([]);
    await screenshot(page, '61-template-lint-zh');
    await drawer.getByTestId('template-save').click();
    await expect.poll(() => drawer.getByTestId('body-error').innerText()).toContain('未保存：文案包含不允许询问的内容');
    expect(await drawer.getByTestId('template-version').count()).toBe(0);

    // Fixed: saves as version 1, then version 2.
    await body.fill('{{ candidate.name }}，您好！\n欢迎加入新同事群：{{ invite.link }}');
    await drawer.getByTestId('lint-clean').waitFor();
    await drawer.getByTestId('template-save').click();
    await page.getByText('已保存为版本 1').waitFor();
    await subject.fill('欢迎加入{{ org.name }}');
    await drawer.getByTestId('template-save').click();
    await page.getByText('已保存为版本 2').waitFor();
    const versions = drawer.getByTestId('template-version');
    await expect.poll(() => versions.count()).toBe(2);
    expect(await versions.first().getAttribute('data-version')).toBe('2');
    expect(await versions.first().innerText()).toContain('当前生效');
    expect(await versions.first().innerText()).toContain('欢迎加入{{ org.name }}');
    expect(await findSeriousA11yViolations(page)).toEqual([]);
    await screenshot(page, '62-template-saved-zh');

    // Loading version 1 back puts its text in the editor, unsaved.
    await versions.nth(1).getByTestId('version-load').click();
    await expect.poll(() => subject.inputValue()).toBe('邀请您加入{{ org.name }}新同事群');
    await drawer.getByTestId('template-dirty').waitFor();

    // The list shows the organisation's wording now.
    await page.keyboard.press('Escape');
    await drawer.waitFor({ state: 'hidden' });
    await expect.poll(() => rows.first().getByTestId('template-source').innerText()).toBe('公司文案');

    // English.
    await page.getByRole('radiogroup', { name: '语言' }).getByText('English', { exact: true }).click();
    await page.getByRole('heading', { name: 'Message templates', level: 1 }).waitFor();
    await pickOption(page, 'filter-locale', 'English');
    await expect.poll(() => rows.first().innerText()).toContain('English');
    expect(await findSeriousA11yViolations(page)).toEqual([]);
    await screenshot(page, '63-templates-list-en');
    await rows.first().getByTestId('template-edit').click();
    const enDrawer = page.getByRole('dialog');
    const enBody = enDrawer.getByLabel('Body', { exact: true });
    await expect.poll(() => enBody.inputValue()).toContain('{{ candidate.name }}');
    await enBody.fill('Hi {{ candidate.name }},\nAre you married?');
    const enFinding = enDrawer.locator('[data-testid="lint-finding"][data-rule="marital_status"]');
    await enFinding.waitFor();
    expect(await enFinding.innerText()).toContain('Not allowed');
    expect(await enDrawer.getByTestId('template-versions').innerText()).toContain('Version history');
    expect(await findSeriousA11yViolations(page)).toEqual([]);
    await screenshot(page, '64-template-lint-en');

    expect(problems).toEqual([]);
    await context.close();
  });
});
