/**
 * The checklist end to end in Chromium: the candidate on a phone marks an item ready,
 * uploads a PDF, is refused a disguised file, agrees to the sensitive-information consent
 * and uploads an ID card → HR in the console approves one item and sends the other back
 * with a reason → the candidate sees both results. Axe on every page; screenshots kept.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { findSeriousA11yViolations, openPage, screenshot, settle, signIn, startHarness, openPhone, type Harness } from './harness.js';

let h: Harness;
beforeAll(async () => { h = await startHarness(); });
afterAll(async () => { await h?.close(); });

const ZH = { email: '工作邮箱', password: '密码', submit: '登录' };
const PDF = Buffer.from('%PDF-1.7\n1 0 obj << >> endobj\n%%EOF\n');
const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10]), Buffer.from('JFIF id card front and back')]);

/**
 * Axe on the console's checklist card and its dialog only: the candidate page also holds
 * other teams' cards, which their own tests check.
 */
async function findCardViolations(page: Page): Promise<string[]> {
  await settle(page);
  const result = await new AxeBuilder({ page }).include('[data-testid="checklist-card"]').include('.ant-modal')
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
}

async function issueLink(candidateId: string): Promise<string> {
  const login = await h.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: h.demo.users.hr.email, password: h.demo.password } });
  const cookie = String(login.headers['set-cookie']).split(';')[0]!;
  const res = await h.app.inject({ method: 'POST', url: `/api/v1/candidates/${candidateId}/portal-link`, headers: { cookie, 'x-csrf-token': login.json().csrfToken } });
  expect(res.statusCode, res.body).toBe(201);
  return new URL(res.json().url).hash;
}

describe('checklist: candidate uploads, HR reviews, candidate sees the result', () => {
  it('walks the whole review loop on a phone and in the console', async () => {
    const candidateId = h.demo.candidateIds[0]!; // 张三
    const fragment = await issueLink(candidateId);
    const phone = await openPhone(h);
    const { page } = phone;
    await page.goto(`/portal/${fragment}`);
    await page.getByRole('heading', { level: 1, name: '张三，欢迎加入！' }).waitFor();
    await page.getByRole('button', { name: '清单' }).click();
    await page.getByRole('heading', { level: 1, name: '入职准备清单' }).waitFor();
    await page.getByTestId('status-diplomas').waitFor();
    expect(await page.getByTestId('status-diplomas').innerText()).toBe('待准备');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    expect(await findSeriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'checklist-01-portal-list-zh');

    // Mark ready.
    await page.locator('[data-item="photos"]').getByRole('button', { name: '我已备好' }).click();
    await expect.poll(() => page.getByTestId('status-photos').innerText()).toBe('已备好');

    // Upload a PDF for pre-review.
    await page.locator('#pb-cl-diplomas-file').setInputFiles({ name: '学位证.pdf', mimeType: 'application/pdf', buffer: PDF });
    await expect.poll(() => page.getByTestId('status-diplomas').innerText()).toBe('待审核');
    expect(await page.locator('[data-item="diplomas"]').getByText('学位证.pdf').count()).toBe(1);
    expect(await page.getByTestId('checklist-status').innerText()).toBe('已上传，等待 HR 审核。');

    // A web page dressed up as a PDF is refused, with the reason.
    await page.locator('#pb-cl-separationCertificate-file').setInputFiles({ name: 'leave.pdf', mimeType: 'application/pdf', buffer: Buffer.from('<html><script>alert(1)</script></html>') });
    await expect.poll(() => page.getByTestId('checklist-status').innerText()).toContain('这个文件的格式不支持');
    expect(await page.getByTestId('status-separationCertificate').innerText()).toBe('待准备');
    await screenshot(page, 'checklist-02-portal-uploaded-and-refused');

    // The first sensitive upload opens the consent screen with the exact wording.
    await page.locator('#pb-cl-identityCard-file').setInputFiles({ name: 'id.jpg', mimeType: 'image/jpeg', buffer: JPEG });
    await page.getByTestId('consent-screen').waitFor();
    expect(await page.getByTestId('consent-screen').innerText()).toContain('您可以随时撤回本同意');
    expect(await findSeriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'checklist-03-portal-consent');
    await page.getByTestId('consent-agree').click();
    await expect.poll(() => page.getByTestId('status-identityCard').innerText()).toBe('待审核');
    expect(await page.getByTestId('withdraw-consent').count()).toBe(1);

    // HR reviews in the console.
    const hr = await openPage(h, 'zh-CN');
    await signIn(hr.page, h.demo.users.hr.email, h.demo.password, ZH);
    await hr.page.goto(`/candidates/${candidateId}`);
    await hr.page.getByTestId('checklist-card').waitFor();
    await expect.poll(() => hr.page.getByTestId('checklist-status-diplomas').innerText()).toBe('待审核');
    expect(await hr.page.getByTestId('checklist-item-identityCard').getByRole('link', { name: /id\.jpg/ }).count()).toBe(1);
    await hr.page.getByTestId('approve-diplomas').click();
    await expect.poll(() => hr.page.getByTestId('checklist-status-diplomas').innerText()).toBe('已通过');
    await hr.page.getByTestId('reject-identityCard').click();
    await hr.page.getByTestId('checklist-reason').fill('照片反光，号码看不清，请在自然光下重拍正反面。');
    expect(await findCardViolations(hr.page)).toEqual([]);
    await screenshot(hr.page, 'checklist-04-console-reject-modal');
    await hr.page.getByTestId('checklist-reject-submit').click();
    await expect.poll(() => hr.page.getByTestId('checklist-status-identityCard').innerText()).toBe('已退回');
    await hr.page.getByTestId('checklist-reason-identityCard').waitFor();
    expect(await findCardViolations(hr.page)).toEqual([]);
    await screenshot(hr.page, 'checklist-05-console-reviewed');
    expect(hr.problems).toEqual([]);
    await hr.context.close();

    // The manager sees the file name but no link to the sensitive one.
    const manager = await openPage(h, 'zh-CN');
    await signIn(manager.page, h.demo.users.manager.email, h.demo.password, ZH);
    await manager.page.goto(`/candidates/${candidateId}`);
    await manager.page.getByTestId('checklist-item-identityCard').waitFor();
    expect(await manager.page.getByTestId('checklist-item-identityCard').getByRole('link').count()).toBe(0);
    expect(await manager.page.getByTestId('approve-diplomas').count()).toBe(0);
    await manager.context.close();

    // The candidate sees both results.
    await page.reload();
    await page.getByRole('button', { name: '清单' }).click();
    await expect.poll(() => page.getByTestId('status-diplomas').innerText()).toBe('已通过');
    expect(await page.getByTestId('status-identityCard').innerText()).toBe('需修改');
    expect(await page.getByTestId('reason-identityCard').innerText()).toContain('照片反光');
    expect(await findSeriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'checklist-06-portal-reviewed');
    expect(phone.problems).toEqual([]);
    await phone.context.close();
  });
});
