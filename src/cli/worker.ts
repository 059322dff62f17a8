import type { Job } from 'pg-boss';
import { ConfigError, loadConfig } from '../config.js';
import { createRuntime, type Runtime } from '../deps.js';
import { DISPATCH_QUEUE, WAKE_QUEUE } from '../adapters/queue/boss.js';
import type { DispatchJobData, WakeJobData } from '../adapters/queue/boss-scheduler.js';
import { dispatchDueMessages } from '../services/dispatch/dispatch-due.js';
import { dispatchMessage } from '../services/dispatch/dispatch-message.js';
import { releaseOrphanedLeases } from '../services/dispatch/message-store.js';
import { wakeDueCandidates } from '../services/engine/apply-event.js';
import { escalateOverdueTasks } from '../services/reminders/escalate-overdue.js';
import { sendDailyDigests } from '../services/reminders/send-daily-digests.js';
import { runRetentionSweep } from '../services/privacy/retention.js';

export interface WorkerHandle {
  /** Runs one catch-up pass now (also run at start and on every tick). */
  catchUp(): Promise<void>;
  /** Stops taking work and waits for what is in flight; the caller then closes the runtime. */
  stop(): Promise<void>;
}

export interface WorkerOptions {
  /** Catch-up interval (default PREBOARD_CATCHUP_SECONDS, 60 s). */
  catchUpMs?: number;
  log?: (line: string) => void;
}

const WAKE_BATCH = 100;

/**
 * Starts the background work of one process: pg-boss workers for `wake-candidate` and
 * `dispatch-message`, and a catch-up pass at start and every minute that runs whatever
 * fell due while no worker ran (or whose job was lost), then the staff reminders
 * (overdue escalations, daily digests). One message is sent at a time per
 * process, so a crash can leave at most one message sent-but-unrecorded: it is resent with
 * the same Message-ID, which receivers treat as the same email.
 */
export async function startWorker(runtime: Runtime, opts: WorkerOptions = {}): Promise<WorkerHandle> {
  const { deps, boss } = runtime;
  if (!boss) throw new Error('the worker needs the job queue (createRuntime with queue enabled)');
  const log = opts.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const oneSend = createSerialLock();
  // Only one process can open an embedded data directory, so any lease there is orphaned.
  if (runtime.database.kind === 'pglite') {
    const released = await releaseOrphanedLeases(deps.db, deps.clock.now());
    if (released) log(`worker: took back ${released} message(s) left mid-send by a previous run`);
  }

  await boss.work<WakeJobData>(WAKE_QUEUE, { batchSize: 1, pollingIntervalSeconds: 1 }, async ([job]: Job<WakeJobData>[]) => {
    await wakeDueCandidates(deps, { orgId: job!.data.orgId, candidateId: job!.data.candidateId });
  });
  await boss.work<DispatchJobData>(DISPATCH_QUEUE, { batchSize: 1, pollingIntervalSeconds: 1 }, async ([job]: Job<DispatchJobData>[]) => {
    const result = await oneSend(() => dispatchMessage(deps, job!.data.orgId, job!.data.messageId));
    if (result.outcome === 'dead') log(`worker: message ${result.messageId} is dead: ${result.error}`);
  });

  let running: Promise<void> | null = null;
  let stopped = false;
  const catchUp = () => {
    running ??= runCatchUp(runtime, oneSend, log).finally(() => { running = null; });
    return running;
  };
  const timer = setInterval(() => { if (!stopped) void catchUp(); }, opts.catchUpMs ?? runtime.config.PREBOARD_CATCHUP_SECONDS * 1000);
  timer.unref();
  // Not awaited: after a long downtime the backlog may take minutes, and start-up (the
  // HTTP server's ready line) should not wait for it.
  void catchUp();

  return {
    catchUp,
    async stop() {
      stopped = true;
      clearInterval(timer);
      await Promise.all([boss.offWork(WAKE_QUEUE, { wait: true }), boss.offWork(DISPATCH_QUEUE, { wait: true })]);
      await running;
    },
  };
}

