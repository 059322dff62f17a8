/**
 * The rest of the candidate portal (issue 4): logistics, background-check authorization,
 * calendar files, FAQ and answers, "something changed", and the lost-link code. Runs on
 * PGlite, and on PostgreSQL with TEST_DATABASE_URL.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChannelAdapter, SmsAdapter } from '../../src/adapters/channels/index.js';
import type { Deps } from '../../src/services/deps.js';
import { dispatchMessage } from '../../src/services/dispatch/dispatch-message.js';
import type { DemoOrg } from '../../src/services/seed/seed-demo.js';
import { createTestApp, seedAndLogin, type Role, type Session, type TestApp } from '../app.js';

let t: TestApp;
let demo: DemoOrg;
let s: Record<Role, Session>;
let other: { demo: DemoOrg; sessions: Record<Role, Session> };

beforeAll(async () => {
  t = await createTestApp();
  // Daytime in Shanghai, so notices are not held back by quiet hours.
  t.clock.set('2026-11-25T03:00:00Z');
  ({ demo, sessions: s } = await seedAndLogin(t));
  other = await seedAndLogin(t);
});
afterAll(async () => t?.close());

/** Seed order: 0 张三 (accepted, background check), 1 李四, 2 王五, 4 孙七 (background check), 6 Olivia (en-US), 7 吴九 (offer not accepted). */
const cand = (i: number) => demo.candidateIds[i]!;

async function link(candidateId: string, as: Session = s.hr) {
  const res = await t.call(as, 'POST', `/api/v1/candidates/${candidateId}/portal-link`);
  expect(res.statusCode, res.body).toBe(201);
  return (res.json() as { url: string }).url.split('#t=')[1]!;
}

function portal(credential: string | undefined, method: string, url: string, body?: unknown, remoteAddress?: string) {
  return t.app.inject({
    method: method as 'GET', url: `/api/v1${url}`, remoteAddress,
    headers: {
      ...(credential ? { authorization: `Portal ${credential}` } : {}),
      ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
    },
    payload: body === undefined ? undefined : JSON.stringify(body),
  });
}

const eventsOf = (candidateId: string, type: string) => t.deps.db.selectFrom('domain_events').selectAll()
  .where('org_id', '=', demo.orgId).where('candidate_id', '=', candidateId).where('type', '=', type).execute();

function expectField(res: { statusCode: number; json(): any; body: string }, field: string) {
  expect(res.statusCode, res.body).toBe(400);
  expect(JSON.stringify(res.json().error), res.body).toContain(field);
}

function recorder() {
  const sent: Array<{ to: unknown; subject?: string; text?: string; code?: string }> = [];
  const email: ChannelAdapter = { channel: 'email', send: async (m) => { sent.push({ to: m.to, subject: m.subject, text: m.text }); return { status: 'sent', providerMessageId: randomUUID() }; } };
  const sms: SmsAdapter = { channel: 'sms', send: async (m) => { sent.push({ to: m.to, code: m.kind === 'login-code' ? m.code : undefined }); return { status: 'sent', providerMessageId: randomUUID() }; } };
  const deps: Deps = { ...t.deps, channels: { email, sms } };
  return { sent, deps };
}

