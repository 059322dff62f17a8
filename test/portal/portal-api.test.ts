/**
 * The candidate portal API: magic links (issue, rotate, revoke, expire), the portal
 * routes (one candidate per link, no ids to tamper with), questions and pulses landing
 * on the staff side, and validation. Runs on PGlite, and on PostgreSQL with TEST_DATABASE_URL.
 */
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addLocalDays, startOfLocalDay, toLocalDate } from '../../src/core/time/local-time.js';
import type { DemoOrg } from '../../src/services/seed/seed-demo.js';
import { createTestApp, seedAndLogin, type Role, type Session, type TestApp } from '../app.js';

let t: TestApp;
let demo: DemoOrg;
let s: Record<Role, Session>;
let other: { demo: DemoOrg; sessions: Record<Role, Session> };
let realStart: Date;

beforeAll(async () => {
  t = await createTestApp();
  ({ demo, sessions: s } = await seedAndLogin(t));
  other = await seedAndLogin(t);
  realStart = t.clock.now();
});
afterAll(async () => t?.close());

/** Seed order (seed-demo.ts): 0 张三 (Shanghai, accepted), 1 李四, 6 Olivia Martin (Singapore, en-US), 7 吴九 (offer not accepted). */
const cand = (i: number) => demo.candidateIds[i]!;

async function issue(candidateId: string, as: Session = s.hr) {
  const res = await t.call(as, 'POST', `/api/v1/candidates/${candidateId}/portal-link`);
  expect(res.statusCode, res.body).toBe(201);
  const body = res.json() as { url: string; expiresAt: string; candidateId: string };
  const credential = body.url.split('#t=')[1]!;
  return { ...body, credential };
}

function portal(credential: string | undefined, method: string, url: string, body?: unknown, extraHeaders: Record<string, string> = {}) {
  return t.app.inject({
    method: method as 'GET', url: `/api/v1/portal${url}`,
    headers: {
      ...(credential !== undefined ? { authorization: `Portal ${credential}` } : {}),
      ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
      ...extraHeaders,
    },
    payload: body === undefined ? undefined : JSON.stringify(body),
  });
}

const PORTAL_ROUTES: Array<[string, string, unknown?]> = [
  ['GET', '/me'], ['GET', '/messages'], ['POST', '/questions', { text: 'q' }], ['POST', '/pulse', { score: 3 }], ['POST', '/language', { language: 'zh-CN' }],
];

async function expectRefusedEverywhere(credential: string | undefined) {
  for (const [method, url, body] of PORTAL_ROUTES) {
    const res = await portal(credential, method, url, body);
    expect(res.statusCode, `${method} ${url}: ${res.body}`).toBe(401);
    expect(res.json().error.code).toBe('invalid_portal_link');
    expect(res.json().error.message).toMatch(/ask your HR contact/);
  }
}

async function insertMessage(orgId: string, candidateId: string, subject: string, status: string, sentAt: Date | null) {
  const id = crypto.randomUUID();
  await t.deps.db.insertInto('outbound_messages').values({
    org_id: orgId, id, candidate_id: candidateId, lead_key: `test.${id}#0`, step_keys: [`test.${id}#0`], step_ids: ['test.msg'],
    channel: 'email', status, send_after: sentAt ?? new Date(t.clock.now().getTime() + 86_400_000), subject, body_text: `Body of ${subject}`, sent_at: sentAt,
  }).execute();
  return id;
}

