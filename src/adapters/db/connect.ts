import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { Kysely, PGliteDialect, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { Database } from './schema.js';

export type DatabaseKind = 'pglite' | 'postgres';

export interface DatabaseHandle {
  db: Kysely<Database>;
  kind: DatabaseKind;
  /** The embedded instance, when running embedded (pg-boss and snapshots need it). */
  pglite?: PGlite;
  /** The pool, when running on PostgreSQL. */
  pool?: pg.Pool;
  close(): Promise<void>;
}

export interface ConnectOptions {
  /** postgres://… — when set, PostgreSQL; otherwise embedded PGlite. */
  url?: string;
  /** PGlite data directory (default ./data); 'memory://' for a throw-away database. */
  dataDir?: string;
  /** A PGlite data-dir snapshot (from dumpDataDir) to start from. */
  loadDataDir?: Blob | File;
  poolSize?: number;
}

const DATE_OID = 1082;
const INT8_OID = 20;

/** Both drivers return the same JS types: dates as 'YYYY-MM-DD', int8 as number, timestamptz as Date. */
pg.types.setTypeParser(DATE_OID, (v: string) => v);
pg.types.setTypeParser(INT8_OID, (v: string) => Number(v));

/** Opens PGlite (embedded default) or PostgreSQL (when a URL is given). */
export async function connectDatabase(options: ConnectOptions = {}): Promise<DatabaseHandle> {
  if (options.url) {
    const pool = new pg.Pool({ connectionString: options.url, max: options.poolSize ?? 10 });
    // An idle connection dropped by the server (restart, failover) must not crash the process;
    // the pool replaces it on the next query.
    pool.on('error', (err) => process.emitWarning(`PostgreSQL pool: ${err.message}`));
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    return { db, kind: 'postgres', pool, close: () => db.destroy() };
  }
  const dataDir = options.dataDir ?? './data';
  if (!dataDir.includes('://')) mkdirSync(dataDir, { recursive: true });
  const pglite = new PGlite(dataDir, {
    loadDataDir: options.loadDataDir,
    parsers: { [DATE_OID]: (v: string) => v, [INT8_OID]: (v: string) => Number(v) },
    // Keeps idle memory near 200 MB instead of 300+; plenty for one organisation's working set.
    postgresqlconf: ['shared_buffers=32MB'],
  });
  await pglite.waitReady;
  const db = new Kysely<Database>({ dialect: new PGliteDialect({ pglite }) });
  return {
    db,
    kind: 'pglite',
    pglite,
    close: async () => {
      await db.destroy();
      if (!pglite.closed) await pglite.close();
    },
  };
}
