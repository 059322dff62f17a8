import ICAL from 'ical.js';
import { afterEach, describe, expect, it } from 'vitest';
import { createSmtpEmailAdapter, deriveMessageId, readSmtpOptionsFromUrl, type SmtpEmailOptions } from '../../src/adapters/channels/email.js';
import { buildMeetingInvite, deriveMeetingUid } from '../../src/adapters/channels/ics.js';
import type { ChannelAdapter } from '../../src/adapters/channels/types.js';
import { startSmtpServer, type SmtpServerOptions, type SmtpTestServer } from '../servers/smtp.js';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function setUp(serverOptions: SmtpServerOptions = {}, adapterOptions: Partial<SmtpEmailOptions> = {}) {
  const server: SmtpTestServer = await startSmtpServer(serverOptions);
  const adapter: ChannelAdapter = createSmtpEmailAdapter({
    host: server.host,
    port: server.port,
    ignoreTLS: true,
    from: 'Acme HR <hr@acme.cn>',
    connectionTimeoutMs: 2_000,
    greetingTimeoutMs: 2_000,
    socketTimeoutMs: 2_000,
    clock: () => Date.parse('2025-02-20T08:00:00Z'),
    ...adapterOptions,
  });
  cleanups.push(() => server.close(), async () => adapter.close?.());
  return { server, adapter };
}

const zhMessage = {
  to: 'zhangsan@example.com',
  subject: '欢迎加入 Acme：入职前须知',
  text: '张三你好，\n请在周五前上传材料。',
  html: '<p>张三你好，</p><p>请在<b>周五前</b>上传材料。</p>',
  locale: 'zh-CN',
};

