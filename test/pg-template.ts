import pg from 'pg';
import { connectDatabase } from '../src/adapters/db/connect.js';
import { prepareSchema } from '../src/adapters/db/prepare.js';

/** Replaces the database name in a postgres:// URL. */
export function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

async function admin<T>(url: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** Whether a process with this id runs on this machine (NaN: a name we did not make → not alive). */
function isProcessAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: it exists but belongs to someone else.
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** A freshly migrated template database for this run; test files clone it. */
export async function createTemplateDatabase(url: string): Promise<string> {
  const name = `preboard_tpl_${process.pid}_${Date.now()}`;
  await admin(url, async (c) => {
    // Databases left by earlier, interrupted runs: those whose process is gone. A run going
    // on beside this one (another terminal, a teammate's) keeps its databases.
    const old = await c.query<{ datname: string }>(`SELECT datname FROM pg_database WHERE datname LIKE 'preboard_t%'`);
    for (const { datname } of old.rows) {
      if (isProcessAlive(Number(/^preboard_(?:tpl|test)_(\d+)_/.exec(datname)?.[1]))) continue;
      await c.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`).catch(() => undefined);
    }
    await c.query(`CREATE DATABASE "${name}"`);
  });
  const handle = await connectDatabase({ url: withDatabase(url, name), poolSize: 1 });
  await prepareSchema(handle);
  await handle.close();
  return name;
}

/** Clones the template into a database of its own; returns its URL and a dropper. */
export async function cloneTemplate(url: string, template: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `preboard_test_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
  await admin(url, (c) => c.query(`CREATE DATABASE "${name}" TEMPLATE "${template}"`));
  return {
    url: withDatabase(url, name),
    drop: () => admin(url, (c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)).then(() => undefined),
  };
}
