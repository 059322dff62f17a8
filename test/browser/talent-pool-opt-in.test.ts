/**
 * The talent-pool opt-in from the candidate's own decline form, in Chromium against the
 * real server: the candidate declines in the portal and ticks the separate, optional
 * talent-pool box after reading its wording; HR find them on the talent-pool page with the
 * next contact about three months on, and on the candidate page the consent with the
 * wording version the candidate was shown. axe on every screen, screenshots kept.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findSeriousA11yViolations, openPage, openPhone, screenshot, signIn, startHarness, type Harness } from './harness.js';
import { createAcceptedCandidate, formatInPage, portalPath, staffHeaders, ZH } from './flow-helpers.js';

const NAME = '人才 自选';
const DAY = 86_400_000;

let h: Harness;
let id: string;
/** The wording version the portal showed next to the box. */
let shownVersion: string;

beforeAll(async () => {
  h = await startHarness();
  id = await createAcceptedCandidate(h, NAME);
});
afterAll(async () => { await h?.close(); });

describe('talent-pool opt-in from the portal', () => {
  it('the candidate declines and ticks the separate talent-pool box (phone, zh-CN)', async () => {
    const { context, page, problems } = await openPhone(h, 'zh-CN');
    const shown = page.waitForResponse((r) => r.url().endsWith('/api/v1/portal/changes') && r.request().method() === 'GET');
    await page.goto(await portalPath(h, id));
    await page.getByRole('button', { name: '有变化', exact: true }).click();
    shownVersion = (await (await shown).json()).talentPool.wordingVersion;
    await page.getByRole('heading', { level: 2, name: '决定不加入了' }).waitFor();
    await page.locator('#pb-decline-reason').selectOption('career');
    // The opt-in is its own box, unticked until the candidate ticks it, with its wording one tap away.
    const box = page.getByLabel('我愿意加入人才库（可选）');
    expect(await box.isChecked()).toBe(false);
    await page.getByText('人才库说明').click();
    expect(await page.locator('#pb-pool-wording').innerText()).toContain('24 个月');
    await box.check();
    expect(await findSeriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'talent-pool-opt-in-1-portal-zh');
    const confirm = page.getByRole('button', { name: '确认不入职' });
    await confirm.click();
    await expect.poll(() => page.getByTestId('decline-status').innerText()).toContain('再次点击以确认');
    await confirm.click();
    await page.getByTestId('thanks').waitFor();
    expect(problems).toEqual([]);
    await context.close();
  });

  it('HR find the person on the talent-pool page with the next contact, and the consent’s wording version on their page (zh-CN)', async () => {
    const pool = await h.app.inject({ method: 'GET', url: '/api/v1/talent-pool', headers: await staffHeaders(h) });
    const entry = pool.json().items.find((e: { candidateId: string }) => e.candidateId === id);
    expect(entry.consent).toMatchObject({ wordingVersion: shownVersion, givenBy: 'candidate' });
    const months = (Date.parse(entry.nextNurtureAt) - Date.parse(entry.consent.givenAt)) / DAY;
    expect(months).toBeGreaterThanOrEqual(89);
    expect(months).toBeLessThanOrEqual(93);

    const { context, page, problems } = await openPage(h, 'zh-CN');
    await signIn(page, h.demo.users.hr.email, h.demo.password, ZH);
    await page.getByRole('menuitem', { name: '人才库' }).click();
    await page.waitForURL('**/talent-pool');
    const row = page.getByTestId('talent-pool-table').locator('tbody tr.ant-table-row', { hasText: NAME });
    await row.waitFor();
    const text = await row.innerText();
    expect(text).toContain('已毁约');
    expect(text).toContain(await formatInPage(page, entry.nextNurtureAt, 'zh-CN'));
    expect(text).toContain(await formatInPage(page, entry.consent.expiresAt, 'zh-CN'));
    expect(await findSeriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'talent-pool-opt-in-2-pool-page-zh');

    await row.getByRole('link', { name: NAME }).click();
    const consents = page.getByTestId('consents');
    await expect.poll(() => consents.innerText()).toContain(shownVersion);
    expect(await consents.innerText()).toContain('有效');
    await screenshot(page, 'talent-pool-opt-in-3-consent-zh');
    expect(problems).toEqual([]);
    await context.close();
  });
});
