/**
 * SMS to candidates: only a short notice with a link, or a login code — Chinese providers
 * forbid recruitment content in templates (CHANNELS.md § SMS), so the message type cannot
 * carry free text. Implementation: Aliyun dysmsapi `SendSms` with the RPC signature.
 */
import { createHash, createHmac, randomUUID } from 'node:crypto';
import { isReply, requestJson } from './http-json.js';
import {
  buildPermanent,
  buildRetryable,
  buildSent,
  type ChannelAdapter,
  type Clock,
  type PermanentResult,
  type RetryableResult,
  type SendResult,
} from './types.js';

/** The only two things Preboard sends by SMS. */
export type SmsMessage =
  | {
      kind: 'notice';
      /** Mobile number (`13800138000`, `+8613800138000`). */
      to: string;
      /** Who the new message is from, short (company or person), ≤ 20 characters. */
      sender: string;
      /** Portal link to open; https (http only for local tests). */
      link: string;
    }
  | { kind: 'login-code'; to: string; code: string };

/** Any SMS provider; the dispatcher treats it like every other channel. */
export type SmsAdapter = ChannelAdapter<SmsMessage>;

export interface AliyunSmsOptions {
  /** Default `https://dysmsapi.aliyuncs.com`. */
  baseUrl?: string;
  accessKeyId: string;
  accessKeySecret: string;
  /** Approved signature name (签名). */
  signName: string;
  /** Approved template codes; notice takes `${sender}` and `${link}`, login code `${code}`. */
  templates: { notice: string; loginCode: string };
  regionId?: string;
  clock?: Clock;
  /** SignatureNonce source; injectable so tests can replay a nonce. */
  createNonce?: () => string;
  timeoutMs?: number;
}

