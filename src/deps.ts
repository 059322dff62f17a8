import { connectDatabase, type DatabaseHandle } from './adapters/db/connect.js';
import { prepareSchema } from './adapters/db/prepare.js';
import type { Config } from './config.js';
import { systemClock, type Deps } from './services/deps.js';

export interface Runtime {
  deps: Deps;
  database: DatabaseHandle;
  close(): Promise<void>;
}

/** The composition root: the only place that builds adapters and wires them into Deps. */
export async function createRuntime(config: Config, opts: { migrate?: boolean } = {}): Promise<Runtime> {
  const database = await connectDatabase({ url: config.DATABASE_URL, dataDir: config.PREBOARD_DATA_DIR });
  if (opts.migrate !== false) await prepareSchema(database);
  const deps: Deps = { db: database.db, clock: systemClock };
  return { deps, database, close: () => database.close() };
}
