/**
 * Email over SMTP (nodemailer): the candidate's main channel and a staff fallback.
 * The Message-ID comes from the idempotency key, so a resend after a crash carries the
 * same id and receiving systems (and our own dedupe) treat it as the same message.
 */
import { createHash } from 'node:crypto';
import nodemailer, { type Transporter } from 'nodemailer';
import type Mail from 'nodemailer/lib/mailer/index.js';
import type SMTPTransport from 'nodemailer/lib/smtp-transport/index.js';
import {
  buildPermanent,
  buildRetryable,
  buildSent,
  listRecipients,
  type ChannelAdapter,
  type ChannelMessage,
  type Clock,
  type SendResult,
} from './types.js';

export interface SmtpEmailOptions {
  host: string;
  port: number;
  /** Implicit TLS (port 465). Otherwise STARTTLS is used when the server offers it. */
  secure?: boolean;
  auth?: { user: string; pass: string };
  /** Envelope and header sender, e.g. `Acme HR <hr@acme.cn>`. */
  from: string;
  /** Refuse to send without STARTTLS. */
  requireTLS?: boolean;
  /** Never try STARTTLS (local test servers). */
  ignoreTLS?: boolean;
  /** Verify the server certificate (default true). */
  tlsRejectUnauthorized?: boolean;
  /** Right-hand side of Message-IDs; default the from-address domain, else `preboard.local`. */
  messageIdDomain?: string;
  /** Keep SMTP connections open between messages. */
  pool?: boolean;
  connectionTimeoutMs?: number;
  greetingTimeoutMs?: number;
  socketTimeoutMs?: number;
  /** Hint after a 4xx reply; connection errors use `networkRetryAfterMs`. */
  temporaryRetryAfterMs?: number;
  networkRetryAfterMs?: number;
  /** For the Date header. */
  clock?: Clock;
}

const MESSAGE_ID_SAFE = /^[A-Za-z0-9](?:[A-Za-z0-9_-]|\.(?!\.))*$/;
const NETWORK_CODES = new Set(['ECONNECTION', 'ETIMEDOUT', 'ESOCKET', 'EDNS', 'ECONNRESET', 'ECONNREFUSED', 'EPIPE']);

/**
 * Reads `smtp://user:pass@host:port` / `smtps://…` (the `SMTP_URL` env var) into options.
 * Query `?requireTLS=true` and `?ignoreTLS=true` are honoured.
 */
export function readSmtpOptionsFromUrl(url: string, from: string): SmtpEmailOptions {
  const parsed = new URL(url);
  const secure = parsed.protocol === 'smtps:';
  if (!secure && parsed.protocol !== 'smtp:') throw new Error(`SMTP_URL must be smtp:// or smtps://, got ${parsed.protocol}`);
  const options: SmtpEmailOptions = {
    host: parsed.hostname,
    port: parsed.port ? Number(parsed.port) : secure ? 465 : 587,
    secure,
    from,
    requireTLS: parsed.searchParams.get('requireTLS') === 'true',
    ignoreTLS: parsed.searchParams.get('ignoreTLS') === 'true',
  };
  if (parsed.username) {
    options.auth = { user: decodeURIComponent(parsed.username), pass: decodeURIComponent(parsed.password) };
  }
  return options;
}

/** Domain of an address like `Acme HR <hr@acme.cn>`, or null. */
function readDomain(address: string): string | null {
  const match = /@([A-Za-z0-9.-]+)>?\s*$/.exec(address);
  return match ? match[1].toLowerCase() : null;
}

/**
 * Deterministic Message-ID for an idempotency key: `<key@domain>` when the key is a valid
 * dot-atom, otherwise a SHA-256 digest of it, so any key yields a valid, stable id.
 */
export function deriveMessageId(idempotencyKey: string, domain = 'preboard.local'): string {
  const local = MESSAGE_ID_SAFE.test(idempotencyKey) && !idempotencyKey.endsWith('.')
    ? idempotencyKey
    : `k${createHash('sha256').update(idempotencyKey, 'utf8').digest('hex').slice(0, 40)}`;
  return `<${local}@${domain}>`;
}

