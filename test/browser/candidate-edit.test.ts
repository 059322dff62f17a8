/**
 * The candidate's one record in the console (Chromium against the real server): HR edit
 * key facts in a drawer validated with the server's zod schema, see the server's own field
 * error in place, save, and find the change in the audit log with old and new values; HR
 * issue offer version 2 with a new start date; a hiring manager sees the versions without
 * pay and without edit actions. zh-CN and en-US, axe on every screen.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findSeriousA11yViolations, openPage, screenshot, signIn, startHarness, type Harness } from './harness.js';

const ZH = { email: '工作邮箱', password: '密码', submit: '登录' };
const EN = { email: 'Work email', password: 'Password', submit: 'Sign in' };

let h: Harness;
beforeAll(async () => { h = await startHarness(); });
afterAll(async () => { await h?.close(); });

const isoDate = (daysFromNow: number) => new Date(Date.now() + daysFromNow * 86_400_000).toISOString().slice(0, 10);

type Call = (method: string, url: string, body?: unknown) => Promise<{ status: number; json: any }>;

/** Signs a demo user in over HTTP and returns a caller carrying the session and CSRF token. */
async function callAs(email: string, password = h.demo.password): Promise<Call> {
  const login = await fetch(`${h.baseUrl}/api/v1/auth/login`, {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password }),
  });
  if (login.status !== 200) throw new Error(`login ${email}: ${login.status}`);
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!;
  const { csrfToken } = await login.json() as { csrfToken: string };
  return async (method, url, body) => {
    const res = await fetch(`${h.baseUrl}${url}`, {
      method,
      headers: { cookie, ...(method === 'GET' ? {} : { 'x-csrf-token': csrfToken }), ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: res.status, json: await res.json() };
  };
}

/** An accepted engineering hire with pay on record, managed by `manager2` (whose profile is en-US). */
async function createHire(hr: Call, fullName: string): Promise<string> {
  const res = await hr('POST', '/api/v1/candidates', {
    fullName, email: 'record@example.com', phone: '13800001111', roleType: 'tech', departmentId: h.demo.departments.engineering,
    siteId: h.demo.sites.shanghai, positionTitle: 'Platform Engineer', startDate: isoDate(40), managerId: h.demo.users.manager2.id,
    salaryMonthly: 30000, salaryMonths: 14, offerAcceptedAt: new Date(Date.now() - 3_600_000).toISOString(),
  });
  if (res.status !== 201) throw new Error(`create candidate: ${res.status} ${JSON.stringify(res.json)}`);
  return res.json.id as string;
}

/** The error shown under a form field (antd links it to the input as `<form>_<field>_help`); '' when there is none. */
async function errorUnder(page: Page, form: string, field: string): Promise<string> {
  const help = page.locator(`#${form}_${field}_help`);
  return (await help.count()) > 0 ? help.innerText() : '';
}

/** Picks a Select option; labels are matched in part, as optional fields carry antd's "(optional)" mark. */
async function pickOption(page: Page, label: string, option: string) {
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel(label).click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: option }).first().click();
  await expect.poll(() => dialog.innerText()).toContain(option);
}

/** axe (after the harness settles the page) with the pointer parked away from the button just clicked: hover tints are not the resting colours. */
async function findViolations(page: Page): Promise<string[]> {
  await page.mouse.move(0, 0);
  return findSeriousA11yViolations(page);
}

