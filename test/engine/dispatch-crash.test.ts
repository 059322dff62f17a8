import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { connectDatabase, type DatabaseHandle } from '../../src/adapters/db/connect.js';
import { createBossScheduler } from '../../src/adapters/queue/boss-scheduler.js';
import { startBoss } from '../../src/adapters/queue/boss.js';
import { systemClock, type Deps } from '../../src/services/deps.js';
import { testVault } from '../app.js';
import { seedDemo } from '../../src/services/seed/seed-demo.js';
import { killHard } from '../child-server.js';
import { createTestDatabase, onPostgres, type TestDatabase } from '../db.js';
import { startSmtpServer, type SmtpTestServer } from '../servers/smtp.js';
import { createAcceptedCandidate } from './fixtures/dispatch-world.js';

const CANDIDATES = 40;
const FROM_DOMAIN = 'crash.preboard.test';
const DB = onPostgres() ? 'PostgreSQL' : 'PGlite';

const cleanups: Array<() => Promise<void> | void> = [];
afterAll(async () => {
  for (const clean of cleanups.reverse()) await clean();
});

/** A database of this test's own: a data dir restored from the snapshot, or a PostgreSQL clone. */
async function openDatabase(): Promise<{ handle: DatabaseHandle; env: Record<string, string>; url?: string }> {
  if (onPostgres()) {
    const db: TestDatabase = await createTestDatabase();
    cleanups.push(() => db.destroy());
    return { handle: db, env: { DATABASE_URL: db.url! }, url: db.url };
  }
  const dir = mkdtempSync(path.join(os.tmpdir(), 'preboard-dispatch-crash-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  const dataDir = path.join(dir, 'data');
  const handle = await connectDatabase({ dataDir, loadDataDir: new Blob([readFileSync(inject('pgliteSnapshot'))]) });
  return { handle, env: { PREBOARD_DATA_DIR: dataDir } };
}

/**
 * Candidates whose offer was accepted 3 h ago: each has its offer package due now. Created
 * through the real services with the pg-boss scheduler, so every message row has its job.
 */
async function createDueMessages(handle: DatabaseHandle, url: string | undefined): Promise<string[]> {
  const boss = await startBoss(handle, { url });
  const deps: Deps = { db: handle.db, clock: systemClock, vault: testVault, scheduler: createBossScheduler(boss) };
  const demo = await seedDemo(deps, { slug: `crash${Math.random().toString(36).slice(2, 8)}` });
  // Quiet hours off: the test must not depend on the hour it runs at.
  await handle.db.updateTable('orgs').set({ settings: JSON.stringify({ policy: { quietHours: { start: '00:00', end: '00:00' } } }) })
    .where('org_id', '=', demo.orgId).execute();
  const acceptedAt = new Date(Date.now() - 3 * 3_600_000).toISOString();
  for (let i = 0; i < CANDIDATES; i++) {
    await createAcceptedCandidate(deps, demo, { offerAcceptedAt: acceptedAt, language: i % 2 ? 'en-US' : 'zh-CN' });
  }
  await boss.stop({ graceful: false, close: true });
  const due = await handle.db.selectFrom('outbound_messages').select('id')
    .where('status', '=', 'scheduled').where('channel', '=', 'email').where('send_after', '<=', new Date()).execute();
  return due.map((r) => r.id);
}

interface Worker {
  child: ChildProcess;
  output: () => string;
}

/** Starts a worker child: the real `preboard worker` on PostgreSQL, the fixture on PGlite. */
function spawnWorker(env: Record<string, string>): Worker {
  const args = onPostgres() ? ['src/cli/main.ts', 'worker'] : ['test/engine/fixtures/run-worker.ts'];
  const child = spawn(process.execPath, ['--import', 'tsx', ...args], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout!.on('data', (d) => { out += d; });
  child.stderr!.on('data', (d) => { out += d; });
  return { child, output: () => out };
}

async function waitFor(check: () => boolean, timeoutMs: number, what: string, workers: Worker[]): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}\n${workers.map((w) => w.output()).join('\n---\n')}`);
    await new Promise((r) => setTimeout(r, 2));
  }
}

/** Candidate messages only: the worker also mails staff their daily digest (Message-ID `<digest-…>`). */
const candidateMail = (smtp: SmtpTestServer) => smtp.received.filter((m) => !m.messageId?.startsWith('<digest-'));
const uniqueIds = (smtp: SmtpTestServer) => new Set(candidateMail(smtp).map((m) => m.messageId));

describe(`dispatch survives SIGKILL mid-batch (${DB})`, () => {
  it(`delivers every due message exactly once by Message-ID across hard kills${onPostgres() ? ', two workers at once' : ''}`, async () => {
    const started = Date.now();
    const { handle, env: dbEnv, url } = await openDatabase();
    const expected = await createDueMessages(handle, url);
    // One process per data dir: the parent lets go before any worker opens it.
    await handle.close();
    expect(expected.length).toBeGreaterThanOrEqual(CANDIDATES);

    const smtp = await startSmtpServer();
    cleanups.push(() => smtp.close());
    const env = {
      ...dbEnv,
      SMTP_URL: `smtp://${smtp.host}:${smtp.port}?ignoreTLS=true`,
      SMTP_FROM: `Preboard Crash Test <hr@${FROM_DOMAIN}>`,
      // Short lease and catch-up, so a killed PostgreSQL worker's message is taken over quickly.
      PREBOARD_DISPATCH_LEASE_SECONDS: '3',
      PREBOARD_CATCHUP_SECONDS: '1',
      LOG_LEVEL: 'warn',
    };
    const perRound = onPostgres() ? 2 : 1;
    const thresholds = [0.1, 0.3, 0.5, 0.7].map((f) => Math.ceil(expected.length * f));
    let kills = 0;
    const timings: string[] = [];
    for (const threshold of thresholds) {
      const t0 = Date.now();
      const workers = Array.from({ length: perRound }, () => spawnWorker(env));
      cleanups.push(() => Promise.all(workers.map((w) => killHard(w.child))).then(() => undefined));
      // Killed the moment the SMTP server has accepted the threshold-th message: mid-batch.
      await waitFor(() => uniqueIds(smtp).size >= threshold, 60_000, `${threshold} deliveries`, workers);
      for (const w of workers) {
        if (w.child.exitCode === null) kills += 1;
        await killHard(w.child);
      }
      timings.push(`round to ${threshold}: ${Date.now() - t0} ms`);
    }

    // Final rounds run undisturbed. A message killed between the SMTP accept and its row
    // update stays 'sending' until its lease ends; a worker then sends it again (same
    // Message-ID) and marks it sent. So each round waits out a lease before stopping, and
    // another round starts if a row is still not sent (as a restarted server would).
    const t0 = Date.now();
    const leaseWaitMs = (Number(env.PREBOARD_DISPATCH_LEASE_SECONDS) + 2 * Number(env.PREBOARD_CATCHUP_SECONDS)) * 1000 + 500;
    let after: DatabaseHandle | undefined;
    let notSent: { id: string; status: string }[] = [];
    for (let round = 1; round <= 3; round++) {
      const finals = Array.from({ length: perRound }, () => spawnWorker(env));
      await waitFor(() => uniqueIds(smtp).size >= expected.length, 60_000, 'every message', finals);
      await new Promise((r) => setTimeout(r, leaseWaitMs));
      for (const w of finals) {
        const exited = new Promise((r) => w.child.once('exit', r));
        w.child.kill('SIGTERM');
        await exited;
        expect(w.child.exitCode, `worker did not stop cleanly:\n${w.output()}`).toBe(0);
      }
      after = await connectDatabase(onPostgres() ? { url: dbEnv.DATABASE_URL } : { dataDir: dbEnv.PREBOARD_DATA_DIR });
      const rows = await after.db.selectFrom('outbound_messages').select(['id', 'status']).where('id', 'in', expected).execute();
      notSent = rows.filter((r) => r.status !== 'sent');
      timings.push(`final round ${round}: ${Date.now() - t0} ms, ${notSent.length} not yet sent`);
      if (notSent.length === 0 || round === 3) break;
      await after.close();
    }
    cleanups.push(() => after!.close());
    expect(notSent, 'due messages not sent').toEqual([]);

    const received = candidateMail(smtp).map((m) => m.messageId);
    const byId = new Set(received);
    for (const id of expected) expect(byId.has(`<${id}@${FROM_DOMAIN}>`), `message ${id} never reached SMTP`).toBe(true);
    // Exactly once by Message-ID: every delivery belongs to a sent row, each counted once.
    const sentIds = new Set((await after!.db.selectFrom('outbound_messages').select('id').where('status', '=', 'sent').where('channel', '=', 'email').execute())
      .map((r) => `<${r.id}@${FROM_DOMAIN}>`));
    expect([...byId].filter((id) => !sentIds.has(id!)), 'deliveries without a sent row').toEqual([]);
    expect(byId.size).toBe(sentIds.size);
    // A raw duplicate needs a kill between the SMTP accept and the row update: at most one per kill.
    const duplicates = received.length - byId.size;
    expect(duplicates).toBeLessThanOrEqual(kills);
    const timeline = await after!.db.selectFrom('touches').select((eb) => eb.fn.countAll<number>().as('n'))
      .where('direction', '=', 'outbound').where('kind', '=', 'email').executeTakeFirstOrThrow();
    // One outbound touch per sent email, even for those sent twice.
    expect(Number(timeline.n)).toBe(sentIds.size);

    process.stdout.write(`[dispatch-crash ${DB}] ${expected.length} due, ${kills} kills, ${received.length} raw deliveries, ${duplicates} duplicates; ${timings.join('; ')}; total ${Date.now() - started} ms\n`);
  }, 180_000);
});

describe('preboard worker command', () => {
  it('refuses the embedded database with exit code 2 and says why', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'preboard-worker-refuse-'));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    const env: Record<string, string | undefined> = { ...process.env, PREBOARD_DATA_DIR: path.join(dir, 'data') };
    delete env.DATABASE_URL;
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'worker'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let err = '';
    child.stderr!.on('data', (d) => { err += d; });
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
    expect(code).toBe(2);
    expect(err).toMatch(/DATABASE_URL/);
    expect(err).toMatch(/preboard start/);
  }, 60_000);
});
