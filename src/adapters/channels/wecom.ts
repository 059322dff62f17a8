/**
 * WeCom (企业微信): the group robot (staff groups) and the application message (staff
 * members). Candidates are external contacts and are never reached here (DESIGN §4).
 * Protocol: /work/shared/CHANNELS.md § WeCom.
 */
import { isReply, requestJson } from './http-json.js';
import { createRateLimiter, PROVIDER_LIMITS, type RateLimiter } from './rate-limit.js';
import {
  buildPermanent,
  buildRetryable,
  buildSent,
  listRecipients,
  type ChannelAdapter,
  type ChannelMessage,
  type Clock,
  type RetryableResult,
  type PermanentResult,
  type SendResult,
} from './types.js';
import { splitUtf8, truncateUtf8 } from './utf8.js';

const DEFAULT_BASE_URL = 'https://qyapi.weixin.qq.com';
export const WECOM_TEXT_MAX_BYTES = 2048;
export const WECOM_MARKDOWN_MAX_BYTES = 4096;

// Error codes as commonly observed from WeCom; the rate-limit code for robots is unconfirmed.
const ERR_BUSY = -1;
const ERR_FREQ = new Set([45009, 45033]);
const ERR_TOKEN = new Set([40014, 42001]);
const ERR_ALL_RECIPIENTS_INVALID = 81013;
const ERR_CONFIG = new Set([40001, 40013, 40056, 40091, 60020, 93000]);

/** Maps a non-zero WeCom errcode shared by both APIs. */
function mapWecomError(errcode: number, errmsg: string, rateLimitedBackoffMs: number): RetryableResult | PermanentResult {
  const message = errmsg || `errcode ${errcode}`;
  if (ERR_FREQ.has(errcode)) return buildRetryable('rate_limited', message, rateLimitedBackoffMs, errcode);
  if (errcode === ERR_BUSY) return buildRetryable('provider_unavailable', message, 30_000, errcode);
  if (errcode === ERR_ALL_RECIPIENTS_INVALID) return buildPermanent('invalid_recipient', message, errcode);
  if (ERR_CONFIG.has(errcode)) return buildPermanent('bad_config', message, errcode);
  return buildPermanent('bad_request', message, errcode);
}

export interface WecomRobotOptions {
  /** Default `https://qyapi.weixin.qq.com`. */
  baseUrl?: string;
  /** The `key` from the robot's webhook URL. */
  key: string;
  clock?: Clock;
  limiter?: RateLimiter;
  /**
   * Text over 2048 bytes: `truncate` (default) keeps one message; `split` sends several parts
   * in order — a failure midway means a retry resends the earlier parts.
   */
  overflow?: 'truncate' | 'split';
  rateLimitedBackoffMs?: number;
  timeoutMs?: number;
}

/** Builds the robot bodies for a message: one, or several when splitting long text. */
export function buildWecomRobotBodies(message: ChannelMessage, overflow: 'truncate' | 'split' = 'truncate'): unknown[] {
  if (message.markdown) {
    // Markdown mentions go inline as <@userid>; mentioned_list is a text-only field.
    const inline = (message.mentions?.userIds ?? []).map((id) => `<@${id}>`).join(' ');
    const content = inline ? `${message.markdown}\n${inline}` : message.markdown;
    return [{ msgtype: 'markdown', markdown: { content: truncateUtf8(content, WECOM_MARKDOWN_MAX_BYTES) } }];
  }
  const mentionedList = [...(message.mentions?.userIds ?? [])];
  if (message.mentions?.all) mentionedList.push('@all');
  const mentionedMobileList = [...(message.mentions?.mobiles ?? [])];
  const parts =
    overflow === 'split'
      ? splitUtf8(message.text, WECOM_TEXT_MAX_BYTES)
      : [truncateUtf8(message.text, WECOM_TEXT_MAX_BYTES)];
  return parts.map((content, index) => {
    const text: Record<string, unknown> = { content };
    // Mention once, on the last part, so people are pinged when the whole text is there.
    if (index === parts.length - 1) {
      if (mentionedList.length > 0) text.mentioned_list = mentionedList;
      if (mentionedMobileList.length > 0) text.mentioned_mobile_list = mentionedMobileList;
    }
    return { msgtype: 'text', text };
  });
}

