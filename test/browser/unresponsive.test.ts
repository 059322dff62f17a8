/**
 * The unresponsive candidate in Chromium against the real server: two messages sent without
 * a reply in 72 h put a call on HR's list (My tasks and the candidate page), which HR
 * complete with the outcome; a question asked in the portal is a reply, so the same
 * silence afterwards raises nothing for that candidate. The worker sends the due welcome
 * messages through a recording mail adapter (a message counts once it is actually sent);
 * time is moved on by running the worker's timed rules at a later instant. axe on every
 * screen, screenshots kept.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSent } from '../../src/adapters/channels/index.js';
import { systemClock } from '../../src/services/deps.js';
import { dispatchMessage } from '../../src/services/dispatch/dispatch-message.js';
import { wakeDueCandidates } from '../../src/services/engine/apply-event.js';
import { testVault } from '../app.js';
import { findSeriousA11yViolations, openPage, openPhone, screenshot, signIn, startHarness, type Harness } from './harness.js';
import { createAcceptedCandidate, portalPath, staffHeaders, ZH } from './flow-helpers.js';

const CALL = 'risk.unresponsive_call';
const DAY = 86_400_000;

let h: Harness;
/** Both welcome messages sent now, and the rules run four days on: HR's call is open. */
let silent: string;
/** Both welcome messages sent now; the 72 h are not over yet. */
let replier: string;
let quiet: string;

/** The worker sends the candidate's due messages now, through a mail adapter that accepts them. */
async function sendDueMessages(candidateId: string) {
  const deps = { db: h.db.db, vault: testVault, clock: systemClock, channels: { email: { channel: 'email-test', send: async () => buildSent(null) } } };
  const due = await h.db.db.selectFrom('outbound_messages').select('id').where('org_id', '=', h.demo.orgId).where('candidate_id', '=', candidateId)
    .where('status', '=', 'scheduled').where('send_after', '<=', new Date()).execute();
  expect(due.length).toBeGreaterThanOrEqual(2);
  for (const { id } of due) expect((await dispatchMessage(deps, h.demo.orgId, id)).outcome).toBe('sent');
}

beforeAll(async () => {
  h = await startHarness();
  silent = await createAcceptedCandidate(h, '失联 测试', { acceptedHoursAgo: 60 });
  replier = await createAcceptedCandidate(h, 'Riley Reply', { acceptedHoursAgo: 60, extra: { language: 'en-US' } });
  quiet = await createAcceptedCandidate(h, '沉默 测试', { acceptedHoursAgo: 60 });
  for (const id of [silent, replier, quiet]) await sendDueMessages(id);
  // Planned is not sent: nothing is raised before 72 h have passed since the sends.
  await runRulesLater(silent, 2.9);
  expect(await callTasks(silent)).toEqual([]);
  await runRulesLater(silent, 4);
});
afterAll(async () => { await h?.close(); });

const callTasks = async (id: string) => {
  const res = await h.app.inject({ method: 'GET', url: `/api/v1/tasks?status=all&limit=200&candidateId=${id}`, headers: await staffHeaders(h) });
  return (res.json().items as Array<{ stepId: string; status: string }>).filter((t) => t.stepId === CALL);
};
const callRow = (page: Page) => page.getByTestId('candidate-tasks').locator(`tr[data-step="${CALL}"]`);

/** The worker's timed rules for one candidate, run as if it were `days` from now. */
const runRulesLater = (candidateId: string, days: number) =>
  wakeDueCandidates({ db: h.db.db, vault: testVault, clock: { now: () => new Date(Date.now() + days * DAY) } }, { orgId: h.demo.orgId, candidateId });

/** Finds the open call under "overdue", "today" or "upcoming" on My tasks. */
async function findCallOnMyTasks(page: Page, candidateName: string) {
  for (const tab of ['overdue', 'today', 'upcoming']) {
    const listed = page.waitForResponse((r) => r.url().includes('/api/v1/tasks?') && r.url().includes(`due=${tab}`) && !/limit=1(&|$)/.test(r.url()));
    await page.getByTestId(`tab-${tab}`).click();
    await listed;
    await expect.poll(() => page.getByTestId('task-table').locator('.ant-spin-spinning').count()).toBe(0);
    const row = page.getByTestId('task-table').locator(`tr[data-step="${CALL}"][data-candidate="${candidateName}"]`);
    if (await row.count() > 0) return row;
  }
  throw new Error(`no open ${CALL} for ${candidateName} on My tasks`);
}

