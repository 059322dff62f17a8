import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, seedAndLogin, type Role, type Session, type TestApp } from '../app.js';
import type { DemoOrg } from '../../src/services/seed/seed-demo.js';
import { recordPortalPulse } from '../../src/services/portal/record-pulse.js';
import { assignPipelineStage } from '../../src/core/pipeline/assign-stage.js';

interface Card {
  id: string; fullName: string; status: string; startDate: string; daysToStart: number; overdueTasks: number;
  department: { id: string }; site: { id: string }; hrOwner: { id: string } | null; manager: { id: string } | null;
  risk?: { level: string; score: number; reasons: Array<{ code: string; params: Record<string, number> }> };
}
interface Board { columns: Array<{ stage: string; total: number; items: Card[] }>; riskVisible: boolean }

let t: TestApp;
let demo: DemoOrg;
let s: Record<Role, Session>;
let other: { demo: DemoOrg; sessions: Record<Role, Session> };
const ids: Record<string, string> = {};

const board = async (session: Session, query = ''): Promise<Board> => {
  const res = await t.call(session, 'GET', `/api/v1/pipeline?limit=100${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};
const cards = (b: Board) => b.columns.flatMap((c) => c.items);
const names = (b: Board) => cards(b).map((c) => c.fullName).sort();
const column = (b: Board, stage: string) => b.columns.find((c) => c.stage === stage)!;

beforeAll(async () => {
  t = await createTestApp();
  ({ demo, sessions: s } = await seedAndLogin(t));
  other = await seedAndLogin(t);
  const list = (await t.call(s.hr, 'GET', '/api/v1/candidates?limit=200')).json().items as Array<{ id: string; fullName: string }>;
  for (const c of list) ids[c.fullName] = c.id;
  // 李四 asks to delay for a counter-offer and answers the pulse with 1/5.
  const delay = await t.call(s.hr, 'POST', `/api/v1/candidates/${ids['李四']}/events`, { type: 'delay_requested', reason: 'counteroffer' });
  expect(delay.statusCode, delay.body).toBeLessThan(300);
  await recordPortalPulse(t.deps, { kind: 'candidate', orgId: demo.orgId, candidateId: ids['李四']!, linkId: 'test' }, { score: 1, comment: '' }, {});
  // 钱十一 arrived; 孙七 reneged (off the board).
  expect((await t.call(s.hr, 'POST', `/api/v1/candidates/${ids['钱十一']}/events`, { type: 'arrived' })).statusCode).toBeLessThan(300);
  const reneged = await t.call(s.hr, 'POST', `/api/v1/candidates/${ids['孙七']}/events`, { type: 'reneged', reason: 'counteroffer' });
  expect(reneged.statusCode, reneged.body).toBeLessThan(300);
});
afterAll(async () => t?.close());

describe('the pipeline board', () => {
  it('groups every active candidate into the stage columns, with totals', async () => {
    const b = await board(s.hr);
    expect(b.columns.map((c) => c.stage)).toEqual(['offer_confirmation', 'prep', 'final_days', 'day_one', 'started']);
    expect(b.riskVisible).toBe(true);
    for (const c of b.columns) expect(c.total).toBe(c.items.length);
    expect(names(b)).toEqual(['Lucas Wang', 'Olivia Martin', '冯十二', '吴九', '张三', '李四', '王五', '赵六', '郑十', '钱十一', '周八'].sort());
    const stageOf = (name: string) => b.columns.find((c) => c.items.some((x) => x.fullName === name))?.stage;
    expect(stageOf('吴九')).toBe('offer_confirmation'); // offer still out
    expect(stageOf('冯十二')).toBe('offer_confirmation');
    expect(stageOf('赵六')).toBe('final_days'); // starts in two days
    expect(stageOf('钱十一')).toBe('started'); // arrival recorded
    expect(stageOf('李四')).toBe('prep'); // delayed, twelve days out
    for (const col of b.columns) {
      for (const card of col.items) expect(assignPipelineStage(card.status as never, card.daysToStart), card.fullName).toBe(col.stage);
    }
    // Soonest start first within a column.
    for (const col of b.columns.filter((c) => c.stage !== 'started')) {
      const dates = col.items.map((c) => c.startDate);
      expect(dates).toEqual([...dates].sort());
    }
  });

  it('marks overdue work and explains the advisory risk', async () => {
    const b = await board(s.hr);
    const li = cards(b).find((c) => c.fullName === '李四')!;
    expect(li.risk!.level).toBe('high');
    expect(li.risk!.reasons.map((r) => r.code)).toEqual(expect.arrayContaining(['counter_offer', 'delay_requested', 'low_pulse']));
    expect(li.risk!.reasons.find((r) => r.code === 'low_pulse')!.params).toEqual({ score: 1 });
    // The demo's candidates accepted weeks ago still have their confirmation call open.
    const zhao = cards(b).find((c) => c.fullName === '赵六')!;
    expect(zhao.overdueTasks).toBeGreaterThan(0);
    expect(zhao.risk!.reasons.map((r) => r.code)).toContain('overdue_tasks');
    const [{ n }] = (await sql<{ n: number }>`SELECT count(*)::int AS n FROM tasks WHERE org_id = ${demo.orgId} AND candidate_id = ${ids['赵六']} AND status = 'open' AND due_at < ${t.clock.now().toISOString()}::timestamptz`.execute(t.db.db)).rows as [{ n: number }];
    expect(zhao.overdueTasks).toBe(n);
    for (const card of cards(b)) if (card.risk!.level !== 'low') expect(card.risk!.reasons.length, card.fullName).toBeGreaterThan(0);
  });

  it('filters on the server: department, site, HR owner, manager, start week, risk and name', async () => {
    expect(names(await board(s.hr, `&departmentId=${demo.departments.sales}`))).toEqual(['Olivia Martin', '冯十二', '周八'].sort());
    expect(names(await board(s.hr, `&siteId=${demo.sites.singapore}`))).toEqual(['Olivia Martin']);
    expect(names(await board(s.hr, `&managerId=${demo.users.manager2.id}`))).toEqual(['Olivia Martin', '冯十二', '吴九', '周八', '郑十'].sort());
    expect(cards(await board(s.hr, `&hrOwnerId=${demo.users.hr.id}`))).toHaveLength(11);
    expect(cards(await board(s.hr, `&hrOwnerId=${demo.users.hrbp.id}`))).toHaveLength(0);
    expect(names(await board(s.hr, `&q=${encodeURIComponent('张')}`))).toEqual(['张三']);
    expect(names(await board(s.hr, `&q=${encodeURIComponent('sales lead')}`))).toEqual(['Olivia Martin']);
    const high = await board(s.hr, '&risk=high');
    expect(names(high)).toContain('李四');
    expect(cards(high).every((c) => c.risk!.level === 'high')).toBe(true);
    expect(names(await board(s.hr, '&risk=low'))).not.toContain('李四');
    // Start week: Monday to Sunday around 赵六's start date.
    const zhao = cards(await board(s.hr)).find((c) => c.fullName === '赵六')!;
    const week = await board(s.hr, `&startWeek=${zhao.startDate}`);
    expect(names(week)).toContain('赵六');
    const d = new Date(`${zhao.startDate}T00:00:00Z`);
    const monday = new Date(d.getTime() - ((d.getUTCDay() + 6) % 7) * 86_400_000).toISOString().slice(0, 10);
    const sunday = new Date(Date.parse(`${monday}T00:00:00Z`) + 6 * 86_400_000).toISOString().slice(0, 10);
    expect(cards(week).every((c) => c.startDate >= monday && c.startDate <= sunday)).toBe(true);
    // Filters combine.
    const engHigh = cards(await board(s.hr, `&departmentId=${demo.departments.engineering}&risk=high`));
    expect(engHigh.map((c) => c.fullName)).toContain('李四');
    expect(engHigh.every((c) => c.department.id === demo.departments.engineering && c.risk!.level === 'high')).toBe(true);
    expect(engHigh.length).toBeLessThanOrEqual(cards(high).length);
  });

  it('pages each column and keeps its total', async () => {
    const full = await board(s.hr);
    const oc = column(full, 'offer_confirmation');
    expect(oc.total).toBeGreaterThanOrEqual(3);
    const first = (await t.call(s.hr, 'GET', '/api/v1/pipeline?limit=1')).json() as Board;
    for (const c of first.columns) {
      expect(c.total).toBe(column(full, c.stage).total);
      expect(c.items.length).toBe(Math.min(1, c.total));
    }
    const second = (await t.call(s.hr, 'GET', '/api/v1/pipeline?stage=offer_confirmation&limit=1&offset=1')).json() as Board;
    expect(second.columns.map((c) => c.stage)).toEqual(['offer_confirmation']);
    expect(second.columns[0]!.total).toBe(oc.total);
    expect(second.columns[0]!.items.map((c) => c.id)).toEqual([oc.items[1]!.id]);
  });

  it('audits the read', async () => {
    const rows = await t.db.db.selectFrom('audit_log').select(['actor_id', 'detail']).where('org_id', '=', demo.orgId).where('entity', '=', 'pipeline').execute();
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.some((r) => r.actor_id === demo.users.hr.id)).toBe(true);
  });
});

describe('who sees what on the board', () => {
  it('a manager sees only their own incoming hires', async () => {
    const mine = cards(await board(s.manager));
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.every((c) => c.manager?.id === demo.users.manager.id)).toBe(true);
    const theirs = cards(await board(s.manager2));
    expect(theirs.every((c) => c.manager?.id === demo.users.manager2.id)).toBe(true);
    expect(theirs.some((c) => c.fullName === '李四')).toBe(false);
    // Filtering cannot widen the scope.
    expect(cards(await board(s.manager, `&managerId=${demo.users.manager2.id}`))).toHaveLength(0);
  });

  it('an HRBP sees only assigned departments', async () => {
    const b = cards(await board(s.hrbp));
    expect(b.length).toBeGreaterThan(0);
    expect(b.every((c) => c.department.id === demo.departments.engineering)).toBe(true);
  });

  it('admin staff get cards without contact details, pay or risk', async () => {
    const res = await t.call(s.admin, 'GET', '/api/v1/pipeline?limit=100');
    expect(res.statusCode).toBe(200);
    const b = res.json() as Board;
    expect(b.riskVisible).toBe(false);
    expect(cards(b).length).toBe(11);
    expect(cards(b).every((c) => c.risk === undefined)).toBe(true);
    expect(res.body).not.toMatch(/"(email|phone|salary|notes)"/);
    expect(res.body).not.toContain('@example.com');
    const risk = await t.call(s.admin, 'GET', '/api/v1/pipeline?risk=high');
    expect(risk.statusCode).toBe(400);
    expect(risk.json().error.field).toBe('risk');
  });

  it('no role sees pay or contact details on a card', async () => {
    for (const role of ['hr', 'org_admin', 'manager', 'executive'] as Role[]) {
      const res = await t.call(s[role], 'GET', '/api/v1/pipeline?limit=100');
      expect(res.body, role).not.toMatch(/"(email|phone|salary|notes)"/);
    }
  });

  it('another organisation never sees these candidates', async () => {
    const foreign = cards(await board(other.sessions.hr));
    expect(foreign.length).toBeGreaterThan(0);
    const mine = new Set(Object.values(ids));
    expect(foreign.some((c) => mine.has(c.id))).toBe(false);
    expect(cards(await board(other.sessions.hr, `&departmentId=${demo.departments.engineering}`))).toHaveLength(0);
  });

  it('answers 401 without a session', async () => {
    expect((await t.call(undefined, 'GET', '/api/v1/pipeline')).statusCode).toBe(401);
  });
});

describe('bad query parameters', () => {
  const cases: Array<[string, string]> = [
    ['limit=0', 'limit'], ['limit=101', 'limit'], ['limit=ten', 'limit'], ['offset=-1', 'offset'],
    ['departmentId=sales', 'departmentId'], ['siteId=1', 'siteId'], ['hrOwnerId=x', 'hrOwnerId'], ['managerId=x', 'managerId'],
    ['startWeek=2026-13-01', 'startWeek'], ['risk=extreme', 'risk'], ['stage=onboarding', 'stage'],
    ['offset=5', 'offset'], [`q=${'x'.repeat(101)}`, 'q'],
  ];
  for (const [query, field] of cases) {
    it(`${query.slice(0, 30)} → 400 naming ${field}`, async () => {
      const res = await t.call(s.hr, 'GET', `/api/v1/pipeline?${query}`);
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json().error.field).toBe(field);
    });
  }
  it('an unknown parameter is refused', async () => {
    const res = await t.call(s.hr, 'GET', '/api/v1/pipeline?gender=f');
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toContain('gender');
  });
});
