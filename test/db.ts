import { readFileSync } from 'node:fs';
import { inject } from 'vitest';
import { connectDatabase, type DatabaseHandle } from '../src/adapters/db/connect.js';
import { cloneTemplate } from './pg-template.js';

export interface TestDatabase extends DatabaseHandle {
  /** postgres:// URL when on PostgreSQL (for child processes). */
  url?: string;
  destroy(): Promise<void>;
}

export const onPostgres = () => Boolean(process.env.TEST_DATABASE_URL);

/**
 * A fresh, migrated database for one test file: a restored PGlite snapshot, or a
 * clone of the PostgreSQL template when TEST_DATABASE_URL is set.
 */
export async function createTestDatabase(): Promise<TestDatabase> {
  const url = process.env.TEST_DATABASE_URL;
  if (url) {
    const clone = await cloneTemplate(url, inject('pgTemplate'));
    const handle = await connectDatabase({ url: clone.url, poolSize: 5 });
    return { ...handle, url: clone.url, destroy: async () => { await handle.close(); await clone.drop(); } };
  }
  const snapshot = readFileSync(inject('pgliteSnapshot'));
  const handle = await connectDatabase({ dataDir: 'memory://', loadDataDir: new Blob([snapshot]) });
  return { ...handle, destroy: () => handle.close() };
}