/** A calendar date as the console formats it, computed by the page's own Intl. */
const formatInPage = (page: Page, date: string, lng: string) =>
  page.evaluate(([d, l]) => new Intl.DateTimeFormat(l, { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(`${d}T00:00:00Z`)), [date, lng] as const);

describe('the candidate record in the console', () => {
  it('HR edit key facts with errors in place, the audit keeps old and new values, and HR issue offer version 2 (zh-CN, then en-US)', async () => {
    const hr = await callAs(h.demo.users.hr.email);
    const orgAdmin = await callAs(h.demo.users.org_admin.email);
    const id = await createHire(hr, '编辑 测试');
    // A manager who will be disabled while HR have the form open.
    const temp = await orgAdmin('POST', '/api/v1/users', {
      email: `temp-${Math.random().toString(36).slice(2, 8)}@example.com`, name: '临时经理 Temp', role: 'manager', password: 'long-enough-password',
    });
    expect(temp.status).toBe(201);

    const { page, context, problems } = await openPage(h, 'zh-CN');
    const patches: string[] = [];
    page.on('request', (r) => { if (r.method() === 'PATCH' && r.url().includes(`/api/v1/candidates/${id}`)) patches.push(r.url()); });
    await signIn(page, h.demo.users.hr.email, h.demo.password, ZH);
    await page.goto(`/candidates/${id}`);
    await page.getByTestId('offer-version').first().waitFor();

    // The client schema refuses a phone with letters before anything is sent.
    await page.getByTestId('candidate-edit').click();
    const dialog = page.getByRole('dialog');
    await dialog.getByTestId('candidate-edit-form').waitFor();
    await dialog.getByLabel('手机号码').fill('call me');
    await dialog.getByTestId('candidate-edit-save').click();
    await expect.poll(() => errorUnder(page, 'candidate-edit', 'phone')).toContain('格式不正确');
    expect(patches).toEqual([]);
    expect(await findViolations(page)).toEqual([]);
    await screenshot(page, 'candidate-edit-client-error-zh');

    // The server's own refusal (the chosen manager was disabled meanwhile) lands under that field.
    await dialog.getByLabel('手机号码').fill('+86 139 1234 5678');
    await pickOption(page, '直属上级', '临时经理 Temp');
    expect((await orgAdmin('PATCH', `/api/v1/users/${temp.json.id}`, { disabled: true })).status).toBe(200);
    await dialog.getByTestId('candidate-edit-save').click();
    await expect.poll(() => errorUnder(page, 'candidate-edit', 'managerId')).toContain('no such active user');
    expect(await errorUnder(page, 'candidate-edit', 'phone')).toBe('');
    expect(patches).toHaveLength(1);
    await screenshot(page, 'candidate-edit-server-error-zh');

    // A valid change saves, closes the drawer and shows on the page.
    await pickOption(page, '直属上级', 'Emily Chen');
    await dialog.getByTestId('candidate-edit-save').click();
    await page.getByTestId('candidate-edit-form').waitFor({ state: 'detached' });
    await expect.poll(() => page.getByTestId('facts').innerText()).toContain('+86 139 1234 5678');

    const audit = await orgAdmin('GET', `/api/v1/audit?candidateId=${id}&action=update&entity=candidate`);
    expect(audit.json.items).toHaveLength(1);
    expect(audit.json.items[0].detail.changes).toEqual({ phone: { from: '13800001111', to: '+86 139 1234 5678' } });
    expect(audit.json.items[0].actorId).toBe(h.demo.users.hr.id);

    // Offer versions: HR see pay; a new start date keeps the acceptance.
    const versions = page.getByTestId('offer-version');
    expect(await versions.count()).toBe(1);
    expect(await versions.first().getByTestId('offer-salary').innerText()).toContain('30,000');
    await page.getByTestId('offer-issue').click();
    await dialog.getByTestId('offer-issue-form').waitFor();
    expect(await dialog.getByTestId('offer-reaccept-note').innerText()).toContain('重新接受');
    await dialog.getByTestId('offer-issue-submit').click();
    await expect.poll(() => errorUnder(page, 'offer-issue', 'reason')).toContain('必填');
    const later = isoDate(47);
    await dialog.getByLabel('入职日期').fill(later);
    await dialog.getByLabel('原因').fill('交接延后一周');
    await dialog.getByTestId('offer-keeps-acceptance').waitFor();
    expect(await dialog.getByTestId('offer-reaccept-warning').count()).toBe(0);
    expect(await findViolations(page)).toEqual([]);
    await screenshot(page, 'offer-issue-drawer-zh');
    await dialog.getByTestId('offer-issue-submit').click();
    await page.getByTestId('offer-issue-form').waitFor({ state: 'detached' });

    await expect.poll(() => versions.count()).toBe(2);
    const newest = versions.first();
    expect(await newest.getAttribute('data-version')).toBe('2');
    const laterText = await formatInPage(page, later, 'zh-CN');
    expect(await newest.innerText()).toContain(laterText);
    expect(await newest.innerText()).toContain('王芳 Wang Fang');
    expect(await newest.innerText()).toContain('交接延后一周');
    expect(await newest.getByTestId('offer-status').innerText()).toBe('已接受');
    expect(await versions.nth(1).getByTestId('offer-status').innerText()).toBe('已被新版本取代');
    // The one record moved: the facts card was refreshed with the new start date.
    await expect.poll(() => page.getByTestId('start-date').innerText()).toContain(laterText);
    const offerAudit = await orgAdmin('GET', `/api/v1/audit?candidateId=${id}&entity=offer`);
    expect(offerAudit.json.items[0].detail.changes.startDate.to).toBe(later);
    expect(await findViolations(page)).toEqual([]);
    await screenshot(page, 'candidate-offer-versions-zh');

    await page.getByText('English', { exact: true }).click();
    await page.getByRole('heading', { name: 'Offer versions' }).waitFor();
    expect(await page.getByRole('button', { name: 'Edit the key facts of 编辑 测试' }).count()).toBe(1);
    expect(await page.getByRole('button', { name: 'Issue new version' }).count()).toBe(1);
    expect(await newest.getByTestId('offer-status').innerText()).toBe('Accepted');
    expect(await newest.innerText()).toContain(await formatInPage(page, later, 'en-US'));
    expect(await findViolations(page)).toEqual([]);
    await screenshot(page, 'candidate-offer-versions-en');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('a hiring manager reads the offer versions without pay and without edit actions (en-US profile)', async () => {
    const hr = await callAs(h.demo.users.hr.email);
    const id = await createHire(hr, 'Manager View');
    const issued = await hr('POST', `/api/v1/candidates/${id}/offers`, { salaryMonthly: 32000, reason: 'Matched the counter-offer' });
    expect(issued.status).toBe(201);
    const manager = await callAs(h.demo.users.manager2.email);
    const offers = await manager('GET', `/api/v1/candidates/${id}/offers`);
    expect(offers.json.items.map((o: Record<string, unknown>) => 'salary' in o)).toEqual([false, false]);

    const { page, context, problems } = await openPage(h, 'en-US');
    await signIn(page, h.demo.users.manager2.email, h.demo.password, EN);
    await page.goto(`/candidates/${id}`);
    await expect.poll(() => page.getByTestId('offer-version').count()).toBe(2);
    expect(await page.locator('html').getAttribute('lang')).toBe('en-US');
    expect(await page.getByRole('heading', { name: 'Offer versions' }).count()).toBe(1);
    const newest = page.getByTestId('offer-version').first();
    expect(await newest.getByTestId('offer-status').innerText()).toBe('Awaiting acceptance');
    expect(await newest.innerText()).toContain('Matched the counter-offer');
    expect(await page.getByTestId('offer-salary').count()).toBe(0);
    expect(await page.getByTestId('salary').count()).toBe(0);
    expect(await page.getByTestId('offer-versions').innerText()).not.toMatch(/30,000|32,000/);
    expect(await page.getByTestId('candidate-edit').count()).toBe(0);
    expect(await page.getByTestId('offer-issue').count()).toBe(0);
    expect(await findViolations(page)).toEqual([]);
    await screenshot(page, 'candidate-offer-versions-manager-en');
    expect(problems).toEqual([]);
    await context.close();
  });
});
