/**
 * Local DingTalk custom-robot server for tests (CHANNELS.md § DingTalk). Verifies the
 * signature and timestamp exactly as DingTalk documents them, the body shape, the optional
 * keyword, and the 20-a-minute limit with its 10-minute throttle.
 *
 *   const srv = await startDingtalkServer({ accessToken: 't', secret: 'SEC1' });
 *   createDingtalkRobotAdapter({ baseUrl: srv.url, accessToken: 't', secret: 'SEC1' });
 *   srv.delivered[0].body // { msgtype: 'text', text: { content }, at }
 *   await srv.close();
 *
 * Replies: 0 ok; 310000 sign not match / invalid timestamp / keywords not in content;
 * 130101 send too fast; 300005 token is not exist; 40035 bad body (code unconfirmed).
 */
import { createHmac } from 'node:crypto';
import { createWindowCounter, startJsonServer, type HttpTestServer, type IncomingRequest } from './http-harness.js';

export interface DingtalkServerOptions {
  accessToken: string;
  secret: string;
  /** If set, the content must contain one of these (the robot's keyword security setting). */
  keywords?: string[];
  /** Messages a minute before throttling (DingTalk: 20). */
  limitPerMinute?: number;
  /** How long the robot stays throttled once over the limit (DingTalk: 10 minutes). */
  throttleMs?: number;
  /** Largest accepted |server time − timestamp| (DingTalk: one hour). */
  maxSkewMs?: number;
  /** Server clock in ms; default Date.now. */
  now?: () => number;
}

export type DingtalkTestServer = HttpTestServer;

const reply = (errcode: number, errmsg: string, error?: string) => ({ body: { errcode, errmsg }, error: error ?? String(errcode) });

/** Independent implementation of the documented signature, so adapter bugs are not mirrored. */
function computeSign(secret: string, timestamp: string): string {
  return createHmac('sha256', secret).update(`${timestamp}\n${secret}`).digest('base64');
}

function readContent(body: Record<string, unknown>): string | null {
  if (body.msgtype === 'text') {
    const text = body.text as { content?: unknown } | undefined;
    return typeof text?.content === 'string' && text.content.length > 0 ? text.content : null;
  }
  if (body.msgtype === 'markdown') {
    const md = body.markdown as { title?: unknown; text?: unknown } | undefined;
    return typeof md?.title === 'string' && typeof md.text === 'string' && md.text.length > 0 ? `${md.title}\n${md.text}` : null;
  }
  return null;
}

function isValidAt(at: unknown): boolean {
  if (at === undefined) return true;
  if (typeof at !== 'object' || at === null) return false;
  const { atMobiles, atUserIds, isAtAll } = at as Record<string, unknown>;
  const isStringList = (v: unknown) => v === undefined || (Array.isArray(v) && v.every((x) => typeof x === 'string'));
  return isStringList(atMobiles) && isStringList(atUserIds) && (isAtAll === undefined || typeof isAtAll === 'boolean');
}

/** Starts the DingTalk robot test server on 127.0.0.1 (random port). */
export async function startDingtalkServer(options: DingtalkServerOptions): Promise<DingtalkTestServer> {
  const now = options.now ?? Date.now;
  const counter = createWindowCounter(60_000, options.limitPerMinute ?? 20);
  const throttleMs = options.throttleMs ?? 10 * 60_000;
  const maxSkewMs = options.maxSkewMs ?? 3_600_000;
  let throttledUntil = -Infinity;

  const handle = (req: IncomingRequest) => {
    if (req.method !== 'POST' || req.path !== '/robot/send') return { status: 404, body: { errcode: 404, errmsg: 'not found' }, error: '404' };
    if (req.query.access_token !== options.accessToken) return reply(300005, 'token is not exist');
    const { timestamp, sign } = req.query;
    if (!timestamp || !/^\d{13}$/.test(timestamp) || Math.abs(req.now - Number(timestamp)) > maxSkewMs) {
      return reply(310000, 'invalid timestamp', 'stale_timestamp');
    }
    // URLSearchParams already decoded `sign`; an un-encoded "+" arrives as a space and fails here, as at DingTalk.
    if (sign !== computeSign(options.secret, timestamp)) {
      return reply(310000, 'sign not match, more: [https://ding-doc.dingtalk.com/doc#/serverapi2/qf2nxq]');
    }
    const isJson = String(req.headers['content-type'] ?? '').includes('application/json');
    const body = req.body as Record<string, unknown> | undefined;
    const content = isJson && body && typeof body === 'object' ? readContent(body) : null;
    if (content === null || !isValidAt(body?.at)) return reply(40035, 'invalid parameter: json body');
    if (options.keywords && !options.keywords.some((k) => content.includes(k))) {
      return reply(310000, 'keywords not in content', 'keyword_missing');
    }
    if (req.now < throttledUntil) return reply(130101, 'send too fast, exceed 20 times per minute');
    if (!counter.fits(req.now)) {
      throttledUntil = req.now + throttleMs;
      return reply(130101, 'send too fast, exceed 20 times per minute');
    }
    counter.add(req.now);
    return { body: { errcode: 0, errmsg: 'ok' }, delivered: true };
  };

  return startJsonServer(handle, now);
}
