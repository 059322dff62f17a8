/**
 * The time-driven exception rules through the API (issue 6), on a clock moved by hand:
 * two messages sent without a reply in 72 h raise HR's call (`risk.unresponsive_call`)
 * once, counted from when the dispatcher actually sent them (a retried message from its
 * late send, a dead letter never);
 * a question, a pulse or an arrival confirmed in the portal, an answer HR log on the
 * timeline or record as an event stops it; nobody who has left is chased. A delay still
 * open after 48 h escalates to an executive; agreeing a new date first prevents it.
 * Every rule, run twice, changes nothing the second time.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, seedAndLogin, type Role, type Session, type TestApp } from '../app.js';
import type { DemoOrg } from '../../src/services/seed/seed-demo.js';
import { wakeDueCandidates } from '../../src/services/engine/apply-event.js';
import { dispatchDueMessages } from '../../src/services/dispatch/dispatch-due.js';
import { buildPermanent, buildRetryable, buildSent, type ChannelAdapter } from '../../src/adapters/channels/index.js';

let t: TestApp;
let demo: DemoOrg;
let s: Record<Role, Session>;

/** Wednesday 10:00 in Shanghai; the offer was accepted at 09:00. */
const T0 = '2026-11-25T02:00:00Z';
/** offer.send_package goes at A + 2h, offer.channel_invite at A + 24h (09:00, 26 Nov). */
const SECOND_MESSAGE_AT = '2026-11-26T01:00:00Z';
const UNRESPONSIVE_AT = '2026-11-29T01:00:00Z'; // + 72h
/** The mail server refuses `flaky`'s mail for a while: its second message goes out on the next try after this. */
const FLAKY_UNTIL = '2026-11-27T09:00:00Z';

/** Email as a provider answers: `bounce` is an unknown mailbox, `flaky` is refused until FLAKY_UNTIL, the rest are sent. */
const email: ChannelAdapter = {
  channel: 'email-test',
  send: async (message) => {
    if (message.to === 'bounce@example.com') return buildPermanent('invalid_recipient', 'no such mailbox');
    if (message.to === 'flaky@example.com' && t.clock.now() < new Date(FLAKY_UNTIL)) return buildRetryable('provider_unavailable', 'try later', 2 * 3600_000);
    return buildSent(null);
  },
};

type Task = { key: string; stepId: string; status: string; dueAt: string; ownerRoles: string[]; outcome: string };
type Touch = { summary: string; content: string; stepId: string | null; direction: string };

beforeAll(async () => {
  t = await createTestApp();
  t.clock.set(T0);
  ({ demo, sessions: s } = await seedAndLogin(t));
  t.deps.channels = { email };
});
afterAll(async () => t?.close());

/** Move the clock, sign in again the roles used here (sessions idle out) and run the worker: timed rules, then due messages. */
async function moveTo(iso: string) {
  t.clock.set(iso);
  for (const role of ['hr', 'manager', 'executive'] as const) s[role] = await t.login(demo.users[role].email, demo.password);
  await wakeDueCandidates(t.deps, { orgId: demo.orgId });
  await dispatchDueMessages(t.deps, { orgId: demo.orgId });
}

const keyed = (url: string, body: unknown, key: string) => t.app.inject({
  method: 'POST', url, payload: JSON.stringify(body),
  headers: { cookie: s.hr.cookie, 'x-csrf-token': s.hr.csrf, 'content-type': 'application/json', 'idempotency-key': key },
});
const tasksOf = async (role: Role, id: string, step: string) =>
  ((await t.call(s[role], 'GET', `/api/v1/tasks?limit=200&status=all&candidateId=${id}`)).json().items as Task[]).filter((x) => x.stepId === step);

