import { createHmac } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { createFeishuBotAdapter, signFeishu, type FeishuBotOptions } from '../../src/adapters/channels/feishu.js';
import { startFeishuServer, type FeishuServerOptions, type FeishuTestServer } from '../servers/feishu.js';
import { createFakeClock } from './fake-clock.js';

const servers: FeishuTestServer[] = [];
afterEach(async () => {
  for (const s of servers.splice(0)) await s.close();
});

async function setUp(serverOptions: Partial<FeishuServerOptions> = {}, adapterOptions: Partial<FeishuBotOptions> = {}) {
  const clock = createFakeClock();
  const server = await startFeishuServer({ hookId: 'hook-1', secret: 'fs-secret', now: clock.now, ...serverOptions });
  servers.push(server);
  const adapter = createFeishuBotAdapter({ baseUrl: server.url, hookId: 'hook-1', secret: 'fs-secret', clock: clock.now, ...adapterOptions });
  return { clock, server, adapter };
}

const key = { idempotencyKey: 'outbox-1' };

describe('Feishu bot adapter', () => {
  it('puts the timestamp in seconds and the signature in the body, and the server accepts it', async () => {
    const { clock, server, adapter } = await setUp();
    const result = await adapter.send({ to: [], text: '张三 明天入职，请准备工位', mentions: { userIds: ['ou_abc'] } }, key);
    expect(result).toEqual({ status: 'sent', providerMessageId: null });
    const seconds = String(Math.floor(clock.now() / 1000));
    expect(server.delivered[0].body).toEqual({
      timestamp: seconds,
      sign: createHmac('sha256', `${seconds}\nfs-secret`).update('').digest('base64'),
      msg_type: 'text',
      content: { text: '张三 明天入职，请准备工位\n<at user_id="ou_abc"></at>' },
    });
  });

  it('is refused when signed the DingTalk way (key and message swapped): the server checks the key order', async () => {
    const { clock, server } = await setUp();
    const seconds = String(Math.floor(clock.now() / 1000));
    const swapped = createHmac('sha256', 'fs-secret').update(`${seconds}\nfs-secret`).digest('base64');
    expect(swapped).not.toBe(signFeishu('fs-secret', Number(seconds)));
    const response = await fetch(`${server.url}/open-apis/bot/v2/hook/hook-1`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ timestamp: seconds, sign: swapped, msg_type: 'text', content: { text: 'x' } }),
    });
    expect(await response.json()).toMatchObject({ code: 19021 });
  });

  it('gets a permanent failure with a wrong secret or a stale timestamp', async () => {
    const { clock, server, adapter } = await setUp({}, { secret: 'wrong' });
    expect(await adapter.send({ to: [], text: 'x' }, key)).toMatchObject({ status: 'permanent', code: 'bad_signature', providerCode: '19021' });
    const stale = createFeishuBotAdapter({ baseUrl: server.url, hookId: 'hook-1', secret: 'fs-secret', clock: () => clock.now() + 3_700_000 });
    expect(await stale.send({ to: [], text: 'x' }, key)).toMatchObject({ status: 'permanent', providerCode: '19021' });
    expect(server.received.map((r) => r.error)).toEqual(['19021', 'stale_timestamp']);
    expect(server.delivered).toHaveLength(0);
  });

  it('gets a permanent failure when the keyword is missing', async () => {
    const { adapter } = await setUp({ keywords: ['入职'] });
    expect(await adapter.send({ to: [], text: 'hello' }, key)).toMatchObject({ status: 'permanent', code: 'keyword_missing', providerCode: '19024' });
  });

  it('renders markdown as a card with a title', async () => {
    const { server, adapter } = await setUp();
    await adapter.send({ to: [], subject: '每日摘要', text: 'fallback', markdown: '**3** 位候选人待跟进' }, key);
    expect(server.delivered[0].body).toMatchObject({
      msg_type: 'interactive',
      card: { header: { title: { tag: 'plain_text', content: '每日摘要' } }, elements: [{ tag: 'markdown', content: '**3** 位候选人待跟进' }] },
    });
  });

  it('keeps the body under 20 KB by shortening the text; the server refuses bigger bodies with 9499', async () => {
    const { server, adapter } = await setUp();
    const huge = '入职材料"清单"\n'.repeat(3_000); // ~57 KB of text, with characters JSON escapes
    expect((await adapter.send({ to: [], text: huge }, key)).status).toBe('sent');
    expect(Buffer.byteLength(server.delivered[0].rawBody)).toBeLessThanOrEqual(20_000);
    const text = (server.delivered[0].body as { content: { text: string } }).content.text;
    expect(huge.startsWith(text.slice(0, -1))).toBe(true);

    const response = await fetch(`${server.url}/open-apis/bot/v2/hook/hook-1`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ msg_type: 'text', content: { text: 'x'.repeat(21_000) } }),
    });
    expect(await response.json()).toMatchObject({ code: 9499 });
  });

  it('holds the 6th message within a second locally', async () => {
    const { clock, server, adapter } = await setUp();
    for (let i = 0; i < 5; i += 1) expect((await adapter.send({ to: [], text: `m${i}` }, key)).status).toBe('sent');
    clock.advance(300);
    expect(await adapter.send({ to: [], text: 'm5' }, key)).toMatchObject({ status: 'retryable', code: 'rate_limited', retryAfterMs: 700 });
    expect(server.received).toHaveLength(5);
    clock.advance(700);
    expect((await adapter.send({ to: [], text: 'm5' }, key)).status).toBe('sent');
  });

  it('maps the provider rate limit 11232 to retryable', async () => {
    const { adapter } = await setUp({ limitPerSecond: 1 });
    await adapter.send({ to: [], text: 'a' }, key);
    expect(await adapter.send({ to: [], text: 'b' }, key)).toMatchObject({ status: 'retryable', code: 'rate_limited', providerCode: '11232', retryAfterMs: 60_000 });
  });

  it('maps an unknown hook to permanent', async () => {
    const { server } = await setUp();
    const adapter = createFeishuBotAdapter({ baseUrl: server.url, hookId: 'nope', secret: 'fs-secret', clock: createFakeClock().now });
    expect(await adapter.send({ to: [], text: 'x' }, key)).toMatchObject({ status: 'permanent', providerCode: '19001' });
  });
});