describe('logistics', () => {
  it('shows where and when, records the confirmation once, raises logistics_confirmed, and staff (admin too) read it', async () => {
    const cred = await link(cand(0));
    const view = await portal(cred, 'GET', '/portal/logistics');
    expect(view.statusCode, view.body).toBe(200);
    expect(view.json().site.arrivalTime).toMatch(/^\d{2}:\d{2}$/);
    expect(view.json().reception.name).toBeTruthy();
    expect(view.json().confirmation).toBeNull();

    const body = { mode: 'car', arrivalTime: '09:15', note: '<b>白色特斯拉</b>' };
    const first = await portal(cred, 'POST', '/portal/logistics', body);
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toMatchObject({ mode: 'car', arrivalTime: '09:15', needsParking: true });
    const again = await portal(cred, 'POST', '/portal/logistics', body);
    expect(again.statusCode).toBe(200);
    expect(await eventsOf(cand(0), 'logistics_confirmed')).toHaveLength(1);

    const touches = await t.deps.db.selectFrom('touches').selectAll().where('org_id', '=', demo.orgId).where('candidate_id', '=', cand(0))
      .where('step_id', '=', 'portal.logistics').execute();
    expect(touches).toHaveLength(1);
    expect(touches[0]!.content).toBe('<b>白色特斯拉</b>');

    for (const role of ['hr', 'admin', 'hrbp', 'manager'] as Role[]) {
      const staff = await t.call(s[role], 'GET', `/api/v1/candidates/${cand(0)}/logistics`);
      expect(staff.statusCode, `${role}: ${staff.body}`).toBe(200);
      expect(staff.json().confirmation).toMatchObject({ mode: 'car', needsParking: true, note: '<b>白色特斯拉</b>' });
      expect(staff.json().outdated).toBe(false);
    }
    expect((await t.call(s.executive, 'GET', `/api/v1/candidates/${cand(0)}/logistics`)).statusCode).toBe(403);
    expect((await t.call(other.sessions.hr, 'GET', `/api/v1/candidates/${cand(0)}/logistics`)).statusCode).toBe(404);

    const changed = await portal(cred, 'POST', '/portal/logistics', { mode: 'metro_bus', arrivalTime: '08:50' });
    expect(changed.json()).toMatchObject({ mode: 'metro_bus', needsParking: false, note: '' });
    expect(await eventsOf(cand(0), 'logistics_confirmed')).toHaveLength(2);
  });

  it('refuses bad input naming the field', async () => {
    const cred = await link(cand(0));
    expectField(await portal(cred, 'POST', '/portal/logistics', { mode: 'helicopter', arrivalTime: '09:00' }), 'mode');
    expectField(await portal(cred, 'POST', '/portal/logistics', { mode: 'taxi', arrivalTime: '9am' }), 'arrivalTime');
    expectField(await portal(cred, 'POST', '/portal/logistics', { mode: 'taxi', arrivalTime: '09:00', note: 'x'.repeat(501) }), 'note');
    expectField(await portal(cred, 'POST', '/portal/logistics', { mode: 'taxi', arrivalTime: '09:00', candidateId: cand(1) }), 'candidateId');
  });
});

