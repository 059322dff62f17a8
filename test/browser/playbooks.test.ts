/**
 * The playbook editor in Chromium against the real server: HR change when a step is due
 * (first to a time the server refuses, shown beside the step and its field), preview the
 * plan on the sample candidate with what moved, save it as version 2 and find it in the
 * history. axe on every screen, zh-CN and en-US.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { findSeriousA11yViolations as findViolations, openPage, screenshot, signIn, startHarness, type Harness } from './harness.js';

const ZH = { email: '工作邮箱', password: '密码', submit: '登录' };

let h: Harness;

/** axe with the pointer parked away from the button just clicked. */
async function findSeriousA11yViolations(page: Page): Promise<string[]> {
  await page.mouse.move(0, 0);
  return findViolations(page);
}

beforeAll(async () => { h = await startHarness(); });
afterAll(async () => { await h?.close(); });

const row = (page: Page, stepId: string) => page.getByTestId('steps-table').locator('tbody tr.ant-table-row').filter({ has: page.locator('code', { hasText: new RegExp(`^${stepId.replace('.', '\\.')}$`) }) });

describe('playbook editor', () => {
  it('HR move a step, see the refused time in place, preview the plan and save version 2', async () => {
    const { context, page, problems } = await openPage(h, 'zh-CN');
    await signIn(page, h.demo.users.hr.email, h.demo.password, ZH);
    await page.getByRole('menuitem', { name: '跟进方案' }).click();
    await page.waitForURL('**/playbooks');
    await page.getByRole('heading', { name: '跟进方案', level: 1 }).waitFor();
    expect(await page.getByTestId('applies-note').innerText()).toContain('保存的新版本只对之后接受 Offer 的候选人生效');
    const prereview = row(page, 'prep.documents_prereview');
    expect(await prereview.getByTestId('step-when').innerText()).toBe('S − 7天');
    expect(await findSeriousA11yViolations(page)).toEqual([]);
    await screenshot(page, '60-playbooks-zh');

    // Opening a step and applying it unchanged changes nothing.
    const sendPackage = row(page, 'offer.send_package');
    await sendPackage.getByRole('button', { name: '编辑 offer.send_package' }).click();
    await page.getByTestId('step-form').waitFor();
    await page.getByTestId('step-apply').click();
    await page.getByTestId('step-form').waitFor({ state: 'detached' });
    expect(await sendPackage.getByTestId('step-change').count()).toBe(0);
    expect(await page.getByTestId('playbook-save').isDisabled()).toBe(true);

    // The shared schema refuses a malformed id beside the field, before anything is sent.
    await prereview.getByRole('button', { name: '编辑 prep.documents_prereview' }).click();
    const form = page.getByTestId('step-form');
    await form.waitFor();
    await form.getByLabel('步骤', { exact: true }).fill('Prep Review');
    await page.getByTestId('step-apply').click();
    await expect.poll(() => form.locator('.ant-form-item-explain-error').allInnerTexts()).toContain('格式不正确');
    await form.getByLabel('步骤', { exact: true }).fill('prep.documents_prereview');
    // Three days after the start: the server refuses it for a preparation step.
    await form.locator('#offset_days').fill('3');
    await page.getByTestId('step-apply').click();
    await form.waitFor({ state: 'detached' });
    expect(await prereview.getByTestId('step-when').innerText()).toBe('S + 3天');
    expect(await prereview.getByTestId('step-change').innerText()).toBe('已修改');
    await page.getByTestId('preview-run').click();
    await expect.poll(() => prereview.getByTestId('step-problems').innerText()).toContain('必须在入职日之前到期');
    await page.getByText('预览前需要先修正 1 个问题').waitFor();
    await prereview.getByRole('button', { name: '编辑 prep.documents_prereview' }).click();
    await expect.poll(() => form.locator('.ant-form-item-explain-error').allInnerTexts()).toContain('必须在入职日之前到期');
    expect(await findSeriousA11yViolations(page)).toEqual([]);
    await screenshot(page, '61-playbooks-step-problem-zh');

    await form.locator('#offset_days').fill('-5');
    await page.getByTestId('step-apply').click();
    await form.waitFor({ state: 'detached' });
    expect(await prereview.getByTestId('step-when').innerText()).toBe('S − 5天');
    expect(await prereview.getByTestId('step-problems').count()).toBe(0);

    // Preview on the sample candidate: the one moved step, nothing added or removed.
    await page.getByTestId('preview-run').click();
    const result = page.getByTestId('preview-result');
    await result.waitFor();
    expect(await page.getByTestId('preview-diff').innerText()).toContain('时间变化：1');
    expect(await page.getByTestId('preview-diff').innerText()).toContain('新增：0');
    const moved = page.getByTestId('preview-table').locator('tbody tr.ant-table-row').filter({ hasText: '预审入职材料' });
    expect(await moved.getByTestId('preview-change').innerText()).toContain('时间变化，原为');
    expect(await page.getByTestId('preview-subject').innerText()).toContain('示例候选人');
    expect(await findSeriousA11yViolations(page)).toEqual([]);
    await screenshot(page, '62-playbooks-preview-zh');

    await page.getByTestId('playbook-save').click();
    await page.locator('.ant-popconfirm').getByRole('button', { name: '保存为版本 2' }).click();
    await page.getByText('已保存为版本 2').first().waitFor();
    await page.getByRole('heading', { name: '步骤（基于版本 2 编辑）' }).waitFor();
    const history = page.getByTestId('version-history').locator('tbody tr.ant-table-row');
    await expect.poll(() => history.count()).toBe(2);
    expect(await history.first().innerText()).toContain('v2');
    expect(await history.first().innerText()).toContain('当前');
    expect(await history.first().innerText()).toContain('王芳');
    expect(await history.first().innerText()).toContain('修改 1');
    expect(await row(page, 'prep.documents_prereview').getByTestId('step-when').innerText()).toBe('S − 5天');
    expect(await row(page, 'prep.documents_prereview').getByTestId('step-change').count()).toBe(0);
    expect(await findSeriousA11yViolations(page)).toEqual([]);
    await screenshot(page, '63-playbooks-saved-zh');

    // English: the same page in the other language.
    await page.getByText('English', { exact: true }).click();
    await page.getByRole('heading', { name: 'Playbooks', level: 1 }).waitFor();
    expect(await page.getByTestId('applies-note').innerText()).toContain('A saved version applies to offers accepted from now on.');
    expect(await row(page, 'prep.documents_prereview').getByTestId('step-when').innerText()).toBe('S − 5d');
    expect(await page.getByRole('columnheader', { name: 'Owner' }).count()).toBeGreaterThan(0);
    expect(await page.getByTestId('version-history').innerText()).toContain('Current');
    expect(await findSeriousA11yViolations(page)).toEqual([]);
    await screenshot(page, '64-playbooks-en');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('hiring managers have no playbook page', async () => {
    const { context, page, problems } = await openPage(h, 'zh-CN');
    await page.goto('/login');
    await page.getByLabel(ZH.email, { exact: true }).fill(h.demo.users.manager.email);
    await page.getByLabel(ZH.password, { exact: true }).fill(h.demo.password);
    await page.getByRole('button', { name: ZH.submit }).click();
    await page.getByTestId('current-user').waitFor();
    expect(await page.getByRole('menuitem', { name: '跟进方案' }).count()).toBe(0);
    await page.goto('/playbooks');
    await page.getByTestId('forbidden').waitFor();
    expect(problems).toEqual([]);
    await context.close();
  });
});
