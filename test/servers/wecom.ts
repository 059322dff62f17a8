/**
 * Local WeCom server for tests (CHANNELS.md § WeCom): the group robot webhook and the
 * application-message API (gettoken + message/send) on one port.
 *
 *   const srv = await startWecomServer({ robotKey: 'k', corpId: 'ww1', corpSecret: 's', agentId: 1000002, members: ['zhangsan'] });
 *   createWecomRobotAdapter({ baseUrl: srv.url, key: 'k' });
 *   createWecomAppAdapter({ baseUrl: srv.url, corpId: 'ww1', corpSecret: 's', agentId: 1000002 });
 *   srv.delivered         // robot posts and app messages that reached someone
 *   srv.tokenRequests     // how many times gettoken was called
 *   srv.expireTokens()    // make every issued token invalid (answers 42001)
 *
 * Replies: robot 0 / 93000 invalid webhook url / 40058 content too long or bad body /
 * `robotRateLimitErrcode` (default 45009, unconfirmed) over 20 a minute. App: 40013 bad
 * corpid, 40001 bad secret, 40014 bad token, 42001 expired token, 40056 bad agentid,
 * 81013 all recipients invalid, 0 with `invaliduser` for some. Over a member's 30/min or
 * 1000/h the message is answered 0 but silently not delivered (`error: 'dropped'`), as WeCom does.
 */
import { randomBytes } from 'node:crypto';
import {
  createKeyedCounters,
  createWindowCounter,
  startJsonServer,
  type HttpTestServer,
  type IncomingRequest,
} from './http-harness.js';

export interface WecomServerOptions {
  robotKey?: string;
  robotLimitPerMinute?: number;
  robotRateLimitErrcode?: number;
  /** Whether the robot's minute is sliding or calendar-aligned (unconfirmed at WeCom). */
  robotWindow?: 'sliding' | 'aligned';
  corpId?: string;
  corpSecret?: string;
  agentId?: number;
  /** Valid member userids for app messages. */
  members?: string[];
  tokenTtlSeconds?: number;
  memberLimitPerMinute?: number;
  memberLimitPerHour?: number;
  now?: () => number;
}

export interface WecomTestServer extends HttpTestServer {
  readonly tokenRequests: number;
  expireTokens(): void;
}

const TEXT_MAX = 2048;
const MARKDOWN_MAX = 4096;
const fail = (errcode: number, errmsg: string) => ({ body: { errcode, errmsg }, error: String(errcode) });
const bytes = (s: string) => Buffer.byteLength(s, 'utf8');

/** Validates a text/markdown body; returns an error reply or the checked content. */
function checkContent(body: Record<string, unknown> | undefined): { errcode: number; errmsg: string } | null {
  if (!body || typeof body !== 'object') return { errcode: 40058, errmsg: 'invalid json' };
  if (body.msgtype === 'text') {
    const text = body.text as Record<string, unknown> | undefined;
    if (typeof text?.content !== 'string' || text.content.length === 0) return { errcode: 40058, errmsg: 'missing text.content' };
    if (bytes(text.content) > TEXT_MAX) return { errcode: 40058, errmsg: `content exceed max length ${TEXT_MAX}` };
    for (const field of ['mentioned_list', 'mentioned_mobile_list']) {
      const list = text[field];
      if (list !== undefined && !(Array.isArray(list) && list.every((x) => typeof x === 'string'))) {
        return { errcode: 40058, errmsg: `${field} must be a list of strings` };
      }
    }
    return null;
  }
  if (body.msgtype === 'markdown') {
    const md = body.markdown as Record<string, unknown> | undefined;
    if (typeof md?.content !== 'string' || md.content.length === 0) return { errcode: 40058, errmsg: 'missing markdown.content' };
    if (bytes(md.content) > MARKDOWN_MAX) return { errcode: 40058, errmsg: `content exceed max length ${MARKDOWN_MAX}` };
    return null;
  }
  return { errcode: 40008, errmsg: 'invalid message type' };
}

