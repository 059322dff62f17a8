/**
 * When plans change (issue 6), through the API: delay → new start date, salary request →
 * decision → portal re-acceptance, decline with the talent-pool opt-in and the editable
 * thank-you, the talent pool, employer withdrawal with a second approver, day one.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, seedAndLogin, type Role, type Session, type TestApp } from '../app.js';
import type { DemoOrg } from '../../src/services/seed/seed-demo.js';
import { dispatchDueMessages } from '../../src/services/dispatch/dispatch-due.js';
import { wakeDueCandidates } from '../../src/services/engine/apply-event.js';
import { formatDate } from '../../src/core/templates/format-filters.js';

let t: TestApp;
let demo: DemoOrg;
let s: Record<Role, Session>;

beforeAll(async () => {
  t = await createTestApp();
  // 10:00 in Shanghai: dispatch below happens outside quiet hours.
  t.clock.set('2026-11-25T02:00:00Z');
  ({ demo, sessions: s } = await seedAndLogin(t));
});
afterAll(async () => t?.close());

/** Sessions expire when the clock jumps: sign everyone in again. */
async function signInAll() {
  for (const role of Object.keys(s) as Role[]) s[role] = await t.login(demo.users[role].email, demo.password);
}

type Task = { key: string; stepId: string; status: string; dueAt: string; ownerRoles: string[] };
type PlanItem = { key: string; stepId: string; state: string; dueAt: string };

const tasksOf = async (role: Role, id: string, status = 'open') =>
  (await t.call(s[role], 'GET', `/api/v1/tasks?limit=200&status=${status}&candidateId=${id}`)).json().items as Task[];
const planOf = async (id: string) => (await t.call(s.hr, 'GET', `/api/v1/candidates/${id}/plan`)).json().items as PlanItem[];
const statusOf = async (id: string) => (await t.call(s.hr, 'GET', `/api/v1/candidates/${id}`)).json().status as string;

/** A call with an Idempotency-Key header, as the console sends it. */
const keyed = (session: Session, url: string, body: unknown, key: string) => t.app.inject({
  method: 'POST', url, payload: JSON.stringify(body),
  headers: { cookie: session.cookie, 'x-csrf-token': session.csrf, 'content-type': 'application/json', 'idempotency-key': key },
});

