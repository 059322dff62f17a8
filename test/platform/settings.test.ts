import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, seedAndLogin, type Role, type Session, type TestApp } from '../app.js';
import type { DemoOrg } from '../../src/services/seed/seed-demo.js';

let t: TestApp;
let demo: DemoOrg;
let s: Record<Role, Session>;

beforeAll(async () => {
  t = await createTestApp();
  // Wednesday 2026-11-25 10:00 in Shanghai; the demo's dates count from here.
  t.clock.set('2026-11-25T02:00:00Z');
  ({ demo, sessions: s } = await seedAndLogin(t));
});
afterAll(async () => t?.close());

async function signInAgain() {
  for (const role of Object.keys(s) as Role[]) s[role] = await t.login(demo.users[role].email, demo.password);
}

const settings = (who: Session | undefined) => t.call(who, 'GET', '/api/v1/settings');
const patch = (who: Session, body: unknown) => t.call(who, 'PATCH', '/api/v1/settings', body);

describe('organisation settings API', () => {
  it('reads the defaults of a fresh organisation', async () => {
    const res = await settings(s.org_admin);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      quietHours: { start: '21:00', end: '09:00' },
      workingHours: { start: '09:00', end: '18:00' },
      frequencyCap: { finalWindowDays: 7, finalWindowPerDay: 1, otherwisePerDay: 2 },
      callSpacing: { minDaysBetweenCalls: 3 },
      calendarOverrides: [],
      managerSeesSalary: false,
      retentionDays: 180,
      dataRequestSlaDays: 15,
    });
  });

  it('HR may read but not change; other roles may do neither', async () => {
    expect((await settings(s.hr)).statusCode).toBe(200);
    expect((await patch(s.hr, { retentionDays: 200 })).statusCode).toBe(403);
    for (const role of ['hrbp', 'manager', 'admin', 'executive'] as const) {
      expect((await settings(s[role])).statusCode, role).toBe(403);
      expect((await patch(s[role], { retentionDays: 200 })).statusCode, role).toBe(403);
    }
    expect((await settings(undefined)).statusCode).toBe(401);
  });

  it('updates some settings, keeps the rest, and audits before and after', async () => {
    const res = await patch(s.org_admin, {
      quietHours: { start: '22:00', end: '08:30' }, frequencyCap: { finalWindowDays: 7, finalWindowPerDay: 2, otherwisePerDay: 2 },
      callSpacing: { minDaysBetweenCalls: 2 }, retentionDays: 365,
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      quietHours: { start: '22:00', end: '08:30' }, frequencyCap: { finalWindowPerDay: 2 }, callSpacing: { minDaysBetweenCalls: 2 },
      retentionDays: 365, dataRequestSlaDays: 15, workingHours: { start: '09:00', end: '18:00' },
    });
    expect((await settings(s.hr)).json().quietHours).toEqual({ start: '22:00', end: '08:30' });

    const audit = (await t.call(s.org_admin, 'GET', '/api/v1/audit?entity=settings')).json();
    expect(audit.items).toHaveLength(1);
    expect(audit.items[0]).toMatchObject({ action: 'update', entity: 'settings', actorId: demo.users.org_admin.id });
    expect(audit.items[0].detail.before).toEqual({
      quietHours: { start: '21:00', end: '09:00' }, frequencyCap: { finalWindowDays: 7, finalWindowPerDay: 1, otherwisePerDay: 2 },
      callSpacing: { minDaysBetweenCalls: 3 }, retentionDays: 180,
    });
    expect(audit.items[0].detail.after).toEqual({
      quietHours: { start: '22:00', end: '08:30' }, frequencyCap: { finalWindowDays: 7, finalWindowPerDay: 2, otherwisePerDay: 2 },
      callSpacing: { minDaysBetweenCalls: 2 }, retentionDays: 365,
    });

    // Sending the same values again changes nothing and writes no entry.
    expect((await patch(s.org_admin, { retentionDays: 365 })).statusCode).toBe(200);
    expect((await t.call(s.org_admin, 'GET', '/api/v1/audit?entity=settings')).json().items).toHaveLength(1);
  });

  it('refuses bad values naming the field', async () => {
    const cases: Array<[unknown, string]> = [
      [{ retentionDays: 29 }, 'retentionDays'],
      [{ retentionDays: 3651 }, 'retentionDays'],
      [{ retentionDays: '180' }, 'retentionDays'],
      [{ dataRequestSlaDays: 0 }, 'dataRequestSlaDays'],
      [{ quietHours: { start: '25:00', end: '08:00' } }, 'quietHours.start'],
      [{ quietHours: { start: '08:00', end: '08:00' } }, 'quietHours.end'],
      [{ workingHours: { start: '18:00', end: '09:00' } }, 'workingHours.end'],
      [{ frequencyCap: { finalWindowDays: 7, finalWindowPerDay: 0, otherwisePerDay: 2 } }, 'frequencyCap.finalWindowPerDay'],
      [{ callSpacing: { minDaysBetweenCalls: -1 } }, 'callSpacing.minDaysBetweenCalls'],
      [{ calendarOverrides: [{ date: '2026-02-30', name: 'x', working: false }] }, 'calendarOverrides.0.date'],
      [{ calendarOverrides: [{ date: '0226-03-01', name: 'x', working: false }] }, 'calendarOverrides.0.date'],
      [{ calendarOverrides: [{ date: '2026-03-01', name: '  ', working: false }] }, 'calendarOverrides.0.name'],
      [{ calendarOverrides: [{ date: '2026-03-02', name: 'a', working: false }, { date: '2026-03-02', name: 'b', working: true }] }, 'calendarOverrides.1.date'],
      [{ managerSeesSalary: 'yes' }, 'managerSeesSalary'],
      [{ colour: 'blue' }, 'colour'],
    ];
    for (const [body, field] of cases) {
      const res = await patch(s.org_admin, body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.json().error.field, JSON.stringify(body)).toBe(field);
    }
    expect((await settings(s.org_admin)).json().retentionDays).toBe(365);
  });

  it('the manager-sees-salary switch widens the manager’s permissions on the next request', async () => {
    const before = (await t.call(s.manager, 'GET', '/api/v1/auth/me')).json();
    expect(before.permissions).not.toContain('salary.read');
    expect((await patch(s.org_admin, { managerSeesSalary: true })).statusCode).toBe(200);
    expect((await t.call(s.manager, 'GET', '/api/v1/auth/me')).json().permissions).toContain('salary.read');
    expect((await patch(s.org_admin, { managerSeesSalary: false })).statusCode).toBe(200);
    expect((await t.call(s.manager, 'GET', '/api/v1/auth/me')).json().permissions).not.toContain('salary.read');
  });
});

