import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, seedAndLogin, type Role, type Session, type TestApp } from '../app.js';
import type { DemoOrg } from '../../src/services/seed/seed-demo.js';
import { escalateOverdueTasks } from '../../src/services/reminders/escalate-overdue.js';

let t: TestApp;
let demo: DemoOrg;
let s: Record<Role, Session>;

beforeAll(async () => {
  t = await createTestApp();
  ({ demo, sessions: s } = await seedAndLogin(t));
});
afterAll(async () => t?.close());

type Task = { key: string; stepId: string; candidateId: string; ownerRoles: string[]; status: string; dueAt: string };
const tasksOf = async (role: Role, query = '') => (await t.call(s[role], 'GET', `/api/v1/tasks?limit=200${query}`)).json().items as Task[];

async function newCandidate(extra: Record<string, unknown> = {}) {
  const res = await t.call(s.hr, 'POST', '/api/v1/candidates', {
    fullName: '测试 引擎', email: 'engine@example.com', roleType: 'tech', departmentId: demo.departments.engineering,
    siteId: demo.sites.shanghai, positionTitle: 'Engineer', startDate: '2027-03-15', managerId: demo.users.manager.id,
    hrbpId: demo.users.hrbp.id, adminContactId: demo.users.admin.id, ...extra,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id as string;
}

describe('the engine through the API', () => {
  it('previews the plan before acceptance, then runs it after offer_accepted', async () => {
    const id = await newCandidate();
    const preview = (await t.call(s.hr, 'GET', `/api/v1/candidates/${id}/plan`)).json();
    expect(preview.started).toBe(false);
    expect(preview.items.map((i: { stepId: string }) => i.stepId)).toEqual(expect.arrayContaining(['offer.send_package', 'final.daily_care', 'day1.checkin']));
    expect(preview.items.every((i: { state: string }) => i.state === 'planned')).toBe(true);
    const accepted = await t.call(s.hr, 'POST', `/api/v1/candidates/${id}/events`, { type: 'offer_accepted' });
    expect(accepted.statusCode, accepted.body).toBe(201);
    expect(accepted.json().status).toBe('offer_accepted');
    const plan = (await t.call(s.hr, 'GET', `/api/v1/candidates/${id}/plan`)).json();
    expect(plan.started).toBe(true);
    const call = plan.items.find((i: { stepId: string }) => i.stepId === 'offer.confirmation_call');
    expect(call.state).toBe('open');
    const acceptedAt = Date.parse((await t.call(s.hr, 'GET', `/api/v1/candidates/${id}/offers`)).json().items[0].acceptedAt);
    expect(Date.parse(call.dueAt) - acceptedAt).toBeLessThanOrEqual(24 * 3600_000);
  });

  it('hands each role its own tasks', async () => {
    const hr = await tasksOf('hr');
    expect(hr.some((x) => x.stepId === 'offer.confirmation_call')).toBe(true);
    const manager = await tasksOf('manager');
    expect(manager.length).toBeGreaterThan(0);
    expect(manager.every((x) => x.ownerRoles.includes('manager'))).toBe(true);
    const mine = new Set(demo.candidateIds.filter((_, i) => [0, 1, 2, 3, 4, 9, 11].includes(i)));
    expect(manager.every((x) => mine.has(x.candidateId) || !demo.candidateIds.includes(x.candidateId))).toBe(true);
    const admin = await tasksOf('admin');
    expect(admin.length).toBeGreaterThan(0);
    expect(admin.every((x) => x.ownerRoles.includes('admin'))).toBe(true);
    expect(admin.some((x) => x.stepId === 'day1.workstation_prep')).toBe(true);
  });

  it('completing the confirmation call moves the candidate to preboarding and lands on the timeline', async () => {
    const id = await newCandidate({ offerAcceptedAt: new Date(t.clock.now().getTime() - 3600_000).toISOString() });
    const task = (await tasksOf('hr', `&candidateId=${id}`)).find((x) => x.stepId === 'offer.confirmation_call')!;
    const done = await t.call(s.hr, 'POST', `/api/v1/candidates/${id}/tasks/${encodeURIComponent(task.key)}/complete`, {
      outcome: 'Confirmed; asked about probation criteria', candidateFeedback: 'Looking forward to it',
    });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json().status).toBe('done');
    expect((await t.call(s.hr, 'GET', `/api/v1/candidates/${id}`)).json().status).toBe('preboarding');
    const timeline = (await t.call(s.hr, 'GET', `/api/v1/candidates/${id}/timeline`)).json().items;
    expect(timeline.some((x: { stepId: string; candidateFeedback: string; kind: string }) => x.stepId === 'offer.confirmation_call' && x.kind === 'call' && x.candidateFeedback === 'Looking forward to it')).toBe(true);
    const again = await t.call(s.hr, 'POST', `/api/v1/candidates/${id}/tasks/${encodeURIComponent(task.key)}/complete`, {});
    expect(again.statusCode).toBe(409);
  });

  it('a counter-offer delay gives HR a task and escalates to the manager; a retried event changes nothing', async () => {
    const id = await newCandidate({ offerAcceptedAt: new Date(t.clock.now().getTime() - 3600_000).toISOString() });
    const send = () => t.app.inject({
      method: 'POST', url: `/api/v1/candidates/${id}/events`,
      headers: { cookie: s.hr.cookie, 'x-csrf-token': s.hr.csrf, 'content-type': 'application/json', 'idempotency-key': `delay-${id}` },
      payload: JSON.stringify({ type: 'delay_requested', reason: 'counteroffer', proposedStartDate: '2027-04-01' }),
    });
    const first = await send();
    expect(first.statusCode, first.body).toBe(201);
    const before = await tasksOf('hr', `&candidateId=${id}`);
    expect(before.map((x) => x.stepId)).toEqual(expect.arrayContaining(['delay.understand_reason', 'delay.escalate_manager']));
    const second = await send();
    expect(second.statusCode).toBe(200);
    expect(second.json()).toMatchObject({ applied: false, eventId: first.json().eventId });
    expect(await tasksOf('hr', `&candidateId=${id}`)).toEqual(before);
    const manager = await tasksOf('manager', `&candidateId=${id}`);
    expect(manager.some((x) => x.stepId === 'delay.escalate_manager')).toBe(true);
  });

  it('a new start date on the offer re-plans: pending steps move by the same amount', async () => {
    const id = await newCandidate({ offerAcceptedAt: new Date(t.clock.now().getTime() - 3600_000).toISOString(), startDate: '2027-03-15' });
    const before = (await t.call(s.hr, 'GET', `/api/v1/candidates/${id}/plan`)).json().items;
    const checkinBefore = before.find((i: { stepId: string }) => i.stepId === 'day1.checkin');
    const res = await t.call(s.hr, 'POST', `/api/v1/candidates/${id}/offers`, { startDate: '2027-03-29', reason: 'agreed later start' });
    expect(res.statusCode, res.body).toBe(201);
    const after = (await t.call(s.hr, 'GET', `/api/v1/candidates/${id}/plan`)).json().items;
    const checkinAfter = after.find((i: { stepId: string; state: string }) => i.stepId === 'day1.checkin' && i.state !== 'cancelled');
    expect(Date.parse(checkinAfter.dueAt) - Date.parse(checkinBefore.dueAt)).toBe(14 * 24 * 3600_000);
  });

  it('refuses events that make no sense now, naming the problem', async () => {
    const id = await newCandidate();
    const early = await t.call(s.hr, 'POST', `/api/v1/candidates/${id}/events`, { type: 'arrived' });
    expect(early.statusCode).toBe(409);
    const badReason = await t.call(s.hr, 'POST', `/api/v1/candidates/${id}/events`, { type: 'delay_requested', reason: 'bored' });
    expect(badReason.statusCode).toBe(400);
    expect(badReason.json().error.field).toBe('reason');
    const unknownType = await t.call(s.hr, 'POST', `/api/v1/candidates/${id}/events`, { type: 'fired' });
    expect(unknownType.statusCode).toBe(400);
    expect(unknownType.json().error.field).toBe('type');
    const extra = await t.call(s.hr, 'POST', `/api/v1/candidates/${id}/events`, { type: 'offer_accepted', sneaky: true });
    expect(extra.statusCode).toBe(400);
    expect(extra.json().error.field).toBe('sneaky');
    const internal = await t.call(s.hr, 'POST', `/api/v1/candidates/${id}/events`, { type: 'task_completed', step: 'offer.confirmation_call' });
    expect(internal.statusCode).toBe(400);
  });

  it('the outbox lists messages for HR only', async () => {
    expect((await t.call(s.hr, 'GET', '/api/v1/outbox')).statusCode).toBe(200);
    expect((await t.call(s.manager, 'GET', '/api/v1/outbox')).statusCode).toBe(403);
  });

  // Moves the clock three days on: keep it last.
  it('a reminder escalation is completed without completing the task it chases', async () => {
    const id = await newCandidate({ offerAcceptedAt: new Date(t.clock.now().getTime() - 3600_000).toISOString() });
    t.clock.advance(3 * 24 * 3600_000);
    await escalateOverdueTasks(t.deps);
    const hrbp = await t.login(demo.users.hrbp.email, demo.password);
    const hr = await t.login(demo.users.hr.email, demo.password);
    const list = (await t.call(hrbp, 'GET', `/api/v1/tasks?candidateId=${id}`)).json().items as Task[];
    const escalation = list.find((x) => x.key === 'offer.confirmation_call#0!escalated');
    expect(escalation).toBeDefined();
    const done = await t.call(hrbp, 'POST', `/api/v1/candidates/${id}/tasks/${encodeURIComponent(escalation!.key)}/complete`, { outcome: 'Reminded HR' });
    expect(done.statusCode, done.body).toBe(200);
    const original = (await t.call(hr, 'GET', `/api/v1/tasks?candidateId=${id}`)).json().items.find((x: Task) => x.key === 'offer.confirmation_call#0');
    expect(original.status).toBe('open');
    expect((await t.call(hr, 'GET', `/api/v1/candidates/${id}`)).json().status).toBe('offer_accepted');
  });
});