describe('background-check authorization', () => {
  it('shows vendor, items and wording in full; stores the consent with wording, IP and version; withdrawal is recorded', async () => {
    const cred = await link(cand(0));
    const view = (await portal(cred, 'GET', '/portal/background-check')).json();
    expect(view.required).toBe(true);
    expect(view.items.length).toBeGreaterThan(0);
    for (const item of view.items) expect(view.wording).toContain(item);
    expect(view.wording).toContain(view.vendor);
    expect(view.authorization).toBeNull();

    const wrongName = await portal(cred, 'POST', '/portal/background-check', { agree: true, typedName: '李四', wordingVersion: view.wordingVersion });
    expectField(wrongName, 'typedName');
    expectField(await portal(cred, 'POST', '/portal/background-check', { agree: false, typedName: '张三', wordingVersion: view.wordingVersion }), 'agree');
    const stale = await portal(cred, 'POST', '/portal/background-check', { agree: true, typedName: '张三', wordingVersion: 'background_check/1999-01' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.field).toBe('wordingVersion');

    const ok = await portal(cred, 'POST', '/portal/background-check', { agree: true, typedName: ' 张 三 ', wordingVersion: view.wordingVersion }, '203.0.113.7');
    expect(ok.statusCode, ok.body).toBe(201);
    const twice = await portal(cred, 'POST', '/portal/background-check', { agree: true, typedName: '张三', wordingVersion: view.wordingVersion });
    expect(twice.statusCode).toBe(201);
    expect(await eventsOf(cand(0), 'background_check_authorized')).toHaveLength(1);

    const consents = await t.call(s.hr, 'GET', `/api/v1/candidates/${cand(0)}/consents`);
    expect(consents.statusCode, consents.body).toBe(200);
    const bc = consents.json().items.filter((c: { kind: string }) => c.kind === 'background_check');
    expect(bc).toHaveLength(1);
    expect(bc[0]).toMatchObject({ active: true, wordingVersion: view.wordingVersion, wordingText: view.wording, givenIp: '203.0.113.7', typedName: '张 三', givenBy: 'candidate' });

    const withdrawn = await portal(cred, 'DELETE', '/portal/background-check');
    expect(withdrawn.json()).toEqual({ ok: true, withdrawn: true });
    const after = (await t.call(s.hrbp, 'GET', `/api/v1/candidates/${cand(0)}/consents`)).json().items.find((c: { kind: string }) => c.kind === 'background_check');
    expect(after.active).toBe(false);
    expect(after.withdrawnBy).toBe('candidate');
    expect((await portal(cred, 'GET', '/portal/background-check')).json().authorization.withdrawnAt).toBeTruthy();
    for (const role of ['manager', 'admin', 'executive'] as Role[]) {
      expect([403, 404], role).toContain((await t.call(s[role], 'GET', `/api/v1/candidates/${cand(0)}/consents`)).statusCode);
    }
  });

  it('uses the org’s vendor and items, and refuses candidates without a planned check', async () => {
    await t.deps.db.updateTable('orgs').set({ settings: JSON.stringify({ backgroundCheck: { vendor: 'Acme Screening 有限公司', items: ['学历核验', '工作经历核实'] } }) })
      .where('org_id', '=', other.demo.orgId).execute();
    const cred = await link(other.demo.candidateIds[4]!, other.sessions.hr);
    const view = (await portal(cred, 'GET', '/portal/background-check')).json();
    expect(view.vendor).toBe('Acme Screening 有限公司');
    expect(view.wording).toContain('学历核验、工作经历核实');
    const none = await link(cand(1));
    const refused = await portal(none, 'POST', '/portal/background-check', { agree: true, typedName: '李四', wordingVersion: view.wordingVersion });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe('not_required');
  });
});

describe('calendar files', () => {
  it('serves the first day and the pre-onboarding meeting as text/calendar', async () => {
    const cred = await link(cand(0));
    const list = (await portal(cred, 'GET', '/portal/calendar')).json();
    expect(list.items.map((i: { kind: string }) => i.kind)).toEqual(['first-day', 'preonboarding-meeting']);
    const first = await portal(cred, 'GET', '/portal/calendar/first-day');
    expect(first.statusCode, first.body).toBe(200);
    expect(first.headers['content-type']).toMatch(/^text\/calendar/);
    expect(first.body).toContain('BEGIN:VCALENDAR');
    expect(first.body).toContain('TZID=Asia/Shanghai');
    const meeting = await portal(cred, 'GET', '/portal/calendar/preonboarding-meeting');
    expect(meeting.statusCode, meeting.body).toBe(200);
    const task = await t.deps.db.selectFrom('tasks').select('due_at').where('org_id', '=', demo.orgId).where('candidate_id', '=', cand(0))
      .where('step_id', '=', 'final.preonboarding_meeting').executeTakeFirstOrThrow();
    // The step is due on S − 2d (a day): the entry sits at 10:00 Shanghai that day.
    const dueDay = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(task.due_at).replaceAll('-', '');
    expect(meeting.body).toContain(`DTSTART;TZID=Asia/Shanghai:${dueDay}T100000`);
    expect(new Date(list.items[1].start).getTime() - new Date(list.items[1].end).getTime()).toBe(-45 * 60_000);
    expectField(await portal(cred, 'GET', '/portal/calendar/birthday'), 'kind');
  });

  it('has no meeting before the offer is accepted', async () => {
    const cred = await link(cand(7));
    const list = (await portal(cred, 'GET', '/portal/calendar')).json();
    expect(list.items.map((i: { kind: string }) => i.kind)).toEqual(['first-day']);
    expect((await portal(cred, 'GET', '/portal/calendar/preonboarding-meeting')).statusCode).toBe(404);
  });
});

describe('FAQ and answers', () => {
  it('shows common questions in the candidate’s language, and org settings replace them', async () => {
    const zh = (await portal(await link(cand(0)), 'GET', '/portal/faq')).json();
    expect(zh.items.map((i: { id: string }) => i.id)).toEqual(expect.arrayContaining(['bring', 'probation', 'social-insurance', 'first-week']));
    expect(zh.items.find((i: { id: string }) => i.id === 'bring').answer).toContain('一寸免冠彩色照片');
    const en = (await portal(await link(cand(6)), 'GET', '/portal/faq')).json();
    expect(en.items.find((i: { id: string }) => i.id === 'probation').question).toMatch(/probation/i);
  });

  it('HR answers a question: portal touch linked to it, task done, the candidate notified through the outbox', async () => {
    const cred = await link(cand(1));
    const asked = await portal(cred, 'POST', '/portal/questions', { text: '需要带<script>体检报告</script>吗？' });
    expect(asked.statusCode).toBe(201);
    const questionId = asked.json().id as string;
    expectField(await t.call(s.hr, 'POST', `/api/v1/candidates/${cand(1)}/questions/${questionId}/answer`, { text: '  ' }), 'text');
    expectField(await t.call(s.hr, 'POST', `/api/v1/candidates/${cand(1)}/questions/not-a-uuid/answer`, { text: 'x' }), 'touchId');
    expect((await t.call(s.hr, 'POST', `/api/v1/candidates/${cand(1)}/questions/${randomUUID()}/answer`, { text: 'x' })).statusCode).toBe(404);
    expect((await t.call(other.sessions.hr, 'POST', `/api/v1/candidates/${cand(1)}/questions/${questionId}/answer`, { text: 'x' })).statusCode).toBe(404);
    for (const role of ['manager', 'admin', 'executive'] as Role[]) {
      expect([403, 404], role).toContain((await t.call(s[role], 'POST', `/api/v1/candidates/${cand(1)}/questions/${questionId}/answer`, { text: 'x' })).statusCode);
    }

    const answered = await t.call(s.hr, 'POST', `/api/v1/candidates/${cand(1)}/questions/${questionId}/answer`, { text: '不需要，入职后统一安排体检。' });
    expect(answered.statusCode, answered.body).toBe(201);
    expect(answered.json()).toMatchObject({ questionId, taskCompleted: true, notified: ['email'] });
    const task = await t.deps.db.selectFrom('tasks').selectAll().where('org_id', '=', demo.orgId).where('candidate_id', '=', cand(1))
      .where('step_id', '=', 'portal.question').executeTakeFirstOrThrow();
    expect(task.status).toBe('done');
    const followUp = await t.call(s.hrbp, 'POST', `/api/v1/candidates/${cand(1)}/questions/${questionId}/answer`, { text: '补充：记得带照片。' });
    expect(followUp.json().taskCompleted).toBe(false);

    const faq = (await portal(cred, 'GET', '/portal/faq')).json();
    const mine = faq.questions.find((q: { id: string }) => q.id === questionId);
    expect(mine.text).toBe('需要带<script>体检报告</script>吗？');
    expect(mine.answers.map((a: { text: string }) => a.text)).toEqual(['不需要，入职后统一安排体检。', '补充：记得带照片。']);
    const staff = await t.call(s.manager, 'GET', `/api/v1/candidates/${cand(1)}/questions`);
    expect(staff.statusCode, staff.body).toBe(200);
    const listed = staff.json().items.find((q: { id: string }) => q.id === questionId);
    expect(listed.answers.map((a: { author: string | null }) => a.author)).toEqual([expect.stringContaining('Wang Fang'), expect.any(String)]);
    expect((await t.call(s.admin, 'GET', `/api/v1/candidates/${cand(1)}/questions`)).statusCode).toBe(403);
    const inbox = (await portal(cred, 'GET', '/portal/messages')).json().items;
    expect(inbox.some((m: { kind: string; body: string }) => m.kind === 'answer' && m.body === '不需要，入职后统一安排体检。')).toBe(true);

    const row = await t.deps.db.selectFrom('outbound_messages').selectAll().where('org_id', '=', demo.orgId).where('candidate_id', '=', cand(1))
      .where('lead_key', '=', `portal.answer#${answered.json().id}`).executeTakeFirstOrThrow();
    const { sent, deps } = recorder();
    expect((await dispatchMessage(deps, demo.orgId, row.id)).outcome).toBe('sent');
    expect(sent[0]).toMatchObject({ to: 'candidate2@example.com', subject: 'HR 回复了您的问题' });
    expect(sent[0]!.text).toContain('不需要，入职后统一安排体检。');
    // Once delivered, the notification does not repeat the answer in the inbox.
    const after = (await portal(cred, 'GET', '/portal/messages')).json().items as { kind: string; body: string }[];
    expect(after.filter((m) => m.body === '不需要，入职后统一安排体检。').map((m) => m.kind)).toEqual(['answer']);
  });
});

describe('something changed', () => {
  it('a later start date raises delay_requested once per form, with the field named on bad input', async () => {
    const cred = await link(cand(1));
    const changes = (await portal(cred, 'GET', '/portal/changes')).json();
    expect(changes).toMatchObject({ canChange: true, accepted: true, openDelay: null });
    const later = new Date(`${changes.startDate}T00:00:00Z`);
    later.setUTCDate(later.getUTCDate() + 14);
    const proposed = later.toISOString().slice(0, 10);
    expectField(await portal(cred, 'POST', '/portal/changes/delay', { reason: 'bored', proposedStartDate: proposed, requestId: randomUUID() }), 'reason');
    expectField(await portal(cred, 'POST', '/portal/changes/delay', { reason: 'handover', proposedStartDate: changes.startDate, requestId: randomUUID() }), 'proposedStartDate');
    expectField(await portal(cred, 'POST', '/portal/changes/delay', { reason: 'handover', proposedStartDate: '2026-13-01', requestId: randomUUID() }), 'proposedStartDate');
    expectField(await portal(cred, 'POST', '/portal/changes/delay', { reason: 'handover', proposedStartDate: proposed }), 'requestId');
    const requestId = randomUUID();
    const body = { reason: 'handover', proposedStartDate: proposed, note: '交接需要两周', requestId };
    const [a, b] = await Promise.all([portal(cred, 'POST', '/portal/changes/delay', body), portal(cred, 'POST', '/portal/changes/delay', body)]);
    expect([a.statusCode, b.statusCode]).toEqual([201, 201]);
    expect(await eventsOf(cand(1), 'delay_requested')).toHaveLength(1);
    expect(a.json().status).toBe('delayed');
    const open = (await portal(cred, 'GET', '/portal/changes')).json().openDelay;
    expect(open).toMatchObject({ reason: 'handover', proposedStartDate: proposed });
    const task = await t.deps.db.selectFrom('tasks').select('step_id').where('org_id', '=', demo.orgId).where('candidate_id', '=', cand(1))
      .where('step_id', '=', 'delay.understand_reason').execute();
    expect(task).toHaveLength(1);
  });

  it('declining before acceptance is offer_declined; the portal stays readable but takes no more actions', async () => {
    const cred = await link(cand(7));
    expect((await portal(cred, 'GET', '/portal/changes')).json().accepted).toBe(false);
    expectField(await portal(cred, 'POST', '/portal/changes/decline', { reason: 'pregnancy', requestId: randomUUID() }), 'reason');
    const requestId = randomUUID();
    const res = await portal(cred, 'POST', '/portal/changes/decline', { reason: 'location', requestId });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().status).toBe('declined');
    expect((await portal(cred, 'POST', '/portal/changes/decline', { reason: 'location', requestId })).json()).toMatchObject({ recorded: false, status: 'declined' });
    expect(await eventsOf(cand(7), 'offer_declined')).toHaveLength(1);
    const tasks = await t.deps.db.selectFrom('tasks').select('step_id').where('org_id', '=', demo.orgId).where('candidate_id', '=', cand(7)).execute();
    expect(tasks.map((x) => x.step_id)).toContain('declined.ask_reason');
    expect((await portal(cred, 'GET', '/portal/messages')).statusCode).toBe(200);
    expect((await portal(cred, 'GET', '/portal/changes')).json().canChange).toBe(false);
    const closed = await portal(cred, 'POST', '/portal/logistics', { mode: 'taxi', arrivalTime: '09:00' });
    expect(closed.statusCode).toBe(409);
    expect(closed.json().error.code).toBe('process_closed');
    expect((await portal(cred, 'POST', '/portal/changes/decline', { reason: 'salary', requestId: randomUUID() })).statusCode).toBe(409);
    expect((await portal(cred, 'GET', '/portal/me')).json().status).toBe('declined');
  });

  it('declining after acceptance is reneged, with the separately worded talent-pool opt-in stored as a consent', async () => {
    const cred = await link(cand(2));
    const changes = (await portal(cred, 'GET', '/portal/changes')).json();
    expect(changes.talentPool.wording).toContain('24');
    const stale = await portal(cred, 'POST', '/portal/changes/decline', { reason: 'counteroffer', talentPool: true, talentPoolWordingVersion: 'old', requestId: randomUUID() });
    expect(stale.statusCode).toBe(409);
    const res = await portal(cred, 'POST', '/portal/changes/decline', {
      reason: 'counteroffer', note: '原单位加薪', talentPool: true, talentPoolWordingVersion: changes.talentPool.wordingVersion, requestId: randomUUID(),
    });
    expect(res.json().status).toBe('reneged');
    expect(await eventsOf(cand(2), 'reneged')).toHaveLength(1);
    const pool = (await t.call(s.hr, 'GET', `/api/v1/candidates/${cand(2)}/consents`)).json().items.find((c: { kind: string }) => c.kind === 'talent_pool');
    expect(pool).toMatchObject({ active: true, wordingText: changes.talentPool.wording, wordingVersion: changes.talentPool.wordingVersion });
  });
});

