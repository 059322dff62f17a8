import type { PgBoss } from 'pg-boss';
import { createSmtpEmailAdapter, readSmtpOptionsFromUrl } from './adapters/channels/index.js';
import { loadVault } from './adapters/crypto/key-file.js';
import { connectDatabase, type DatabaseHandle } from './adapters/db/connect.js';
import { prepareSchema } from './adapters/db/prepare.js';
import { startBoss } from './adapters/queue/boss.js';
import { createBossScheduler } from './adapters/queue/boss-scheduler.js';
import type { Config } from './config.js';
import { systemClock, type DispatchChannels, type Deps } from './services/deps.js';

export interface Runtime {
  deps: Deps;
  database: DatabaseHandle;
  /** The job queue; absent when created with `queue: false`. */
  boss?: PgBoss;
  config: Config;
  close(): Promise<void>;
}

export interface RuntimeOptions {
  /** Apply migrations (and install the queue schema) first. Default true. */
  migrate?: boolean;
  /** Start the job queue and let the engine enqueue through it. Default true. */
  queue?: boolean;
  /** This process runs workers, so it also runs pg-boss maintenance. Default false. */
  worker?: boolean;
}

/** The composition root: the only place that builds adapters and wires them into Deps. */
export async function createRuntime(config: Config, opts: RuntimeOptions = {}): Promise<Runtime> {
  const database = await connectDatabase({ url: config.DATABASE_URL, dataDir: config.PREBOARD_DATA_DIR });
  if (opts.migrate !== false) await prepareSchema(database);
  const boss = opts.queue === false ? undefined : await startBoss(database, { url: config.DATABASE_URL, supervise: opts.worker ?? false });
  const channels = buildChannels(config);
  const { vault } = loadVault({ keys: config.PREBOARD_DATA_KEYS, dataDir: config.PREBOARD_DATA_DIR });
  const deps: Deps = {
    db: database.db,
    clock: systemClock,
    vault,
    scheduler: boss ? createBossScheduler(boss) : undefined,
    channels,
    dispatch: {
      publicUrl: config.PREBOARD_PUBLIC_URL ?? `http://${config.HOST === '0.0.0.0' ? 'localhost' : config.HOST}:${config.PORT || 3000}`,
      leaseMs: config.PREBOARD_DISPATCH_LEASE_SECONDS * 1000,
    },
  };
  return {
    deps,
    database,
    boss,
    config,
    close: async () => {
      // The queue first: it may still be using the database connection.
      await boss?.stop({ graceful: false, close: true });
      await channels.email?.close?.();
      await database.close();
    },
  };
}

/** Email when SMTP_URL is set; otherwise candidate email is kept in the outbox. */
function buildChannels(config: Config): DispatchChannels {
  if (!config.SMTP_URL || !config.SMTP_FROM) return {};
  // Timeouts sum to well under the dispatch lease, so a slow server cannot make a second
  // worker take over a message that is still being sent.
  return {
    email: createSmtpEmailAdapter({
      ...readSmtpOptionsFromUrl(config.SMTP_URL, config.SMTP_FROM), pool: true,
      connectionTimeoutMs: 15_000, greetingTimeoutMs: 15_000, socketTimeoutMs: 30_000,
    }),
  };
}