/** Starts the WeCom test server on 127.0.0.1 (random port). */
export async function startWecomServer(options: WecomServerOptions): Promise<WecomTestServer> {
  const now = options.now ?? Date.now;
  const robotCounter = createWindowCounter(60_000, options.robotLimitPerMinute ?? 20, options.robotWindow);
  const perMinute = createKeyedCounters(() => createWindowCounter(60_000, options.memberLimitPerMinute ?? 30));
  const perHour = createKeyedCounters(() => createWindowCounter(3_600_000, options.memberLimitPerHour ?? 1000));
  const tokens = new Map<string, number>(); // token → expiry (server clock)
  let tokenRequests = 0;

  const handleRobot = (req: IncomingRequest) => {
    if (req.method !== 'POST' || !options.robotKey || req.query.key !== options.robotKey) {
      return fail(93000, 'invalid webhook url, hint: check the key');
    }
    const problem = checkContent(req.body as Record<string, unknown> | undefined);
    if (problem) return fail(problem.errcode, problem.errmsg);
    if (!robotCounter.fits(req.now)) return fail(options.robotRateLimitErrcode ?? 45009, 'api freq out of limit');
    robotCounter.add(req.now);
    return { body: { errcode: 0, errmsg: 'ok' }, delivered: true };
  };

  const handleGetToken = (req: IncomingRequest) => {
    tokenRequests += 1;
    if (req.query.corpid !== options.corpId) return fail(40013, 'invalid corpid');
    if (req.query.corpsecret !== options.corpSecret) return fail(40001, 'invalid credential');
    const ttl = options.tokenTtlSeconds ?? 7200;
    const token = randomBytes(16).toString('hex');
    tokens.set(token, req.now + ttl * 1000);
    return { body: { errcode: 0, errmsg: 'ok', access_token: token, expires_in: ttl } };
  };

  const handleMessage = (req: IncomingRequest) => {
    const expiry = tokens.get(req.query.access_token ?? '');
    if (expiry === undefined) return fail(40014, 'invalid access_token');
    if (req.now >= expiry) return fail(42001, 'access_token expired');
    const body = req.body as Record<string, unknown> | undefined;
    if (body?.agentid !== options.agentId) return fail(40056, 'invalid agentid');
    const problem = checkContent(body);
    if (problem) return fail(problem.errcode, problem.errmsg);
    const users = String(body?.touser ?? '').split('|').filter(Boolean);
    const members = new Set(options.members ?? []);
    const valid = users.filter((u) => members.has(u));
    const invalid = users.filter((u) => !members.has(u));
    if (valid.length === 0) return fail(81013, 'user & party & tag all invalid');
    const msgid = randomBytes(12).toString('base64url');
    const answer = { errcode: 0, errmsg: 'ok', invaliduser: invalid.join('|'), invalidparty: '', invalidtag: '', msgid };
    // WeCom drops over-limit messages silently: the reply is still ok.
    const accepted = valid.filter((u) => perMinute(u).fits(req.now) && perHour(u).fits(req.now));
    for (const u of accepted) {
      perMinute(u).add(req.now);
      perHour(u).add(req.now);
    }
    return accepted.length > 0 ? { body: answer, delivered: true } : { body: answer, error: 'dropped' };
  };

  const server = await startJsonServer((req) => {
    if (req.path === '/cgi-bin/webhook/send') return handleRobot(req);
    if (req.path === '/cgi-bin/gettoken' && req.method === 'GET') return handleGetToken(req);
    if (req.path === '/cgi-bin/message/send' && req.method === 'POST') return handleMessage(req);
    return { status: 404, body: { errcode: 404, errmsg: 'not found' }, error: '404' };
  }, now);

  // defineProperties (not Object.assign) so the counter stays a live getter.
  return Object.defineProperties(server, {
    tokenRequests: { get: () => tokenRequests, enumerable: true },
    expireTokens: {
      value: () => {
        for (const token of tokens.keys()) tokens.set(token, -Infinity);
      },
    },
  }) as WecomTestServer;
}
