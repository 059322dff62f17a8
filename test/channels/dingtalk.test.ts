import { createHmac } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { createDingtalkRobotAdapter, signDingtalk, type DingtalkRobotOptions } from '../../src/adapters/channels/dingtalk.js';
import { startDingtalkServer, type DingtalkServerOptions, type DingtalkTestServer } from '../servers/dingtalk.js';
import { createFakeClock } from './fake-clock.js';

const servers: DingtalkTestServer[] = [];
afterEach(async () => {
  for (const s of servers.splice(0)) await s.close();
});

async function setUp(serverOptions: Partial<DingtalkServerOptions> = {}, adapterOptions: Partial<DingtalkRobotOptions> = {}) {
  const clock = createFakeClock();
  const server = await startDingtalkServer({ accessToken: 'tok-1', secret: 'SECright', now: clock.now, ...serverOptions });
  servers.push(server);
  const adapter = createDingtalkRobotAdapter({ baseUrl: server.url, accessToken: 'tok-1', secret: 'SECright', clock: clock.now, ...adapterOptions });
  return { clock, server, adapter };
}

const key = { idempotencyKey: 'outbox-1' };

describe('DingTalk robot adapter', () => {
  it('sends a signed text message with mentions, and the server verified it', async () => {
    const { clock, server, adapter } = await setUp();
    const result = await adapter.send(
      { to: [], text: '【Preboard】张三 的入职材料待审核', mentions: { mobiles: ['13800138000'], userIds: ['manager01'] } },
      key,
    );
    expect(result).toEqual({ status: 'sent', providerMessageId: null });
    expect(server.delivered).toHaveLength(1);
    const request = server.delivered[0];
    expect(request.query.timestamp).toBe(String(clock.now()));
    expect(request.query.sign).toBe(signDingtalk('SECright', clock.now()));
    expect(request.body).toEqual({
      msgtype: 'text',
      text: { content: '【Preboard】张三 的入职材料待审核\n@13800138000' },
      at: { atMobiles: ['13800138000'], atUserIds: ['manager01'], isAtAll: false },
    });
  });

  it('matches the documented formula, URL-encoded in the query', () => {
    const expected = createHmac('sha256', 'SECx').update('1700000000000\nSECx').digest('base64');
    expect(signDingtalk('SECx', 1_700_000_000_000)).toBe(expected);
  });

  it('sends markdown with a title', async () => {
    const { server, adapter } = await setUp();
    await adapter.send({ to: [], subject: '每日摘要', text: 'fallback', markdown: '### 今日待办\n- 审核材料' }, key);
    expect(server.delivered[0].body).toMatchObject({ msgtype: 'markdown', markdown: { title: '每日摘要', text: '### 今日待办\n- 审核材料' } });
  });

  it('gets a permanent failure when signing with the wrong secret (the server checks)', async () => {
    const { server, adapter } = await setUp({}, { secret: 'SECwrong' });
    const result = await adapter.send({ to: [], text: 'hello' }, key);
    expect(result).toMatchObject({ status: 'permanent', code: 'bad_signature', providerCode: '310000' });
    expect(server.received[0].error).toBe('310000');
    expect(server.delivered).toHaveLength(0);
  });

  it('gets a permanent failure when its clock is over an hour off', async () => {
    const { clock, server } = await setUp();
    const adapter = createDingtalkRobotAdapter({
      baseUrl: server.url, accessToken: 'tok-1', secret: 'SECright', clock: () => clock.now() - 61 * 60_000,
    });
    expect(await adapter.send({ to: [], text: 'hello' }, key)).toMatchObject({ status: 'permanent', providerCode: '310000' });
    expect(server.received[0].error).toBe('stale_timestamp');
  });

  it('gets a permanent failure when the keyword is missing', async () => {
    const { adapter } = await setUp({ keywords: ['Preboard'] });
    expect(await adapter.send({ to: [], text: 'no keyword here' }, key)).toMatchObject({ status: 'permanent', providerCode: '310000' });
    expect((await adapter.send({ to: [], text: 'Preboard: ok' }, key)).status).toBe('sent');
  });

  it('holds the 21st message of a minute locally and says when to retry', async () => {
    const { clock, server, adapter } = await setUp();
    for (let i = 0; i < 20; i += 1) {
      expect((await adapter.send({ to: [], text: `m${i}` }, key)).status).toBe('sent');
      clock.advance(1_000);
    }
    const held = await adapter.send({ to: [], text: 'm20' }, key);
    // The first send (20 s ago) leaves the window in 40 s.
    expect(held).toMatchObject({ status: 'retryable', code: 'rate_limited', retryAfterMs: 40_000 });
    expect(server.received).toHaveLength(20);
    clock.advance(40_000);
    expect((await adapter.send({ to: [], text: 'm20' }, key)).status).toBe('sent');
  });

  it('backs off ~10 minutes on errcode 130101 (throttled by the provider)', async () => {
    // The server allows fewer than the adapter's limiter, as when another process shares the robot.
    const { clock, server, adapter } = await setUp({ limitPerMinute: 2 });
    await adapter.send({ to: [], text: 'a' }, key);
    await adapter.send({ to: [], text: 'b' }, key);
    const throttled = await adapter.send({ to: [], text: 'c' }, key);
    expect(throttled).toMatchObject({ status: 'retryable', code: 'rate_limited', providerCode: '130101', retryAfterMs: 600_000 });
    clock.advance(5 * 60_000);
    expect(await adapter.send({ to: [], text: 'c' }, key)).toMatchObject({ providerCode: '130101' });
    clock.advance(5 * 60_000);
    expect((await adapter.send({ to: [], text: 'c' }, key)).status).toBe('sent');
    expect(server.delivered.map((r) => (r.body as { text: { content: string } }).text.content)).toEqual(['a', 'b', 'c']);
  });

  it('treats 5xx, a dropped connection and an unreachable host as retryable', async () => {
    const { server, adapter } = await setUp();
    server.failNext(1, 'http-500');
    expect(await adapter.send({ to: [], text: 'x' }, key)).toMatchObject({ status: 'retryable', code: 'provider_unavailable' });
    server.failNext(1, 'drop');
    expect(await adapter.send({ to: [], text: 'x' }, key)).toMatchObject({ status: 'retryable', code: 'network' });
    await server.close();
    servers.splice(servers.indexOf(server), 1);
    expect(await adapter.send({ to: [], text: 'x' }, key)).toMatchObject({ status: 'retryable', code: 'network' });
  });
});
