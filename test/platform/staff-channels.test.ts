import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSmtpEmailAdapter } from '../../src/adapters/channels/index.js';
import { escalateOverdueTasks } from '../../src/services/reminders/escalate-overdue.js';
import { sendDailyDigests } from '../../src/services/reminders/send-daily-digests.js';
import type { DemoOrg } from '../../src/services/seed/seed-demo.js';
import { createTestApp, seedAndLogin, type Role, type Session, type TestApp } from '../app.js';
import { startDingtalkServer, type DingtalkTestServer } from '../servers/dingtalk.js';
import { startFeishuServer, type FeishuTestServer } from '../servers/feishu.js';
import { startSmtpServer, type SmtpTestServer } from '../servers/smtp.js';
import { startWecomServer, type WecomTestServer } from '../servers/wecom.js';

let t: TestApp;
let demo: DemoOrg;
let s: Record<Role, Session>;
let dingtalk: DingtalkTestServer;
let feishu: FeishuTestServer;
let wecom: WecomTestServer;
let smtp: SmtpTestServer;

const BASE = '/api/v1/settings/staff-channels';
const now = () => t.clock.now().getTime();

beforeAll(async () => {
  t = await createTestApp();
  // Wednesday 2026-11-25 10:00 in Shanghai, after the 08:30 digest time.
  t.clock.set('2026-11-25T02:00:00Z');
  ({ demo, sessions: s } = await seedAndLogin(t));
  dingtalk = await startDingtalkServer({ accessToken: 'dt-token-1234', secret: 'SECdingtalk', now });
  feishu = await startFeishuServer({ hookId: 'hook-abcd', secret: 'fs-secret', now });
  wecom = await startWecomServer({ robotKey: 'wc-key-9876', now });
  smtp = await startSmtpServer();
  t.deps.channels = {
    email: createSmtpEmailAdapter({ host: smtp.host, port: smtp.port, ignoreTLS: true, from: 'Preboard <noreply@preboard.test>', clock: now }),
  };
});
afterAll(async () => {
  await Promise.all([dingtalk?.close(), feishu?.close(), wecom?.close(), smtp?.close()]);
  await t?.close();
});

const add = (body: unknown, who: Session = s.org_admin) => t.call(who, 'POST', BASE, body);
const list = async () => (await t.call(s.org_admin, 'GET', BASE)).json().items as Array<Record<string, unknown>>;

