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