describe('SMTP email adapter', () => {
  it('delivers subject, text and html exactly as given, with a Message-ID from the idempotency key', async () => {
    const { server, adapter } = await setUp();
    const result = await adapter.send(zhMessage, { idempotencyKey: 'outbox-1001' });
    expect(result).toEqual({ status: 'sent', providerMessageId: '<outbox-1001@acme.cn>' });
    expect(server.received).toHaveLength(1);
    const mail = server.received[0];
    expect(mail.envelope).toEqual({ from: 'hr@acme.cn', to: ['zhangsan@example.com'] });
    expect(mail.parsed.subject).toBe(zhMessage.subject);
    expect(mail.parsed.text?.trim()).toBe(zhMessage.text);
    expect(mail.parsed.html).toContain('请在<b>周五前</b>上传材料');
    expect(mail.messageId).toBe('<outbox-1001@acme.cn>');
    expect(mail.parsed.headers.get('x-preboard-idempotency-key')).toBe('outbox-1001');
    expect(mail.parsed.headers.get('content-language')).toBe('zh-CN');
    expect(mail.parsed.date?.toISOString()).toBe('2025-02-20T08:00:00.000Z');
  });

  it('sends English as English: the adapter never translates', async () => {
    const { server, adapter } = await setUp();
    await adapter.send(
      { to: 'john@example.com', subject: 'Welcome to Acme', text: 'Hi John, see you Monday.', locale: 'en-US' },
      { idempotencyKey: 'outbox-1002' },
    );
    expect(server.received[0].parsed.subject).toBe('Welcome to Acme');
    expect(server.received[0].parsed.text?.trim()).toBe('Hi John, see you Monday.');
    expect(server.received[0].parsed.headers.get('content-language')).toBe('en-US');
  });

  it('attaches the .ics invite so it parses with the right METHOD, UID, SEQUENCE, attendees and zone', async () => {
    const { server, adapter } = await setUp();
    const invite = buildMeetingInvite({
      uid: deriveMeetingUid('first-day-7'),
      sequence: 3,
      start: new Date('2025-03-10T01:30:00Z'),
      end: new Date('2025-03-10T03:00:00Z'),
      timeZone: 'Asia/Shanghai',
      summary: '入职第一天',
      organizer: { name: 'HR', email: 'hr@acme.cn' },
      candidate: { name: '张三', email: 'zhangsan@example.com' },
      manager: { email: 'wang@acme.cn' },
      hrbp: { email: 'li@acme.cn' },
      now: new Date('2025-02-20T08:00:00Z'),
    });
    const result = await adapter.send({ ...zhMessage, attachments: [invite.attachment] }, { idempotencyKey: 'outbox-1003' });
    expect(result.status).toBe('sent');

    const calendars = server.received[0].parsed.attachments.filter((a) => a.contentType === 'text/calendar');
    expect(calendars.length).toBeGreaterThanOrEqual(1);
    for (const part of calendars) {
      const contentType = part.headers.get('content-type') as { params?: Record<string, string> } | undefined;
      expect(contentType?.params?.method).toBe('REQUEST');
      const vcalendar = new ICAL.Component(ICAL.parse(part.content.toString('utf8')));
      const vevent = vcalendar.getFirstSubcomponent('vevent');
      if (!vevent) throw new Error('no VEVENT in attachment');
      const event = new ICAL.Event(vevent);
      expect(vcalendar.getFirstPropertyValue('method')).toBe('REQUEST');
      expect(event.uid).toBe('first-day-7@preboard.local');
      expect(event.sequence).toBe(3);
      expect(event.attendees.map((a) => String(a.getFirstValue()).toLowerCase())).toEqual([
        'mailto:zhangsan@example.com',
        'mailto:wang@acme.cn',
        'mailto:li@acme.cn',
      ]);
      expect(vevent.getFirstProperty('dtstart')?.getParameter('tzid')).toBe('Asia/Shanghai');
      expect(event.startDate.hour).toBe(9);
      expect(event.startDate.minute).toBe(30);
    }
  });

  it('carries the same Message-ID when a message is resent after the connection died mid-send', async () => {
    const { server, adapter } = await setUp({ dropFirst: 1, dropPhase: 'after-data' });
    const first = await adapter.send(zhMessage, { idempotencyKey: 'outbox-1004' });
    expect(first.status).toBe('retryable');
    const second = await adapter.send(zhMessage, { idempotencyKey: 'outbox-1004' });
    expect(second.status).toBe('sent');
    // The server holds both copies; receivers dedupe them because the ids match.
    expect(server.received.map((m) => m.messageId)).toEqual(['<outbox-1004@acme.cn>', '<outbox-1004@acme.cn>']);
    expect(server.received[0].droppedAfterData).toBe(true);
  });

  it('treats an SMTP 4xx as retryable', async () => {
    const { server, adapter } = await setUp({ rejectFirst: 1, rejectCode: 451, rejectPhase: 'data' });
    const result = await adapter.send(zhMessage, { idempotencyKey: 'outbox-1005' });
    expect(result).toMatchObject({ status: 'retryable', code: 'smtp_temporary', providerCode: '451' });
    if (result.status === 'retryable') expect(result.retryAfterMs).toBeGreaterThan(0);
    expect(server.received).toHaveLength(0);
    expect((await adapter.send(zhMessage, { idempotencyKey: 'outbox-1005' })).status).toBe('sent');
  });

  it('treats an SMTP 5xx as permanent', async () => {
    const { adapter } = await setUp({ rejectFirst: 2, rejectCode: 554, rejectPhase: 'data' });
    const result = await adapter.send(zhMessage, { idempotencyKey: 'outbox-1006' });
    expect(result).toMatchObject({ status: 'permanent', code: 'smtp_rejected', providerCode: '554' });
    const sender = await setUp({ rejectFirst: 1, rejectCode: 553, rejectPhase: 'mail' });
    const refused = await sender.adapter.send(zhMessage, { idempotencyKey: 'outbox-1006' });
    expect(refused).toMatchObject({ status: 'permanent', code: 'sender_rejected', providerCode: '553' });
  });

  it('reports a refused recipient as permanent, and a partly refused list as sent with the refusals', async () => {
    const { server, adapter } = await setUp({ rejectRecipients: ['gone@example.com'] });
    const alone = await adapter.send({ ...zhMessage, to: 'gone@example.com' }, { idempotencyKey: 'outbox-1007' });
    expect(alone).toMatchObject({ status: 'permanent', code: 'invalid_recipient', providerCode: '550' });
    const mixed = await adapter.send({ ...zhMessage, to: ['gone@example.com', 'ok@example.com'] }, { idempotencyKey: 'outbox-1008' });
    expect(mixed).toMatchObject({ status: 'sent', rejectedRecipients: ['gone@example.com'] });
    expect(server.received.map((m) => m.envelope.to)).toEqual([['ok@example.com']]);
  });

  it('treats a dropped connection and a refused connection as retryable', async () => {
    const { server, adapter } = await setUp({ dropFirst: 1, dropPhase: 'connect' });
    expect(await adapter.send(zhMessage, { idempotencyKey: 'outbox-1009' })).toMatchObject({ status: 'retryable', code: 'network' });
    expect((await adapter.send(zhMessage, { idempotencyKey: 'outbox-1009' })).status).toBe('sent');
    const port = server.port;
    await server.close();
    const closed = createSmtpEmailAdapter({ host: '127.0.0.1', port, ignoreTLS: true, from: 'hr@acme.cn', connectionTimeoutMs: 1_000 });
    expect(await closed.send(zhMessage, { idempotencyKey: 'outbox-1010' })).toMatchObject({ status: 'retryable', code: 'network' });
  });

  it('treats wrong SMTP credentials as a permanent config error', async () => {
    const { server } = await setUp({ auth: { user: 'preboard', pass: 'right' } });
    const wrong = createSmtpEmailAdapter({ host: server.host, port: server.port, ignoreTLS: true, from: 'hr@acme.cn', auth: { user: 'preboard', pass: 'wrong' } });
    expect(await wrong.send(zhMessage, { idempotencyKey: 'outbox-1011' })).toMatchObject({ status: 'permanent', code: 'bad_config' });
    const right = createSmtpEmailAdapter({ host: server.host, port: server.port, ignoreTLS: true, from: 'hr@acme.cn', auth: { user: 'preboard', pass: 'right' } });
    expect((await right.send(zhMessage, { idempotencyKey: 'outbox-1011' })).status).toBe('sent');
    expect(server.received).toHaveLength(1);
  });
});