async function newCandidate(fullName: string, mailbox = 'timed') {
  const res = await t.call(s.hr, 'POST', '/api/v1/candidates', {
    fullName, email: `${mailbox}@example.com`, roleType: 'tech', departmentId: demo.departments.engineering,
    siteId: demo.sites.shanghai, positionTitle: 'Backend Engineer', startDate: '2027-03-15', managerId: demo.users.manager.id,
    hrbpId: demo.users.hrbp.id, salaryMonthly: 30000, salaryMonths: 14, offerAcceptedAt: new Date(Date.parse(T0) - 3600_000).toISOString(),
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id as string;
}

/** The candidate's own request through a fresh portal link. */
async function fromPortal(id: string, path: string, body: unknown) {
  const link = await t.call(s.hr, 'POST', `/api/v1/candidates/${id}/portal-link`);
  expect(link.statusCode, link.body).toBe(201);
  const credential = decodeURIComponent(link.json().url.split('#t=')[1]);
  return t.app.inject({
    method: 'POST', url: `/api/v1/portal${path}`, payload: JSON.stringify(body),
    headers: { authorization: `Portal ${credential}`, 'content-type': 'application/json' },
  });
}

const CALL = 'risk.unresponsive_call';
const EXECUTIVE = 'delay.escalate_executive';
const NAMES = ['silent', 'asks', 'feels', 'confirms', 'logged', 'writes', 'leaves', 'delayed', 'agreed', 'flaky', 'bounce'] as const;
const ids = {} as Record<(typeof NAMES)[number], string>;

beforeAll(async () => {
  for (const name of NAMES) ids[name] = await newCandidate(`定时 ${name}`, name === 'flaky' || name === 'bounce' ? name : 'timed');
  for (const name of ['delayed', 'agreed'] as const) {
    const res = await keyed(`/api/v1/candidates/${ids[name]}/events`, { type: 'delay_requested', reason: 'counteroffer' }, `delay-${name}`);
    expect(res.statusCode, res.body).toBe(201);
  }
  // The worker runs when the two welcome messages fall due: they go out on time.
  await moveTo('2026-11-25T03:00:00Z');
  await moveTo(SECOND_MESSAGE_AT);
});

describe('a delay still open after 48 hours', () => {
  it('reaches an executive at 48 h, once, unless a new date was agreed first', async () => {
    await moveTo('2026-11-26T02:00:00Z');
    const agreed = await t.call(s.hr, 'POST', `/api/v1/candidates/${ids.agreed}/start-date`, { startDate: '2027-04-12', reason: 'agreed after the counter-offer talk' });
    expect(agreed.statusCode, agreed.body).toBe(201);

    await moveTo('2026-11-27T01:59:00Z');
    expect(await tasksOf('executive', ids.delayed, EXECUTIVE)).toEqual([]);

    await moveTo('2026-11-27T02:00:00Z');
    const escalations = await tasksOf('executive', ids.delayed, EXECUTIVE);
    expect(escalations).toEqual([expect.objectContaining({ status: 'open', ownerRoles: ['executive'] })]);
    expect(Date.parse(escalations[0]!.dueAt)).toBe(Date.parse('2026-11-29T02:00:00Z'));
    // The agreed date closed the delay: no escalation for it.
    expect(await tasksOf('executive', ids.agreed, EXECUTIVE)).toEqual([]);

    await moveTo('2026-11-27T09:00:00Z');
    await wakeDueCandidates(t.deps, { orgId: demo.orgId });
    expect(await tasksOf('executive', ids.delayed, EXECUTIVE)).toHaveLength(1);
  });
});

describe('two messages without a reply in 72 hours', () => {
  it('a reply through the portal or recorded by HR counts; a renege ends the follow-up', async () => {
    expect((await fromPortal(ids.asks, '/questions', { text: '请问入职体检在哪里做？' })).statusCode).toBe(201);
    expect((await fromPortal(ids.feels, '/pulse', { score: 4, comment: '' })).statusCode).toBe(201);
    const confirmed = await fromPortal(ids.confirms, '/logistics', { mode: 'metro_bus', arrivalTime: '09:10', note: '' });
    expect(confirmed.statusCode, confirmed.body).toBeLessThan(300);
    // HR log the answer that came on WeChat on the timeline, as the console does.
    const logged = await t.call(s.hr, 'POST', `/api/v1/candidates/${ids.logged}/touches`, {
      kind: 'message', channel: 'wechat', direction: 'inbound', summary: '微信回复：已收到，谢谢', occurredAt: '2026-11-27T01:00:00Z',
    });
    expect(logged.statusCode, logged.body).toBe(201);

    // A WeChat answer HR log as an event: the same delivery twice is one reply.
    const reply = { type: 'candidate_replied', at: '2026-11-27T01:30:00Z' };
    expect((await keyed(`/api/v1/candidates/${ids.writes}/events`, reply, `reply-${ids.writes}`)).statusCode).toBe(201);
    const again = await keyed(`/api/v1/candidates/${ids.writes}/events`, reply, `reply-${ids.writes}`);
    expect(again.statusCode).toBe(200);
    expect(again.json().applied).toBe(false);

    const left = await keyed(`/api/v1/candidates/${ids.leaves}/decline`, { type: 'reneged', reason: 'location' }, `left-${ids.leaves}`);
    expect(left.statusCode, left.body).toBe(201);
  });

  it('raises one HR call 72 h after the second unanswered message, and only for the silent candidate', async () => {
    const sent = await t.deps.db.selectFrom('outbound_messages').select(['lead_key', 'status', 'sent_at']).where('candidate_id', '=', ids.silent).orderBy('send_after').execute();
    expect(sent.map((m) => [m.lead_key.split('#')[0], m.status, m.sent_at?.toISOString()])).toEqual([
      ['offer.send_package', 'sent', '2026-11-25T03:00:00.000Z'], ['offer.channel_invite', 'sent', new Date(SECOND_MESSAGE_AT).toISOString()],
    ]);

    await moveTo(new Date(Date.parse(UNRESPONSIVE_AT) - 60_000).toISOString());
    expect(await tasksOf('hr', ids.silent, CALL)).toEqual([]);

    await moveTo(UNRESPONSIVE_AT);
    const calls = await tasksOf('hr', ids.silent, CALL);
    expect(calls).toEqual([expect.objectContaining({ status: 'open', ownerRoles: ['hr'] })]);
    // One full business day on the site's calendar: raised on a Sunday, Monday is that day.
    expect(calls[0]!.dueAt).toBe('2026-12-01T01:00:00.000Z');
    for (const name of ['asks', 'feels', 'confirms', 'logged', 'writes', 'leaves', 'flaky', 'bounce'] as const) expect(await tasksOf('hr', ids[name], CALL), name).toEqual([]);
    expect(await tasksOf('manager', ids.silent, CALL)).toEqual([]);
  });

  it('a message retried until the mail server took it counts from its send; a dead letter does not count', async () => {
    const rows = await t.deps.db.selectFrom('outbound_messages').select(['candidate_id', 'status', 'sent_at'])
      .where('candidate_id', 'in', [ids.flaky, ids.bounce]).where('lead_key', '=', 'offer.channel_invite#0').execute();
    const late = rows.find((r) => r.candidate_id === ids.flaky)!;
    expect(late.status).toBe('sent');
    // Sent on the worker's first run after the server came back: not at its planned time.
    expect(late.sent_at!.getTime()).toBeGreaterThanOrEqual(Date.parse(FLAKY_UNTIL));
    expect(rows.find((r) => r.candidate_id === ids.bounce)?.status).toBe('dead');
    const callAt = late.sent_at!.getTime() + 72 * 3600_000;

    await moveTo(new Date(callAt - 60_000).toISOString());
    expect(await tasksOf('hr', ids.flaky, CALL)).toEqual([]);
    await moveTo(new Date(callAt).toISOString());
    expect(await tasksOf('hr', ids.flaky, CALL)).toEqual([expect.objectContaining({ status: 'open' })]);
    // Only one message of the bounced candidate's first days reached them: no call for them yet.
    expect(await tasksOf('hr', ids.bounce, CALL)).toEqual([]);
  });

  it('runs again without raising it twice; HR complete the call with its outcome on the timeline', async () => {
    await wakeDueCandidates(t.deps, { orgId: demo.orgId });
    await moveTo('2026-11-30T10:00:00Z');
    const [call] = await tasksOf('hr', ids.silent, CALL);
    expect(await tasksOf('hr', ids.silent, CALL)).toHaveLength(1);

    const outcome = 'Reached on the phone: was travelling, still joining on 15 March';
    const done = await t.call(s.hr, 'POST', `/api/v1/candidates/${ids.silent}/tasks/${encodeURIComponent(call!.key)}/complete`, { outcome, channel: 'phone' });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json()).toMatchObject({ status: 'done', outcome });
    const twice = await t.call(s.hr, 'POST', `/api/v1/candidates/${ids.silent}/tasks/${encodeURIComponent(call!.key)}/complete`, { outcome: 'again' });
    expect(twice.statusCode).toBe(409);
    const timeline = (await t.call(s.hr, 'GET', `/api/v1/candidates/${ids.silent}/timeline?limit=100`)).json().items as Touch[];
    expect(timeline.filter((x) => x.stepId === CALL)).toEqual([expect.objectContaining({ content: outcome, direction: 'outbound' })]);

    // The same silence does not raise a second call.
    await moveTo('2026-12-05T02:00:00Z');
    expect(await tasksOf('hr', ids.silent, CALL)).toEqual([expect.objectContaining({ key: call!.key, status: 'done' })]);
  });
});
