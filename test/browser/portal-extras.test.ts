/**
 * The rest of the candidate portal in Chromium at a phone viewport (390×844): confirm how
 * you will come, add the first day to the calendar (.ics download), authorize the
 * background check with a typed name, read the FAQ, ask for a later start date; a lost
 * link is replaced by a one-time code. Axe on every page, screenshots kept as artifacts.
 */
import { readFileSync } from 'node:fs';
import { AxeBuilder } from '@axe-core/playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChannelAdapter } from '../../src/adapters/channels/index.js';
import { dispatchMessage } from '../../src/services/dispatch/dispatch-message.js';
import { testVault } from '../app.js';
import { findSeriousA11yViolations, openPage, screenshot, settle, signIn, startHarness, openPhone, type Harness } from './harness.js';

let h: Harness;
beforeAll(async () => { h = await startHarness(); });
afterAll(async () => { await h?.close(); });

async function issueLink(candidateId: string): Promise<string> {
  const login = await h.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: h.demo.users.hr.email, password: h.demo.password } });
  const cookie = String(login.headers['set-cookie']).split(';')[0]!;
  const res = await h.app.inject({ method: 'POST', url: `/api/v1/candidates/${candidateId}/portal-link`, headers: { cookie, 'x-csrf-token': login.json().csrfToken } });
  expect(res.statusCode, res.body).toBe(201);
  return new URL(res.json().url).hash;
}