describe('staff channels API', () => {
  const ids: Record<'dingtalk' | 'feishu' | 'wecom', string> = { dingtalk: '', feishu: '', wecom: '' };

  it('saves robots with their credentials sealed and lists them masked', async () => {
    const dt = await add({ kind: 'dingtalk', name: '入职群', webhookUrl: `${dingtalk.url}/robot/send?access_token=dt-token-1234`, secret: 'SECdingtalk', events: ['digest', 'escalation'] });
    expect(dt.statusCode, dt.body).toBe(201);
    expect(dt.json()).toMatchObject({ kind: 'dingtalk', name: '入职群', hasSecret: true, events: ['digest', 'escalation'] });
    expect(dt.json().webhookHint).toMatch(/…1234$/);
    ids.dingtalk = dt.json().id;
    const fs = await add({ kind: 'feishu', name: 'HR 群', webhookUrl: `${feishu.url}/open-apis/bot/v2/hook/hook-abcd`, secret: 'fs-secret', events: ['digest'] });
    expect(fs.statusCode, fs.body).toBe(201);
    ids.feishu = fs.json().id;
    const wc = await add({ kind: 'wecom', name: 'Escalations', webhookUrl: `${wecom.url}/cgi-bin/webhook/send?key=wc-key-9876`, events: ['escalation'] });
    expect(wc.statusCode, wc.body).toBe(201);
    ids.wecom = wc.json().id;

    const res = await t.call(s.org_admin, 'GET', BASE);
    expect(res.statusCode).toBe(200);
    expect(res.json().items.map((c: { id: string }) => c.id)).toEqual([ids.dingtalk, ids.feishu, ids.wecom]);
    // Neither the key nor the secret is anywhere in the answer or in the stored settings.
    for (const secret of ['dt-token-1234', 'SECdingtalk', 'hook-abcd', 'fs-secret', 'wc-key-9876']) {
      expect(res.body).not.toContain(secret);
      const org = await t.db.db.selectFrom('orgs').select('settings').where('org_id', '=', demo.orgId).executeTakeFirstOrThrow();
      expect(JSON.stringify(org.settings)).not.toContain(secret);
    }
    const audit = await t.db.db.selectFrom('audit_log').select(['action', 'detail']).where('org_id', '=', demo.orgId)
      .where('entity', '=', 'staff_channel').where('entity_id', '=', ids.dingtalk).execute();
    expect(audit.map((a) => a.action)).toEqual(['create']);
    expect(JSON.stringify(audit[0]!.detail)).not.toContain('SECdingtalk');
  });

  it('refuses bad input with 400 naming the field', async () => {
    const cases: Array<[unknown, string]> = [
      [{ kind: 'dingtalk', name: 'x', webhookUrl: 'http://oapi.dingtalk.com/robot/send?access_token=t', secret: 'S', events: ['digest'] }, 'webhookUrl'],
      [{ kind: 'dingtalk', name: 'x', webhookUrl: 'https://evil.example.com/robot/send?access_token=t', secret: 'S', events: ['digest'] }, 'webhookUrl'],
      [{ kind: 'feishu', name: 'x', webhookUrl: 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=k', events: ['digest'] }, 'webhookUrl'],
      [{ kind: 'dingtalk', name: 'x', webhookUrl: 'https://oapi.dingtalk.com/robot/send?access_token=t', events: ['digest'] }, 'secret'],
      [{ kind: 'wecom', name: 'x', webhookUrl: 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=k', events: ['sms'] }, 'events'],
      [{ kind: 'slack', name: 'x', webhookUrl: 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=k', events: ['digest'] }, 'kind'],
    ];
    for (const [body, field] of cases) {
      const res = await add(body);
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json().error.field, res.body).toMatch(new RegExp(`^${field}`));
    }
    expect(await list()).toHaveLength(3);
  });

  it('lets only org admins manage robots', async () => {
    for (const role of ['hr', 'hrbp', 'manager', 'admin', 'executive'] as const) {
      expect((await t.call(s[role], 'GET', BASE)).statusCode, role).toBe(403);
      expect((await t.call(s[role], 'POST', `${BASE}/${ids.wecom}/test`)).statusCode, role).toBe(403);
    }
  });

  it('sends a test message through each provider with a valid signature', async () => {
    for (const [kind, server] of [['dingtalk', dingtalk], ['feishu', feishu], ['wecom', wecom]] as const) {
      const before = server.delivered.length;
      const res = await t.call(s.org_admin, 'POST', `${BASE}/${ids[kind]}/test`);
      expect(res.statusCode, `${kind} ${res.body}`).toBe(200);
      expect(res.json()).toMatchObject({ ok: true });
      expect(server.delivered.length, kind).toBe(before + 1);
    }
    // Checked here independently of both the adapter and the server.
    const signed = dingtalk.delivered.at(-1)!;
    expect(decodeURIComponent(signed.query.sign ?? '')).toBe(
      createHmac('sha256', 'SECdingtalk').update(`${signed.query.timestamp}\nSECdingtalk`).digest('base64'));
    expect(JSON.stringify(feishu.delivered.at(-1)!.body)).toContain('HR 群');
  });

  it('answers a provider refusal with 502 and the provider message, and an unknown robot with 404', async () => {
    const bad = await add({ kind: 'dingtalk', name: 'wrong secret', webhookUrl: `${dingtalk.url}/robot/send?access_token=dt-token-1234`, secret: 'SECwrong', events: ['digest'] });
    const res = await t.call(s.org_admin, 'POST', `${BASE}/${bad.json().id}/test`);
    expect(res.statusCode, res.body).toBe(502);
    expect(res.json().error.code).toBe('channel_bad_signature');
    expect(res.json().error.message).toContain('310000');
    expect((await t.call(s.org_admin, 'DELETE', `${BASE}/${bad.json().id}`)).statusCode).toBe(200);
    expect((await t.call(s.org_admin, 'POST', `${BASE}/${bad.json().id}/test`)).statusCode).toBe(404);
    expect(await list()).toHaveLength(3);
  });

  it('posts the digest summary once per day, even when the run is repeated, and the emails still go', async () => {
    const dtBefore = dingtalk.delivered.length;
    const fsBefore = feishu.delivered.length;
    const wcBefore = wecom.delivered.length;
    const first = await sendDailyDigests(t.deps, { orgId: demo.orgId });
    expect(first.sent).toBeGreaterThan(0);
    await sendDailyDigests(t.deps, { orgId: demo.orgId });
    expect(dingtalk.delivered.length - dtBefore).toBe(1);
    expect(feishu.delivered.length - fsBefore).toBe(1);
    expect(wecom.delivered.length - wcBefore).toBe(0); // subscribed to escalations only
    const text = (dingtalk.delivered.at(-1)!.body as { text: { content: string } }).text.content;
    expect(text).toContain('2026-11-25');
    expect(text).toContain('/tasks');
    expect(text).toMatch(/overdue \d+, 今日 today \d+/);
    const posts = await t.db.db.selectFrom('audit_log').select(['action', 'entity_id']).where('org_id', '=', demo.orgId)
      .where('entity', '=', 'staff_channel_post').execute();
    expect(posts.filter((p) => p.entity_id?.endsWith(':digest:2026-11-25')).map((p) => p.action)).toEqual(['sent', 'sent']);
  });

  it('keeps the digest emails going when a robot fails, and records the failure', async () => {
    t.clock.set('2026-11-26T02:00:00Z');
    dingtalk.failNext(1, 'http-500');
    const mailsBefore = smtp.received.length;
    const counts = await sendDailyDigests(t.deps, { orgId: demo.orgId });
    expect(counts.failed).toBe(0);
    expect(counts.sent).toBeGreaterThan(0);
    expect(smtp.received.length - mailsBefore).toBe(counts.sent);
    const failed = await t.db.db.selectFrom('audit_log').select(['action', 'detail']).where('org_id', '=', demo.orgId)
      .where('entity', '=', 'staff_channel_post').where('entity_id', '=', `${ids.dingtalk}:digest:2026-11-26`).execute();
    expect(failed.map((f) => f.action)).toEqual(['failed']);
  });

  it('posts the digest summary once when two workers run the same day at once', async () => {
    t.clock.set('2026-11-27T02:00:00Z');
    const dtBefore = dingtalk.delivered.length;
    const [one, two] = await Promise.all([sendDailyDigests(t.deps, { orgId: demo.orgId }), sendDailyDigests(t.deps, { orgId: demo.orgId })]);
    expect(one.sent + two.sent).toBeGreaterThan(0);
    expect(dingtalk.delivered.length - dtBefore).toBe(1);
  });

  it('posts one line per escalation, in one message per run, to the robots subscribed to escalations', async () => {
    t.clock.set('2026-12-20T02:00:00Z');
    const wcBefore = wecom.delivered.length;
    const fsBefore = feishu.delivered.length;
    const { escalated } = await escalateOverdueTasks(t.deps, { orgId: demo.orgId });
    expect(escalated).toBeGreaterThan(1);
    expect(wecom.delivered.length - wcBefore).toBe(1);
    expect(feishu.delivered.length - fsBefore).toBe(0);
    const lines = (wecom.delivered.at(-1)!.body as { text: { content: string } }).text.content.split('\n');
    expect(lines[0]).toBe(`Preboard 升级 / escalated (${escalated})`);
    expect(lines.filter((l) => / → /.test(l))).toHaveLength(Math.min(escalated, 15));
    expect(lines.at(-1)).toMatch(/\/tasks$/);
    // Nothing new to escalate: nothing posted.
    expect((await escalateOverdueTasks(t.deps, { orgId: demo.orgId })).escalated).toBe(0);
    expect(wecom.delivered.length - wcBefore).toBe(1);
  });
});