async function runCatchUp(runtime: Runtime, oneSend: SerialLock, log: (line: string) => void): Promise<void> {
  try {
    while ((await wakeDueCandidates(runtime.deps, { limit: WAKE_BATCH })) === WAKE_BATCH) { /* more are due */ }
    const { counts, errors } = await dispatchDueMessages(runtime.deps, { runEach: oneSend });
    const done = counts.sent + counts.outbox + counts.dead + counts.retry + counts.deferred;
    if (done) log(`worker: catch-up sent ${counts.sent}, outbox ${counts.outbox}, retry ${counts.retry}, deferred ${counts.deferred}, dead ${counts.dead}`);
    for (const e of errors) log(`worker: message ${e.messageId} failed: ${e.error}`);
  } catch (err) {
    // The next tick tries again; a database hiccup must not kill the worker.
    log(`worker: catch-up failed: ${err instanceof Error ? err.message : String(err)}`);
  }
  await runReminders(runtime, log);
  await runRetention(runtime, log);
}

/**
 * Staff reminders on the same tick: overdue escalations, then the daily digests (each
 * sends only after 08:30 org time and once per user and day, however many workers run).
 */
async function runReminders(runtime: Runtime, log: (line: string) => void): Promise<void> {
  try {
    const { escalated } = await escalateOverdueTasks(runtime.deps);
    if (escalated) log(`worker: escalated ${escalated} overdue task(s)`);
    const digests = await sendDailyDigests(runtime.deps);
    if (digests.sent + digests.failed + digests.skippedNoSmtp) {
      log(`worker: daily digests sent ${digests.sent}, failed ${digests.failed}, kept without SMTP ${digests.skippedNoSmtp}`);
    }
  } catch (err) {
    log(`worker: reminders failed: ${err instanceof Error ? err.message : String(err)}`);
  }
}

/** The nightly retention sweep (DESIGN §5), once per organisation and local day like the digests. */
async function runRetention(runtime: Runtime, log: (line: string) => void): Promise<void> {
  try {
    const swept = await runRetentionSweep(runtime.deps);
    if (swept.anonymised + swept.consentsWithdrawn) log(`worker: retention anonymised ${swept.anonymised}, expired talent-pool consents ${swept.consentsWithdrawn}`);
  } catch (err) {
    log(`worker: retention failed: ${err instanceof Error ? err.message : String(err)}`);
  }
}

type SerialLock = <T>(fn: () => Promise<T>) => Promise<T>;

/** Runs the functions given to it one after another. */
function createSerialLock(): SerialLock {
  let tail: Promise<unknown> = Promise.resolve();
  return <T>(fn: () => Promise<T>) => {
    const next = tail.then(fn, fn);
    tail = next.catch(() => undefined);
    return next;
  };
}

/**
 * `preboard worker`: background work only, for PostgreSQL deployments (any number of
 * workers may run). On the embedded database the data directory belongs to one process,
 * so `preboard start`/`serve` run the worker themselves and this refuses.
 */
export async function runWorker(): Promise<void> {
  const config = loadConfig();
  if (!config.DATABASE_URL) {
    throw new ConfigError('DATABASE_URL: the worker runs against PostgreSQL only. On the embedded database one process owns the data directory, and `preboard start` / `preboard serve` already run the worker inside it.');
  }
  const runtime = await createRuntime(config, { worker: true });
  const worker = await startWorker(runtime, { log: (line) => process.stdout.write(`${line}\n`) });
  process.stdout.write(`Preboard worker running (PostgreSQL; ${runtime.deps.channels?.email ? 'email via SMTP' : 'no SMTP_URL: email kept in the outbox'})\n`);
  const stop = async () => {
    await worker.stop();
    await runtime.close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}
