/**
 * Team views through the API on a real database: the hiring manager's home (own hires only,
 * the three manager steps with their state, completion through the task API) and the
 * logistics board (preparation items by start date, the confirmed arrival, no pay or
 * contact details), who may open them, organisation isolation and bad query parameters.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DemoOrg } from '../../src/services/seed/seed-demo.js';
import { confirmLogistics } from '../../src/services/portal/logistics.js';
import { createTestApp, seedAndLogin, type Role, type Session, type TestApp } from '../app.js';

interface Step { stepId: string; taskKey: string | null; state: string; canComplete: boolean; overdue: boolean; outcome: string; ownerRoles: string[] }
interface Hire { id: string; fullName: string; startDate: string; daysToStart: number; status: string; risk: { level: string; reasons: unknown[] }; steps: Step[]; otherTasks: Step[] }
interface PrepItem { item: string; state: string; taskKey: string | null; sharedWith: string[] }
interface BoardRow {
  candidateId: string; fullName: string; startDate: string; site: { id: string }; items: PrepItem[];
  arrival: { expectedTime: string; confirmation: { mode: string; arrivalTime: string; needsParking: boolean } | null; outdated: boolean };
}

let t: TestApp;
let demo: DemoOrg;
let s: Record<Role, Session>;
let other: { demo: DemoOrg; sessions: Record<Role, Session> };
const ids: Record<string, string> = {};

const ENGINEERING = ['张三', '李四', '王五', '赵六', '孙七', '钱十一', 'Lucas Wang'];
const SALES_AND_OPS = ['周八', 'Olivia Martin', '吴九', '郑十', '冯十二'];
/** Accepted offers starting within four weeks (吴九 and 冯十二 have not accepted; 郑十 starts in 45 days). */
const ON_BOARD = ['钱十一', '赵六', '王五', 'Lucas Wang', '周八', '李四', 'Olivia Martin', '张三', '孙七'];

