import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, seedAndLogin, type Session, type TestApp } from '../app.js';
import type { DemoOrg } from '../../src/services/seed/seed-demo.js';

let t: TestApp;
let demo: DemoOrg;
let s: Record<string, Session>;

beforeAll(async () => {
  t = await createTestApp();
  ({ demo, sessions: s } = await seedAndLogin(t));
});
afterAll(async () => t?.close());

describe('one record per candidate', () => {
  it('creates a candidate with offer version 1 and reads it back', async () => {
    const res = await t.call(s.hr, 'POST', '/api/v1/candidates', {
      fullName: '测试 候选人', email: 'new@example.com', roleType: 'tech', departmentId: demo.departments.engineering,
      siteId: demo.sites.shanghai, positionTitle: 'Backend engineer', startDate: '2026-12-14', salaryMonthly: 30000,
      managerId: demo.users.manager.id,
    });
    expect(res.statusCode).toBe(201);
    const c = res.json();
    expect(c).toMatchObject({ fullName: '测试 候选人', status: 'offer_sent', offerVersion: 1, startDate: '2026-12-14', salary: { monthly: '30000.00' } });
    expect(c.hrOwner?.id).toBe(demo.users.hr.id);
    const got = await t.call(s.hr, 'GET', `/api/v1/candidates/${c.id}`);
    expect(got.json().id).toBe(c.id);
  });

  it('lists with filters, paging and a total', async () => {
    const all = (await t.call(s.hr, 'GET', '/api/v1/candidates?limit=5')).json();
    expect(all.items).toHaveLength(5);
    expect(all.total).toBeGreaterThanOrEqual(12);
    const sales = (await t.call(s.hr, 'GET', `/api/v1/candidates?departmentId=${demo.departments.sales}`)).json();
    expect(sales.items.length).toBeGreaterThan(0);
    expect(sales.items.every((c: { department: { id: string } }) => c.department.id === demo.departments.sales)).toBe(true);
    const search = (await t.call(s.hr, 'GET', `/api/v1/candidates?q=${encodeURIComponent('Olivia')}`)).json();
    expect(search.items.map((c: { fullName: string }) => c.fullName)).toEqual(['Olivia Martin']);
  });

  it('a new offer version keeps the history and moves the start date everywhere', async () => {
    const id = demo.candidateIds[0]!;
    const res = await t.call(s.hr, 'POST', `/api/v1/candidates/${id}/offers`, { startDate: '2027-01-04', reason: 'handover takes longer' });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ version: 2, startDate: '2027-01-04', status: 'accepted' });
    const offers = (await t.call(s.hr, 'GET', `/api/v1/candidates/${id}/offers`)).json().items;
    expect(offers.map((o: { version: number; status: string }) => [o.version, o.status])).toEqual([[2, 'accepted'], [1, 'superseded']]);
    expect((await t.call(s.manager, 'GET', `/api/v1/candidates/${id}`)).json().startDate).toBe('2027-01-04');
  });

  it('a pay change needs the candidate to accept again', async () => {
    const id = demo.candidateIds[1]!;
    const res = await t.call(s.hr, 'POST', `/api/v1/candidates/${id}/offers`, { salaryMonthly: 40000, reason: 'counter-offer matched' });
    expect(res.json()).toMatchObject({ status: 'sent', acceptedAt: null, salary: { monthly: '40000.00' } });
  });

  it('records touches on the timeline, visible to the manager, audited', async () => {
    const id = demo.candidateIds[0]!;
    const touch = await t.call(s.manager, 'POST', `/api/v1/candidates/${id}/touches`, {
      kind: 'call', channel: 'phone', direction: 'outbound', summary: 'Intro call', content: 'Talked about the team',
      candidateFeedback: 'Excited', stepId: 'prep.manager_intro_call',
    });
    expect(touch.statusCode).toBe(201);
    expect(touch.json().author.id).toBe(demo.users.manager.id);
    const timeline = (await t.call(s.hr, 'GET', `/api/v1/candidates/${id}/timeline`)).json();
    expect(timeline.items[0]).toMatchObject({ summary: 'Intro call', candidateFeedback: 'Excited', stepId: 'prep.manager_intro_call' });
    const audit = (await t.call(s.org_admin, 'GET', `/api/v1/audit?candidateId=${id}`)).json().items;
    const actions = audit.map((a: { action: string; entity: string; actorId: string }) => `${a.action}:${a.entity}:${a.actorId}`);
    expect(actions).toContain(`create:touch:${demo.users.manager.id}`);
    expect(actions).toContain(`read:timeline:${demo.users.hr.id}`);
  });

  it('edits key facts and audits old and new values', async () => {
    const id = demo.candidateIds[2]!;
    const res = await t.call(s.hr, 'PATCH', `/api/v1/candidates/${id}`, { phone: '13912345678', relocation: false });
    expect(res.statusCode).toBe(200);
    expect(res.json().phone).toBe('13912345678');
    const audit = (await t.call(s.org_admin, 'GET', `/api/v1/audit?candidateId=${id}&action=update`)).json().items;
    expect(audit[0].detail.changes.phone.to).toBe('13912345678');
    expect(audit[0].detail.changes.relocation).toEqual({ from: true, to: false });
  });

  it('refuses a touch dated in the future', async () => {
    const res = await t.call(s.hr, 'POST', `/api/v1/candidates/${demo.candidateIds[0]}/touches`, {
      kind: 'note', channel: 'other', direction: 'internal', summary: 'x', occurredAt: '2099-01-01T00:00:00Z',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.field).toBe('occurredAt');
  });

  it('the audit log cannot be changed or deleted, even with SQL', async () => {
    await expect(t.db.db.updateTable('audit_log').set({ action: 'x' }).execute()).rejects.toThrow(/append-only/);
    await expect(t.db.db.deleteFrom('audit_log').execute()).rejects.toThrow(/append-only/);
  });
});

