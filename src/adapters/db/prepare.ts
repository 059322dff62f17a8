import { installQueueSchema } from '../queue/boss.js';
import type { DatabaseHandle } from './connect.js';
import { migrateToLatest } from './migrate.js';

/**
 * Everything a fresh database needs before the app can use it: our migrations, then
 * pg-boss's schema and our queues (so test snapshots and templates carry them too).
 * `queue: false` skips the queue (≈1 s on PGlite) for throw-away databases that never
 * run workers, such as the simulator's.
 */
export async function prepareSchema(handle: DatabaseHandle, opts: { queue?: boolean } = {}): Promise<string[]> {
  const applied = await migrateToLatest(handle.db);
  if (opts.queue !== false) await installQueueSchema(handle);
  return applied;
}