describe('magic links (staff side)', () => {
  it('HR issues a link: the URL carries the credential in its fragment, the database only its SHA-256', async () => {
    const link = await issue(cand(0));
    expect(link.url).toMatch(new RegExp(`^http://localhost:3000/portal/#t=pl1\\.${demo.orgId}\\.[A-Za-z0-9_-]{43}$`));
    const secret = link.credential.split('.').slice(2).join('.');
    const rows = await t.deps.db.selectFrom('portal_tokens').selectAll().where('org_id', '=', demo.orgId).where('candidate_id', '=', cand(0)).execute();
    const live = rows.filter((r) => !r.revoked_at);
    expect(live).toHaveLength(1);
    expect(live[0]!.token_hash).toBe(createHash('sha256').update(secret).digest('hex'));
    expect(JSON.stringify(rows)).not.toContain(secret);
    expect(live[0]!.created_by).toBe(demo.users.hr.id);
    // One week after the start date, at the end of that local day (Shanghai site).
    const me = (await portal(link.credential, 'GET', '/me')).json();
    expect(link.expiresAt).toBe(startOfLocalDay(addLocalDays(me.startDate, 8), 'Asia/Shanghai').toISOString());
    const audit = await t.deps.db.selectFrom('audit_log').select(['action', 'actor_id']).where('org_id', '=', demo.orgId)
      .where('entity', '=', 'portal_link').where('candidate_id', '=', cand(0)).execute();
    expect(audit).toContainEqual({ action: 'issue', actor_id: demo.users.hr.id });
  });

  it('org admins may issue links; managers, HRBPs, admin staff and executives may not', async () => {
    expect((await t.call(s.org_admin, 'POST', `/api/v1/candidates/${cand(1)}/portal-link`)).statusCode).toBe(201);
    for (const role of ['manager', 'hrbp', 'admin', 'executive'] as Role[]) {
      const res = await t.call(s[role], 'POST', `/api/v1/candidates/${cand(1)}/portal-link`);
      expect(res.statusCode, role).toBe(403);
      expect((await t.call(s[role], 'DELETE', `/api/v1/candidates/${cand(1)}/portal-link`)).statusCode, role).toBe(403);
    }
    // Another organisation's HR cannot even find the candidate.
    expect((await t.call(other.sessions.hr, 'POST', `/api/v1/candidates/${cand(1)}/portal-link`)).statusCode).toBe(404);
  });

  it('re-issuing rotates: the older link stops working, the new one works; revoking ends it', async () => {
    const first = await issue(cand(2));
    expect((await portal(first.credential, 'GET', '/me')).statusCode).toBe(200);
    const second = await issue(cand(2));
    await expectRefusedEverywhere(first.credential);
    expect((await portal(second.credential, 'GET', '/me')).statusCode).toBe(200);

    const del = await t.call(s.hr, 'DELETE', `/api/v1/candidates/${cand(2)}/portal-link`);
    expect(del.statusCode).toBe(200);
    expect(del.json()).toEqual({ ok: true, revoked: 1 });
    await expectRefusedEverywhere(second.credential);
    expect((await t.call(s.hr, 'DELETE', `/api/v1/candidates/${cand(2)}/portal-link`)).json()).toEqual({ ok: true, revoked: 0 });
    const actions = await t.deps.db.selectFrom('audit_log').select('action').where('org_id', '=', demo.orgId)
      .where('entity', '=', 'portal_link').where('candidate_id', '=', cand(2)).execute();
    expect(actions.map((a) => a.action).sort()).toEqual(['issue', 'issue', 'revoke', 'revoke']);
  });

  it('a link expires at the end of the seventh day after the start date', async () => {
    const link = await issue(cand(3));
    const me = (await portal(link.credential, 'GET', '/me')).json();
    const expiry = startOfLocalDay(addLocalDays(me.startDate, 8), me.site.timezone);
    try {
      t.clock.set(new Date(expiry.getTime() - 60_000));
      expect((await portal(link.credential, 'GET', '/me')).statusCode).toBe(200);
      t.clock.set(new Date(expiry.getTime() + 60_000));
      await expectRefusedEverywhere(link.credential);
      // Too late to issue one at all (a fresh sign-in: the clock jump outlived the session).
      const hr = await t.login(demo.users.hr.email, demo.password);
      const late = await t.call(hr, 'POST', `/api/v1/candidates/${cand(3)}/portal-link`);
      expect(late.statusCode).toBe(409);
      expect(late.json().error.code).toBe('start_date_passed');
    } finally {
      t.clock.set(realStart);
    }
  });

  it('unknown, malformed, tampered and missing credentials are refused', async () => {
    const link = await issue(cand(4));
    const [, , secret] = link.credential.split('.');
    await expectRefusedEverywhere(undefined);
    await expectRefusedEverywhere('garbage');
    await expectRefusedEverywhere(`pl1.${demo.orgId}.${'A'.repeat(43)}`);
    // The same secret presented under another organisation's id finds nothing.
    await expectRefusedEverywhere(`pl1.${other.demo.orgId}.${secret}`);
    // A staff API token prefix or a session cookie value is not a portal link.
    await expectRefusedEverywhere(s.hr.cookie.split('=')[1]);
  });
});

