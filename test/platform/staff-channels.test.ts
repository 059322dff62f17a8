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
    // Without a language the robot posts in zh-CN, the product's default.
    expect(dt.json()).toMatchObject({ kind: 'dingtalk', name: '入职群', hasSecret: true, events: ['digest', 'escalation'], language: 'zh-CN' });
    expect(dt.json().webhookHint).toMatch(/…1234$/);
    ids.dingtalk = dt.json().id;
    const fs = await add({ kind: 'feishu', name: 'HR 群', webhookUrl: `${feishu.url}/open-apis/bot/v2/hook/hook-abcd`, secret: 'fs-secret', events: ['digest'], language: 'en-US' });
    expect(fs.statusCode, fs.body).toBe(201);
    ids.feishu = fs.json().id;
    const wc = await add({ kind: 'wecom', name: 'Escalations', webhookUrl: `${wecom.url}/cgi-bin/webhook/send?key=wc-key-9876`, events: ['escalation'], language: 'en-US' });
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
    // Each robot in its own language: the DingTalk group reads Chinese, the Feishu group English.
    const zh = (dingtalk.delivered.at(-1)!.body as { text: { content: string } }).text.content;
    expect(zh.split('\n')[0]).toBe('Preboard 2026-11-25 每日待办');
    expect(zh).toMatch(/\n- .+：逾期 \d+ 项，今日到期 \d+ 项\n/);
    expect(zh).not.toMatch(/overdue|today/);
    expect(zh.split('\n').at(-1)).toMatch(/\/tasks$/);
    const en = JSON.stringify(feishu.delivered.at(-1)!.body);
    expect(en).toContain('Preboard daily tasks 2026-11-25');
    expect(en).toMatch(/- .+: \d+ overdue, \d+ due today/);
    expect(en).not.toMatch(/逾期|今日/);
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
    expect(lines[0]).toBe(`Preboard escalations (${escalated})`);
    // Step names and roles in the robot's language (English here), with the local due time.
    const escalatedLines = lines.filter((l) => / → /.test(l));
    expect(escalatedLines).toHaveLength(Math.min(escalated, 15));
    for (const line of escalatedLines) expect(line).toMatch(/^- [A-Z][^.→]+ → (HR|HRBP|Executive)(, \w+)* \(overdue since \d{4}-\d{2}-\d{2} \d{2}:\d{2}/);
    expect(lines.at(-1)).toMatch(/\/tasks$/);
    // Nothing new to escalate: nothing posted.
    expect((await escalateOverdueTasks(t.deps, { orgId: demo.orgId })).escalated).toBe(0);
    expect(wecom.delivered.length - wcBefore).toBe(1);
  });
});

