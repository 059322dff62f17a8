/**
 * Closing day one through the API (issue 6): the hire is `onboarded` once the end-of-day
 * check is done AND every day-one issue is closed, in either order; an integration's
 * `day_one_issue_resolved` names the issue by its task key (needed while several are
 * open), a retry of it closes nothing else, and HR completing one issue on the console
 * closes that issue only.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DemoOrg } from '../../src/services/seed/seed-demo.js';
import { createTestApp, seedAndLogin, type Role, type Session, type TestApp } from '../app.js';

let t: TestApp;
let demo: DemoOrg;
let s: Record<Role, Session>;

beforeAll(async () => {
  t = await createTestApp();
  t.clock.set('2026-11-25T02:00:00Z');
  ({ demo, sessions: s } = await seedAndLogin(t));
});
afterAll(async () => t?.close());

type Task = { key: string; stepId: string; status: string };

const event = (id: string, body: unknown) => t.call(s.hr, 'POST', `/api/v1/candidates/${id}/events`, body);
const complete = (id: string, key: string) => t.call(s.hr, 'POST', `/api/v1/candidates/${id}/tasks/${encodeURIComponent(key)}/complete`, { outcome: 'done' });
const statusOf = async (id: string) => (await t.call(s.hr, 'GET', `/api/v1/candidates/${id}`)).json().status as string;
const issueStates = async (id: string) => ((await t.call(s.hr, 'GET', `/api/v1/tasks?limit=200&status=all&candidateId=${id}`)).json().items as Task[])
  .filter((x) => x.stepId === 'day1.issue').map((x) => [x.key, x.status]).sort();

/** A hire who arrived today with two day-one issues (day1.issue#0 and #1). */
async function arrivedWithTwoIssues(fullName: string) {
  const res = await t.call(s.hr, 'POST', '/api/v1/candidates', {
    fullName, email: 'dayone@example.com', roleType: 'tech', departmentId: demo.departments.engineering, siteId: demo.sites.shanghai,
    positionTitle: 'Backend Engineer', startDate: '2026-11-25', managerId: demo.users.manager.id, salaryMonthly: 30000, salaryMonths: 14,
    offerAcceptedAt: '2026-11-10T02:00:00Z',
  });
  expect(res.statusCode, res.body).toBe(201);
  const id = res.json().id as string;
  expect((await event(id, { type: 'arrived' })).statusCode).toBe(201);
  for (const issue of ['Laptop not ready', 'No badge']) expect((await event(id, { type: 'day_one_issue_reported', issue })).statusCode).toBe(201);
  return id;
}

describe('onboarded follows the last of check-in and issues', () => {
  it('check-in first: still started while issues are open; HR closing one issue closes that one only', async () => {
    const id = await arrivedWithTwoIssues('首日 先回访');
    expect((await complete(id, 'day1.checkin#0')).statusCode).toBe(200);
    expect(await statusOf(id)).toBe('started');
    expect((await complete(id, 'day1.issue#1')).statusCode).toBe(200);
    expect(await issueStates(id)).toEqual([['day1.issue#0', 'open'], ['day1.issue#1', 'done']]);
    expect(await statusOf(id)).toBe('started');
    // The last one, resolved by an integration without naming it: only one is open.
    expect((await event(id, { type: 'day_one_issue_resolved' })).statusCode).toBe(201);
    expect(await issueStates(id)).toEqual([['day1.issue#0', 'done'], ['day1.issue#1', 'done']]);
    expect(await statusOf(id)).toBe('onboarded');
  });

  it('issues first: onboarded at the check-in', async () => {
    const id = await arrivedWithTwoIssues('首日 先解决');
    for (const key of ['day1.issue#0', 'day1.issue#1']) expect((await event(id, { type: 'day_one_issue_resolved', key })).statusCode).toBe(201);
    expect(await statusOf(id)).toBe('started');
    expect((await complete(id, 'day1.checkin#0')).statusCode).toBe(200);
    expect(await statusOf(id)).toBe('onboarded');
  });
});

describe('day_one_issue_resolved names the issue', () => {
  it('needs the key while several issues are open, and checks it, naming the field', async () => {
    const id = await arrivedWithTwoIssues('首日 校验');
    for (const body of [{ type: 'day_one_issue_resolved' }, { type: 'day_one_issue_resolved', key: 'laptop' }, { type: 'day_one_issue_resolved', key: 'day1.issue#7' }]) {
      const res = await event(id, body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.json().error.field).toBe('key');
    }
    expect(await issueStates(id)).toEqual([['day1.issue#0', 'open'], ['day1.issue#1', 'open']]);
  });

  it('a repeat for an issue already closed — even without an Idempotency-Key — changes nothing', async () => {
    const id = await arrivedWithTwoIssues('首日 重试');
    const resolved = { type: 'day_one_issue_resolved', key: 'day1.issue#0' };
    expect((await event(id, resolved)).statusCode).toBe(201);
    const repeat = await event(id, resolved);
    expect(repeat.statusCode, repeat.body).toBe(201);
    expect(await issueStates(id)).toEqual([['day1.issue#0', 'done'], ['day1.issue#1', 'open']]);
    expect(await statusOf(id)).toBe('started');
  });
});
