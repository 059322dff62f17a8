import type { DatabaseHandle } from './connect.js';
import { migrateToLatest } from './migrate.js';

/** Everything a fresh database needs before the app can use it: our migrations. */
export async function prepareSchema(handle: DatabaseHandle): Promise<string[]> {
  return migrateToLatest(handle.db);
}