describe('calendar overrides reach the engine', () => {
  /** salary.evaluate is due one business day after the request. */
  const evaluationDue = async (candidateId: string) => {
    const rec = await t.call(s.hr, 'POST', `/api/v1/candidates/${candidateId}/events`, { type: 'salary_adjustment_requested' });
    expect(rec.statusCode, rec.body).toBeLessThan(300);
    const tasks = (await t.call(s.hr, 'GET', `/api/v1/tasks?candidateId=${candidateId}&status=open`)).json().items as Array<{ stepId: string; dueAt: string }>;
    const task = tasks.find((x) => x.stepId === 'salary.evaluate');
    expect(task, JSON.stringify(tasks.map((x) => x.stepId))).toBeDefined();
    return new Date(task!.dueAt).toISOString();
  };

  it('an extra holiday moves a business-day step; an extra working day pulls it in', async () => {
    // Friday 2026-11-27 10:00 Shanghai: "+1 business day" is Monday 11-30 10:00.
    t.clock.set('2026-11-27T02:00:00Z');
    await signInAgain(); // two days later the sessions have idled out
    const [a, b, c] = [demo.candidateIds[0]!, demo.candidateIds[1]!, demo.candidateIds[2]!];
    expect(await evaluationDue(a)).toBe('2026-11-30T02:00:00.000Z');

    const res = await patch(s.org_admin, { calendarOverrides: [{ date: '2026-11-30', name: '公司周年庆 Company anniversary', working: false }] });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().calendarOverrides).toEqual([{ date: '2026-11-30', name: '公司周年庆 Company anniversary', working: false }]);
    expect(await evaluationDue(b)).toBe('2026-12-01T02:00:00.000Z');

    await patch(s.org_admin, {
      calendarOverrides: [
        { date: '2026-11-30', name: '公司周年庆 Company anniversary', working: false },
        { date: '2026-11-28', name: 'Make-up Saturday', working: true },
      ],
    });
    expect(await evaluationDue(c)).toBe('2026-11-28T02:00:00.000Z');
    // Listed by date, whatever order they were sent in.
    expect((await settings(s.org_admin)).json().calendarOverrides.map((o: { date: string }) => o.date)).toEqual(['2026-11-28', '2026-11-30']);
  });

  it('the plan preview warns when the start date is an org holiday', async () => {
    const id = demo.candidateIds[7]!; // not accepted yet: the preview is computed afresh
    const candidate = (await t.call(s.hr, 'GET', `/api/v1/candidates/${id}`)).json();
    const codes = async () => ((await t.call(s.hr, 'GET', `/api/v1/candidates/${id}/plan`)).json().warnings as Array<{ code: string }>).map((w) => w.code);
    expect(await codes()).not.toContain('start_date_not_working_day');
    const current = (await settings(s.org_admin)).json().calendarOverrides;
    await patch(s.org_admin, { calendarOverrides: [...current, { date: candidate.startDate, name: 'Office move', working: false }] });
    expect(await codes()).toContain('start_date_not_working_day');
  });
});