/** RFC 3986 percent-encoding as Aliyun's RPC signature wants it (`~` kept, `*` → `%2A`). */
export function encodeRfc3986(value: string): string {
  return encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** Sorted, RFC 3986-encoded query string of `params` (without `Signature`). */
export function buildCanonicalQuery(params: Record<string, string>): string {
  return Object.keys(params)
    .filter((k) => k !== 'Signature')
    .sort()
    .map((k) => `${encodeRfc3986(k)}=${encodeRfc3986(params[k])}`)
    .join('&');
}

/**
 * Aliyun RPC signature: Base64(HMAC-SHA1(secret + "&", METHOD + "&%2F&" + enc(canonical query))).
 */
export function signAliyunRpc(method: 'GET' | 'POST', params: Record<string, string>, secret: string): string {
  const stringToSign = `${method}&${encodeRfc3986('/')}&${encodeRfc3986(buildCanonicalQuery(params))}`;
  return createHmac('sha1', `${secret}&`).update(stringToSign, 'utf8').digest('base64');
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const CHINA_OFFSET_MS = 8 * HOUR;

/** Over-limit answers say which window tripped; daily quotas reset at midnight China time. */
function estimateLimitWait(message: string, now: number): number {
  if (/分钟|minute/i.test(message)) return MINUTE;
  if (/天|day/i.test(message)) {
    const local = now + CHINA_OFFSET_MS;
    return Math.ceil((local + 1) / (24 * HOUR)) * 24 * HOUR - local;
  }
  return HOUR;
}

const PERMANENT: Record<string, string> = {
  SignatureDoesNotMatch: 'bad_signature',
  IncompleteSignature: 'bad_signature',
  'InvalidAccessKeyId.NotFound': 'bad_config',
  'InvalidAccessKeyId.Inactive': 'bad_config',
  'InvalidTimeStamp.Expired': 'bad_config',
  'isv.SMS_SIGNATURE_ILLEGAL': 'bad_config',
  'isv.SMS_TEMPLATE_ILLEGAL': 'bad_config',
  'isv.TEMPLATE_MISSING_PARAMETERS': 'bad_config',
  'isv.AMOUNT_NOT_ENOUGH': 'bad_config',
  'isv.MOBILE_NUMBER_ILLEGAL': 'invalid_recipient',
  'isv.MOBILE_COUNT_OVER_LIMIT': 'invalid_recipient',
};
const RETRYABLE = new Set(['SignatureNonceUsed', 'Throttling', 'Throttling.User', 'isp.SYSTEM_ERROR', 'ServiceUnavailable']);

/** Maps an Aliyun `Code` to a result; exported for the dispatcher's error log wording. */
export function mapAliyunCode(code: string, message: string, now: number): RetryableResult | PermanentResult {
  if (code === 'isv.BUSINESS_LIMIT_CONTROL') return buildRetryable('rate_limited', message, estimateLimitWait(message, now), code);
  if (RETRYABLE.has(code)) return buildRetryable('provider_unavailable', message, 30_000, code);
  return buildPermanent(PERMANENT[code] ?? 'bad_request', message || code, code);
}

/** Checks the message is one of the two allowed shapes; returns a reason when it is not. */
function findInvalidField(message: SmsMessage): string | null {
  if (!/^\+?\d{6,15}$/.test(message.to.replace(/[\s-]/g, ''))) return 'to is not a phone number';
  if (message.kind === 'login-code') return /^\d{4,8}$/.test(message.code) ? null : 'code must be 4-8 digits';
  if (message.sender.length === 0 || message.sender.length > 20) return 'sender must be 1-20 characters';
  try {
    const url = new URL(message.link);
    return url.protocol === 'https:' || url.protocol === 'http:' ? null : 'link must be http(s)';
  } catch {
    return 'link is not a URL';
  }
}

/** OutId lets a delivery receipt be matched to the outbox row; long keys are hashed to fit. */
function toOutId(idempotencyKey: string): string {
  return idempotencyKey.length <= 64 ? idempotencyKey : createHash('sha256').update(idempotencyKey).digest('hex').slice(0, 32);
}

/**
 * Creates the Aliyun SMS adapter (`SendSms`, version 2017-05-25, GET with RPC signature).
 * `isv.BUSINESS_LIMIT_CONTROL` → retryable with a hint matching the tripped window.
 */
export function createAliyunSmsAdapter(options: AliyunSmsOptions): SmsAdapter {
  const baseUrl = (options.baseUrl ?? 'https://dysmsapi.aliyuncs.com').replace(/\/$/, '');
  const clock = options.clock ?? Date.now;
  const createNonce = options.createNonce ?? randomUUID;

  return {
    channel: 'sms-aliyun',
    async send(message, { idempotencyKey }): Promise<SendResult> {
      const invalid = findInvalidField(message);
      if (invalid) return buildPermanent(invalid.startsWith('to ') ? 'invalid_recipient' : 'bad_request', invalid);
      const now = clock();
      const templateParam =
        message.kind === 'notice' ? { sender: message.sender, link: message.link } : { code: message.code };
      const params: Record<string, string> = {
        AccessKeyId: options.accessKeyId,
        Action: 'SendSms',
        Format: 'JSON',
        RegionId: options.regionId ?? 'cn-hangzhou',
        SignatureMethod: 'HMAC-SHA1',
        SignatureNonce: createNonce(),
        SignatureVersion: '1.0',
        Timestamp: new Date(now).toISOString().replace(/\.\d{3}Z$/, 'Z'),
        Version: '2017-05-25',
        PhoneNumbers: message.to.replace(/[\s-]/g, ''),
        SignName: options.signName,
        TemplateCode: message.kind === 'notice' ? options.templates.notice : options.templates.loginCode,
        TemplateParam: JSON.stringify(templateParam),
        OutId: toOutId(idempotencyKey),
      };
      const signature = signAliyunRpc('GET', params, options.accessKeySecret);
      const url = `${baseUrl}/?Signature=${encodeRfc3986(signature)}&${buildCanonicalQuery(params)}`;
      const outcome = await requestJson(url, { method: 'GET', timeoutMs: options.timeoutMs });
      if (!isReply(outcome)) return outcome;
      const code = String(outcome.json.Code ?? '');
      if (code === 'OK') return buildSent(typeof outcome.json.BizId === 'string' ? outcome.json.BizId : null);
      return mapAliyunCode(code, String(outcome.json.Message ?? ''), now);
    },
  };
}
