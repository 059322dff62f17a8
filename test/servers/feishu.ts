/**
 * Local Feishu / Lark custom-bot server for tests (CHANNELS.md § Feishu). Verifies the
 * in-body timestamp (seconds) and signature (HmacSHA256 keyed by "timestamp\nsecret" over
 * an empty message), the body size and shape, the keyword, and 100/min + 5/s.
 *
 *   const srv = await startFeishuServer({ hookId: 'h1', secret: 's' });
 *   createFeishuBotAdapter({ baseUrl: srv.url, hookId: 'h1', secret: 's' });
 *
 * Replies (`{code, msg, data}`): 0 success; 19021 bad signature or stale timestamp;
 * 19024 keyword missing; 9499 bad request (shape, or body over `maxBodyBytes`);
 * 11232 rate limited; 19001 unknown hook.
 */
import { createHmac } from 'node:crypto';
import { createWindowCounter, startJsonServer, type HttpTestServer, type IncomingRequest } from './http-harness.js';

export interface FeishuServerOptions {
  hookId: string;
  /** When set, requests must be signed with it. */
  secret?: string;
  keywords?: string[];
  limitPerMinute?: number;
  limitPerSecond?: number;
  /** Default 20 KB (20 × 1024; whether Feishu counts 1000 or 1024 is unconfirmed). */
  maxBodyBytes?: number;
  maxSkewSeconds?: number;
  now?: () => number;
}

export type FeishuTestServer = HttpTestServer;

const reply = (code: number, msg: string, error?: string) => ({ body: { code, msg, data: {} }, error: error ?? String(code) });

/** Written from the documentation independently of the adapter. */
function computeSign(secret: string, timestamp: string): string {
  return createHmac('sha256', `${timestamp}\n${secret}`).digest('base64');
}

/** Text a keyword check can look at, or null when the shape is wrong for the msg_type. */
function readContent(body: Record<string, unknown>): string | null {
  if (body.msg_type === 'text') {
    const content = body.content as { text?: unknown } | undefined;
    return typeof content?.text === 'string' && content.text.length > 0 ? content.text : null;
  }
  if (body.msg_type === 'interactive') {
    const card = body.card as { elements?: unknown } | undefined;
    return card && Array.isArray(card.elements) ? JSON.stringify(card) : null;
  }
  if (body.msg_type === 'post') {
    const content = body.content as { post?: unknown } | undefined;
    return content?.post && typeof content.post === 'object' ? JSON.stringify(content.post) : null;
  }
  return null;
}

/** Starts the Feishu bot test server on 127.0.0.1 (random port). */
export async function startFeishuServer(options: FeishuServerOptions): Promise<FeishuTestServer> {
  const now = options.now ?? Date.now;
  const perMinute = createWindowCounter(60_000, options.limitPerMinute ?? 100);
  const perSecond = createWindowCounter(1_000, options.limitPerSecond ?? 5);
  const maxBodyBytes = options.maxBodyBytes ?? 20 * 1024;
  const maxSkewSeconds = options.maxSkewSeconds ?? 3600;

  const handle = (req: IncomingRequest) => {
    if (req.method !== 'POST' || req.path !== `/open-apis/bot/v2/hook/${options.hookId}`) {
      return reply(19001, 'param invalid: incoming webhook access token invalid');
    }
    if (Buffer.byteLength(req.rawBody, 'utf8') > maxBodyBytes) {
      return { status: 400, ...reply(9499, `Bad Request: body exceeds ${maxBodyBytes} bytes`, 'too_large') };
    }
    const body = req.body as Record<string, unknown> | undefined;
    if (!body || typeof body !== 'object') return { status: 400, ...reply(9499, 'Bad Request') };
    if (options.secret !== undefined) {
      const { timestamp, sign } = body;
      const seconds = typeof timestamp === 'string' && /^\d{10}$/.test(timestamp) ? Number(timestamp) : NaN;
      if (!(Math.abs(req.now / 1000 - seconds) <= maxSkewSeconds)) {
        return reply(19021, 'sign match fail or timestamp is not within one hour from current time', 'stale_timestamp');
      }
      if (sign !== computeSign(options.secret, timestamp as string)) {
        return reply(19021, 'sign match fail or timestamp is not within one hour from current time');
      }
    }
    const content = readContent(body);
    if (content === null) return { status: 400, ...reply(9499, 'Bad Request: msg_type and content do not match') };
    if (options.keywords && !options.keywords.some((k) => content.includes(k))) {
      return reply(19024, 'Key Words Not Found');
    }
    if (!perSecond.fits(req.now) || !perMinute.fits(req.now)) {
      return reply(11232, 'frequency limited psm[lark.oapi.app_platform_runtime]');
    }
    perSecond.add(req.now);
    perMinute.add(req.now);
    return { body: { code: 0, msg: 'success', data: {} }, delivered: true };
  };

  return startJsonServer(handle, now);
}
