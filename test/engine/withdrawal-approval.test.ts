/**
 * The second approver of an employer withdrawal is told (issue 6): the request opens a task
 * for the people who may decide it, on their My tasks and in their daily digest; the
 * decision closes it, whichever it is; a request or a decision made twice leaves one task.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSent, type ChannelAdapter } from '../../src/adapters/channels/index.js';
import { sendDailyDigests } from '../../src/services/reminders/send-daily-digests.js';
import type { DemoOrg } from '../../src/services/seed/seed-demo.js';
import { createTestApp, seedAndLogin, type Role, type Session, type TestApp } from '../app.js';

let t: TestApp;
let demo: DemoOrg;
let s: Record<Role, Session>;
const mails: Array<{ to: string; text: string }> = [];

const STEP = 'offer.approve_withdrawal';

beforeAll(async () => {
  t = await createTestApp();
  // Wednesday 10:00 in Shanghai: after the 08:30 digest time.
  t.clock.set('2026-11-25T02:00:00Z');
  ({ demo, sessions: s } = await seedAndLogin(t));
  const email: ChannelAdapter = { channel: 'email-test', send: async (m) => { mails.push({ to: String(m.to), text: m.text ?? '' }); return buildSent(null); } };
  t.deps.channels = { email };
});
afterAll(async () => t?.close());

type Task = { key: string; stepId: string; status: string; ownerRoles: string[]; detail: string; outcome: string; dueAt: string };

const approvalTasks = async (role: Role, id: string, status = 'all') =>
  ((await t.call(s[role], 'GET', `/api/v1/tasks?limit=200&status=${status}&candidateId=${id}`)).json().items as Task[]).filter((x) => x.stepId === STEP);

async function newCandidate(fullName: string, hrOwnerId?: string) {
  const res = await t.call(s.hr, 'POST', '/api/v1/candidates', {
    fullName, email: 'withdrawal@example.com', roleType: 'tech', departmentId: demo.departments.engineering, siteId: demo.sites.shanghai,
    positionTitle: 'Backend Engineer', startDate: '2027-03-15', managerId: demo.users.manager.id, salaryMonthly: 30000, salaryMonths: 14,
    offerAcceptedAt: new Date(t.clock.now().getTime() - 3600_000).toISOString(), ...(hrOwnerId ? { hrOwnerId } : {}),
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id as string;
}

describe('the approval task of an employer withdrawal', () => {
  let id: string;
  let withdrawalId: string;

  it('opens with the request, for executives (the requesting HR owner may not decide), due in one business day', async () => {
    id = await newCandidate('审批 提醒');
    expect(await approvalTasks('hr', id)).toEqual([]);
    const asked = await t.call(s.hr, 'POST', `/api/v1/candidates/${id}/offer-withdrawals`, { reason: 'Headcount frozen by the board' });
    expect(asked.statusCode, asked.body).toBe(201);
    withdrawalId = asked.json().id;
    // A second request is refused and opens nothing more.
    expect((await t.call(s.hr, 'POST', `/api/v1/candidates/${id}/offer-withdrawals`, { reason: 'again' })).statusCode).toBe(409);

    const [task, ...more] = await approvalTasks('executive', id);
    expect(more).toEqual([]);
    expect(task).toMatchObject({ key: `${STEP}#0`, status: 'open', ownerRoles: ['executive'], detail: 'Headcount frozen by the board' });
    // Wednesday 10:00 + one business day.
    expect(task!.dueAt).toBe('2026-11-26T02:00:00.000Z');
    expect((await approvalTasks('org_admin', id)).map((x) => x.key)).toEqual([task!.key]);
    expect(await approvalTasks('manager', id)).toEqual([]);
  });

  it('is in the executive’s daily digest', async () => {
    await sendDailyDigests(t.deps, { orgId: demo.orgId });
    const digest = mails.filter((m) => m.to === demo.users.executive.email);
    expect(digest).toHaveLength(1);
    expect(digest[0]!.text).toContain('审批 提醒');
  });

  it('cannot be ticked off without a decision', async () => {
    const res = await t.call(s.executive, 'POST', `/api/v1/candidates/${id}/tasks/${encodeURIComponent(`${STEP}#0`)}/complete`, { outcome: 'seen' });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.field).toBe('key');
    expect((await approvalTasks('executive', id))[0]!.status).toBe('open');
  });

  it('closes with the decision; deciding again changes nothing', async () => {
    const decided = await t.call(s.executive, 'POST', `/api/v1/offer-withdrawals/${withdrawalId}/decision`, { decision: 'rejected', note: 'we keep the hire' });
    expect(decided.statusCode, decided.body).toBe(200);
    const closed = await approvalTasks('executive', id);
    expect(closed).toEqual([expect.objectContaining({ status: 'done', outcome: 'Refused: we keep the hire' })]);
    const again = await t.call(s.org_admin, 'POST', `/api/v1/offer-withdrawals/${withdrawalId}/decision`, { decision: 'approved' });
    expect(again.statusCode).toBe(409);
    expect(await approvalTasks('executive', id)).toEqual(closed);
    expect(await approvalTasks('executive', id, 'open')).toEqual([]);
  });

  it('a later request opens a new task; when someone other than the HR owner asks, the HR owner may decide too', async () => {
    const asked = await t.call(s.org_admin, 'POST', `/api/v1/candidates/${id}/offer-withdrawals`, { reason: 'Role re-scoped' });
    expect(asked.statusCode, asked.body).toBe(201);
    const open = await approvalTasks('hr', id, 'open');
    expect(open).toEqual([expect.objectContaining({ key: `${STEP}#1`, ownerRoles: ['hr', 'executive'] })]);
    const approved = await t.call(s.hr, 'POST', `/api/v1/offer-withdrawals/${asked.json().id}/decision`, { decision: 'approved', note: '' });
    expect(approved.statusCode, approved.body).toBe(200);
    expect(await approvalTasks('hr', id, 'open')).toEqual([]);
    expect((await approvalTasks('hr', id)).find((x) => x.key === `${STEP}#1`)).toMatchObject({ status: 'done', outcome: 'Approved' });
  });
});
