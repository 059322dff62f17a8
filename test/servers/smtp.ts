/**
 * Local SMTP server for tests: a real `smtp-server` on 127.0.0.1 (random port, no TLS)
 * whose accepted messages are parsed with `mailparser` before the client gets its 250, so
 * `received` is complete as soon as `send()` resolves.
 *
 *   const srv = await startSmtpServer({ rejectFirst: 1, rejectCode: 451 });
 *   createSmtpEmailAdapter({ host: srv.host, port: srv.port, ignoreTLS: true, from: 'hr@acme.cn' });
 *   srv.received[0].parsed.subject
 *   await srv.close();
 *
 * Failure injection (for retry and crash tests):
 * - `rejectFirst` + `rejectCode` + `rejectPhase`: the first N transactions are answered
 *   with that code at MAIL FROM, RCPT TO or end of DATA (e.g. 451 → retryable, 550 → permanent).
 * - `dropFirst` + `dropPhase`: the first N connections are cut without a reply, either on
 *   connect or after the whole message was received ('after-data': the server HAS the
 *   message, the client sees a failure — the case Message-ID dedupe exists for).
 * - `rejectRecipients`: addresses always refused with 550 at RCPT TO.
 */
import type { Socket } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer, type SMTPServerSession } from 'smtp-server';

export interface SmtpServerOptions {
  rejectFirst?: number;
  /** SMTP reply code for `rejectFirst`; default 451. */
  rejectCode?: number;
  rejectPhase?: 'mail' | 'rcpt' | 'data';
  dropFirst?: number;
  dropPhase?: 'connect' | 'after-data';
  rejectRecipients?: string[];
  /** When set, clients must AUTH with these credentials. */
  auth?: { user: string; pass: string };
}

export interface ReceivedMail {
  envelope: { from: string; to: string[] };
  /** The raw RFC 5322 message as received. */
  raw: string;
  parsed: ParsedMail;
  /** Parsed Message-ID header (with angle brackets), or undefined. */
  messageId: string | undefined;
  /** True when this message was received but the connection was then dropped. */
  droppedAfterData: boolean;
}

export interface SmtpTestServer {
  host: string;
  port: number;
  /** Every message whose DATA completed, in order (including ones dropped after DATA). */
  received: ReceivedMail[];
  /** Connections opened and MAIL FROM transactions started so far. */
  readonly connections: number;
  readonly transactions: number;
  close(): Promise<void>;
}

function smtpError(code: number, message: string): Error & { responseCode: number } {
  return Object.assign(new Error(message), { responseCode: code });
}

/** Starts the SMTP test server. */
export async function startSmtpServer(options: SmtpServerOptions = {}): Promise<SmtpTestServer> {
  const received: ReceivedMail[] = [];
  const sockets = new Map<number, Socket>(); // by client port: sessions know remotePort
  const rejectRecipients = new Set((options.rejectRecipients ?? []).map((a) => a.toLowerCase()));
  let connections = 0;
  let transactions = 0;
  const rejectPhase = options.rejectPhase ?? 'data';
  const dropPhase = options.dropPhase ?? 'connect';

  // Decided per transaction at MAIL FROM, so a rejection in any phase counts once.
  const rejecting = new WeakMap<SMTPServerSession, boolean>();
  const rejection = () => smtpError(options.rejectCode ?? 451, `${options.rejectCode ?? 451} injected rejection`);
  const drop = (session: SMTPServerSession) => {
    const socket = sockets.get(session.remotePort);
    setImmediate(() => socket?.destroy());
  };

  const server = new SMTPServer({
    authOptional: !options.auth,
    disabledCommands: options.auth ? ['STARTTLS'] : ['STARTTLS', 'AUTH'],
    allowInsecureAuth: true,
    disableReverseLookup: true,
    logger: false,
    onAuth(auth, _session, callback) {
      if (options.auth && auth.username === options.auth.user && auth.password === options.auth.pass) {
        callback(null, { user: auth.username });
      } else {
        callback(smtpError(535, 'Authentication credentials invalid'));
      }
    },
    onConnect(session, callback) {
      connections += 1;
      if (dropPhase === 'connect' && connections <= (options.dropFirst ?? 0)) {
        drop(session);
        return;
      }
      callback();
    },
    onMailFrom(_address, session, callback) {
      transactions += 1;
      const reject = transactions <= (options.rejectFirst ?? 0);
      rejecting.set(session, reject);
      callback(reject && rejectPhase === 'mail' ? rejection() : undefined);
    },
    onRcptTo(address, session, callback) {
      if (rejectRecipients.has(address.address.toLowerCase())) {
        callback(smtpError(550, `5.1.1 <${address.address}>: mailbox unavailable`));
        return;
      }
      callback(rejecting.get(session) && rejectPhase === 'rcpt' ? rejection() : undefined);
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        if (rejecting.get(session) && rejectPhase === 'data') {
          callback(rejection());
          return;
        }
        const raw = Buffer.concat(chunks);
        simpleParser(raw).then(
          (parsed) => {
            const dropNow = dropPhase === 'after-data' && transactions <= (options.dropFirst ?? 0);
            received.push({
              envelope: {
                from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
                to: session.envelope.rcptTo.map((r) => r.address),
              },
              raw: raw.toString('utf8'),
              parsed,
              messageId: parsed.messageId,
              droppedAfterData: dropNow,
            });
            if (dropNow) drop(session);
            else callback();
          },
          (error: unknown) => callback(smtpError(554, `unparseable message: ${String(error)}`)),
        );
      });
    },
  });
  server.server.on('connection', (socket: Socket) => {
    const port = socket.remotePort;
    if (port === undefined) return;
    sockets.set(port, socket);
    socket.on('close', () => sockets.delete(port));
  });
  server.on('error', () => {
    // Dropped connections surface as socket errors; they are the point of the test.
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const address = server.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    host: '127.0.0.1',
    port,
    received,
    get connections() {
      return connections;
    },
    get transactions() {
      return transactions;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets.values()) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
