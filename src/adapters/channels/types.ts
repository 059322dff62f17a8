/**
 * The contract between the durable dispatcher and every channel adapter.
 *
 * An adapter never throws for a provider failure: it classifies it. The dispatcher
 * retries only `retryable` results (after `retryAfterMs` at the earliest) and records
 * `permanent` ones as failed, so the classification is the adapter's main job.
 */

/** Milliseconds since the Unix epoch. Injected so tests control time. */
export type Clock = () => number;

/** A file attached to an email (the .ics invite is one). */
export interface ChannelAttachment {
  filename: string;
  /** Full MIME type including parameters, e.g. `text/calendar; method=REQUEST`. */
  contentType: string;
  content: string | Buffer;
}

/** People to @-mention in a staff group (robots and bots only). */
export interface ChannelMentions {
  /** Provider user ids (WeCom userid, DingTalk userId, Feishu open_id). */
  userIds?: readonly string[];
  /** Mobile numbers, where the provider supports mentioning by mobile. */
  mobiles?: readonly string[];
  all?: boolean;
}

/**
 * One outbound message. Each adapter reads the fields that make sense for it and
 * ignores the rest (a group robot posts to its group, so it ignores `to`).
 */
export interface ChannelMessage {
  /** Email address(es), WeCom userid(s), or phone number(s), depending on the channel. */
  to: string | readonly string[];
  subject?: string;
  /** Plain text: always present, the fallback every channel can show. */
  text: string;
  html?: string;
  /** Markdown for IM channels that render it (WeCom, DingTalk, Feishu). */
  markdown?: string;
  attachments?: readonly ChannelAttachment[];
  mentions?: ChannelMentions;
  /** BCP 47 tag of the text as given (`zh-CN`, `en-US`); adapters never translate. */
  locale?: string;
}

export interface SendOptions {
  /**
   * Stable across retries of the same logical message (the outbox row id). Email puts it
   * in `Message-ID` so receivers drop a resend after a crash; IM providers have no such
   * field, so for them delivery is at-least-once.
   */
  idempotencyKey: string;
}

export interface SentResult {
  status: 'sent';
  /** The provider's id for the message, or null when the provider returns none. */
  providerMessageId: string | null;
  /** Recipients the provider refused while delivering to the others (WeCom `invaliduser`, SMTP partial reject). */
  rejectedRecipients?: string[];
}

export interface RetryableResult {
  status: 'retryable';
  /** Stable machine code: `rate_limited`, `network`, `provider_unavailable`, … */
  code: string;
  message: string;
  /** Earliest sensible retry, relative to the adapter's clock. */
  retryAfterMs: number;
  /** The provider's own error code, when it gave one. */
  providerCode?: string;
}

export interface PermanentResult {
  status: 'permanent';
  /** Stable machine code: `bad_signature`, `bad_config`, `invalid_recipient`, `bad_request`, … */
  code: string;
  message: string;
  providerCode?: string;
}

export type SendResult = SentResult | RetryableResult | PermanentResult;

/** What the dispatcher calls. `M` lets SMS take its own template-based message type. */
export interface ChannelAdapter<M = ChannelMessage> {
  /** Channel name for logs and the notification log row (`email`, `wecom-robot`, …). */
  readonly channel: string;
  send(message: M, options: SendOptions): Promise<SendResult>;
  /** Release sockets/pools; safe to call twice. */
  close?(): Promise<void>;
}

/** Builds a `sent` result. */
export function buildSent(providerMessageId: string | null, rejectedRecipients?: string[]): SentResult {
  return rejectedRecipients && rejectedRecipients.length > 0
    ? { status: 'sent', providerMessageId, rejectedRecipients }
    : { status: 'sent', providerMessageId };
}

/** Builds a `retryable` result; a negative or fractional hint is normalised to whole ms ≥ 0. */
export function buildRetryable(
  code: string,
  message: string,
  retryAfterMs: number,
  providerCode?: string | number,
): RetryableResult {
  const result: RetryableResult = {
    status: 'retryable',
    code,
    message,
    retryAfterMs: Math.max(0, Math.ceil(retryAfterMs)),
  };
  if (providerCode !== undefined) result.providerCode = String(providerCode);
  return result;
}

/** Builds a `permanent` result. */
export function buildPermanent(code: string, message: string, providerCode?: string | number): PermanentResult {
  const result: PermanentResult = { status: 'permanent', code, message };
  if (providerCode !== undefined) result.providerCode = String(providerCode);
  return result;
}

/** Normalises `to` to a list without blanks. */
export function listRecipients(to: string | readonly string[]): string[] {
  return (typeof to === 'string' ? [to] : [...to]).map((s) => s.trim()).filter((s) => s.length > 0);
}