describe('portal extras on a phone', () => {
  it('confirms logistics, downloads the .ics, authorizes the background check, reads the FAQ and asks for a later start', async () => {
    const candidateId = h.demo.candidateIds[0]!; // 张三: Shanghai, background check planned
    const { context, page, problems } = await openPhone(h, 'zh-CN');
    await page.goto(`/portal/${await issueLink(candidateId)}`);
    await page.getByRole('heading', { level: 1, name: '张三，欢迎加入！' }).waitFor();

    await page.getByRole('button', { name: '报到', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: '报到安排' }).waitFor();
    await page.getByLabel('出行方式').selectOption('car');
    await page.getByLabel('预计到达时间').fill('09:10');
    await page.getByLabel('备注（可选，例如车牌号）').fill('沪A·12345 <i>白色</i>');
    await page.getByRole('button', { name: '确认', exact: true }).click();
    await expect.poll(() => page.getByTestId('logistics-status').innerText()).toContain('已确认');
    expect(await page.getByTestId('logistics-current').innerText()).toContain('自驾（需要停车位），约 09:10 到达');
    await page.getByRole('link', { name: /预入职沟通会/ }).waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    expect(await findSeriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'portal-extras-01-logistics');

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: /入职报到/ }).click()]);
    expect(download.suggestedFilename()).toBe('first-day.ics');
    const ics = readFileSync((await download.path())!, 'utf8');
    expect(ics).toContain('BEGIN:VCALENDAR');
    expect(ics).toContain('TZID=Asia/Shanghai');

    await page.getByRole('button', { name: '背调授权', exact: true }).click();
    await page.getByTestId('bgc-wording').waitFor();
    expect(await page.getByTestId('bgc-wording').innerText()).toContain('本人授权');
    await page.getByRole('button', { name: '确认授权' }).click();
    await expect.poll(() => page.getByTestId('bgc-status').innerText()).toContain('请先勾选同意');
    await page.getByLabel('我已阅读并同意以上授权内容').check();
    await page.getByLabel('请输入您的全名以确认').fill('张三');
    await page.getByRole('button', { name: '确认授权' }).click();
    await page.getByTestId('bgc-given').waitFor();
    expect(await findSeriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'portal-extras-02-background-check');

    await page.getByRole('button', { name: '常见问题', exact: true }).click();
    await page.getByText('入职当天需要带什么？').click();
    await expect.poll(() => page.getByText(/一寸免冠彩色照片 4 张/).isVisible()).toBe(true);
    expect(await findSeriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'portal-extras-03-faq');

    await page.getByRole('button', { name: '有变化', exact: true }).click();
    await page.getByRole('heading', { level: 2, name: '希望推迟入职日期' }).waitFor();
    await page.getByLabel('原因').first().selectOption('handover');
    const start = await h.db.db.selectFrom('offers').select('start_date').where('org_id', '=', h.demo.orgId).where('candidate_id', '=', candidateId)
      .orderBy('version', 'desc').executeTakeFirstOrThrow();
    const later = new Date(`${start.start_date}T00:00:00Z`);
    later.setUTCDate(later.getUTCDate() + 14);
    await page.getByLabel('希望的入职日期').fill(later.toISOString().slice(0, 10));
    await page.getByLabel('想补充的话（可选）').first().fill('交接需要两周');
    const submit = page.getByRole('button', { name: '提交推迟申请' });
    await submit.dblclick();
    await expect.poll(() => page.getByTestId('delay-status').innerText()).toContain('已收到您的申请');
    expect(await findSeriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'portal-extras-04-delay');

    const events = await h.db.db.selectFrom('domain_events').select('type').where('org_id', '=', h.demo.orgId).where('candidate_id', '=', candidateId).execute();
    const count = (type: string) => events.filter((e) => e.type === type).length;
    expect(count('logistics_confirmed')).toBe(1);
    expect(count('background_check_authorized')).toBe(1);
    expect(count('delay_requested')).toBe(1);
    const note = await h.db.db.selectFrom('logistics_confirmations').select(['note', 'mode']).where('org_id', '=', h.demo.orgId).where('candidate_id', '=', candidateId).executeTakeFirstOrThrow();
    expect(note).toEqual({ note: '沪A·12345 <i>白色</i>', mode: 'car' });
    expect(problems).toEqual([]);
    await context.close();
  });

  it('staff see the arrival and the consent in the console, and HR answer the candidate’s question there', async () => {
    const candidateId = h.demo.candidateIds[4]!; // 孙七: background check planned
    const credential = (await issueLink(candidateId)).slice('#t='.length);
    const asPortal = (method: 'POST', url: string, body: unknown) => h.app.inject({
      method, url: `/api/v1/portal${url}`, payload: JSON.stringify(body), headers: { authorization: `Portal ${credential}`, 'content-type': 'application/json' },
    });
    expect((await asPortal('POST', '/logistics', { mode: 'car', arrivalTime: '09:10', note: '<i>白色</i>' })).statusCode).toBe(200);
    const version = (await h.app.inject({ method: 'GET', url: '/api/v1/portal/background-check', headers: { authorization: `Portal ${credential}` } })).json().wordingVersion;
    expect((await asPortal('POST', '/background-check', { agree: true, typedName: '孙七', wordingVersion: version })).statusCode).toBe(201);
    expect((await asPortal('POST', '/questions', { text: '停车场入口在哪里？<b>B2</b>' })).statusCode).toBe(201);
    const { context, page, problems } = await openPage(h, 'zh-CN');
    await signIn(page, h.demo.users.hr.email, h.demo.password, { email: '工作邮箱', password: '密码', submit: '登录' });
    await page.goto(`/candidates/${candidateId}`);
    const card = page.getByTestId('logistics-card');
    await card.getByText('需要停车位').waitFor();
    expect(await card.innerText()).toContain('09:10');
    await page.getByTestId('consents').getByText('背景调查授权').waitFor();
    const questions = page.getByTestId('portal-questions');
    await questions.getByText('停车场入口在哪里？<b>B2</b>').waitFor();
    await questions.getByRole('button', { name: '回复' }).first().click();
    await page.getByTestId('answer-text').fill('从张江路入口进入，B2 层右转。');
    await page.getByRole('button', { name: '发送回复' }).click();
    await questions.getByText('从张江路入口进入，B2 层右转。').waitFor();
    // Axe on the cards this feature adds (the timeline's own tags are outside this feature).
    await settle(page);
    const axe = await new AxeBuilder({ page }).include('[data-testid="logistics-card"]').include('[data-testid="portal-questions"]')
      .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
    expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
    await screenshot(page, 'portal-extras-console-card');
    const answer = await h.db.db.selectFrom('touches').select('content').where('org_id', '=', h.demo.orgId).where('candidate_id', '=', candidateId)
      .where('step_id', '=', 'portal.answer').executeTakeFirstOrThrow();
    expect(answer.content).toBe('从张江路入口进入，B2 层右转。');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('declining shows a thank-you page with the messages still readable and no more actions', async () => {
    const { context, page, problems } = await openPhone(h, 'en-US');
    await page.goto(`/portal/${await issueLink(h.demo.candidateIds[7]!)}`); // 吴九: offer not accepted yet
    await page.getByRole('heading', { level: 1, name: '吴九，欢迎加入！' }).waitFor();
    await page.getByRole('button', { name: /Changes|有变化/ }).click();
    await page.getByRole('heading', { level: 2, name: /I will not join|决定不加入了/ }).waitFor();
    await page.getByLabel(/^(Reason|原因)$/).selectOption('location');
    const confirm = page.getByRole('button', { name: /Confirm I will not join|确认不入职/ });
    await confirm.click();
    await expect.poll(() => page.getByTestId('decline-status').innerText()).not.toBe('');
    await confirm.click();
    await page.getByTestId('thanks').waitFor();
    const tabs = await page.locator('.pb-tab').allInnerTexts();
    expect(tabs).toEqual(expect.arrayContaining(['谢谢', '消息']));
    for (const action of ['报到', '提问', '有变化', '心情', '清单']) expect(tabs).not.toContain(action);
    expect(await findSeriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'portal-extras-05-thanks');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('a lost link is replaced with a one-time code sent to the email on file', async () => {
    const { context, page, problems } = await openPhone(h, 'en-US');
    await page.goto('/portal/');
    await page.getByTestId('lost-link').waitFor();
    expect(await findSeriousA11yViolations(page)).toEqual([]);
    await page.getByLabel('Email or mobile number').fill('candidate7@example.com');
    await page.getByRole('button', { name: 'Send code' }).click();
    await expect.poll(() => page.getByTestId('lost-link-status').innerText()).toContain('If this email or number is on file');
    await screenshot(page, 'portal-extras-06-lost-link');

    const row = await h.db.db.selectFrom('outbound_messages').select(['id', 'org_id']).where('org_id', '=', h.demo.orgId)
      .where('candidate_id', '=', h.demo.candidateIds[6]!).where('lead_key', 'like', 'portal.login_code#%').executeTakeFirstOrThrow();
    const sent: string[] = [];
    const email: ChannelAdapter = { channel: 'email', send: async (m) => { sent.push(m.text); return { status: 'sent', providerMessageId: null }; } };
    const deps = { db: h.db.db, clock: { now: () => new Date() }, vault: testVault, channels: { email } };
    expect((await dispatchMessage(deps, row.org_id, row.id)).outcome).toBe('sent');
    const code = /(\d{6})/.exec(sent[0]!)![1]!;
    await page.getByLabel('6-digit code').fill(code);
    await page.getByRole('button', { name: 'Open my portal' }).click();
    await page.getByRole('heading', { level: 1, name: 'Welcome, Olivia!' }).waitFor();
    expect(problems).toEqual([]);
    await context.close();
  });
});