describe('a link opens exactly one candidate', () => {
  it('welcome shows that candidate’s facts, in their site’s terms, and nothing staff-only', async () => {
    const link = await issue(cand(0));
    const res = await portal(link.credential, 'GET', '/me');
    expect(res.statusCode, res.body).toBe(200);
    const me = res.json();
    const expectedStart = toLocalDate(new Date(realStart.getTime() + 19 * 86_400_000), 'Asia/Shanghai');
    expect(me).toMatchObject({
      orgName: '示例科技 Demo Tech', firstName: '张三', language: 'zh-CN', position: '高级后端工程师', department: '研发部 Engineering',
      startDate: expectedStart, daysUntilStart: 19,
      site: { name: '上海总部 Shanghai HQ', address: '上海市浦东新区张江路 100 号 8 楼', arrivalTime: '09:00', mapUrl: 'https://map.example.com/?q=zhangjiang', timezone: 'Asia/Shanghai' },
    });
    expect(me.site.parking).toContain('B2');
    expect(me.contacts).toEqual([
      { role: 'hr', name: '王芳 Wang Fang', phone: '13800000000' },
      { role: 'manager', name: '张伟 Zhang Wei', phone: '13800000000' },
    ]);
    for (const secret of ['salary', '20000', 'candidate1@example.com', '13900001000', demo.users.hr.id, cand(0)]) expect(res.body).not.toContain(secret);
  });

  it('a Western name is greeted by the given name, in the candidate’s language', async () => {
    const me = (await portal((await issue(cand(6))).credential, 'GET', '/me')).json();
    expect(me).toMatchObject({ firstName: 'Olivia', language: 'en-US', position: 'Regional Sales Lead', site: { timezone: 'Asia/Singapore' } });
    expect(me.contacts.map((c: { name: string }) => c.name)).toEqual(['王芳 Wang Fang', 'Emily Chen']);
  });

  it('two candidates’ links see only their own messages and welcome; another org’s link only its own', async () => {
    const a = await issue(cand(0));
    const b = await issue(cand(1));
    const foreign = await issue(other.demo.candidateIds[0]!, other.sessions.hr);
    const day = 3_600_000;
    await insertMessage(demo.orgId, cand(0), 'For A: older', 'sent', new Date(realStart.getTime() - 2 * day));
    await insertMessage(demo.orgId, cand(0), 'For A: newer', 'sent', new Date(realStart.getTime() - day));
    await insertMessage(demo.orgId, cand(0), 'For A: not yet sent', 'scheduled', null);
    await insertMessage(demo.orgId, cand(0), 'For A: failed', 'dead', null);
    await insertMessage(demo.orgId, cand(1), 'For B', 'outbox', null);
    await insertMessage(other.demo.orgId, other.demo.candidateIds[0]!, 'For the other org', 'sent', new Date(realStart.getTime() - day));

    const subjects = async (credential: string) => ((await portal(credential, 'GET', '/messages')).json().items as Array<{ subject: string; kind: string }>)
      .filter((m) => m.kind === 'message').map((m) => m.subject);
    expect(await subjects(a.credential)).toEqual(['For A: newer', 'For A: older']);
    expect(await subjects(b.credential)).toEqual(['For B']);
    expect(await subjects(foreign.credential)).toEqual(['For the other org']);

    const firstName = async (credential: string) => (await portal(credential, 'GET', '/me')).json().firstName;
    expect(await firstName(a.credential)).toBe('张三');
    expect(await firstName(b.credential)).toBe('李四');
    expect(await firstName(foreign.credential)).toBe('张三');
    expect((await portal(foreign.credential, 'GET', '/me')).body).not.toContain(demo.orgId);

    // B's question lands on B's timeline only.
    expect((await portal(b.credential, 'POST', '/questions', { text: 'Only for B' })).statusCode).toBe(201);
    const timeline = async (id: string) => JSON.stringify((await t.call(s.hr, 'GET', `/api/v1/candidates/${id}/timeline?limit=200`)).json());
    expect(await timeline(cand(1))).toContain('Only for B');
    expect(await timeline(cand(0))).not.toContain('Only for B');
    expect(((await portal(a.credential, 'GET', '/messages')).json().items as Array<{ body: string }>).some((m) => m.body === 'Only for B')).toBe(false);
    expect(((await portal(b.credential, 'GET', '/messages')).json().items as Array<{ body: string; kind: string }>)).toContainEqual(expect.objectContaining({ kind: 'question', body: 'Only for B' }));
  });

  it('a portal credential is no staff credential, and a staff cookie opens no portal', async () => {
    const link = await issue(cand(0));
    for (const url of ['/api/v1/candidates', `/api/v1/candidates/${cand(0)}`, `/api/v1/candidates/${cand(0)}/timeline`, '/api/v1/auth/me']) {
      const res = await t.app.inject({ method: 'GET', url, headers: { authorization: `Portal ${link.credential}` } });
      expect(res.statusCode, url).toBe(401);
    }
    const cookieOnly = await t.call(s.hr, 'GET', '/api/v1/portal/me');
    expect(cookieOnly.statusCode).toBe(401);
    expect(cookieOnly.json().error.code).toBe('invalid_portal_link');
    // HR trying the portal in the same browser: the Portal header decides, the cookie is ignored (no CSRF demanded).
    const both = await portal(link.credential, 'POST', '/pulse', { score: 5 }, { cookie: s.hr.cookie });
    expect(both.statusCode, both.body).toBe(201);
  });
});

