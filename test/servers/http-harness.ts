/**
 * Plumbing shared by the provider test servers (WeCom, DingTalk, Feishu, SMS): a node:http
 * server on 127.0.0.1 with a free port, request recording, and failure injection for
 * crash tests. Each provider server only implements its checks and replies.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request as the server saw it, with what it answered. */
export interface RecordedRequest {
  /** Server clock (the `now` option) when the request arrived. */
  at: number;
  method: string;
  path: string;
  query: Record<string, string>;
  headers: Record<string, string | string[] | undefined>;
  rawBody: string;
  /** Parsed JSON body, or undefined when the body was not JSON. */
  body: unknown;
  status: number;
  reply: unknown;
  /** True when the provider would have delivered the message. */
  delivered: boolean;
  /** Set when the server refused or dropped it: the provider error code, `dropped`, or `injected`. */
  error?: string;
}

/** What a provider handler answers. `delivered` marks an actual delivery. */
export interface HandlerReply {
  status?: number;
  body: unknown;
  delivered?: boolean;
  error?: string;
}

export interface IncomingRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  headers: IncomingMessage['headers'];
  rawBody: string;
  body: unknown;
  now: number;
}

/** Modes for `failNext`: a 500 reply, or closing the socket without any reply. */
export type InjectedFailure = 'http-500' | 'drop';

/** Common handle returned by every provider test server. */
export interface HttpTestServer {
  /** Base URL to give the adapter, e.g. `http://127.0.0.1:41234`. */
  url: string;
  port: number;
  /** Every request, in arrival order, including refused ones. */
  received: RecordedRequest[];
  /** Only the requests that delivered a message. */
  readonly delivered: RecordedRequest[];
  /** Make the next `count` requests fail before any check (for retry and crash tests). */
  failNext(count: number, mode?: InjectedFailure): void;
  close(): Promise<void>;
}

/**
 * Starts a JSON-over-HTTP test server with `handle` deciding each reply.
 * @param now the server's clock (ms); pass the same fake clock as the adapter
 */
export async function startJsonServer(
  handle: (request: IncomingRequest) => HandlerReply,
  now: () => number,
): Promise<HttpTestServer> {
  const received: RecordedRequest[] = [];
  const injected: InjectedFailure[] = [];

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      const rawBody = Buffer.concat(chunks).toString('utf8');
      let body: unknown;
      try {
        body = rawBody ? JSON.parse(rawBody) : undefined;
      } catch {
        body = undefined;
      }
      const request: IncomingRequest = {
        method: req.method ?? 'GET',
        path: url.pathname,
        query: Object.fromEntries(url.searchParams),
        headers: req.headers,
        rawBody,
        body,
        now: now(),
      };
      const record = (status: number, reply: unknown, delivered: boolean, error?: string) =>
        received.push({ ...request, at: request.now, status, reply, delivered, ...(error ? { error } : {}) });

      const failure = injected.shift();
      if (failure === 'drop') {
        record(0, undefined, false, 'dropped');
        req.socket.destroy();
        return;
      }
      if (failure === 'http-500') {
        record(500, 'injected failure', false, 'injected');
        res.writeHead(500, { 'content-type': 'text/plain' }).end('injected failure');
        return;
      }
      let reply: HandlerReply;
      try {
        reply = handle(request);
      } catch (error) {
        reply = { status: 500, body: { error: String(error) }, error: 'handler_crash' };
      }
      const status = reply.status ?? 200;
      record(status, reply.body, reply.delivered ?? false, reply.error);
      res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' }).end(JSON.stringify(reply.body));
    });
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    received,
    get delivered() {
      return received.filter((r) => r.delivered);
    },
    failNext(count, mode = 'http-500') {
      for (let i = 0; i < count; i += 1) injected.push(mode);
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        // Keep-alive sockets from fetch would otherwise hold close() open.
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

/**
 * Counts events in windows the way a provider might: `sliding` (any W-long span) or
 * `aligned` (calendar minutes/seconds) — CHANNELS.md leaves WeCom's unconfirmed.
 */
export function createWindowCounter(windowMs: number, limit: number, mode: 'sliding' | 'aligned' = 'sliding') {
  const times: number[] = [];
  const inWindow = (t: number, now: number) =>
    mode === 'sliding' ? t > now - windowMs : Math.floor(t / windowMs) === Math.floor(now / windowMs);
  return {
    /** True when another event fits at `now`. */
    fits(now: number): boolean {
      return times.filter((t) => inWindow(t, now)).length < limit;
    },
    add(now: number): void {
      times.push(now);
    },
  };
}

/** Keyed window counters, created on first use. */
export function createKeyedCounters(make: () => ReturnType<typeof createWindowCounter>) {
  const counters = new Map<string, ReturnType<typeof createWindowCounter>>();
  return (key: string) => {
    let counter = counters.get(key);
    if (!counter) counters.set(key, (counter = make()));
    return counter;
  };
}