describe('statutory days', () => {
  it('lists a covered year and says when the data does not reach a year', async () => {
    const res = (await t.call(s.hr, 'GET', '/api/v1/settings/statutory-days?year=2026')).json();
    expect(res.covered).toBe(true);
    expect(res.days).toContainEqual({ date: '2026-10-01', working: false, nameEn: 'National Day', nameZh: '国庆节' });
    const later = (await t.call(s.hr, 'GET', `/api/v1/settings/statutory-days?year=${res.lastYear + 1}`)).json();
    expect(later).toMatchObject({ covered: false, days: [] });
    const bad = await t.call(s.hr, 'GET', '/api/v1/settings/statutory-days?year=abc');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.field).toBe('year');
  });
});

describe('audit log filters and paging', () => {
  it('filters by entity, action, actor and time, and pages with a cursor that never skips', async () => {
    const all = (await t.call(s.org_admin, 'GET', '/api/v1/audit?limit=500')).json();
    expect(all.items.length).toBeGreaterThan(10);
    // Many entries share one instant (a manual clock): the cursor still walks every one exactly once.
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { items: Array<{ id: string }>; nextCursor: string | null } = (await t.call(s.org_admin, 'GET', `/api/v1/audit?limit=7${cursor ? `&cursor=${cursor}` : ''}`)).json();
      expect(page.items.length).toBeLessThanOrEqual(7);
      seen.push(...page.items.map((e) => e.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(all.items.map((e: { id: string }) => e.id));

    const byActor = (await t.call(s.org_admin, 'GET', `/api/v1/audit?actorId=${demo.users.org_admin.id}&entity=settings&action=update`)).json();
    expect(byActor.items.length).toBeGreaterThanOrEqual(4);
    expect(byActor.items.every((e: { entity: string; action: string }) => e.entity === 'settings' && e.action === 'update')).toBe(true);

    const id = demo.candidateIds[0]!;
    const forCandidate = (await t.call(s.org_admin, 'GET', `/api/v1/audit?candidateId=${id}`)).json();
    expect(forCandidate.items.length).toBeGreaterThan(0);
    expect(forCandidate.items.every((e: { candidateId: string; candidateName: string }) => e.candidateId === id && e.candidateName === '张三')).toBe(true);

    const window = (await t.call(s.org_admin, 'GET', `/api/v1/audit?from=${encodeURIComponent('2026-11-27T00:00:00Z')}&to=${encodeURIComponent('2026-11-28T00:00:00Z')}`)).json();
    expect(window.items.length).toBeGreaterThan(0);
    expect(window.items.every((e: { at: string }) => e.at >= '2026-11-27T00:00:00.000Z' && e.at < '2026-11-28T00:00:00.000Z')).toBe(true);
    const early = (await t.call(s.org_admin, 'GET', `/api/v1/audit?to=${encodeURIComponent('2026-11-26T00:00:00Z')}&entity=settings`)).json();
    expect(early.items.length).toBeGreaterThan(0);
    expect(early.items.every((e: { at: string }) => e.at < '2026-11-26T00:00:00.000Z')).toBe(true);
  });

  it('refuses a bad cursor or an empty time window naming the field', async () => {
    const bad = await t.call(s.org_admin, 'GET', '/api/v1/audit?cursor=bm90LWEtY3Vyc29y');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.field).toBe('cursor');
    const window = await t.call(s.org_admin, 'GET', `/api/v1/audit?from=${encodeURIComponent('2026-11-28T00:00:00Z')}&to=${encodeURIComponent('2026-11-27T00:00:00Z')}`);
    expect(window.statusCode).toBe(400);
    expect(window.json().error.field).toBe('to');
  });
});
