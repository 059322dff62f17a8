import { afterEach, describe, expect, it } from 'vitest';
import { createRateLimiter } from '../../src/adapters/channels/rate-limit.js';
import { createWecomAppAdapter, createWecomRobotAdapter, type WecomAppOptions } from '../../src/adapters/channels/wecom.js';
import { startWecomServer, type WecomServerOptions, type WecomTestServer } from '../servers/wecom.js';
import { createFakeClock } from './fake-clock.js';

const servers: WecomTestServer[] = [];
afterEach(async () => {
  for (const s of servers.splice(0)) await s.close();
});

const corp = { corpId: 'ww-corp', corpSecret: 'app-secret', agentId: 1000002 };

async function setUp(serverOptions: Partial<WecomServerOptions> = {}) {
  const clock = createFakeClock();
  const server = await startWecomServer({ robotKey: 'robot-key', ...corp, members: ['zhangsan', 'lisi', 'wangwu'], now: clock.now, ...serverOptions });
  servers.push(server);
  return { clock, server };
}

const key = { idempotencyKey: 'outbox-1' };
const bytes = (s: string) => Buffer.byteLength(s, 'utf8');
const textOf = (body: unknown) => (body as { text: { content: string } }).text.content;

describe('WeCom group robot adapter', () => {
  it('posts text with mentions to /cgi-bin/webhook/send?key=', async () => {
    const { clock, server } = await setUp();
    const robot = createWecomRobotAdapter({ baseUrl: server.url, key: 'robot-key', clock: clock.now });
    const result = await robot.send({ to: [], text: '张三 已接受 offer', mentions: { userIds: ['lisi'], mobiles: ['13800138000'], all: true } }, key);
    expect(result).toEqual({ status: 'sent', providerMessageId: null });
    expect(server.delivered[0].query).toEqual({ key: 'robot-key' });
    expect(server.delivered[0].body).toEqual({
      msgtype: 'text',
      text: { content: '张三 已接受 offer', mentioned_list: ['lisi', '@all'], mentioned_mobile_list: ['13800138000'] },
    });
  });

  it('truncates text over 2048 bytes on a character boundary, and the server accepts it', async () => {
    const { clock, server } = await setUp();
    const robot = createWecomRobotAdapter({ baseUrl: server.url, key: 'robot-key', clock: clock.now });
    const long = '请于周一上午九点到前台报到👍'.repeat(120);
    expect((await robot.send({ to: [], text: long }, key)).status).toBe('sent');
    const sent = textOf(server.delivered[0].body);
    expect(bytes(sent)).toBeLessThanOrEqual(2048);
    expect(bytes(sent)).toBeGreaterThan(2030);
    expect(long.startsWith(sent.slice(0, -1))).toBe(true);
  });

  it('can split long text into parts that together are the original', async () => {
    const { clock, server } = await setUp();
    const robot = createWecomRobotAdapter({ baseUrl: server.url, key: 'robot-key', clock: clock.now, overflow: 'split' });
    const long = '第一段：材料清单。\n'.repeat(300);
    expect((await robot.send({ to: [], text: long, mentions: { userIds: ['lisi'] } }, key)).status).toBe('sent');
    const parts = server.delivered.map((r) => textOf(r.body));
    expect(parts.length).toBeGreaterThan(1);
    expect(parts.join('')).toBe(long);
    expect(parts.every((p) => bytes(p) <= 2048)).toBe(true);
    expect((server.delivered.at(-1)?.body as { text: { mentioned_list?: string[] } }).text.mentioned_list).toEqual(['lisi']);
  });

  it('the server refuses text over 2048 bytes and a wrong key', async () => {
    const { clock, server } = await setUp();
    const raw = await fetch(`${server.url}/cgi-bin/webhook/send?key=robot-key`, {
      method: 'POST',
      body: JSON.stringify({ msgtype: 'text', text: { content: '字'.repeat(700) } }),
    });
    expect(await raw.json()).toMatchObject({ errcode: 40058 });
    const wrong = createWecomRobotAdapter({ baseUrl: server.url, key: 'other-key', clock: clock.now });
    expect(await wrong.send({ to: [], text: 'x' }, key)).toMatchObject({ status: 'permanent', code: 'bad_config', providerCode: '93000' });
  });

  it('sends markdown up to 4096 bytes', async () => {
    const { clock, server } = await setUp();
    const robot = createWecomRobotAdapter({ baseUrl: server.url, key: 'robot-key', clock: clock.now });
    await robot.send({ to: [], text: 'x', markdown: `# 待办\n${'- 审核材料\n'.repeat(500)}` }, key);
    const content = (server.delivered[0].body as { markdown: { content: string } }).markdown.content;
    expect(bytes(content)).toBeLessThanOrEqual(4096);
    expect(content.startsWith('# 待办')).toBe(true);
  });

  it('holds the 21st message of a minute locally; a provider rate-limit reply is retryable too', async () => {
    const { clock, server } = await setUp();
    const robot = createWecomRobotAdapter({ baseUrl: server.url, key: 'robot-key', clock: clock.now });
    for (let i = 0; i < 20; i += 1) await robot.send({ to: [], text: `m${i}` }, key);
    expect(await robot.send({ to: [], text: 'm20' }, key)).toMatchObject({ status: 'retryable', code: 'rate_limited', retryAfterMs: 60_000 });
    expect(server.received).toHaveLength(20);

    const other = createWecomRobotAdapter({ baseUrl: server.url, key: 'robot-key', clock: clock.now }); // own limiter, shared robot
    expect(await other.send({ to: [], text: 'x' }, key)).toMatchObject({ status: 'retryable', code: 'rate_limited', providerCode: '45009' });
  });
});