describe('an unresponsive candidate', () => {
  it('HR find the call on My tasks and on the candidate page, and complete it with the outcome (zh-CN)', async () => {
    expect(await callTasks(silent)).toEqual([expect.objectContaining({ status: 'open' })]);
    const { context, page, problems } = await openPage(h, 'zh-CN');
    await signIn(page, h.demo.users.hr.email, h.demo.password, ZH);
    await page.getByRole('menuitem', { name: '我的待办' }).click();
    await page.waitForURL('**/tasks');
    // The demo's own work fills the first pages: a hundred rows a page.
    await page.goto('/tasks?size=100');
    const row = await findCallOnMyTasks(page, '失联 测试');
    expect(await row.innerText()).toContain('失联候选人跟进电话');
    expect(await row.innerText()).toContain('招聘 HR');
    expect(await findSeriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'unresponsive-1-my-tasks-zh');

    await row.getByRole('link', { name: '失联 测试' }).click();
    await page.getByTestId('candidate-name').waitFor();
    await callRow(page).waitFor();
    await callRow(page).getByTestId('task-complete').click();
    const dialog = page.getByRole('dialog');
    await dialog.getByTestId('complete-form').waitFor();
    const outcome = '电话联系上了：出差中没看邮件，仍按期入职';
    await dialog.getByLabel('结果', { exact: true }).fill(outcome);
    await dialog.getByLabel('候选人反馈', { exact: true }).fill('抱歉回复晚了');
    await page.mouse.move(0, 0);
    expect(await findSeriousA11yViolations(page)).toEqual([]);
    await dialog.getByTestId('complete-submit').click();
    await dialog.waitFor({ state: 'detached', timeout: 30_000 });
    await callRow(page).waitFor({ state: 'detached' });
    const touch = page.getByTestId('touch').filter({ hasText: outcome });
    await touch.waitFor();
    expect(await touch.innerText()).toContain('抱歉回复晚了');
    expect(await callTasks(silent)).toEqual([expect.objectContaining({ status: 'done' })]);
    expect(await findSeriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'unresponsive-2-call-done-zh');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('the candidate asks a question in the portal, which counts as a reply (phone, en-US)', async () => {
    const { context, page, problems } = await openPhone(h, 'en-US');
    await page.goto(await portalPath(h, replier));
    await page.getByRole('heading', { level: 1, name: /Riley/ }).waitFor();
    await page.getByRole('button', { name: 'Ask', exact: true }).click();
    await page.getByLabel('Your question').fill('Sorry for the silence — is the start date still 40 days from now?');
    await page.getByRole('button', { name: 'Send question' }).click();
    await expect.poll(() => page.getByTestId('form-status').innerText()).toBe('We have your question; HR will answer soon.');
    expect(await findSeriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'unresponsive-3-portal-question-en');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('four days on, only the candidate who stayed silent gets a call; the one who wrote gets an answer task (zh-CN)', async () => {
    // Nobody is due a call yet: the 72 h after the second message are not over.
    expect(await callTasks(replier)).toEqual([]);
    expect(await callTasks(quiet)).toEqual([]);
    await runRulesLater(replier, 4);
    await runRulesLater(quiet, 4);
    expect(await callTasks(quiet)).toEqual([expect.objectContaining({ status: 'open' })]);
    expect(await callTasks(replier)).toEqual([]);

    const { context, page, problems } = await openPage(h, 'zh-CN');
    await signIn(page, h.demo.users.hr.email, h.demo.password, ZH);
    await page.goto(`/candidates/${quiet}`);
    await callRow(page).waitFor();
    expect(await callRow(page).innerText()).toContain('失联候选人跟进电话');

    await page.goto(`/candidates/${replier}`);
    const questions = page.getByTestId('portal-questions');
    await expect.poll(() => questions.innerText()).toContain('is the start date still 40 days from now?');
    await page.getByTestId('candidate-tasks').locator('tr[data-step="portal.question"]').waitFor();
    expect(await callRow(page).count()).toBe(0);
    expect(await findSeriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'unresponsive-4-replied-no-call-zh');
    expect(problems).toEqual([]);
    await context.close();
  });
});
