/**
 * Feishu / Lark custom bot (staff groups): timestamp and signature in the body, text or a
 * markdown card, body ≤ 20 KB. Protocol: /work/shared/CHANNELS.md § Feishu.
 */
import { createHmac } from 'node:crypto';
import { isReply, requestJson } from './http-json.js';
import { createRateLimiter, PROVIDER_LIMITS, type RateLimiter } from './rate-limit.js';
import {
  buildPermanent,
  buildRetryable,
  buildSent,
  type ChannelAdapter,
  type ChannelMessage,
  type Clock,
  type SendResult,
} from './types.js';
import { measureUtf8, truncateUtf8 } from './utf8.js';

export interface FeishuBotOptions {
  /** Default `https://open.feishu.cn` (Lark: `https://open.larksuite.com`). */
  baseUrl?: string;
  /** The id at the end of the webhook URL (`/open-apis/bot/v2/hook/ID`). */
  hookId: string;
  /** Signing secret; omit only for a bot without signature verification. */
  secret?: string;
  clock?: Clock;
  limiter?: RateLimiter;
  /** Hint after errcode 11232 (rate limited by the provider despite the local limiter). */
  rateLimitedBackoffMs?: number;
  /** Bodies are kept at or under this many bytes (provider limit 20 KB). */
  maxBodyBytes?: number;
  timeoutMs?: number;
}

const MAX_BODY_BYTES = 20_000; // under 20 KB whichever way the provider counts a KB
const PERMANENT_CODES: Record<number, string> = {
  19021: 'bad_signature', // also a timestamp more than an hour off
  19022: 'ip_not_allowed',
  19024: 'keyword_missing',
  9499: 'bad_request',
};
const ERR_RATE_LIMITED = 11232;

/**
 * Signs a Feishu bot request: base64(HmacSHA256(key = timestamp + "\n" + secret, message = "")).
 * The key is the string-to-sign — the reverse of DingTalk.
 */
export function signFeishu(secret: string, timestampSeconds: number): string {
  return createHmac('sha256', `${timestampSeconds}\n${secret}`).update('').digest('base64');
}

function renderTextMentions(message: ChannelMessage): string {
  const ids = [...(message.mentions?.userIds ?? [])];
  if (message.mentions?.all) ids.push('all');
  return ids.map((id) => `<at user_id="${id}"></at>`).join(' ');
}

/** Builds the unsigned bot body: `text`, or an `interactive` card when markdown is given. */
export function buildFeishuContent(message: ChannelMessage, text: string): Record<string, unknown> {
  const mentions = renderTextMentions(message);
  if (message.markdown) {
    const cardMentions = mentions.replaceAll('user_id="', 'id=').replaceAll('"></at>', '></at>');
    const elements = [{ tag: 'markdown', content: cardMentions ? `${text}\n${cardMentions}` : text }];
    const header = message.subject ? { title: { tag: 'plain_text', content: message.subject } } : undefined;
    return { msg_type: 'interactive', card: header ? { header, elements } : { elements } };
  }
  return { msg_type: 'text', content: { text: mentions ? `${text}\n${mentions}` : text } };
}

/** Builds the body and shortens the text until the serialized body fits `maxBytes`. */
function buildFittingBody(message: ChannelMessage, extra: Record<string, unknown>, maxBytes: number): unknown {
  let text = message.markdown ?? message.text;
  for (;;) {
    const body = { ...extra, ...buildFeishuContent(message, text) };
    const size = measureUtf8(JSON.stringify(body));
    if (size <= maxBytes) return body;
    // JSON escaping makes the body grow faster than the text, so iterate until it fits.
    text = truncateUtf8(text, Math.max(0, measureUtf8(text) - (size - maxBytes) - 8));
  }
}

/**
 * Creates the Feishu custom-bot adapter. Consults the limiter (100/min and 5/s per bot);
 * 11232 → retryable; 19021/19022/19024/9499 → permanent.
 */
export function createFeishuBotAdapter(options: FeishuBotOptions): ChannelAdapter {
  const baseUrl = (options.baseUrl ?? 'https://open.feishu.cn').replace(/\/$/, '');
  const clock = options.clock ?? Date.now;
  const limiter = options.limiter ?? createRateLimiter(PROVIDER_LIMITS.feishuBot);
  const limiterKey = `feishu:${options.hookId}`;
  const url = `${baseUrl}/open-apis/bot/v2/hook/${encodeURIComponent(options.hookId)}`;

  return {
    channel: 'feishu-bot',
    async send(message): Promise<SendResult> {
      const now = clock();
      const decision = limiter.acquire(limiterKey, now);
      if (decision.kind === 'wait') {
        return buildRetryable('rate_limited', 'local limit of 100/min and 5/s per bot', decision.until - now);
      }
      const seconds = Math.floor(now / 1000);
      const auth = options.secret ? { timestamp: String(seconds), sign: signFeishu(options.secret, seconds) } : {};
      const body = buildFittingBody(message, auth, options.maxBodyBytes ?? MAX_BODY_BYTES);
      const outcome = await requestJson(url, { body, timeoutMs: options.timeoutMs });
      if (!isReply(outcome)) return outcome;
      // Newer replies use `code`/`msg`, older ones `StatusCode`/`StatusMessage`.
      const code = Number(outcome.json.code ?? outcome.json.StatusCode);
      const msg = String(outcome.json.msg ?? outcome.json.StatusMessage ?? '');
      if (code === 0) return buildSent(null);
      if (code === ERR_RATE_LIMITED) {
        return buildRetryable('rate_limited', msg, options.rateLimitedBackoffMs ?? 60_000, code);
      }
      return buildPermanent(PERMANENT_CODES[code] ?? 'bad_request', msg || `code ${code}`, code);
    },
  };
}