describe('WeCom test server', () => {
  it('can count the robot minute as calendar-aligned (the provider behaviour is unconfirmed)', async () => {
    const clock = createFakeClock(Date.parse('2025-03-03T01:00:59Z'));
    const server = await startWecomServer({ robotKey: 'robot-key', robotLimitPerMinute: 2, robotWindow: 'aligned', now: clock.now });
    servers.push(server);
    const robot = createWecomRobotAdapter({ baseUrl: server.url, key: 'robot-key', clock: clock.now, limiter: createRateLimiter([{ limit: 99, windowMs: 60_000 }]) });
    await robot.send({ to: [], text: 'a' }, key);
    await robot.send({ to: [], text: 'b' }, key);
    expect(await robot.send({ to: [], text: 'c' }, key)).toMatchObject({ providerCode: '45009' });
    clock.advance(1_000); // next calendar minute: a sliding window would still refuse
    expect((await robot.send({ to: [], text: 'c' }, key)).status).toBe('sent');
  });
});

describe('WeCom application message adapter', () => {
  const makeApp = (server: WecomTestServer, clock: () => number, extra: Partial<WecomAppOptions> = {}) =>
    createWecomAppAdapter({ baseUrl: server.url, ...corp, clock, ...extra });

  it('fetches a token once, caches it until near expiry, and sends with it', async () => {
    const { clock, server } = await setUp();
    const app = makeApp(server, clock.now);
    const first = await app.send({ to: 'zhangsan', text: '你有一项待办：审核 张三 的材料' }, key);
    expect(first.status).toBe('sent');
    if (first.status === 'sent') expect(first.providerMessageId).toMatch(/.+/);
    await app.send({ to: ['lisi', 'wangwu'], text: 'second' }, key);
    expect(server.tokenRequests).toBe(1);
    expect(server.delivered[1].body).toMatchObject({ touser: 'lisi|wangwu', agentid: 1000002, msgtype: 'text', text: { content: 'second' } });
    clock.advance(7200_000 - 5 * 60_000); // the adapter refreshes 5 minutes early
    await app.send({ to: 'zhangsan', text: 'third' }, key);
    expect(server.tokenRequests).toBe(2);
    expect(server.delivered).toHaveLength(3);
  });

  it('refetches the token once when WeCom says it expired', async () => {
    const { clock, server } = await setUp();
    const app = makeApp(server, clock.now);
    await app.send({ to: 'zhangsan', text: 'a' }, key);
    server.expireTokens();
    expect((await app.send({ to: 'zhangsan', text: 'b' }, key)).status).toBe('sent');
    expect(server.tokenRequests).toBe(2);
    expect(server.received.map((r) => r.error ?? 'ok')).toEqual(['ok', 'ok', '42001', 'ok', 'ok']);
  });

  it('reports invaliduser as rejected recipients, and all-invalid as permanent', async () => {
    const { clock, server } = await setUp();
    const app = makeApp(server, clock.now);
    expect(await app.send({ to: ['zhangsan', 'ghost'], text: 'x' }, key)).toMatchObject({ status: 'sent', rejectedRecipients: ['ghost'] });
    expect(await app.send({ to: ['ghost'], text: 'x' }, key)).toMatchObject({ status: 'permanent', code: 'invalid_recipient', providerCode: '81013' });
  });

  it('maps a wrong corp secret to a permanent config error', async () => {
    const { clock, server } = await setUp();
    const app = makeApp(server, clock.now, { corpSecret: 'wrong' });
    expect(await app.send({ to: 'zhangsan', text: 'x' }, key)).toMatchObject({ status: 'permanent', code: 'bad_config', providerCode: '40001' });
  });

  it('holds the 31st message a minute to one member, because WeCom would drop it silently', async () => {
    const { clock, server } = await setUp();
    const app = makeApp(server, clock.now);
    for (let i = 0; i < 30; i += 1) {
      expect((await app.send({ to: 'zhangsan', text: `m${i}` }, key)).status).toBe('sent');
      clock.advance(100);
    }
    expect(await app.send({ to: 'zhangsan', text: 'm30' }, key)).toMatchObject({ status: 'retryable', code: 'rate_limited', retryAfterMs: 57_000 });
    expect((await app.send({ to: 'lisi', text: 'other member' }, key)).status).toBe('sent');

    // Without the local limit the provider answers ok and drops the message: the reason it exists.
    const unguarded = makeApp(server, clock.now, { limiter: createRateLimiter([{ limit: 1000, windowMs: 60_000 }]) });
    expect((await unguarded.send({ to: 'zhangsan', text: 'lost' }, key)).status).toBe('sent');
    expect(server.received.at(-1)?.error).toBe('dropped');
  });

  it('asks WeCom to drop a duplicate resend within 30 minutes', async () => {
    const { clock, server } = await setUp();
    await makeApp(server, clock.now).send({ to: 'zhangsan', text: 'x' }, key);
    expect(server.delivered[0].body).toMatchObject({ enable_duplicate_check: 1, duplicate_check_interval: 1800 });
  });
});