/** Maps a nodemailer error to a result: 4xx and connection errors retry, 5xx do not. */
export function classifySmtpError(
  error: unknown,
  hints: { temporaryRetryAfterMs: number; networkRetryAfterMs: number },
): SendResult {
  const e = error as { code?: string; responseCode?: number; response?: string; message?: string; command?: string };
  const text = e.response ?? e.message ?? String(error);
  const code = e.responseCode;
  if (typeof code === 'number' && code >= 400 && code < 500) {
    return buildRetryable('smtp_temporary', text, hints.temporaryRetryAfterMs, code);
  }
  if (typeof code === 'number' && code >= 500) {
    if (e.code === 'EAUTH') return buildPermanent('bad_config', text, code);
    if (e.command === 'MAIL FROM') return buildPermanent('sender_rejected', text, code);
    if (e.command === 'RCPT TO' || e.code === 'EENVELOPE') return buildPermanent('invalid_recipient', text, code);
    return buildPermanent('smtp_rejected', text, code);
  }
  if (e.code === 'EENVELOPE') return buildPermanent('invalid_recipient', text);
  if (e.code === 'ETLS' || e.code === 'EAUTH') return buildPermanent('bad_config', text);
  if (e.code && NETWORK_CODES.has(e.code)) return buildRetryable('network', text, hints.networkRetryAfterMs);
  // An unknown failure without an SMTP reply is most likely transport trouble.
  return buildRetryable('network', text, hints.networkRetryAfterMs);
}

function toAddressList(list: Array<string | Mail.Address>): string[] {
  return list.map((a) => (typeof a === 'string' ? a : a.address)).filter((a): a is string => Boolean(a));
}

/** Builds the nodemailer message: headers, parts, and any .ics as a calendar alternative. */
function buildMailOptions(message: ChannelMessage, from: string, messageId: string, idempotencyKey: string, date: Date): Mail.Options {
  const attachments = [...(message.attachments ?? [])];
  const calendar = attachments.find((a) => a.contentType.toLowerCase().startsWith('text/calendar'));
  const headers: Record<string, string> = { 'X-Preboard-Idempotency-Key': idempotencyKey };
  if (message.locale) headers['Content-Language'] = message.locale;
  const mail: Mail.Options = {
    from,
    to: listRecipients(message.to),
    subject: message.subject ?? '',
    text: message.text,
    html: message.html,
    messageId,
    date,
    headers,
    attachments: attachments.map((a) => ({ filename: a.filename, contentType: a.contentType, content: a.content })),
  };
  if (calendar) {
    // The inline text/calendar alternative is what makes clients show Accept/Decline;
    // the attachment stays for clients that only save files.
    const method = /method=([A-Za-z]+)/i.exec(calendar.contentType)?.[1]?.toUpperCase() ?? 'REQUEST';
    mail.icalEvent = { method, content: calendar.content };
  }
  return mail;
}

/**
 * Creates the SMTP email adapter. Sets `Message-ID` from the idempotency key and an
 * `X-Preboard-Idempotency-Key` header; maps SMTP 4xx → retryable, 5xx → permanent,
 * connection errors → retryable.
 */
export function createSmtpEmailAdapter(options: SmtpEmailOptions): ChannelAdapter {
  const transportOptions: SMTPTransport.Options = {
    host: options.host,
    port: options.port,
    secure: options.secure ?? false,
    auth: options.auth,
    requireTLS: options.requireTLS,
    ignoreTLS: options.ignoreTLS,
    tls: { rejectUnauthorized: options.tlsRejectUnauthorized ?? true },
    connectionTimeout: options.connectionTimeoutMs ?? 30_000,
    greetingTimeout: options.greetingTimeoutMs ?? 30_000,
    socketTimeout: options.socketTimeoutMs ?? 60_000,
  };
  // Created lazily so that building the adapter does no I/O.
  let transport: Transporter<SMTPTransport.SentMessageInfo> | null = null;
  const readTransport = () =>
    (transport ??= options.pool
      ? nodemailer.createTransport({ ...transportOptions, pool: true } as SMTPTransport.Options)
      : nodemailer.createTransport(transportOptions));
  const domain = options.messageIdDomain ?? readDomain(options.from) ?? 'preboard.local';
  const clock = options.clock ?? Date.now;
  const hints = {
    temporaryRetryAfterMs: options.temporaryRetryAfterMs ?? 5 * 60_000,
    networkRetryAfterMs: options.networkRetryAfterMs ?? 60_000,
  };

  return {
    channel: 'email',
    async send(message, { idempotencyKey }): Promise<SendResult> {
      if (listRecipients(message.to).length === 0) return buildPermanent('invalid_recipient', 'no recipient address');
      const messageId = deriveMessageId(idempotencyKey, domain);
      const mail = buildMailOptions(message, options.from, messageId, idempotencyKey, new Date(clock()));
      try {
        const info = await readTransport().sendMail(mail);
        return buildSent(info.messageId || messageId, toAddressList(info.rejected ?? []));
      } catch (error) {
        return classifySmtpError(error, hints);
      }
    },
    async close() {
      transport?.close();
      transport = null;
    },
  };
}
