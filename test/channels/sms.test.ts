import { afterEach, describe, expect, it } from 'vitest';
import { createAliyunSmsAdapter, encodeRfc3986, signAliyunRpc, type AliyunSmsOptions } from '../../src/adapters/channels/sms.js';
import { startSmsServer, type SmsServerOptions, type SmsTestServer } from '../servers/sms.js';
import { createFakeClock } from './fake-clock.js';

const servers: SmsTestServer[] = [];
afterEach(async () => {
  for (const s of servers.splice(0)) await s.close();
});

async function setUp(serverOptions: Partial<SmsServerOptions> = {}, adapterOptions: Partial<AliyunSmsOptions> = {}) {
  const clock = createFakeClock(Date.parse('2025-03-03T02:00:00Z')); // 10:00 in China
  const server = await startSmsServer({ accessKeyId: 'LTAI-test', accessKeySecret: 'sms-secret', now: clock.now, ...serverOptions });
  servers.push(server);
  const adapter = createAliyunSmsAdapter({
    baseUrl: server.url,
    accessKeyId: 'LTAI-test',
    accessKeySecret: 'sms-secret',
    signName: '阿里云短信测试',
    templates: { notice: 'SMS_100001', loginCode: 'SMS_100002' },
    clock: clock.now,
    ...adapterOptions,
  });
  return { clock, server, adapter };
}

const notice = { kind: 'notice' as const, to: '13800138000', sender: 'Acme', link: 'https://preboard.acme.cn/p/abc' };

describe('Aliyun RPC signature', () => {
  it("reproduces Aliyun's published example (testSecret → zJDF+Lrzhj/ThnlvIToysFRq6t4=)", () => {
    const params = {
      AccessKeyId: 'testId', Action: 'SendSms', Format: 'XML', OutId: '123', PhoneNumbers: '15300000001',
      RegionId: 'cn-hangzhou', SignName: '阿里云短信测试专用', SignatureMethod: 'HMAC-SHA1',
      SignatureNonce: '45e25e9b-0a6f-4070-8c85-2956eda1b466', SignatureVersion: '1.0', TemplateCode: 'SMS_71390007',
      TemplateParam: '{"customer":"test"}', Timestamp: '2017-07-12T02:42:19Z', Version: '2017-05-25',
    };
    expect(signAliyunRpc('GET', params, 'testSecret')).toBe('zJDF+Lrzhj/ThnlvIToysFRq6t4=');
    expect(encodeRfc3986("a b*~'()!")).toBe('a%20b%2A~%27%28%29%21');
  });
});

describe('Aliyun SMS adapter', () => {
  it('sends a signed SendSms for a notice, and the server verified the signature', async () => {
    const { server, adapter } = await setUp();
    const result = await adapter.send(notice, { idempotencyKey: 'outbox-77' });
    expect(result.status).toBe('sent');
    if (result.status === 'sent') expect(result.providerMessageId).toMatch(/\^0$/);
    const q = server.delivered[0].query;
    expect(q).toMatchObject({
      Action: 'SendSms', Version: '2017-05-25', PhoneNumbers: '13800138000', SignName: '阿里云短信测试',
      TemplateCode: 'SMS_100001', OutId: 'outbox-77', Timestamp: '2025-03-03T02:00:00Z', SignatureMethod: 'HMAC-SHA1',
    });
    expect(JSON.parse(q.TemplateParam)).toEqual({ sender: 'Acme', link: 'https://preboard.acme.cn/p/abc' });
  });

  it('sends a login code with its own template', async () => {
    const { server, adapter } = await setUp();
    await adapter.send({ kind: 'login-code', to: '+8613800138000', code: '482913' }, { idempotencyKey: 'otp-1' });
    expect(server.delivered[0].query).toMatchObject({ TemplateCode: 'SMS_100002', TemplateParam: '{"code":"482913"}' });
  });

  it('gets a permanent failure with the wrong secret (the server checks)', async () => {
    const { server, adapter } = await setUp({}, { accessKeySecret: 'wrong' });
    expect(await adapter.send(notice, { idempotencyKey: 'k' })).toMatchObject({ status: 'permanent', code: 'bad_signature', providerCode: 'SignatureDoesNotMatch' });
    expect(server.delivered).toHaveLength(0);
  });

  it('maps isv.BUSINESS_LIMIT_CONTROL to retryable until the daily quota resets (midnight in China)', async () => {
    const { adapter, server } = await setUp({ limitPerNumber: 2 });
    await adapter.send(notice, { idempotencyKey: 'a' });
    await adapter.send(notice, { idempotencyKey: 'b' });
    const limited = await adapter.send(notice, { idempotencyKey: 'c' });
    // 10:00 China time → 14 hours to midnight.
    expect(limited).toMatchObject({ status: 'retryable', code: 'rate_limited', providerCode: 'isv.BUSINESS_LIMIT_CONTROL', retryAfterMs: 14 * 3_600_000 });
    expect(server.delivered).toHaveLength(2);
  });

  it('uses a minute back-off when the minute-level quota trips', async () => {
    const { adapter } = await setUp({ limitPerNumber: 1, limitWindowMs: 60_000, limitMessage: '触发分钟级流控Permits:1' });
    await adapter.send(notice, { idempotencyKey: 'a' });
    expect(await adapter.send(notice, { idempotencyKey: 'b' })).toMatchObject({ status: 'retryable', retryAfterMs: 60_000 });
  });

  it('refuses a replayed nonce and a stale timestamp', async () => {
    const { clock, server } = await setUp();
    const fixedNonce = createAliyunSmsAdapter({
      baseUrl: server.url, accessKeyId: 'LTAI-test', accessKeySecret: 'sms-secret', signName: 'S',
      templates: { notice: 'SMS_1', loginCode: 'SMS_2' }, clock: clock.now, createNonce: () => 'same-nonce',
    });
    expect((await fixedNonce.send(notice, { idempotencyKey: 'a' })).status).toBe('sent');
    expect(await fixedNonce.send(notice, { idempotencyKey: 'a' })).toMatchObject({ status: 'retryable', providerCode: 'SignatureNonceUsed' });
    const skewed = createAliyunSmsAdapter({
      baseUrl: server.url, accessKeyId: 'LTAI-test', accessKeySecret: 'sms-secret', signName: 'S',
      templates: { notice: 'SMS_1', loginCode: 'SMS_2' }, clock: () => clock.now() - 20 * 60_000,
    });
    expect(await skewed.send(notice, { idempotencyKey: 'b' })).toMatchObject({ status: 'permanent', providerCode: 'InvalidTimeStamp.Expired' });
  });

  it('refuses malformed messages locally and an illegal number at the provider', async () => {
    const { server, adapter } = await setUp();
    expect(await adapter.send({ ...notice, link: 'javascript:alert(1)' }, { idempotencyKey: 'a' })).toMatchObject({ status: 'permanent', code: 'bad_request' });
    expect(await adapter.send({ kind: 'login-code', to: '13800138000', code: '12ab' }, { idempotencyKey: 'a' })).toMatchObject({ status: 'permanent', code: 'bad_request' });
    expect(await adapter.send({ ...notice, to: 'not a phone' }, { idempotencyKey: 'a' })).toMatchObject({ status: 'permanent', code: 'invalid_recipient' });
    expect(server.received).toHaveLength(0);
    expect(await adapter.send({ ...notice, to: '12345678' }, { idempotencyKey: 'a' })).toMatchObject({ status: 'permanent', code: 'invalid_recipient', providerCode: 'isv.MOBILE_NUMBER_ILLEGAL' });
  });
});
