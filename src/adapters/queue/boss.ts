/**
 * pg-boss on our database: the durable job queue behind dispatch and wake-ups.
 *
 * On PostgreSQL pg-boss gets its own small pool. On PGlite it shares the one embedded
 * connection through `fromPglite`: PGlite serialises every statement and transaction with
 * a mutex, so pg-boss polling simply waits while one of our transactions runs. The one
 * way to deadlock is a pg-boss call on that shared connection from INSIDE one of our
 * transactions; the scheduler therefore always passes the transaction (`fromKysely`),
 * and the queues are created (and cached by pg-boss) before anything is enqueued.
 */
import type pg from 'pg';
import { PgBoss, fromPglite, type ConstructorOptions, type Db, type Queue } from 'pg-boss';
import type { DatabaseHandle } from '../db/connect.js';

/** Sends one outbound message row: payload `{ orgId, messageId }`. */
export const DISPATCH_QUEUE = 'dispatch-message';
/** Runs a candidate's time-driven rules: payload `{ orgId, candidateId }`. */
export const WAKE_QUEUE = 'wake-candidate';

/** pg-boss's schema name; fixed so every process of an installation finds the same queues. */
export const BOSS_SCHEMA = 'pgboss';

/**
 * `short` allows one waiting job per singleton key, which is what makes an enqueue
 * idempotent (a replayed reduction cannot queue the same message twice) while still
 * letting a running job queue its own follow-up (a retry at a later time).
 * pg-boss retries cover a worker that died or threw; delivery back-off itself lives on the
 * message row (it honours the provider's Retry-After), see services/dispatch.
 */
const QUEUES: Array<Omit<Queue, 'name'> & { name: string }> = [
  { name: DISPATCH_QUEUE, policy: 'short', retryLimit: 8, retryDelay: 30, retryBackoff: true, retryDelayMax: 3600, expireInSeconds: 300 },
  { name: WAKE_QUEUE, policy: 'short', retryLimit: 5, retryDelay: 30, retryBackoff: true, retryDelayMax: 3600, expireInSeconds: 300 },
];

export interface CreateBossOptions {
  /**
   * PostgreSQL URL: pg-boss opens its own small pool. Without it pg-boss borrows the
   * handle's pool (fine for short jobs such as installing the schema).
   */
  url?: string;
  /**
   * Run pg-boss maintenance (expiry of stuck jobs, retention, cron). Workers do; an
   * HTTP-only process only enqueues and leaves upkeep to them.
   */
  supervise?: boolean;
  /** Connections for pg-boss's own pool on PostgreSQL (default 4). */
  poolSize?: number;
}

/** Builds (does not start) a pg-boss instance over the database we opened. */
export function createBoss(handle: DatabaseHandle, options: CreateBossOptions = {}): PgBoss {
  const common: ConstructorOptions = {
    schema: BOSS_SCHEMA,
    supervise: options.supervise ?? false,
    // We run our own catch-up timer, so pg-boss's cron machinery stays off.
    schedule: false,
    openTelemetry: { enabled: false },
  };
  if (handle.kind === 'pglite') {
    if (!handle.pglite) throw new Error('PGlite handle without its instance');
    return new PgBoss({ ...common, db: fromPglite(handle.pglite), backend: 'pglite' });
  }
  if (options.url) {
    return new PgBoss({ ...common, connectionString: options.url, max: options.poolSize ?? 4, application_name: 'preboard-queue' });
  }
  if (!handle.pool) throw new Error('PostgreSQL handle without its pool');
  return new PgBoss({ ...common, db: fromPool(handle.pool) });
}

/** pg-boss over an existing pool; multi-statement results are flattened as pg-boss expects. */
function fromPool(pool: pg.Pool): Db {
  return {
    async executeSql(text, values) {
      const result = (await pool.query(text, values)) as unknown as pg.QueryResult | pg.QueryResult[];
      return { rows: Array.isArray(result) ? result.flatMap((r) => r.rows ?? []) : result.rows };
    },
  };
}

/** Creates our queues, or brings their retry settings up to date. Idempotent. */
export async function ensureQueues(boss: PgBoss): Promise<void> {
  for (const { name, policy, ...settings } of QUEUES) {
    const existing = await boss.getQueue(name);
    if (!existing) await boss.createQueue(name, { policy, ...settings });
    else await boss.updateQueue(name, settings);
  }
}

/**
 * Starts pg-boss (installing or migrating its schema when needed) with our queues ready.
 * Errors pg-boss reports in the background are passed to `onError` (default: stderr).
 */
export async function startBoss(handle: DatabaseHandle, options: CreateBossOptions & { onError?: (err: Error) => void } = {}): Promise<PgBoss> {
  const boss = createBoss(handle, options);
  boss.on('error', options.onError ?? ((err: Error) => process.stderr.write(`queue error: ${err.message}\n`)));
  await boss.start();
  await ensureQueues(boss);
  return boss;
}

/** Installs pg-boss's schema and our queues, then stops: part of preparing a fresh database. */
export async function installQueueSchema(handle: DatabaseHandle): Promise<void> {
  const boss = await startBoss(handle, { supervise: false });
  await boss.stop({ graceful: false, close: true });
}
