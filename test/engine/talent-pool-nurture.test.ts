/**
 * The talent pool's nurture messages actually go out (issue 6): a candidate who declines
 * in the portal with the separate opt-in hears from us about every three months — each
 * one rendered and handed to the mail server, the pool showing the last and the next
 * contact — and nothing more once they withdraw their consent. The worker runs at the
 * times the engine asks for.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSent, type ChannelAdapter } from '../../src/adapters/channels/index.js';
import { dispatchDueMessages } from '../../src/services/dispatch/dispatch-due.js';
import { wakeDueCandidates } from '../../src/services/engine/apply-event.js';
import type { DemoOrg } from '../../src/services/seed/seed-demo.js';
import { createTestApp, seedAndLogin, type Role, type Session, type TestApp } from '../app.js';

let t: TestApp;
let demo: DemoOrg;
let s: Record<Role, Session>;
let id: string;
const ADDRESS = 'pool.nurture@example.com';
/** Every email the mail server took: to whom, when, what. */
const mails: Array<{ to: string; at: number }> = [];
const DAY = 86_400_000;

type PoolEntry = { candidateId: string; nextNurtureAt: string | null; lastNurturedAt: string | null; consent: { givenAt: string; wordingVersion: string } };

beforeAll(async () => {
  t = await createTestApp();
  t.clock.set('2026-11-25T02:00:00Z'); // 10:00 in Shanghai
  ({ demo, sessions: s } = await seedAndLogin(t));
  const email: ChannelAdapter = {
    channel: 'email-test',
    send: async (m) => { mails.push({ to: String(m.to), at: t.clock.now().getTime() }); return buildSent(null); },
  };
  t.deps.channels = { email };
  const res = await t.call(s.hr, 'POST', '/api/v1/candidates', {
    fullName: '人才 培育', email: ADDRESS, roleType: 'tech', departmentId: demo.departments.engineering, siteId: demo.sites.shanghai,
    positionTitle: 'Backend Engineer', startDate: '2027-03-15', managerId: demo.users.manager.id, salaryMonthly: 30000, salaryMonths: 14,
    offerAcceptedAt: new Date(t.clock.now().getTime() - 3600_000).toISOString(),
  });
  expect(res.statusCode, res.body).toBe(201);
  id = res.json().id;
});
afterAll(async () => t?.close());

/** Moves the clock and runs the worker: timed rules, then due messages; staff sign in again. */
async function runWorkerAt(at: number) {
  t.clock.set(new Date(at));
  await wakeDueCandidates(t.deps, { orgId: demo.orgId });
  await dispatchDueMessages(t.deps, { orgId: demo.orgId });
  s.hr = await t.login(demo.users.hr.email, demo.password);
}

const poolEntry = async () => ((await t.call(s.hr, 'GET', '/api/v1/talent-pool')).json().items as PoolEntry[]).find((e) => e.candidateId === id);
const nurtureRows = () => t.deps.db.selectFrom('outbound_messages').select(['lead_key', 'status', 'sent_at', 'recipient'])
  .where('candidate_id', '=', id).where('lead_key', 'like', 'pool.nurture#%').orderBy('send_after').execute();
/** The candidate's emails after the thank-you (the first one, checked below): the nurture ones. */
const nurtureMails = () => mails.filter((m) => m.to === ADDRESS).slice(1);

describe('talent-pool nurture', () => {
  let givenAt: number;

  it('the candidate declines in the portal with the separate opt-in', async () => {
    const link = await t.call(s.hr, 'POST', `/api/v1/candidates/${id}/portal-link`);
    const credential = decodeURIComponent(link.json().url.split('#t=')[1]);
    const headers = { authorization: `Portal ${credential}`, 'content-type': 'application/json' };
    const changes = (await t.app.inject({ method: 'GET', url: '/api/v1/portal/changes', headers: { authorization: headers.authorization } })).json();
    const body = { reason: 'career', note: '', talentPool: true, talentPoolWordingVersion: changes.talentPool.wordingVersion, requestId: randomUUID() };
    const declined = await t.app.inject({ method: 'POST', url: '/api/v1/portal/changes/decline', headers, payload: JSON.stringify(body) });
    expect(declined.statusCode, declined.body).toBe(201);
    const entry = await poolEntry();
    expect(entry?.consent.wordingVersion).toBe(changes.talentPool.wordingVersion);
    givenAt = Date.parse(entry!.consent.givenAt);
    // The thank-you goes within a day; it is the first email, not a nurture one.
    await runWorkerAt(givenAt + DAY);
    expect(mails.filter((m) => m.to === ADDRESS)).toHaveLength(1);
  });

  it('sends a nurture email about every three months while the consent holds', async () => {
    const sent: number[] = [];
    for (let n = 1; n <= 2; n += 1) {
      const next = Date.parse((await poolEntry())!.nextNurtureAt!);
      // Nothing goes before its time.
      await runWorkerAt(next - 60_000);
      expect(await nurtureRows()).toHaveLength(n - 1);
      await runWorkerAt(next);
      const rows = await nurtureRows();
      expect(rows).toHaveLength(n);
      expect(rows[n - 1]).toMatchObject({ lead_key: `pool.nurture#${n - 1}`, status: 'sent', recipient: ADDRESS });
      expect(rows[n - 1]!.sent_at!.getTime()).toBe(next);
      sent.push(next);
      const entry = await poolEntry();
      expect(Date.parse(entry!.lastNurturedAt!)).toBe(next);
      expect(Date.parse(entry!.nextNurtureAt!) - next).toBeGreaterThan(88 * DAY);
    }
    expect(nurtureMails().map((m) => m.at)).toEqual(sent);
    for (const [i, at] of sent.entries()) {
      const days = (at - (i === 0 ? givenAt : sent[i - 1]!)) / DAY;
      expect(days).toBeGreaterThanOrEqual(89);
      expect(days).toBeLessThanOrEqual(93);
    }
  });

  it('stops after the person withdraws their consent', async () => {
    const next = Date.parse((await poolEntry())!.nextNurtureAt!);
    await runWorkerAt(next - 7 * DAY);
    const out = await t.call(s.hr, 'POST', `/api/v1/talent-pool/${id}/withdraw`);
    expect(out.json()).toEqual({ ok: true, withdrawn: true });
    expect(await poolEntry()).toBeUndefined();
    const before = (await nurtureRows()).length;
    for (const at of [next, next + 90 * DAY, next + 400 * DAY]) await runWorkerAt(at);
    expect(await nurtureRows()).toHaveLength(before);
    expect(nurtureMails()).toHaveLength(2);
    const state = await t.deps.db.selectFrom('engine_states').select(['state', 'next_wake_at']).where('candidate_id', '=', id).executeTakeFirstOrThrow();
    expect((state.state as { consent: unknown }).consent).toBeNull();
    expect(state.next_wake_at).toBeNull();
  });
});