describe('what the candidate sends reaches HR', () => {
  it('a question is an inbound touch, stored and returned verbatim as text, with an HR task and candidate_replied', async () => {
    const link = await issue(cand(0));
    const text = '<script>alert(1)</script> & "quotes" 请问试用期多久？';
    const res = await portal(link.credential, 'POST', '/questions', { text });
    expect(res.statusCode, res.body).toBe(201);
    const { id } = res.json();

    const tl = await t.call(s.hr, 'GET', `/api/v1/candidates/${cand(0)}/timeline?limit=200`);
    expect(tl.headers['content-type']).toMatch(/^application\/json/);
    expect(tl.body).toContain(JSON.stringify(text).slice(1, -1));
    const touch = tl.json().items.find((i: { id: string }) => i.id === id);
    expect(touch).toMatchObject({ kind: 'message', channel: 'portal', direction: 'inbound', authorKind: 'candidate', author: null, content: text, stepId: 'portal.question' });
    expect(touch.summary).toBe(text);

    const tasks = (await t.call(s.hr, 'GET', `/api/v1/tasks?candidateId=${cand(0)}&status=open`)).json().items;
    const task = tasks.find((x: { stepId: string; detail: string }) => x.stepId === 'portal.question' && x.detail === text);
    expect(task).toMatchObject({ kind: 'task', ownerRoles: ['hr'], channel: 'portal', status: 'open' });
    expect(task.key).toMatch(/^portal\.question#\d+$/);
    expect(new Date(task.dueAt).getTime()).toBeGreaterThan(t.clock.now().getTime());
    // Only HR's queue: a manager's task list does not carry it.
    const managerTasks = (await t.call(s.manager, 'GET', `/api/v1/tasks?candidateId=${cand(0)}&status=open`)).json().items;
    expect(managerTasks.some((x: { stepId: string }) => x.stepId === 'portal.question')).toBe(false);
    // HR can close it: the engine never planned it, so completing it must not ask the engine.
    const done = await t.call(s.hr, 'POST', `/api/v1/candidates/${cand(0)}/tasks/${encodeURIComponent(task.key)}/complete`, { outcome: 'Answered: 6 months' });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json().status).toBe('done');

    const event = await t.deps.db.selectFrom('domain_events').select(['type', 'actor_kind', 'actor_id']).where('org_id', '=', demo.orgId)
      .where('candidate_id', '=', cand(0)).where('idempotency_key', '=', `portal:question:${id}`).executeTakeFirst();
    expect(event).toEqual({ type: 'candidate_replied', actor_kind: 'candidate', actor_id: cand(0) });
    const state = await t.deps.db.selectFrom('engine_states').select('state').where('org_id', '=', demo.orgId).where('candidate_id', '=', cand(0)).executeTakeFirstOrThrow();
    // The engine keeps whole seconds.
    const lastReplyAt = new Date((state.state as { lastReplyAt: string }).lastReplyAt).getTime();
    expect(lastReplyAt).toBe(Math.floor(t.clock.now().getTime() / 1000) * 1000);
  });

  it('the answer is due one business day later on the site calendar (Friday → Monday)', async () => {
    const link = await issue(cand(6)); // Singapore site, WEEKEND calendar: Mon–Fri
    const now = t.clock.now();
    let date = toLocalDate(now, 'Asia/Singapore');
    while (new Date(`${date}T00:00:00Z`).getUTCDay() !== 5) date = addLocalDays(date, 1);
    const friday10 = new Date(startOfLocalDay(date, 'Asia/Singapore').getTime() + 10 * 3_600_000);
    try {
      t.clock.set(friday10);
      const res = await portal(link.credential, 'POST', '/questions', { text: 'Dress code?' });
      expect(res.statusCode, res.body).toBe(201);
      expect(res.json().answerDueAt).toBe(new Date(friday10.getTime() + 3 * 86_400_000).toISOString());
    } finally {
      t.clock.set(realStart);
    }
  });

  it('a candidate whose offer is not yet accepted can still ask (no plan to tell)', async () => {
    const link = await issue(cand(7));
    const res = await portal(link.credential, 'POST', '/questions', { text: 'When will I get the contract?' });
    expect(res.statusCode, res.body).toBe(201);
    const events = await t.deps.db.selectFrom('domain_events').select('type').where('org_id', '=', demo.orgId).where('candidate_id', '=', cand(7)).execute();
    expect(events.map((e) => e.type)).not.toContain('candidate_replied');
  });

  it('a pulse is recorded on the timeline with its score and comment', async () => {
    const link = await issue(cand(5));
    const res = await portal(link.credential, 'POST', '/pulse', { score: 2, comment: '有点担心通勤 <b>' });
    expect(res.statusCode, res.body).toBe(201);
    const items = (await t.call(s.hr, 'GET', `/api/v1/candidates/${cand(5)}/timeline?limit=200`)).json().items;
    expect(items.find((i: { id: string }) => i.id === res.json().id)).toMatchObject({
      kind: 'note', channel: 'portal', direction: 'inbound', authorKind: 'candidate', summary: '加入意愿 Pulse 2/5',
      candidateFeedback: '有点担心通勤 <b>', stepId: 'portal.pulse',
    });
  });

  it('the language choice is stored on the one record', async () => {
    const link = await issue(cand(1));
    const res = await portal(link.credential, 'POST', '/language', { language: 'en-US' });
    expect(res.json()).toEqual({ language: 'en-US' });
    expect((await portal(link.credential, 'GET', '/me')).json().language).toBe('en-US');
    expect((await t.call(s.hr, 'GET', `/api/v1/candidates/${cand(1)}`)).json().language).toBe('en-US');
  });
});