describe('editing a staff channel', () => {
  // The clock has moved a month on: sign everyone in again.
  beforeAll(async () => {
    for (const role of Object.keys(s) as Role[]) s[role] = await t.login(demo.users[role].email, demo.password);
  });
  // A second apart, so the audit entries sort by time on both databases.
  const patch = (id: string, body: unknown, who: Session = s.org_admin) => {
    t.clock.advance(1000);
    return t.call(who, 'PATCH', `${BASE}/${id}`, body);
  };
  const byName = async (name: string) => (await list()).find((c) => c.name === name)!;
  const storedSettings = async () => JSON.stringify((await t.db.db.selectFrom('orgs').select('settings').where('org_id', '=', demo.orgId).executeTakeFirstOrThrow()).settings);
  const auditOf = (id: string) => t.db.db.selectFrom('audit_log').select(['action', 'detail']).where('org_id', '=', demo.orgId)
    .where('entity', '=', 'staff_channel').where('entity_id', '=', id).orderBy('at').execute();
  const lastUpdate = async (id: string) => (await auditOf(id)).filter((e) => e.action === 'update').at(-1)!;
  const testSend = async (id: string) => (await t.call(s.org_admin, 'POST', `${BASE}/${id}/test`)).statusCode;

  it('changes the name, posts and language, audited with before and after', async () => {
    const wc = await byName('Escalations');
    const res = await patch(wc.id as string, { name: '升级提醒群', events: ['digest', 'escalation'], language: 'zh-CN' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ id: wc.id, kind: 'wecom', name: '升级提醒群', events: ['digest', 'escalation'], language: 'zh-CN', webhookHint: wc.webhookHint });
    expect(await byName('升级提醒群')).toEqual(res.json());
    expect((await lastUpdate(wc.id as string)).detail).toMatchObject({
      fields: ['name', 'events', 'language'], webhookChanged: false, secretChanged: false,
      before: { name: 'Escalations', events: ['escalation'], language: 'en-US' }, after: { name: '升级提醒群', language: 'zh-CN' },
    });
    // The test message now speaks the group's new language.
    const before = wecom.delivered.length;
    expect(await testSend(wc.id as string)).toBe(200);
    expect(JSON.stringify(wecom.delivered.slice(before))).toContain('「升级提醒群」测试消息');
  });

  it('keeps the sealed webhook and secret when they are left out, and changes nothing on an empty edit', async () => {
    const dt = await byName('入职群');
    const auditBefore = (await auditOf(dt.id as string)).length;
    const settingsBefore = await storedSettings();
    const same = await patch(dt.id as string, {});
    expect(same.statusCode, same.body).toBe(200);
    expect(same.json()).toEqual(dt);
    expect(await storedSettings()).toBe(settingsBefore);
    expect(await auditOf(dt.id as string)).toHaveLength(auditBefore);
    expect((await patch(dt.id as string, { name: '入职群（北京）' })).statusCode).toBe(200);
    // Still signed with the saved secret, still posting to the saved webhook.
    expect(await testSend(dt.id as string)).toBe(200);
  });

  it('replaces the secret and the webhook, sealed like the first ones', async () => {
    const dt = await byName('入职群（北京）');
    const wrong = await patch(dt.id as string, { secret: 'SECreplaced' });
    expect(wrong.statusCode, wrong.body).toBe(200);
    expect(wrong.json().hasSecret).toBe(true);
    expect(await testSend(dt.id as string)).toBe(502); // the provider checks the new secret: it is the one in use
    expect((await patch(dt.id as string, { secret: 'SECdingtalk' })).statusCode).toBe(200);
    expect(await testSend(dt.id as string)).toBe(200);
    expect((await lastUpdate(dt.id as string)).detail).toMatchObject({ fields: [], secretChanged: true, webhookChanged: false });

    const wc = await byName('升级提醒群');
    const moved = await patch(wc.id as string, { webhookUrl: `${wecom.url}/cgi-bin/webhook/send?key=wc-other-5555` });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json().webhookHint).toMatch(/…5555$/);
    expect(await testSend(wc.id as string)).toBe(502); // the local WeCom server knows only the first key
    expect((await patch(wc.id as string, { webhookUrl: `${wecom.url}/cgi-bin/webhook/send?key=wc-key-9876` })).json().webhookHint).toMatch(/…9876$/);
    expect(await testSend(wc.id as string)).toBe(200);
    const stored = await storedSettings();
    for (const secret of ['SECreplaced', 'SECdingtalk', 'wc-other-5555', 'wc-key-9876']) expect(stored).not.toContain(secret);
    for (const entry of await auditOf(wc.id as string)) expect(JSON.stringify(entry.detail)).not.toMatch(/wc-other|wc-key|SEC/);
  });

  it('removes a Feishu secret with null', async () => {
    const fs = await byName('HR 群');
    const res = await patch(fs.id as string, { secret: null });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().hasSecret).toBe(false);
    expect((await lastUpdate(fs.id as string)).detail).toMatchObject({ fields: ['hasSecret'], secretChanged: true });
  });

  it('refuses bad edits with 400 naming the field, by the rules of the robot\'s provider', async () => {
    const dt = await byName('入职群（北京）');
    const wc = await byName('升级提醒群');
    const before = await list();
    const cases: Array<[string, unknown, string]> = [
      [dt.id as string, { webhookUrl: 'https://evil.example.com/robot/send?access_token=t' }, 'webhookUrl'],
      [dt.id as string, { webhookUrl: `${wecom.url}/cgi-bin/webhook/send?key=wc-key-9876` }, 'webhookUrl'], // another provider's URL
      [dt.id as string, { secret: null }, 'secret'], // DingTalk cannot do without
      [dt.id as string, { secret: '' }, 'secret'],
      [wc.id as string, { secret: 'SECnone' }, 'secret'], // WeCom has none
      [wc.id as string, { kind: 'feishu' }, 'kind'], // the provider cannot change
      [wc.id as string, { events: [] }, 'events'],
      [wc.id as string, { events: ['digest', 'digest'] }, 'events'],
      [wc.id as string, { name: '   ' }, 'name'],
      [wc.id as string, { language: 'fr-FR' }, 'language'],
    ];
    for (const [id, body, field] of cases) {
      const res = await patch(id, body);
      expect(res.statusCode, `${JSON.stringify(body)} ${res.body}`).toBe(400);
      expect(res.json().error.field, res.body).toBe(field);
    }
    expect(await list()).toEqual(before);
  });

  it('answers 404 for another organisation\'s robot and an unknown one, and 403 to other roles', async () => {
    const wc = await byName('升级提醒群');
    const other = await seedAndLogin(t);
    const res = await patch(wc.id as string, { name: 'taken over' }, other.sessions.org_admin);
    expect(res.statusCode, res.body).toBe(404);
    expect((await patch('6f1d3c1e-3b7a-4c2e-9f10-1a2b3c4d5e6f', { name: 'x' })).statusCode).toBe(404);
    for (const role of ['hr', 'hrbp', 'manager', 'admin', 'executive'] as const) expect((await patch(wc.id as string, { name: 'x' }, s[role])).statusCode, role).toBe(403);
    expect((await byName('升级提醒群')).id).toBe(wc.id);
  });
});