/**
 * Creates the WeCom group-robot adapter: `POST /cgi-bin/webhook/send?key=KEY`, limited
 * locally to 20 messages a minute per robot.
 */
export function createWecomRobotAdapter(options: WecomRobotOptions): ChannelAdapter {
  const baseUrl = (options.baseUrl ?? DEFAULT_BASE_URL).replace(/\/$/, '');
  const clock = options.clock ?? Date.now;
  const limiter = options.limiter ?? createRateLimiter(PROVIDER_LIMITS.wecomRobot);
  const backoff = options.rateLimitedBackoffMs ?? 60_000;
  const url = `${baseUrl}/cgi-bin/webhook/send?key=${encodeURIComponent(options.key)}`;

  return {
    channel: 'wecom-robot',
    async send(message): Promise<SendResult> {
      const bodies = buildWecomRobotBodies(message, options.overflow);
      const now = clock();
      if (bodies.length > PROVIDER_LIMITS.wecomRobot[0].limit) {
        return buildPermanent('too_large', `text needs ${bodies.length} parts, more than a minute's budget`);
      }
      // All parts are reserved at once so the local limiter never stops a message halfway.
      const decision = limiter.acquire(`wecom-robot:${options.key}`, now, bodies.length);
      if (decision.kind === 'wait') {
        return buildRetryable('rate_limited', 'local limit of 20 messages a minute per robot', decision.until - now);
      }
      for (const body of bodies) {
        const outcome = await requestJson(url, { body, timeoutMs: options.timeoutMs });
        if (!isReply(outcome)) return outcome;
        const errcode = Number(outcome.json.errcode);
        if (errcode !== 0) return mapWecomError(errcode, String(outcome.json.errmsg ?? ''), backoff);
      }
      return buildSent(null);
    },
  };
}

export interface WecomAppOptions {
  baseUrl?: string;
  corpId: string;
  corpSecret: string;
  agentId: number;
  clock?: Clock;
  /** Per-member limiter (30/min and 1000/h): WeCom drops the excess silently, so it must be local. */
  limiter?: RateLimiter;
  /**
   * Seconds for WeCom's own duplicate check (same content to the same member is dropped
   * within the interval) — a cheap guard against a resend after a crash. 0 disables it.
   */
  duplicateCheckSeconds?: number;
  /** Refresh the token this long before WeCom says it expires. */
  tokenRefreshMarginMs?: number;
  rateLimitedBackoffMs?: number;
  timeoutMs?: number;
}

interface CachedToken {
  token: string;
  expiresAt: number;
}

/**
 * Creates the WeCom application-message adapter. `message.to` lists member userids.
 * The access token is cached until shortly before expiry and refetched once when WeCom
 * reports it invalid or expired. A reply naming some `invaliduser`s still counts as sent,
 * with those listed in `rejectedRecipients`; when all are invalid it is permanent.
 */