const get = async (session: Session | undefined, url: string) => t.call(session, 'GET', url);
const hires = async (session: Session, query = ''): Promise<{ items: Hire[]; total: number }> => {
  const res = await get(session, `/api/v1/me/hires${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};
const board = async (session: Session, query = ''): Promise<{ items: BoardRow[]; total: number; from: string; to: string }> => {
  const res = await get(session, `/api/v1/logistics-board${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};
const step = (h: Hire, id: string) => h.steps.find((x) => x.stepId === id)!;

beforeAll(async () => {
  t = await createTestApp();
  ({ demo, sessions: s } = await seedAndLogin(t));
  other = await seedAndLogin(t);
  const list = (await t.call(s.hr, 'GET', '/api/v1/candidates?limit=200')).json().items as Array<{ id: string; fullName: string }>;
  for (const c of list) ids[c.fullName] = c.id;
});
afterAll(async () => t?.close());

describe('the hiring manager’s home', () => {
  it('lists only the manager’s own incoming hires, soonest start first', async () => {
    const mine = await hires(s.manager);
    expect(mine.items.map((h) => h.fullName).sort()).toEqual([...ENGINEERING].sort());
    expect(mine.total).toBe(ENGINEERING.length);
    const dates = mine.items.map((h) => h.startDate);
    expect(dates).toEqual([...dates].sort());
    const theirs = await hires(s.manager2);
    expect(theirs.items.map((h) => h.fullName).sort()).toEqual([...SALES_AND_OPS].sort());
  });

  it('shows the intro call, the pre-onboarding meeting and the day-one check with state, and the risk', async () => {
    const zhao = (await hires(s.manager)).items.find((h) => h.fullName === '赵六')!;
    expect(zhao.steps.map((x) => x.stepId)).toEqual(['prep.manager_intro_call', 'final.preonboarding_meeting', 'day1.checkin']);
    // Accepted twenty days ago, starting in two: the intro call (S − 7) is overdue.
    expect(step(zhao, 'prep.manager_intro_call')).toMatchObject({ state: 'open', overdue: true, canComplete: true });
    expect(step(zhao, 'final.preonboarding_meeting')).toMatchObject({ state: 'open', canComplete: false, ownerRoles: ['hr'] });
    expect(step(zhao, 'day1.checkin')).toMatchObject({ state: 'open', canComplete: true });
    expect(['low', 'medium', 'high']).toContain(zhao.risk.level);
    expect(zhao.risk.reasons.length).toBeGreaterThan(0); // overdue work at least
    // An offer still out has no tasks yet.
    const wu = (await hires(s.manager2)).items.find((h) => h.fullName === '吴九')!;
    expect(wu.steps.map((x) => x.state)).toEqual(['not_planned', 'not_planned', 'not_planned']);
    expect(wu.steps.every((x) => x.taskKey === null && !x.canComplete)).toBe(true);
  });

  it('completing the intro call through the task API shows it done with the outcome', async () => {
    const before = (await hires(s.manager)).items.find((h) => h.fullName === '王五')!;
    const key = step(before, 'prep.manager_intro_call').taskKey!;
    const done = await t.call(s.manager, 'POST', `/api/v1/candidates/${before.id}/tasks/${encodeURIComponent(key)}/complete`, { outcome: '介绍了团队和第一个月的目标' });
    expect(done.statusCode, done.body).toBe(200);
    const after = (await hires(s.manager)).items.find((h) => h.fullName === '王五')!;
    expect(step(after, 'prep.manager_intro_call')).toMatchObject({ state: 'done', canComplete: false, outcome: '介绍了团队和第一个月的目标' });
  });

  it('carries no pay and no contact details', async () => {
    const body = (await get(s.manager, '/api/v1/me/hires')).body;
    expect(body).not.toMatch(/salary|email|phone|@example\.com|13900001/);
    expect(body).not.toContain('20000');
  });

  it('pages on the server', async () => {
    const all = await hires(s.manager);
    const first = await hires(s.manager, '?limit=3');
    const second = await hires(s.manager, '?limit=3&offset=3');
    expect(first.items).toHaveLength(3);
    expect(first.total).toBe(all.total);
    expect([...first.items, ...second.items].map((h) => h.id)).toEqual(all.items.slice(0, 6).map((h) => h.id));
  });

  it('keeps a hire for two weeks after the start, then lets them go', async () => {
    const arrived = await t.call(s.hr, 'POST', `/api/v1/candidates/${ids['钱十一']}/events`, { type: 'arrived' });
    expect(arrived.statusCode, arrived.body).toBeLessThan(300);
    expect((await hires(s.manager)).items.find((h) => h.fullName === '钱十一')?.status).toBe('started');
    const now = t.clock.now();
    try {
      t.clock.set(new Date(now.getTime() + 16 * 86_400_000));
      // Sessions idle out after 12 hours: sign in again on the later day.
      const later = await t.login(demo.users.manager.email, demo.password);
      expect((await hires(later)).items.map((h) => h.fullName)).not.toContain('钱十一');
    } finally {
      t.clock.set(now);
    }
  });

  it('is refused to every other role, to API tokens and to anonymous callers', async () => {
    for (const role of ['hr', 'hrbp', 'admin', 'executive', 'org_admin'] as Role[]) {
      const res = await get(s[role], '/api/v1/me/hires');
      expect(res.statusCode, role).toBe(403);
      expect(res.json().error.code).toBe('forbidden');
    }
    const token = await t.call(s.org_admin, 'POST', '/api/v1/api-tokens', { name: 'ats', scopes: ['candidates:read'] });
    expect(token.statusCode, token.body).toBe(201);
    const viaToken = await t.app.inject({ method: 'GET', url: '/api/v1/me/hires', headers: { authorization: `Bearer ${token.json().token}` } });
    expect(viaToken.statusCode).toBe(403);
    expect((await get(undefined, '/api/v1/me/hires')).statusCode).toBe(401);
  });

  it('answers bad query parameters with a 400 naming the field', async () => {
    for (const [query, field] of [['limit=0', 'limit'], ['limit=abc', 'limit'], ['offset=-1', 'offset'], ['managerId=x', 'managerId']] as const) {
      const res = await get(s.manager, `/api/v1/me/hires?${query}`);
      expect(res.statusCode, query).toBe(400);
      expect(res.json().error.field, query).toBe(field);
    }
  });
});

describe('the logistics board', () => {
  it('lists accepted candidates starting in the next four weeks by start date, with the four items', async () => {
    const b = await board(s.admin);
    expect(b.items.map((r) => r.fullName).sort()).toEqual([...ON_BOARD].sort());
    expect(b.total).toBe(ON_BOARD.length);
    const dates = b.items.map((r) => r.startDate);
    expect(dates).toEqual([...dates].sort());
    expect(b.from <= dates[0]! && dates.at(-1)! <= b.to).toBe(true);
    const zhao = b.items.find((r) => r.fullName === '赵六')!;
    expect(zhao.items.map((i) => i.item)).toEqual(['workstation', 'badge', 'computer', 'welcome_kit']);
    expect(zhao.items.every((i) => i.state === 'open' && i.taskKey === 'day1.workstation_prep#0')).toBe(true);
    expect(zhao.items.find((i) => i.item === 'badge')!.sharedWith).toEqual(['workstation', 'computer', 'welcome_kit']);
    expect(zhao.arrival).toEqual({ expectedTime: '09:00', confirmation: null, outdated: false });
  });

  it('shows the arrival the candidate confirmed in the portal', async () => {
    await confirmLogistics(t.deps, { kind: 'candidate', orgId: demo.orgId, candidateId: ids['王五']!, linkId: 'test' }, { mode: 'car', arrivalTime: '08:45', note: '需要停车位' }, {});
    const wang = (await board(s.admin)).items.find((r) => r.fullName === '王五')!;
    expect(wang.arrival.confirmation).toMatchObject({ mode: 'car', arrivalTime: '08:45', needsParking: true });
    expect(wang.arrival.outdated).toBe(false);
  });

  it('completes an item through the task API, which completes every item of that task', async () => {
    const zhao = (await board(s.admin)).items.find((r) => r.fullName === '赵六')!;
    const key = zhao.items[0]!.taskKey!;
    const done = await t.call(s.admin, 'POST', `/api/v1/candidates/${zhao.candidateId}/tasks/${encodeURIComponent(key)}/complete`, { outcome: '工位 A12，工牌和电脑已备好' });
    expect(done.statusCode, done.body).toBe(200);
    const after = (await board(s.admin)).items.find((r) => r.fullName === '赵六')!;
    expect(after.items.map((i) => i.state)).toEqual(['done', 'done', 'done', 'done']);
  });

  it('shows admin staff no pay, no contact details and no notes', async () => {
    const body = (await get(s.admin, '/api/v1/logistics-board')).body;
    expect(body).not.toMatch(/salary|email|phone|@example\.com|13900001|"notes"/);
    expect(body).not.toContain('20000');
  });

  it('filters by site and by start-date range on the server, and pages', async () => {
    const beijing = await board(s.admin, `?site=${demo.sites.beijing}`);
    expect(beijing.items.length).toBeGreaterThan(0);
    expect(beijing.items.every((r) => r.site.id === demo.sites.beijing)).toBe(true);
    const all = await board(s.admin);
    const zhao = all.items.find((r) => r.fullName === '赵六')!;
    const day = await board(s.admin, `?from=${zhao.startDate}&to=${zhao.startDate}`);
    expect(day.items.every((r) => r.startDate === zhao.startDate)).toBe(true);
    expect(day.items.map((r) => r.fullName)).toContain('赵六');
    const page = await board(s.admin, '?limit=2&offset=2');
    expect(page.items.map((r) => r.candidateId)).toEqual(all.items.slice(2, 4).map((r) => r.candidateId));
    expect(page.total).toBe(all.total);
  });

  it('opens for admin staff, HR and org admins only', async () => {
    for (const role of ['hr', 'org_admin'] as Role[]) expect((await board(s[role])).total, role).toBe(ON_BOARD.length);
    for (const role of ['manager', 'manager2', 'hrbp', 'executive'] as Role[]) {
      const res = await get(s[role], '/api/v1/logistics-board');
      expect(res.statusCode, role).toBe(403);
    }
    expect((await get(undefined, '/api/v1/logistics-board')).statusCode).toBe(401);
  });

  it('answers bad query parameters with a 400 naming the field', async () => {
    const cases = [
      ['from=2026-02-30', 'from'], ['to=tomorrow', 'to'], ['from=2026-12-10&to=2026-12-01', 'to'], ['from=2026-01-01&to=2027-06-01', 'to'],
      ['site=not-a-uuid', 'site'], ['limit=500', 'limit'], ['colour=red', 'colour'],
    ] as const;
    for (const [query, field] of cases) {
      const res = await get(s.admin, `/api/v1/logistics-board?${query}`);
      expect(res.statusCode, query).toBe(400);
      expect(res.json().error.field, query).toBe(field);
    }
  });
});

describe('organisations are isolated', () => {
  it('another org’s staff see none of these hires or preparations and cannot complete them', async () => {
    const mine = new Set(demo.candidateIds);
    const theirHires = await hires(other.sessions.manager);
    expect(theirHires.items.length).toBeGreaterThan(0);
    expect(theirHires.items.some((h) => mine.has(h.id))).toBe(false);
    const theirBoard = await board(other.sessions.admin);
    expect(theirBoard.items.length).toBeGreaterThan(0);
    expect(theirBoard.items.some((r) => mine.has(r.candidateId))).toBe(false);
    const foreignSite = await board(other.sessions.admin, `?site=${demo.sites.shanghai}`);
    expect(foreignSite.items).toEqual([]);
    const li = (await board(s.admin)).items.find((r) => r.fullName === '李四')!;
    const res = await t.call(other.sessions.admin, 'POST', `/api/v1/candidates/${li.candidateId}/tasks/${encodeURIComponent(li.items[0]!.taskKey!)}/complete`, { outcome: 'x' });
    expect(res.statusCode).toBe(404);
  });
});