async function newCandidate(extra: Record<string, unknown> = {}) {
  const res = await t.call(s.hr, 'POST', '/api/v1/candidates', {
    fullName: '例外 测试', email: 'flows@example.com', roleType: 'tech', departmentId: demo.departments.engineering,
    siteId: demo.sites.shanghai, positionTitle: 'Backend Engineer', startDate: '2027-03-15', managerId: demo.users.manager.id,
    hrbpId: demo.users.hrbp.id, salaryMonthly: 30000, salaryMonths: 14,
    offerAcceptedAt: new Date(t.clock.now().getTime() - 3600_000).toISOString(), ...extra,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id as string;
}

async function portalCredential(id: string) {
  const link = await t.call(s.hr, 'POST', `/api/v1/candidates/${id}/portal-link`);
  expect(link.statusCode, link.body).toBe(201);
  return decodeURIComponent(link.json().url.split('#t=')[1]);
}
const portal = (credential: string, method: 'GET' | 'POST', url: string, body?: unknown) => t.app.inject({
  method, url, payload: body === undefined ? undefined : JSON.stringify(body),
  headers: { authorization: `Portal ${credential}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
});

describe('delay request and a new start date', () => {
  it('a counter-offer delay gives HR and the manager tasks; agreeing a new date re-plans once, however often it is sent', async () => {
    const id = await newCandidate();
    const delay = { type: 'delay_requested', reason: 'counteroffer', proposedStartDate: '2027-04-12' };
    expect((await keyed(s.hr, `/api/v1/candidates/${id}/events`, delay, `delay-${id}`)).statusCode).toBe(201);
    const again = await keyed(s.hr, `/api/v1/candidates/${id}/events`, delay, `delay-${id}`);
    expect(again.statusCode).toBe(200);
    expect(again.json().applied).toBe(false);
    expect(await statusOf(id)).toBe('delayed');
    const hrTasks = await tasksOf('hr', id);
    expect(hrTasks.filter((x) => x.stepId === 'delay.understand_reason')).toHaveLength(1);
    expect((await tasksOf('manager', id)).some((x) => x.stepId === 'delay.escalate_manager')).toBe(true);

    const before = await planOf(id);
    const checkinBefore = before.find((i) => i.stepId === 'day1.checkin')!;
    const agreed = await t.call(s.hr, 'POST', `/api/v1/candidates/${id}/start-date`, { startDate: '2027-04-12', reason: 'agreed with the candidate' });
    expect(agreed.statusCode, agreed.body).toBe(201);
    const result = agreed.json();
    expect(result).toMatchObject({ applied: true, status: 'preboarding', startDate: '2027-04-12', offerVersion: 2 });
    const movedCheckin = result.moved.find((m: { stepId: string }) => m.stepId === 'day1.checkin');
    expect(Date.parse(movedCheckin.to) - Date.parse(movedCheckin.from)).toBe(28 * 24 * 3600_000);
    const after = await planOf(id);
    const checkinAfter = after.find((i) => i.stepId === 'day1.checkin' && i.state !== 'cancelled')!;
    expect(Date.parse(checkinAfter.dueAt) - Date.parse(checkinBefore.dueAt)).toBe(28 * 24 * 3600_000);
    // The candidate's one record carries the new date.
    expect((await t.call(s.hr, 'GET', `/api/v1/candidates/${id}`)).json().startDate).toBe('2027-04-12');

    const twice = await t.call(s.hr, 'POST', `/api/v1/candidates/${id}/start-date`, { startDate: '2027-04-12', reason: 'double click' });
    expect(twice.statusCode).toBe(200);
    expect(twice.json()).toMatchObject({ applied: false, moved: [], offerVersion: 2 });
    expect((await t.call(s.hr, 'GET', `/api/v1/candidates/${id}/offers`)).json().items).toHaveLength(2);
    expect(await planOf(id)).toEqual(after);

    // Nothing stale: the checklist email goes out naming the agreed date, not the old one.
    const checklist = after.find((i) => i.stepId === 'prep.checklist' && i.state === 'planned')!;
    const now = t.clock.now();
    t.clock.set(checklist.dueAt);
    await wakeDueCandidates(t.deps, { orgId: demo.orgId, candidateId: id });
    await dispatchDueMessages(t.deps, { orgId: demo.orgId });
    const sent = await t.deps.db.selectFrom('outbound_messages').select(['subject', 'body_text', 'status']).where('candidate_id', '=', id).where('lead_key', '=', checklist.key).executeTakeFirstOrThrow();
    expect(sent.status).toBe('outbox');
    expect(`${sent.subject}\n${sent.body_text}`).toContain(formatDate('2027-04-12', 'zh'));
    expect(`${sent.subject}\n${sent.body_text}`).not.toContain(formatDate('2027-03-15', 'zh'));
    t.clock.set(now);
    await signInAll();
  });

  it('refuses a bad date naming the field, and roles that may not change offers', async () => {
    const id = await newCandidate();
    const bad = await t.call(s.hr, 'POST', `/api/v1/candidates/${id}/start-date`, { startDate: '2027-02-30', reason: 'x' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.field).toBe('startDate');
    expect((await t.call(s.manager, 'POST', `/api/v1/candidates/${id}/start-date`, { startDate: '2027-04-12', reason: 'x' })).statusCode).toBe(403);
  });
});

describe('salary adjustment', () => {
  it('HR and the manager evaluate against the band; approval issues a new version the candidate re-accepts in the portal', async () => {
    const band = await t.call(s.hr, 'PUT', '/api/v1/pay-bands', {
      departmentId: demo.departments.engineering, matchKind: 'position_title', matchValue: 'Backend Engineer', minMonthly: 25000, midMonthly: 32000, maxMonthly: 40000,
    });
    expect(band.statusCode, band.body).toBe(200);
    const badBand = await t.call(s.hr, 'PUT', '/api/v1/pay-bands', {
      departmentId: demo.departments.engineering, matchKind: 'role_type', matchValue: 'tech', minMonthly: 30000, midMonthly: 20000, maxMonthly: 40000,
    });
    expect(badBand.statusCode).toBe(400);
    expect(badBand.json().error.field).toBe('midMonthly');

    const id = await newCandidate();
    const ask = { requestedMonthly: 36000, argument: 'Another company offered 36k; my current total package is higher.' };
    const first = await keyed(s.hr, `/api/v1/candidates/${id}/salary-requests`, ask, `salary-${id}`);
    expect(first.statusCode, first.body).toBe(201);
    const second = await keyed(s.hr, `/api/v1/candidates/${id}/salary-requests`, ask, `salary-${id}`);
    expect(second.statusCode).toBe(200);
    expect(second.json()).toMatchObject({ id: first.json().id, applied: false });
    expect((await tasksOf('hr', id)).filter((x) => x.stepId === 'salary.evaluate')).toHaveLength(1);

    const forHr = (await t.call(s.hr, 'GET', `/api/v1/candidates/${id}/salary-evaluation`)).json();
    expect(forHr.request).toMatchObject({ status: 'open', argument: ask.argument, requestedMonthly: '36000.00' });
    expect(forHr.offer.salary.monthly).toBe('30000.00');
    expect(forHr.band).toMatchObject({ minMonthly: '25000.00', maxMonthly: '40000.00', matchKind: 'position_title' });
    const forManager = (await t.call(s.manager, 'GET', `/api/v1/candidates/${id}/salary-evaluation`));
    expect(forManager.statusCode).toBe(200);
    expect(forManager.json().salaryVisible).toBe(false);
    expect(forManager.json().band).toBeUndefined();
    expect(forManager.json().offer.salary).toBeUndefined();
    expect(forManager.json().request.requestedMonthly).toBeUndefined();
    expect(forManager.json().request.argument).toBe(ask.argument);
    // The argument is sealed at rest.
    const stored = await t.deps.db.selectFrom('salary_requests').select('argument_sealed').where('id', '=', first.json().id).executeTakeFirstOrThrow();
    expect(stored.argument_sealed).not.toContain('36k');

    const requestId = first.json().id;
    const noAmount = await t.call(s.hr, 'POST', `/api/v1/candidates/${id}/salary-requests/${requestId}/decision`, { decision: 'approved' });
    expect(noAmount.statusCode).toBe(400);
    expect(noAmount.json().error.field).toBe('salaryMonthly');
    expect((await t.call(s.manager, 'POST', `/api/v1/candidates/${id}/salary-requests/${requestId}/decision`, { decision: 'rejected' })).statusCode).toBe(403);
    const decided = await t.call(s.hr, 'POST', `/api/v1/candidates/${id}/salary-requests/${requestId}/decision`, { decision: 'approved', salaryMonthly: 34000, note: 'within band' });
    expect(decided.statusCode, decided.body).toBe(200);
    expect(decided.json()).toMatchObject({ decision: 'approved', offerVersion: 2 });
    expect((await t.call(s.hr, 'POST', `/api/v1/candidates/${id}/salary-requests/${requestId}/decision`, { decision: 'rejected' })).statusCode).toBe(409);
    const offers = (await t.call(s.hr, 'GET', `/api/v1/candidates/${id}/offers`)).json().items;
    expect(offers[0]).toMatchObject({ version: 2, status: 'sent', acceptedAt: null, salary: { monthly: '34000.00' } });
    expect(offers[1]).toMatchObject({ version: 1, status: 'superseded' });
    expect((await tasksOf('hr', id, 'done')).some((x) => x.stepId === 'salary.evaluate')).toBe(true);
    const prepared = (await t.call(s.hr, 'GET', `/api/v1/candidates/${id}/prepared-messages`)).json().items;
    const formal = prepared.find((m: { stepId: string }) => m.stepId === 'salary.reissue_offer');
    expect(formal.body).toContain('34,000');
    expect(formal.subject).toContain('2');

    const credential = await portalCredential(id);
    const pending = (await portal(credential, 'GET', '/api/v1/portal/offer')).json();
    expect(pending.pending).toMatchObject({ version: 2, salary: { monthly: '34000.00' } });
    expect(pending.accepted).toMatchObject({ version: 1, salary: { monthly: '30000.00' } });
    const stale = await portal(credential, 'POST', '/api/v1/portal/offer/accept', { version: 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.field).toBe('version');
    const accept = await portal(credential, 'POST', '/api/v1/portal/offer/accept', { version: 2 });
    expect(accept.statusCode, accept.body).toBe(200);
    const acceptAgain = await portal(credential, 'POST', '/api/v1/portal/offer/accept', { version: 2 });
    expect(acceptAgain.json().acceptedAt).toBe(accept.json().acceptedAt);
    expect((await portal(credential, 'GET', '/api/v1/portal/offer')).json().pending).toBeNull();
    expect((await t.call(s.hr, 'GET', `/api/v1/candidates/${id}/offers`)).json().items[0]).toMatchObject({ version: 2, status: 'accepted' });
    expect((await portal('pl1.nope.nope', 'GET', '/api/v1/portal/offer')).statusCode).toBe(401);
  });

  it('a rejected request prepares the total-compensation explanation and keeps the offer', async () => {
    const id = await newCandidate();
    const req = await t.call(s.hr, 'POST', `/api/v1/candidates/${id}/salary-requests`, { argument: '希望月薪能再高一些' });
    expect(req.statusCode, req.body).toBe(201);
    const decided = await t.call(s.org_admin, 'POST', `/api/v1/candidates/${id}/salary-requests/${req.json().id}/decision`, { decision: 'rejected', note: 'at the top of the band' });
    expect(decided.statusCode, decided.body).toBe(200);
    expect(decided.json().offerVersion).toBeNull();
    const prepared = (await t.call(s.hr, 'GET', `/api/v1/candidates/${id}/prepared-messages`)).json().items;
    expect(prepared.map((m: { stepId: string }) => m.stepId)).toContain('salary.explain_total_comp');
    expect((await t.call(s.hr, 'GET', `/api/v1/candidates/${id}/offers`)).json().items).toHaveLength(1);
  });
});

describe('decline, renege and the talent pool', () => {
  let pooled: string;

  it('a renege with the opt-in stops the plan, asks HR for the reason and prepares an editable thank-you; a retry changes nothing', async () => {
    pooled = await newCandidate({ fullName: '人才 库' });
    const wording = (await t.call(s.hr, 'GET', '/api/v1/talent-pool/wording?language=zh-CN')).json();
    expect(wording.text).toContain('24 个月');
    const body = { type: 'reneged', reason: 'counteroffer', talentPool: { wordingVersion: wording.version, language: 'zh-CN' } };
    const first = await keyed(s.hr, `/api/v1/candidates/${pooled}/decline`, body, `decline-${pooled}`);
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json()).toMatchObject({ applied: true, status: 'reneged', talentPool: true });
    const tasksAfterFirst = await tasksOf('hr', pooled, 'all');
    const second = await keyed(s.hr, `/api/v1/candidates/${pooled}/decline`, body, `decline-${pooled}`);
    expect(second.statusCode).toBe(200);
    expect(second.json().applied).toBe(false);
    expect(await tasksOf('hr', pooled, 'all')).toEqual(tasksAfterFirst);
    const consents = await t.deps.db.selectFrom('consents').select(['wording_version', 'withdrawn_at']).where('candidate_id', '=', pooled).execute();
    expect(consents).toEqual([{ wording_version: wording.version, withdrawn_at: null }]);

    const open = await tasksOf('hr', pooled);
    expect(open.map((x) => x.stepId)).toEqual(['declined.ask_reason']);
    expect(tasksAfterFirst.some((x) => x.stepId === 'offer.confirmation_call' && x.status === 'cancelled')).toBe(true);

    const prepared = (await t.call(s.hr, 'GET', `/api/v1/candidates/${pooled}/prepared-messages`)).json().items;
    const thanks = prepared.find((m: { stepId: string }) => m.stepId === 'declined.thank_you');
    expect(thanks.edited).toBe(false);
    expect(thanks.body).toContain('人才 库');
    expect(Date.parse(thanks.sendAfter) - t.clock.now().getTime()).toBeLessThanOrEqual(24 * 3600_000);
    const edit = await t.call(s.hr, 'PUT', `/api/v1/candidates/${pooled}/prepared-messages/${encodeURIComponent(thanks.key)}`, {
      subject: '谢谢您', body: '感谢您的坦诚。<b>祝一切顺利</b>',
    });
    expect(edit.statusCode, edit.body).toBe(200);
    expect(edit.json()).toMatchObject({ edited: true, body: '感谢您的坦诚。<b>祝一切顺利</b>' });
    expect((await t.call(s.manager, 'PUT', `/api/v1/candidates/${pooled}/prepared-messages/${encodeURIComponent(thanks.key)}`, { subject: 'x', body: 'y' })).statusCode).toBe(403);
    const audit = await t.deps.db.selectFrom('audit_log').select('action').where('candidate_id', '=', pooled).where('action', '=', 'message_edited').execute();
    expect(audit).toHaveLength(1);

    // It goes at its time with HR's text, once.
    const now = t.clock.now();
    t.clock.set(thanks.sendAfter);
    await wakeDueCandidates(t.deps, { orgId: demo.orgId });
    await dispatchDueMessages(t.deps, { orgId: demo.orgId });
    const rows = await t.deps.db.selectFrom('outbound_messages').select(['status', 'body_text', 'subject']).where('candidate_id', '=', pooled).where('lead_key', 'like', 'declined.thank_you#%').execute();
    expect(rows).toEqual([{ status: 'outbox', body_text: '感谢您的坦诚。<b>祝一切顺利</b>', subject: '谢谢您' }]);
    t.clock.set(now);
    await signInAll();
    const late = await t.call(s.hr, 'PUT', `/api/v1/candidates/${pooled}/prepared-messages/${encodeURIComponent(thanks.key)}`, { subject: 'x', body: 'y' });
    expect(late.statusCode).toBe(409);
  });

  it('lists the person in the pool with the next contact about three months on; tags filter; search finds them', async () => {
    const list = (await t.call(s.hr, 'GET', '/api/v1/talent-pool')).json();
    const entry = list.items.find((i: { candidateId: string }) => i.candidateId === pooled);
    expect(entry).toBeDefined();
    const months = (Date.parse(entry.nextNurtureAt) - Date.parse(entry.consent.givenAt)) / (30.4 * 24 * 3600_000);
    expect(months).toBeGreaterThan(2.8);
    expect(months).toBeLessThan(3.2);
    expect(Date.parse(entry.consent.expiresAt) - Date.parse(entry.consent.givenAt)).toBeGreaterThan(729 * 24 * 3600_000);
    const tagged = await t.call(s.hr, 'PUT', `/api/v1/talent-pool/${pooled}`, { tags: ['backend', 'senior'], notes: 'Strong on Go' });
    expect(tagged.statusCode, tagged.body).toBe(200);
    expect((await t.call(s.hr, 'GET', '/api/v1/talent-pool?tag=backend')).json().items.map((i: { candidateId: string }) => i.candidateId)).toEqual([pooled]);
    expect((await t.call(s.hr, 'GET', '/api/v1/talent-pool?tag=sales')).json().items).toEqual([]);
    expect((await t.call(s.hr, 'GET', `/api/v1/talent-pool?q=${encodeURIComponent('人才')}`)).json().items).toHaveLength(1);
    expect((await t.call(s.hr, 'GET', '/api/v1/talent-pool')).json().tags).toEqual(['backend', 'senior']);
    expect((await t.call(s.manager, 'GET', '/api/v1/talent-pool')).statusCode).toBe(403);
  });

  it('without the opt-in nobody joins the pool, and a candidate not in the pool cannot be tagged', async () => {
    const id = await newCandidate({ fullName: '没有 授权' });
    const res = await keyed(s.hr, `/api/v1/candidates/${id}/decline`, { type: 'reneged', reason: 'location' }, `decline-${id}`);
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().talentPool).toBe(false);
    expect((await t.call(s.hr, 'GET', '/api/v1/talent-pool')).json().items.some((i: { candidateId: string }) => i.candidateId === id)).toBe(false);
    expect((await t.call(s.hr, 'PUT', `/api/v1/talent-pool/${id}`, { tags: ['x'] })).statusCode).toBe(404);
    const stale = await t.call(s.hr, 'POST', `/api/v1/candidates/${id}/decline`, { type: 'reneged', reason: 'other', talentPool: { wordingVersion: 'talent_pool/1999-01', language: 'zh-CN' } });
    expect(stale.statusCode).toBe(400);
    expect(stale.json().error.field).toBe('talentPool.wordingVersion');
    const sensitive = await t.call(s.hr, 'POST', `/api/v1/candidates/${id}/decline`, { type: 'reneged', reason: 'pregnancy' });
    expect(sensitive.statusCode).toBe(400);
    expect(sensitive.json().error.field).toBe('reason');
  });

  it('renewal restarts the 24 months; withdrawal on request deletes the entry and stops nurture', async () => {
    const before = (await t.call(s.hr, 'GET', '/api/v1/talent-pool')).json().items.find((i: { candidateId: string }) => i.candidateId === pooled);
    t.clock.advance(30 * 24 * 3600_000);
    await signInAll();
    const version = (await t.call(s.hr, 'GET', '/api/v1/talent-pool/wording')).json().version;
    const renewed = await t.call(s.hr, 'POST', '/api/v1/talent-pool', { candidateId: pooled, language: 'zh-CN', wordingVersion: version });
    expect(renewed.statusCode, renewed.body).toBe(201);
    expect(Date.parse(renewed.json().consent.expiresAt)).toBeGreaterThan(Date.parse(before.consent.expiresAt) + 29 * 24 * 3600_000);
    expect(renewed.json().tags).toEqual(['backend', 'senior']);

    const out = await t.call(s.hr, 'POST', `/api/v1/talent-pool/${pooled}/withdraw`);
    expect(out.json()).toEqual({ ok: true, withdrawn: true });
    expect((await t.call(s.hr, 'POST', `/api/v1/talent-pool/${pooled}/withdraw`)).json()).toEqual({ ok: true, withdrawn: false });
    expect((await t.call(s.hr, 'GET', '/api/v1/talent-pool')).json().items.some((i: { candidateId: string }) => i.candidateId === pooled)).toBe(false);
    expect(await t.deps.db.selectFrom('talent_pool_entries').select('candidate_id').where('candidate_id', '=', pooled).execute()).toEqual([]);
    const state = await t.deps.db.selectFrom('engine_states').select('state').where('candidate_id', '=', pooled).executeTakeFirstOrThrow();
    expect((state.state as { consent: unknown }).consent).toBeNull();
  });
});

describe('employer withdrawal of an offer', () => {
  it('needs a reason and a second, different approver; approval withdraws and stops the plan, with the evidence shown', async () => {
    const id = await newCandidate({ fullName: '撤回 测试' });
    const noReason = await t.call(s.hr, 'POST', `/api/v1/candidates/${id}/offer-withdrawals`, { reason: '' });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().error.field).toBe('reason');
    expect((await t.call(s.manager, 'POST', `/api/v1/candidates/${id}/offer-withdrawals`, { reason: 'headcount frozen' })).statusCode).toBe(403);
    const asked = await t.call(s.hr, 'POST', `/api/v1/candidates/${id}/offer-withdrawals`, { reason: 'Headcount frozen by the board' });
    expect(asked.statusCode, asked.body).toBe(201);
    const w = asked.json();
    expect(w.status).toBe('pending');
    expect(w.evidence.acceptedAt).not.toBeNull();
    expect(w.evidence.offerSentAt).not.toBeNull();
    expect((await t.call(s.hr, 'POST', `/api/v1/candidates/${id}/offer-withdrawals`, { reason: 'again please' })).statusCode).toBe(409);
    expect(await statusOf(id)).not.toBe('withdrawn');

    const self = await t.call(s.hr, 'POST', `/api/v1/offer-withdrawals/${w.id}/decision`, { decision: 'approved' });
    expect(self.statusCode).toBe(403);
    expect(self.json().error.code).toBe('second_approver_required');
    expect((await t.call(s.manager, 'POST', `/api/v1/offer-withdrawals/${w.id}/decision`, { decision: 'approved' })).statusCode).toBe(403);
    const pending = (await t.call(s.executive, 'GET', '/api/v1/offer-withdrawals')).json().items;
    expect(pending.map((x: { id: string }) => x.id)).toContain(w.id);
    const approved = await t.call(s.executive, 'POST', `/api/v1/offer-withdrawals/${w.id}/decision`, { decision: 'approved', note: 'confirmed' });
    expect(approved.statusCode, approved.body).toBe(200);
    expect(approved.json()).toMatchObject({ status: 'approved', decidedBy: { id: demo.users.executive.id } });
    expect(await statusOf(id)).toBe('withdrawn');
    expect(await tasksOf('hr', id)).toEqual([]);
    expect((await t.call(s.hr, 'GET', `/api/v1/candidates/${id}/offers`)).json().items[0].status).toBe('withdrawn');
    // The portal stays readable and refuses changes, saying it was the employer's decision.
    const credential = await portalCredential(id);
    expect((await portal(credential, 'GET', '/api/v1/portal/me')).json().status).toBe('withdrawn');
    const closed = await portal(credential, 'POST', '/api/v1/portal/logistics', { mode: 'taxi', arrivalTime: '09:00' });
    expect(closed.statusCode).toBe(409);
    expect(closed.json().error).toMatchObject({ code: 'process_closed', message: expect.stringContaining('offer has been withdrawn') });
    expect((await t.call(s.org_admin, 'POST', `/api/v1/offer-withdrawals/${w.id}/decision`, { decision: 'rejected' })).statusCode).toBe(409);
  });

  it('a refused withdrawal leaves the candidate as they were', async () => {
    const id = await newCandidate();
    const w = (await t.call(s.org_admin, 'POST', `/api/v1/candidates/${id}/offer-withdrawals`, { reason: 'Role re-scoped' })).json();
    const refused = await t.call(s.hr, 'POST', `/api/v1/offer-withdrawals/${w.id}/decision`, { decision: 'rejected', note: 'we keep the hire' });
    expect(refused.statusCode, refused.body).toBe(200);
    expect(await statusOf(id)).toBe('offer_accepted');
    expect((await tasksOf('hr', id)).length).toBeGreaterThan(0);
  });
});

describe('day one', () => {
  it('arrived starts the candidate; each reported issue is an HR task due in one business day', async () => {
    const id = await newCandidate();
    expect((await keyed(s.hr, `/api/v1/candidates/${id}/events`, { type: 'arrived' }, `arrived-${id}`)).statusCode).toBe(201);
    expect((await keyed(s.hr, `/api/v1/candidates/${id}/events`, { type: 'arrived' }, `arrived-${id}`)).statusCode).toBe(200);
    expect(await statusOf(id)).toBe('started');
    const issue = { type: 'day_one_issue_reported', issue: 'Laptop not ready' };
    expect((await keyed(s.hr, `/api/v1/candidates/${id}/events`, issue, `issue-${id}-1`)).statusCode).toBe(201);
    expect((await keyed(s.hr, `/api/v1/candidates/${id}/events`, issue, `issue-${id}-1`)).statusCode).toBe(200);
    expect((await keyed(s.hr, `/api/v1/candidates/${id}/events`, { ...issue, issue: 'No badge' }, `issue-${id}-2`)).statusCode).toBe(201);
    const issues = (await tasksOf('hr', id)).filter((x) => x.stepId === 'day1.issue');
    expect(issues).toHaveLength(2);
    for (const task of issues) expect(Date.parse(task.dueAt) - t.clock.now().getTime()).toBeLessThanOrEqual(4 * 24 * 3600_000);

    // An integration reports the second one resolved, by its key; its retry resolves nothing more.
    const second = issues.find((x) => x.key === 'day1.issue#1')!;
    const resolved = { type: 'day_one_issue_resolved', key: second.key };
    expect((await keyed(s.hr, `/api/v1/candidates/${id}/events`, resolved, `resolved-${id}-1`)).statusCode).toBe(201);
    expect((await keyed(s.hr, `/api/v1/candidates/${id}/events`, resolved, `resolved-${id}-1`)).json().applied).toBe(false);
    const after = (await tasksOf('hr', id, 'all')).filter((x) => x.stepId === 'day1.issue');
    expect(after.map((x) => [x.key, x.status]).sort()).toEqual([['day1.issue#0', 'open'], ['day1.issue#1', 'done']]);
  });
});

// Moves the clock 25 months on: keep it last.
describe('talent-pool consent expiry', () => {
  it('a lapsed consent drops the person from the pool', async () => {
    const id = await newCandidate({ fullName: '过期 测试' });
    const version = (await t.call(s.hr, 'GET', '/api/v1/talent-pool/wording')).json().version;
    const res = await t.call(s.hr, 'POST', `/api/v1/candidates/${id}/decline`, { type: 'reneged', reason: 'career', talentPool: { wordingVersion: version, language: 'en-US' } });
    expect(res.statusCode, res.body).toBe(201);
    expect((await t.call(s.hr, 'GET', '/api/v1/talent-pool')).json().items.some((i: { candidateId: string }) => i.candidateId === id)).toBe(true);
    t.clock.advance(25 * 31 * 24 * 3600_000);
    const hr = await t.login(demo.users.hr.email, demo.password);
    expect((await t.call(hr, 'GET', '/api/v1/talent-pool')).json().items.some((i: { candidateId: string }) => i.candidateId === id)).toBe(false);
  });
});