export function createWecomAppAdapter(options: WecomAppOptions): ChannelAdapter & { readonly tokenFetches: number } {
  const baseUrl = (options.baseUrl ?? DEFAULT_BASE_URL).replace(/\/$/, '');
  const clock = options.clock ?? Date.now;
  const limiter = options.limiter ?? createRateLimiter(PROVIDER_LIMITS.wecomAppMember);
  const margin = options.tokenRefreshMarginMs ?? 5 * 60_000;
  const backoff = options.rateLimitedBackoffMs ?? 60_000;
  const duplicateCheckSeconds = options.duplicateCheckSeconds ?? 1800;
  let cached: CachedToken | null = null;
  let pending: Promise<CachedToken | RetryableResult | PermanentResult> | null = null;
  let tokenFetches = 0;

  const fetchToken = async (): Promise<CachedToken | RetryableResult | PermanentResult> => {
    tokenFetches += 1;
    const url =
      `${baseUrl}/cgi-bin/gettoken?corpid=${encodeURIComponent(options.corpId)}` +
      `&corpsecret=${encodeURIComponent(options.corpSecret)}`;
    const outcome = await requestJson(url, { method: 'GET', timeoutMs: options.timeoutMs });
    if (!isReply(outcome)) return outcome;
    const errcode = Number(outcome.json.errcode ?? 0);
    if (errcode !== 0) return mapWecomError(errcode, String(outcome.json.errmsg ?? ''), backoff);
    const token = String(outcome.json.access_token ?? '');
    const expiresIn = Number(outcome.json.expires_in ?? 7200);
    if (!token) return buildPermanent('bad_response', 'gettoken answered without access_token');
    return { token, expiresAt: clock() + expiresIn * 1000 - margin };
  };

  // Concurrent sends share one in-flight gettoken instead of each fetching a token.
  const readToken = async (): Promise<CachedToken | RetryableResult | PermanentResult> => {
    if (cached && clock() < cached.expiresAt) return cached;
    pending ??= fetchToken().finally(() => {
      pending = null;
    });
    const result = await pending;
    if ('token' in result) cached = result;
    return result;
  };

  const postMessage = async (token: string, body: unknown) =>
    requestJson(`${baseUrl}/cgi-bin/message/send?access_token=${encodeURIComponent(token)}`, {
      body,
      timeoutMs: options.timeoutMs,
    });

  return {
    channel: 'wecom-app',
    get tokenFetches() {
      return tokenFetches;
    },
    async send(message): Promise<SendResult> {
      const users = listRecipients(message.to);
      if (users.length === 0) return buildPermanent('invalid_recipient', 'no recipient userid');
      const now = clock();
      const keys = users.map((u) => `wecom-app:${options.corpId}:${options.agentId}:${u}`);
      // Check every member before recording any, so a refusal leaves no partial bookkeeping.
      const waits = keys.map((k) => limiter.check(k, now)).filter((d) => d.kind === 'wait');
      if (waits.length > 0) {
        const until = Math.max(...waits.map((d) => (d.kind === 'wait' ? d.until : now)));
        return buildRetryable('rate_limited', 'member limit of 30/min or 1000/h reached', until - now);
      }
      for (const key of keys) limiter.acquire(key, now);

      const body: Record<string, unknown> = {
        touser: users.join('|'),
        toparty: '',
        totag: '',
        agentid: options.agentId,
        safe: 0,
        enable_duplicate_check: duplicateCheckSeconds > 0 ? 1 : 0,
        duplicate_check_interval: duplicateCheckSeconds > 0 ? duplicateCheckSeconds : 1800,
      };
      if (message.markdown) {
        body.msgtype = 'markdown';
        body.markdown = { content: truncateUtf8(message.markdown, WECOM_MARKDOWN_MAX_BYTES) };
      } else {
        body.msgtype = 'text';
        body.text = { content: truncateUtf8(message.text, WECOM_TEXT_MAX_BYTES) };
      }

      for (let attempt = 0; ; attempt += 1) {
        const token = await readToken();
        if (!('token' in token)) return token;
        const outcome = await postMessage(token.token, body);
        if (!isReply(outcome)) return outcome;
        const errcode = Number(outcome.json.errcode);
        const errmsg = String(outcome.json.errmsg ?? '');
        if (ERR_TOKEN.has(errcode) && attempt === 0) {
          cached = null;
          continue;
        }
        if (errcode !== 0) return mapWecomError(errcode, errmsg, backoff);
        const invalid = String(outcome.json.invaliduser ?? '').split('|').filter(Boolean);
        if (users.every((u) => invalid.includes(u))) {
          return buildPermanent('invalid_recipient', `no valid member among ${users.join(', ')}`);
        }
        const msgid = outcome.json.msgid;
        return buildSent(typeof msgid === 'string' && msgid ? msgid : null, invalid);
      }
    },
  };
}
