/**
 * The candidate's whole journey in Chromium at a phone viewport (390×844), in order:
 * open the link from a delivered email → read the welcome → complete checklist items with
 * an upload → HR sends one back in the console → the candidate uploads it again → confirm
 * how they will come → authorize the background check → ask a question → ask for a later
 * start; then HR revokes the links and the same email link lands on the lost-link page.
 * Axe on every page; a screenshot of each page in test-artifacts/ (not committed).
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChannelAdapter } from '../../src/adapters/channels/index.js';
import type { Deps } from '../../src/services/deps.js';
import { dispatchMessage } from '../../src/services/dispatch/dispatch-message.js';
import { testVault } from '../app.js';
import { findSeriousA11yViolations, openPage, settle, signIn, startHarness, openPhone, type Harness } from './harness.js';

const ARTIFACTS = 'test-artifacts/portal-journey';
const ZH = { email: '工作邮箱', password: '密码', submit: '登录' };
const PDF = Buffer.from('%PDF-1.7\n1 0 obj << >> endobj\n%%EOF\n');

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
  mkdirSync(ARTIFACTS, { recursive: true });
});
afterAll(async () => { await h?.close(); });

const shoot = (page: Page, name: string) => page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`), fullPage: true });

/** Axe on the console's checklist card and its dialog: the rest of the candidate page belongs to other features' tests. */
async function findCardViolations(page: Page): Promise<string[]> {
  await settle(page);
  const result = await new AxeBuilder({ page }).include('[data-testid="checklist-card"]').include('.ant-modal')
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.help}`);
}

/**
 * Sends the materials-checklist email through the real dispatcher and returns the text
 * the candidate received. The dispatcher's clock is 10:00 in Shanghai today, so quiet
 * hours never hold the message back whenever the test runs.
 */
async function sendChecklistEmail(candidateId: string): Promise<string> {
  const at = new Date(`${new Date().toISOString().slice(0, 10)}T02:00:00Z`);
  const id = randomUUID();
  await h.db.db.insertInto('outbound_messages').values({
    org_id: h.demo.orgId, id, candidate_id: candidateId, lead_key: 'prep.checklist#journey', step_keys: ['prep.checklist#journey'], step_ids: ['prep.checklist'],
    channel: 'email', status: 'scheduled', send_after: new Date(at.getTime() - 60_000), lease_until: null, last_error: null,
  }).execute();
  const sent: string[] = [];
  const email: ChannelAdapter = { channel: 'email', send: async (m) => { sent.push(m.text); return { status: 'sent', providerMessageId: null }; } };
  const deps: Deps = { db: h.db.db, clock: { now: () => at }, vault: testVault, channels: { email }, dispatch: { publicUrl: h.baseUrl } };
  expect((await dispatchMessage(deps, h.demo.orgId, id)).outcome).toBe('sent');
  expect(sent).toHaveLength(1);
  return sent[0]!;
}

async function callAsHr(method: 'POST' | 'DELETE', url: string) {
  const login = await h.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: h.demo.users.hr.email, password: h.demo.password } });
  const cookie = String(login.headers['set-cookie']).split(';')[0]!;
  return h.app.inject({ method, url, headers: { cookie, 'x-csrf-token': login.json().csrfToken } });
}

describe('the candidate journey on a phone', () => {
  it('walks from the emailed link to a delay request, with HR sending a document back on the way', async () => {
    const candidateId = h.demo.candidateIds[0]!; // 张三: Shanghai, background check planned
    const text = await sendChecklistEmail(candidateId);
    const link = new RegExp(`${h.baseUrl.replace(/[.:/]/g, '\\$&')}/portal/#t=pl1\\.[A-Za-z0-9_.-]+`).exec(text)?.[0];
    expect(link, text).toBeDefined();
    const phone = await openPhone(h);
    const { page } = phone;
    const checkPage = async (name: string) => {
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
      expect(await findSeriousA11yViolations(page), name).toEqual([]);
      await shoot(page, name);
    };

    // 1. Open the link from the email; read the welcome.
    await page.goto(link!);
    await page.getByRole('heading', { level: 1, name: '张三，欢迎加入！' }).waitFor();
    expect(page.url()).not.toContain('#t=');
    expect(await page.getByText('上海市浦东新区张江路 100 号 8 楼').count()).toBe(1);
    await checkPage('01-welcome');
    // The inbox keeps the email with its link masked.
    await page.getByRole('button', { name: '消息', exact: true }).click();
    await page.getByText(/#t=••••••••/).first().waitFor();
    await checkPage('02-messages');

    // 2. Complete checklist items: one marked ready, one with an upload for pre-review.
    await page.getByRole('button', { name: '清单', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: '入职准备清单' }).waitFor();
    await page.locator('[data-item="photos"]').getByRole('button', { name: '我已备好' }).click();
    await expect.poll(() => page.getByTestId('status-photos').innerText()).toBe('已备好');
    await page.locator('#pb-cl-diplomas-file').setInputFiles({ name: '学位证.pdf', mimeType: 'application/pdf', buffer: PDF });
    await expect.poll(() => page.getByTestId('status-diplomas').innerText()).toBe('待审核');
    await checkPage('03-checklist-uploaded');

    // 3. HR sends the diploma back in the console, with a reason.
    const hr = await openPage(h, 'zh-CN');
    await signIn(hr.page, h.demo.users.hr.email, h.demo.password, ZH);
    await hr.page.goto(`/candidates/${candidateId}`);
    await expect.poll(() => hr.page.getByTestId('checklist-status-diplomas').innerText()).toBe('待审核');
    await hr.page.getByTestId('reject-diplomas').click();
    await hr.page.getByTestId('checklist-reason').fill('扫描件缺少学位证编号一页，请补全后重新上传。');
    expect(await findCardViolations(hr.page)).toEqual([]);
    await hr.page.screenshot({ path: path.join(ARTIFACTS, '04-console-reject.png'), fullPage: true });
    await hr.page.getByTestId('checklist-reject-submit').click();
    await expect.poll(() => hr.page.getByTestId('checklist-status-diplomas').innerText()).toBe('已退回');
    expect(await findCardViolations(hr.page)).toEqual([]);
    expect(hr.problems).toEqual([]);
    await hr.context.close();

    // 4. The candidate sees why and uploads it again.
    await page.reload();
    await page.getByRole('button', { name: '清单', exact: true }).click();
    await expect.poll(() => page.getByTestId('status-diplomas').innerText()).toBe('需修改');
    expect(await page.getByTestId('reason-diplomas').innerText()).toContain('缺少学位证编号一页');
    await checkPage('05-checklist-sent-back');
    await page.locator('#pb-cl-diplomas-file').setInputFiles({ name: '学位证-完整.pdf', mimeType: 'application/pdf', buffer: PDF });
    await expect.poll(() => page.getByTestId('status-diplomas').innerText()).toBe('待审核');
    expect(await page.locator('[data-item="diplomas"]').getByText('学位证-完整.pdf').count()).toBe(1);
    await checkPage('06-checklist-reuploaded');

    // 5. Confirm how and when they will come.
    await page.getByRole('button', { name: '报到', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: '报到安排' }).waitFor();
    await page.getByLabel('出行方式').selectOption('metro_bus');
    await page.getByLabel('预计到达时间').fill('09:20');
    await page.getByRole('button', { name: '确认', exact: true }).click();
    await expect.poll(() => page.getByTestId('logistics-status').innerText()).toContain('已确认');
    await checkPage('07-logistics');

    // 6. Authorize the background check with the typed name.
    await page.getByRole('button', { name: '背调授权', exact: true }).click();
    await page.getByTestId('bgc-wording').waitFor();
    await page.getByLabel('我已阅读并同意以上授权内容').check();
    await page.getByLabel('请输入您的全名以确认').fill('张三');
    await page.getByRole('button', { name: '确认授权' }).click();
    await page.getByTestId('bgc-given').waitFor();
    await checkPage('08-background-check');

    // 7. Ask HR a question.
    await page.getByRole('button', { name: '提问', exact: true }).click();
    await page.getByLabel('您的问题').fill('第一天需要自带电脑吗？');
    await page.getByRole('button', { name: '发送问题' }).click();
    await expect.poll(() => page.getByTestId('form-status').innerText()).toContain('已收到您的问题');
    await checkPage('09-question');

    // 8. Ask for a later start date.
    await page.getByRole('button', { name: '有变化', exact: true }).click();
    await page.getByRole('heading', { level: 2, name: '希望推迟入职日期' }).waitFor();
    await page.getByLabel('原因').first().selectOption('handover');
    const start = await h.db.db.selectFrom('offers').select('start_date').where('org_id', '=', h.demo.orgId).where('candidate_id', '=', candidateId)
      .orderBy('version', 'desc').executeTakeFirstOrThrow();
    const later = new Date(`${start.start_date}T00:00:00Z`);
    later.setUTCDate(later.getUTCDate() + 14);
    await page.getByLabel('希望的入职日期').fill(later.toISOString().slice(0, 10));
    await page.getByRole('button', { name: '提交推迟申请' }).click();
    await expect.poll(() => page.getByTestId('delay-status').innerText()).toContain('已收到您的申请');
    await checkPage('10-delay');
    expect(phone.problems).toEqual([]);
    await phone.context.close();

    // Everything landed on the one record.
    const events = await h.db.db.selectFrom('domain_events').select('type').where('org_id', '=', h.demo.orgId).where('candidate_id', '=', candidateId).execute();
    expect(events.map((e) => e.type)).toEqual(expect.arrayContaining(['logistics_confirmed', 'background_check_authorized', 'delay_requested']));
    const documents = await h.db.db.selectFrom('checklist_documents').select('file_name').where('org_id', '=', h.demo.orgId).where('candidate_id', '=', candidateId).execute();
    expect(documents.map((d) => d.file_name)).toEqual(expect.arrayContaining(['学位证.pdf', '学位证-完整.pdf']));
    const question = await h.db.db.selectFrom('touches').select('content').where('org_id', '=', h.demo.orgId).where('candidate_id', '=', candidateId)
      .where('step_id', '=', 'portal.question').executeTakeFirstOrThrow();
    expect(question.content).toBe('第一天需要自带电脑吗？');

    // 9. HR revoke the links: the same email link now opens the lost-link page.
    expect((await callAsHr('DELETE', `/api/v1/candidates/${candidateId}/portal-link`)).statusCode).toBe(200);
    const again = await openPhone(h);
    await again.page.goto(link!);
    await again.page.getByRole('heading', { level: 1, name: '链接已失效' }).waitFor();
    await again.page.getByTestId('lost-link').waitFor();
    expect(await findSeriousA11yViolations(again.page)).toEqual([]);
    await shoot(again.page, '11-lost-link');
    expect(again.problems).toEqual([]);
    await again.context.close();
  });
});
