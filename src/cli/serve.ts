import { buildApp } from '../http/app.js';
import { loadConfig } from '../config.js';
import { createRuntime, type Runtime } from '../deps.js';
import { seedDemo } from '../services/seed/seed-demo.js';
import { startWorker } from './worker.js';

/**
 * Runs the HTTP server. `withDemo` (npm start) seeds the demo organisation into an
 * empty database and prints the demo logins. The worker (message dispatch, timed rules)
 * runs in this process for `start`, and always on the embedded database, where no other
 * process may open the data directory; `serve` on PostgreSQL is HTTP only (run
 * `preboard worker` beside it).
 */
export async function runServe(opts: { withDemo: boolean }): Promise<void> {
  const started = Date.now();
  const config = loadConfig();
  const withWorker = opts.withDemo || !config.DATABASE_URL;
  const runtime = await createRuntime(config, { worker: withWorker });
  let demoNote = '';
  if (opts.withDemo) {
    const orgs = await runtime.deps.db.selectFrom('orgs').select('org_id').limit(1).execute();
    if (orgs.length === 0) {
      const demo = await seedDemo(runtime.deps);
      demoNote = formatDemoLogins(demo.users, demo.password);
    } else {
      demoNote = '  (existing data kept; demo logins are those printed on first start: <role>@demo.preboard.test / preboard-demo-2026)\n';
    }
  }
  const app = await buildApp(runtime.deps, {
    logger: true,
    webDir: config.PREBOARD_WEB_DIR,
    secureCookies: config.PREBOARD_SECURE_COOKIES === 'true',
    trustProxy: config.PREBOARD_TRUST_PROXY === 'true',
  });
  await app.listen({ port: config.PORT, host: config.HOST });
  const worker = withWorker ? await startWorker(runtime, { log: (line) => app.log.info(line) }) : undefined;
  const addr = app.server.address();
  const port = typeof addr === 'object' && addr ? addr.port : config.PORT;
  const url = config.PREBOARD_PUBLIC_URL ?? `http://${config.HOST === '0.0.0.0' ? 'localhost' : config.HOST}:${port}`;
  process.stdout.write(
    `\nPreboard is running at ${url}  (database: ${runtime.database.kind === 'pglite' ? `embedded, ${config.PREBOARD_DATA_DIR}` : 'PostgreSQL'}; ready in ${((Date.now() - started) / 1000).toFixed(1)} s)\n`
    + `  API docs: ${url}/api/docs\n${describeWorker(runtime, withWorker)}${demoNote}\n`,
  );
  const stop = async () => {
    await app.close();
    await worker?.stop();
    await runtime.close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

function describeWorker(runtime: Runtime, withWorker: boolean): string {
  if (!withWorker) return '  Worker: not in this process (run `preboard worker`)\n';
  return runtime.deps.channels?.email
    ? '  Worker: running here; candidate email via SMTP\n'
    : '  Worker: running here; no SMTP_URL, so candidate email is kept in the outbox\n';
}

function formatDemoLogins(users: Record<string, { email: string }>, password: string): string {
  const lines = Object.entries(users).map(([role, u]) => `    ${role.padEnd(10)} ${u.email}`);
  return `  Demo logins (password: ${password}):\n${lines.join('\n')}\n`;
}
