/**
 * DingTalk custom robot (staff groups): signed webhook, text or markdown, @-mentions.
 * Protocol: /work/shared/CHANNELS.md § DingTalk.
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

export interface DingtalkRobotOptions {
  /** Default `https://oapi.dingtalk.com`; tests point it at the local server. */
  baseUrl?: string;
  accessToken: string;
  /** The robot's signing secret (`SEC…`). */
  secret: string;
  clock?: Clock;
  /** Share one limiter per process so all senders on a robot count together. */
  limiter?: RateLimiter;
  /** Back-off after errcode 130101: DingTalk throttles the robot for 10 minutes. */
  throttleBackoffMs?: number;
  timeoutMs?: number;
}

const THROTTLE_BACKOFF_MS = 10 * 60_000;
const ERR_THROTTLED = 130101;
const ERR_SIGN = 310000;
const ERR_BUSY = -1;

/**
 * Signs a DingTalk robot request: base64(HmacSHA256(key = secret, message = timestamp + "\n" + secret)).
 * Returned un-encoded; the caller URL-encodes it into the query.
 */
export function signDingtalk(secret: string, timestampMs: number): string {
  return createHmac('sha256', secret).update(`${timestampMs}\n${secret}`, 'utf8').digest('base64');
}

/** Builds the robot request body from a channel message. */
export function buildDingtalkBody(message: ChannelMessage): Record<string, unknown> {
  const mobiles = [...(message.mentions?.mobiles ?? [])];
  const at = {
    atMobiles: mobiles,
    atUserIds: [...(message.mentions?.userIds ?? [])],
    isAtAll: message.mentions?.all ?? false,
  };
  // DingTalk only highlights a mention when "@mobile" also appears in the content.
  const mentionText = mobiles
    .filter((m) => !(message.markdown ?? message.text).includes(`@${m}`))
    .map((m) => `@${m}`)
    .join(' ');
  const withMentions = (content: string): string => (mentionText ? `${content}\n${mentionText}` : content);
  if (message.markdown) {
    const title = message.subject ?? message.text.split('\n')[0].slice(0, 64);
    return { msgtype: 'markdown', markdown: { title, text: withMentions(message.markdown) }, at };
  }
  return { msgtype: 'text', text: { content: withMentions(message.text) }, at };
}

/**
 * Creates the DingTalk custom-robot adapter. Consults the limiter (20/min per robot) before
 * calling; errcode 130101 → retryable after ~10 minutes; 310000 (signature, keyword, IP) → permanent.
 */
export function createDingtalkRobotAdapter(options: DingtalkRobotOptions): ChannelAdapter {
  const baseUrl = (options.baseUrl ?? 'https://oapi.dingtalk.com').replace(/\/$/, '');
  const clock = options.clock ?? Date.now;
  const limiter = options.limiter ?? createRateLimiter(PROVIDER_LIMITS.dingtalkRobot);
  const throttleBackoffMs = options.throttleBackoffMs ?? THROTTLE_BACKOFF_MS;
  const limiterKey = `dingtalk:${options.accessToken}`;

  return {
    channel: 'dingtalk-robot',
    async send(message): Promise<SendResult> {
      const now = clock();
      const decision = limiter.acquire(limiterKey, now);
      if (decision.kind === 'wait') {
        return buildRetryable('rate_limited', 'local limit of 20 messages a minute per robot', decision.until - now);
      }
      const sign = encodeURIComponent(signDingtalk(options.secret, now));
      const url =
        `${baseUrl}/robot/send?access_token=${encodeURIComponent(options.accessToken)}` +
        `&timestamp=${now}&sign=${sign}`;
      const outcome = await requestJson(url, { body: buildDingtalkBody(message), timeoutMs: options.timeoutMs });
      if (!isReply(outcome)) return outcome;
      const errcode = Number(outcome.json.errcode);
      const errmsg = String(outcome.json.errmsg ?? '');
      if (errcode === 0) return buildSent(null);
      if (errcode === ERR_THROTTLED) return buildRetryable('rate_limited', errmsg, throttleBackoffMs, errcode);
      if (errcode === ERR_BUSY) return buildRetryable('provider_unavailable', errmsg, 30_000, errcode);
      if (errcode === ERR_SIGN) return buildPermanent('bad_signature', errmsg, errcode);
      return buildPermanent('bad_request', errmsg || `errcode ${errcode}`, errcode);
    },
  };
}
