/**
 * The written labour contract after arrival (劳动合同法 Art.10/82), through the API: arrival
 * creates HR's signing task with the legal deadline; overdue it escalates to the HRBP; with
 * fewer than 5 days left to the deadline an executive and the HRBP are called in; signing
 * records the date; a repeated arrival changes nothing; leaving after arrival cancels it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, seedAndLogin, type Role, type Session, type TestApp } from '../app.js';
import type { DemoOrg } from '../../src/services/seed/seed-demo.js';
import { wakeDueCandidates } from '../../src/services/engine/apply-event.js';
import { escalateOverdueTasks } from '../../src/services/reminders/escalate-overdue.js';

let t: TestApp;
let demo: DemoOrg;
let s: Record<Role, Session>;

/** Monday 2026-11-30 in Shanghai; holiday data covers 2026, so no day is provisional. */
const START = '2026-11-30';
const ARRIVED_AT = '2026-11-30T01:10:00Z'; // 09:10 local
const DEADLINE = '2026-12-29';
const SIGN = 'contract.sign_labour_contract#0';

beforeAll(async () => {
  t = await createTestApp();
  t.clock.set('2026-11-16T02:00:00Z');
  ({ demo, sessions: s } = await seedAndLogin(t));
});
afterAll(async () => t?.close());

type Task = { key: string; stepId: string; kind: string; status: string; dueAt: string; ownerRoles: string[]; legalDeadline: string | null; detail: string; outcome: string };
type Touch = { summary: string; content: string; stepId: string | null };

/** Move the clock and sign everyone in again (sessions idle out after 12 hours). */
async function moveTo(iso: string) {
  t.clock.set(iso);
  for (const role of Object.keys(s) as Role[]) s[role] = await t.login(demo.users[role].email, demo.password);
}

const tasksOf = async (role: Role, id: string, status = 'all') =>
  (await t.call(s[role], 'GET', `/api/v1/tasks?limit=200&status=${status}&candidateId=${id}`)).json().items as Task[];
const contractTasks = async (role: Role, id: string) => (await tasksOf(role, id)).filter((x) => x.stepId.startsWith('contract.'));
const timelineOf = async (id: string) => (await t.call(s.hr, 'GET', `/api/v1/candidates/${id}/timeline?limit=100`)).json().items as Touch[];

const keyed = (session: Session, url: string, body: unknown, key: string) => t.app.inject({
  method: 'POST', url, payload: JSON.stringify(body),
  headers: { cookie: session.cookie, 'x-csrf-token': session.csrf, 'content-type': 'application/json', 'idempotency-key': key },
});
const complete = (id: string, key: string, body: Record<string, unknown>) =>
  t.call(s.hr, 'POST', `/api/v1/candidates/${id}/tasks/${encodeURIComponent(key)}/complete`, body);