describe('editing the record and issuing offer versions', () => {
  /** A fresh engineering hire managed by `manager`, so no other test's changes interfere. */
  async function createHire(extra: Record<string, unknown> = {}): Promise<string> {
    const res = await t.call(s.hr, 'POST', '/api/v1/candidates', {
      fullName: `Hire ${Math.random().toString(36).slice(2, 8)}`, roleType: 'tech', departmentId: demo.departments.engineering,
      siteId: demo.sites.shanghai, positionTitle: 'Backend engineer', startDate: '2027-02-01', salaryMonthly: 30000, salaryMonths: 14,
      managerId: demo.users.manager.id, ...extra,
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json().id;
  }

  it('offer versions name who issued them; the audit keeps each changed term with old and new value', async () => {
    const id = await createHire({ offerAcceptedAt: new Date(Date.now() - 3_600_000).toISOString() });
    const res = await t.call(s.hr, 'POST', `/api/v1/candidates/${id}/offers`, { startDate: '2027-02-15', siteId: demo.sites.beijing, reason: 'moved to Beijing' });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ version: 2, status: 'accepted', issuedBy: { id: demo.users.hr.id, name: '王芳 Wang Fang' } });

    const forManager = (await t.call(s.manager, 'GET', `/api/v1/candidates/${id}/offers`)).json().items;
    expect(forManager.map((o: { version: number }) => o.version)).toEqual([2, 1]);
    expect(forManager.every((o: { issuedBy: { name: string } | null }) => o.issuedBy?.name === '王芳 Wang Fang')).toBe(true);
    expect(forManager.some((o: Record<string, unknown>) => 'salary' in o)).toBe(false);
    expect((await t.call(s.hr, 'GET', `/api/v1/candidates/${id}/offers`)).json().items[0].salary).toEqual({ monthly: '30000.00', months: '14.0', currency: 'CNY' });

    const audit = (await t.call(s.org_admin, 'GET', `/api/v1/audit?candidateId=${id}&entity=offer`)).json().items;
    expect(audit[0].detail.changes).toEqual({
      startDate: { from: '2027-02-01', to: '2027-02-15' }, siteId: { from: demo.sites.shanghai, to: demo.sites.beijing },
    });
    expect(audit[0].detail.status).toEqual({ from: 'accepted', to: 'accepted' });
  });

  it('the same figure in another currency is a pay change the candidate accepts again', async () => {
    const id = await createHire({ offerAcceptedAt: new Date(Date.now() - 3_600_000).toISOString() });
    const res = await t.call(s.hr, 'POST', `/api/v1/candidates/${id}/offers`, { currency: 'USD', reason: 'paid from the US entity' });
    expect(res.json()).toMatchObject({ status: 'sent', acceptedAt: null, salary: { monthly: '30000.00', currency: 'USD' } });
  });

  it('refuses a new offer version once the candidate declined', async () => {
    const id = await createHire();
    const declined = await t.call(s.hr, 'POST', `/api/v1/candidates/${id}/decline`, { type: 'offer_declined', reason: 'salary' });
    expect(declined.statusCode, declined.body).toBeLessThan(300);
    const res = await t.call(s.hr, 'POST', `/api/v1/candidates/${id}/offers`, { salaryMonthly: 35000, reason: 'one more try' });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('conflict');
    expect((await t.call(s.hr, 'GET', `/api/v1/candidates/${id}/offers`)).json().items).toHaveLength(1);
  });

  it('names the field when an edit assigns a disabled user or moves the hire out of HR\'s departments', async () => {
    const id = await createHire();
    const created = await t.call(s.org_admin, 'POST', '/api/v1/users', {
      email: `gone${Math.random().toString(36).slice(2, 8)}@example.com`, name: 'Gone Manager', role: 'manager', password: 'long-enough-password',
    });
    expect(created.statusCode, created.body).toBe(201);
    expect((await t.call(s.org_admin, 'PATCH', `/api/v1/users/${created.json().id}`, { disabled: true })).statusCode).toBe(200);
    const toDisabled = await t.call(s.hr, 'PATCH', `/api/v1/candidates/${id}`, { managerId: created.json().id });
    expect(toDisabled.statusCode).toBe(400);
    expect(toDisabled.json().error.field).toBe('managerId');

    const email = `eng-hr${Math.random().toString(36).slice(2, 8)}@example.com`;
    const engHr = await t.call(s.org_admin, 'POST', '/api/v1/users', {
      email, name: 'Engineering HR', role: 'hr', password: 'long-enough-password', departmentIds: [demo.departments.engineering],
    });
    expect(engHr.statusCode, engHr.body).toBe(201);
    const session = await t.login(email, 'long-enough-password');
    const moved = await t.call(session, 'PATCH', `/api/v1/candidates/${id}`, { departmentId: demo.departments.sales });
    expect(moved.statusCode).toBe(403);
    expect(moved.json().error.field).toBe('departmentId');
    expect((await t.call(s.hr, 'GET', `/api/v1/candidates/${id}`)).json().manager.id).toBe(demo.users.manager.id);
  });
});