describe('portal input is validated strictly', () => {
  let credential: string;
  beforeAll(async () => { credential = (await issue(cand(8))).credential; });

  const cases: Array<[string, string, unknown, string | undefined]> = [
    ['unknown field', '/questions', { text: 'hi', surprise: 1 }, 'surprise'],
    ['too long question', '/questions', { text: 'x'.repeat(2001) }, 'text'],
    ['blank question', '/questions', { text: '   ' }, 'text'],
    ['question of the wrong type', '/questions', { text: ['a'] }, 'text'],
    ['score 0', '/pulse', { score: 0 }, 'score'],
    ['score 6', '/pulse', { score: 6 }, 'score'],
    ['fractional score', '/pulse', { score: 2.5 }, 'score'],
    ['too long comment', '/pulse', { score: 3, comment: 'x'.repeat(501) }, 'comment'],
    ['unknown pulse field', '/pulse', { score: 3, mood: 'ok' }, 'mood'],
    ['unknown language', '/language', { language: 'fr-FR' }, 'language'],
    ['not an object', '/questions', [1, 2], undefined],
  ];
  for (const [name, url, body, field] of cases) {
    it(`${name} → 400${field ? ` naming ${field}` : ''}`, async () => {
      const res = await portal(credential, 'POST', url, body);
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json().error.code).toBe('invalid_input');
      if (field) expect(res.json().error.field).toBe(field);
    });
  }

  it('2000 characters is still fine, and nothing was stored for the refused ones', async () => {
    expect((await portal(credential, 'POST', '/questions', { text: 'y'.repeat(2000) })).statusCode).toBe(201);
    const touches = await t.deps.db.selectFrom('touches').select('content').where('org_id', '=', demo.orgId).where('candidate_id', '=', cand(8)).where('channel', '=', 'portal').execute();
    expect(touches.map((x) => x.content)).toEqual(['y'.repeat(2000)]);
  });

  it('a bad link is refused before the body is looked at', async () => {
    const res = await portal('garbage', 'POST', '/pulse', { score: 99 });
    expect(res.statusCode).toBe(401);
  });
});

describe('rate limiting', () => {
  it('allows 60 requests a minute per link, then 429; other links are unaffected', async () => {
    const busy = await issue(cand(9));
    const calm = await issue(cand(10));
    for (let i = 0; i < 60; i += 1) expect((await portal(busy.credential, 'GET', '/me')).statusCode).toBe(200);
    const limited = await portal(busy.credential, 'GET', '/me');
    expect(limited.statusCode).toBe(429);
    expect(limited.json().error.code).toBe('rate_limited');
    expect((await portal(calm.credential, 'GET', '/me')).statusCode).toBe(200);
  });
});