async function newCandidate(fullName: string) {
  const res = await t.call(s.hr, 'POST', '/api/v1/candidates', {
    fullName, email: 'contract@example.com', roleType: 'tech', departmentId: demo.departments.engineering,
    siteId: demo.sites.shanghai, positionTitle: 'Backend Engineer', startDate: START, managerId: demo.users.manager.id,
    hrbpId: demo.users.hrbp.id, salaryMonthly: 30000, salaryMonths: 14,
    offerAcceptedAt: new Date(t.clock.now().getTime() - 3600_000).toISOString(),
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id as string;
}

describe('labour contract after arrival', () => {
  let id: string;
  let other: string;

  it('arrival creates one HR task due on the 7th business day, carrying the legal deadline; a repeated arrival changes nothing', async () => {
    id = await newCandidate('合同 测试');
    other = await newCandidate('另一 位');
    await moveTo(ARRIVED_AT);
    const url = `/api/v1/candidates/${id}/events`;
    expect((await keyed(s.hr, url, { type: 'arrived' }, `arrived-${id}`)).statusCode).toBe(201);
    const before = await tasksOf('hr', id);
    const retry = await keyed(s.hr, url, { type: 'arrived' }, `arrived-${id}`);
    expect(retry.statusCode).toBe(200);
    expect(retry.json().applied).toBe(false);
    const again = await keyed(s.hr, url, { type: 'arrived' }, `arrived-again-${id}`);
    expect(again.statusCode).toBe(409);
    expect(await tasksOf('hr', id)).toEqual(before);

    expect(await contractTasks('hr', id)).toEqual([expect.objectContaining({
      key: SIGN, kind: 'task', status: 'open', ownerRoles: ['hr'], dueAt: '2026-12-09T01:10:00.000Z', legalDeadline: DEADLINE,
    })]);
    // Tasks without a legal deadline say so.
    expect((await tasksOf('hr', id)).find((x) => x.stepId === 'day1.checkin')?.legalDeadline).toBeNull();
    const plan = (await t.call(s.hr, 'GET', `/api/v1/candidates/${id}/plan`)).json().items as Array<{ stepId: string; stage: string; legalDeadline: string | null; state: string }>;
    expect(plan.find((i) => i.stepId === 'contract.sign_labour_contract')).toMatchObject({ stage: 'contract', state: 'open', legalDeadline: DEADLINE });

    expect((await t.call(s.hr, 'POST', `/api/v1/candidates/${other}/events`, { type: 'arrived' })).statusCode).toBe(201);
  });

  it('overdue by more than a day, it escalates to the HRBP with the deadline; once', async () => {
    await moveTo('2026-12-10T00:00:00Z'); // less than 24 h past due: not yet
    await escalateOverdueTasks(t.deps, { orgId: demo.orgId });
    expect((await contractTasks('hr', id)).filter((x) => x.kind === 'escalation')).toEqual([]);
    await moveTo('2026-12-10T02:00:00Z');
    await escalateOverdueTasks(t.deps, { orgId: demo.orgId });
    await escalateOverdueTasks(t.deps, { orgId: demo.orgId });
    const escalated = (await contractTasks('hrbp', id)).filter((x) => x.key === `${SIGN}!escalated`);
    expect(escalated).toEqual([expect.objectContaining({ kind: 'escalation', status: 'open', ownerRoles: ['hrbp'], legalDeadline: DEADLINE })]);
    expect(escalated[0]!.detail).toContain(`legal deadline ${DEADLINE}`);
    expect((await timelineOf(id)).filter((x) => x.summary.startsWith('Escalated contract.sign_labour_contract to hrbp'))).toHaveLength(1);
  });

  it('with fewer than 5 days left and still unsigned, an executive and the HRBP are called in, due before the deadline', async () => {
    await moveTo('2026-12-24T12:00:00Z'); // 20:00 on the 24th: 5 days left
    await wakeDueCandidates(t.deps, { orgId: demo.orgId });
    expect((await contractTasks('hr', id)).some((x) => x.stepId === 'contract.escalate_executive')).toBe(false);
    await moveTo('2026-12-25T01:00:00Z'); // 09:00 on the 25th: 4 days left
    await wakeDueCandidates(t.deps, { orgId: demo.orgId });
    const loud = (await contractTasks('executive', id)).filter((x) => x.stepId === 'contract.escalate_executive');
    expect(loud).toEqual([expect.objectContaining({
      key: 'contract.escalate_executive#0', kind: 'escalation', status: 'open', ownerRoles: ['executive', 'hrbp'],
      dueAt: '2026-12-28T01:00:00.000Z', legalDeadline: DEADLINE,
    })]);
    expect(Date.parse(loud[0]!.dueAt)).toBeLessThan(Date.parse(`${DEADLINE}T10:00:00Z`));
    await wakeDueCandidates(t.deps, { orgId: demo.orgId });
    expect((await contractTasks('hrbp', id)).filter((x) => x.stepId === 'contract.escalate_executive')).toHaveLength(1);
  });

  it('signing records the date as the outcome and on the timeline, settles the escalations, and cannot be done twice', async () => {
    await moveTo('2026-12-26T03:00:00Z');
    const future = await complete(id, SIGN, { signedOn: '2026-12-27' });
    expect(future.statusCode).toBe(400);
    expect(future.json().error.field).toBe('signedOn');
    const tooEarly = await complete(id, SIGN, { signedOn: '2026-10-01' });
    expect(tooEarly.statusCode).toBe(400);
    expect(tooEarly.json().error.field).toBe('signedOn');
    const notContract = await complete(id, 'day1.checkin#0', { signedOn: '2026-12-24' });
    expect(notContract.statusCode).toBe(400);
    expect(notContract.json().error.field).toBe('signedOn');
    expect((await contractTasks('hr', id)).find((x) => x.key === SIGN)?.status).toBe('open');

    const done = await complete(id, SIGN, { signedOn: '2026-12-24', outcome: 'Both copies filed' });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json()).toMatchObject({ status: 'done', outcome: 'Signed on 2026-12-24. Both copies filed', legalDeadline: DEADLINE });
    const twice = await complete(id, SIGN, { signedOn: '2026-12-25' });
    expect(twice.statusCode).toBe(409);

    const after = await contractTasks('hr', id);
    expect(after.map((x) => [x.key, x.status])).toEqual(expect.arrayContaining([
      [SIGN, 'done'], [`${SIGN}!escalated`, 'done'], ['contract.escalate_executive#0', 'done'],
    ]));
    expect(after.find((x) => x.key === SIGN)?.outcome).toBe('Signed on 2026-12-24. Both copies filed');
    const signed = (await timelineOf(id)).filter((x) => x.stepId === 'contract.sign_labour_contract' && x.summary.startsWith('Labour contract signed'));
    expect(signed).toEqual([expect.objectContaining({ summary: 'Labour contract signed on 2026-12-24', content: 'Both copies filed' })]);
  });

  it('signed after the deadline, the timeline says so', async () => {
    await moveTo('2026-12-31T03:00:00Z');
    const late = await complete(other, SIGN, {});
    expect(late.statusCode, late.body).toBe(200);
    expect(late.json().outcome).toBe('Signed on 2026-12-31');
    expect((await timelineOf(other)).map((x) => x.summary)).toContain(`Labour contract signed on 2026-12-31 (after the legal deadline ${DEADLINE})`);
  });
});

describe('leaving after arrival', () => {
  it.each([
    ['on day one', false],
    ['after the end-of-day check (onboarded)', true],
  ])('a hire who leaves %s is reneged; the unsigned contract task is cancelled and recorded', async (_name, checkedIn) => {
    await moveTo('2026-11-16T02:00:00Z');
    const id = await newCandidate(checkedIn ? '离职 二' : '离职 一');
    await moveTo(ARRIVED_AT);
    expect((await t.call(s.hr, 'POST', `/api/v1/candidates/${id}/events`, { type: 'arrived' })).statusCode).toBe(201);
    if (checkedIn) {
      await moveTo('2026-11-30T10:30:00Z');
      expect((await complete(id, 'day1.checkin#0', { outcome: 'all fine' })).statusCode).toBe(200);
      expect((await t.call(s.hr, 'GET', `/api/v1/candidates/${id}`)).json().status).toBe('onboarded');
    }
    await moveTo('2026-12-03T03:00:00Z');
    const left = await keyed(s.hr, `/api/v1/candidates/${id}/decline`, { type: 'reneged', reason: 'personal' }, `left-${id}`);
    expect(left.statusCode, left.body).toBe(201);
    expect(left.json().status).toBe('reneged');
    expect((await keyed(s.hr, `/api/v1/candidates/${id}/decline`, { type: 'reneged', reason: 'personal' }, `left-${id}`)).json().applied).toBe(false);
    expect(await contractTasks('hr', id)).toEqual([expect.objectContaining({ key: SIGN, status: 'cancelled', legalDeadline: DEADLINE })]);
    expect((await timelineOf(id)).filter((x) => x.summary === 'Cancelled contract.sign_labour_contract: reneged')).toHaveLength(1);
    // Nothing chases a cancelled contract: no near-deadline escalation later.
    await moveTo('2026-12-26T03:00:00Z');
    await wakeDueCandidates(t.deps, { orgId: demo.orgId });
    expect((await contractTasks('hr', id)).map((x) => x.key)).toEqual([SIGN]);
  });
});