describe('Message-ID and SMTP_URL helpers', () => {
  it('derives a stable, valid Message-ID for any key', () => {
    expect(deriveMessageId('outbox-1')).toBe('<outbox-1@preboard.local>');
    expect(deriveMessageId('outbox-1', 'acme.cn')).toBe(deriveMessageId('outbox-1', 'acme.cn'));
    const odd = deriveMessageId('org 1/msg <2>@x', 'acme.cn');
    expect(odd).toMatch(/^<k[0-9a-f]{40}@acme\.cn>$/);
    expect(odd).toBe(deriveMessageId('org 1/msg <2>@x', 'acme.cn'));
    expect(odd).not.toBe(deriveMessageId('org 1/msg <3>@x', 'acme.cn'));
  });

  it('reads SMTP_URL', () => {
    expect(readSmtpOptionsFromUrl('smtps://u%40x:p%3Aw@mail.acme.cn', 'hr@acme.cn')).toMatchObject({
      host: 'mail.acme.cn',
      port: 465,
      secure: true,
      auth: { user: 'u@x', pass: 'p:w' },
    });
    expect(readSmtpOptionsFromUrl('smtp://localhost:2525?ignoreTLS=true', 'hr@acme.cn')).toMatchObject({ port: 2525, secure: false, ignoreTLS: true });
  });
});