describe('lost link', () => {
  it('answers the same whether or not the contact exists, sends a code through the outbox, and the code issues a fresh link', async () => {
    const unknown = await portal(undefined, 'POST', '/portal-access/code', { contact: 'nobody@example.com' }, '198.51.100.1');
    const known = await portal(undefined, 'POST', '/portal-access/code', { contact: 'Candidate6@Example.com' }, '198.51.100.1');
    expect(unknown.statusCode).toBe(202);
    expect(known.statusCode).toBe(202);
    expect(known.body).toBe(unknown.body);
    expectField(await portal(undefined, 'POST', '/portal-access/code', { contact: 'no' }, '198.51.100.1'), 'contact');

    const old = await link(cand(5));
    const codes = await t.deps.db.selectFrom('portal_codes').selectAll().where('org_id', '=', demo.orgId).where('candidate_id', '=', cand(5)).execute();
    expect(codes).toHaveLength(1);
    expect(codes[0]!.code_hash).toMatch(/^[0-9a-f]{64}$/);
    const row = await t.deps.db.selectFrom('outbound_messages').selectAll().where('org_id', '=', demo.orgId).where('lead_key', '=', `portal.login_code#${codes[0]!.id}`).executeTakeFirstOrThrow();
    const { sent, deps } = recorder();
    expect((await dispatchMessage(deps, demo.orgId, row.id)).outcome).toBe('sent');
    const code = /(\d{6})/.exec(sent[0]!.text!)![1]!;
    const stored = await t.deps.db.selectFrom('outbound_messages').select(['body_text']).where('org_id', '=', demo.orgId).where('id', '=', row.id).executeTakeFirstOrThrow();
    expect(stored.body_text).not.toContain(code);
    expect(JSON.stringify(codes)).not.toContain(`"${code}"`);

    expectField(await portal(undefined, 'POST', '/portal-access/link', { contact: 'candidate6@example.com', code: '12ab56' }, '198.51.100.2'), 'code');
    const wrong = await portal(undefined, 'POST', '/portal-access/link', { contact: 'candidate6@example.com', code: code === '000000' ? '111111' : '000000' }, '198.51.100.2');
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.code).toBe('invalid_code');
    const issued = await portal(undefined, 'POST', '/portal-access/link', { contact: 'candidate6@example.com', code }, '198.51.100.2');
    expect(issued.statusCode, issued.body).toBe(201);
    const fresh = issued.json().credential as string;
    expect((await portal(fresh, 'GET', '/portal/me')).json().firstName).toBe('周八');
    expect((await portal(old, 'GET', '/portal/me')).statusCode).toBe(401);
    expect((await portal(undefined, 'POST', '/portal-access/link', { contact: 'candidate6@example.com', code }, '198.51.100.2')).statusCode).toBe(400);
  });

  it('a code expires after ten minutes and dies after five wrong tries', async () => {
    await portal(undefined, 'POST', '/portal-access/code', { contact: '139 0000 1008' }, '198.51.100.3');
    const live = await t.deps.db.selectFrom('portal_codes').selectAll().where('org_id', '=', demo.orgId).where('candidate_id', '=', cand(8)).executeTakeFirstOrThrow();
    expect(live.channel).toBe('sms');
    const row = await t.deps.db.selectFrom('outbound_messages').selectAll().where('org_id', '=', demo.orgId).where('lead_key', '=', `portal.login_code#${live.id}`).executeTakeFirstOrThrow();
    const { sent, deps } = recorder();
    await dispatchMessage(deps, demo.orgId, row.id);
    const code = sent[0]!.code!;
    expect(code).toMatch(/^\d{6}$/);
    for (let i = 0; i < 5; i += 1) {
      const bad = await portal(undefined, 'POST', '/portal-access/link', { contact: '13900001008', code: code === '999999' ? '999998' : '999999' }, '198.51.100.4');
      expect(bad.statusCode).toBe(400);
    }
    expect((await portal(undefined, 'POST', '/portal-access/link', { contact: '13900001008', code }, '198.51.100.4')).statusCode).toBe(400);

    t.clock.advance(61_000);
    await portal(undefined, 'POST', '/portal-access/code', { contact: '+86 139-0000-1008' }, '198.51.100.5');
    const second = await t.deps.db.selectFrom('portal_codes').selectAll().where('org_id', '=', demo.orgId).where('candidate_id', '=', cand(8))
      .where('used_at', 'is', null).executeTakeFirstOrThrow();
    const row2 = await t.deps.db.selectFrom('outbound_messages').selectAll().where('org_id', '=', demo.orgId).where('lead_key', '=', `portal.login_code#${second.id}`).executeTakeFirstOrThrow();
    const r2 = recorder();
    await dispatchMessage(r2.deps, demo.orgId, row2.id);
    t.clock.advance(10 * 60_000 + 1_000);
    expect((await portal(undefined, 'POST', '/portal-access/link', { contact: '13900001008', code: r2.sent[0]!.code! }, '198.51.100.5')).statusCode).toBe(400);
  });

  it('limits code requests per contact and per IP', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 4; i += 1) statuses.push((await portal(undefined, 'POST', '/portal-access/code', { contact: 'candidate10@example.com' }, `192.0.2.${10 + i}`)).statusCode);
    expect(statuses).toEqual([202, 202, 202, 429]);
    const perIp: number[] = [];
    for (let i = 0; i < 11; i += 1) perIp.push((await portal(undefined, 'POST', '/portal-access/code', { contact: `x${i}@example.com` }, '192.0.2.99')).statusCode);
    expect(perIp.slice(0, 10).every((c) => c === 202)).toBe(true);
    expect(perIp[10]).toBe(429);
  });
});

describe('isolation', () => {
  it('a link reaches only its own candidate: nothing of another candidate or org shows', async () => {
    const mine = await link(cand(4));
    const faq = (await portal(mine, 'GET', '/portal/faq')).json();
    expect(faq.questions).toEqual([]);
    const logistics = (await portal(mine, 'GET', '/portal/logistics')).json();
    expect(logistics.confirmation).toBeNull();
    const bc = (await portal(mine, 'GET', '/portal/background-check')).json();
    expect(bc.authorization).toBeNull();
    for (const [method, url] of [['GET', '/portal/logistics'], ['GET', '/portal/faq'], ['GET', '/portal/changes'], ['GET', '/portal/calendar'], ['GET', '/portal/background-check']]) {
      const res = await portal('pl1.bogus.credential', method!, url!);
      expect(res.statusCode, url).toBe(401);
    }
    expect((await t.call(other.sessions.hr, 'GET', `/api/v1/candidates/${cand(4)}/consents`)).statusCode).toBe(404);
  });
});
