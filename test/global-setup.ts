import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { connectDatabase } from '../src/adapters/db/connect.js';
import { prepareSchema } from '../src/adapters/db/prepare.js';
import { createTemplateDatabase } from './pg-template.js';

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteSnapshot: string;
    pgTemplate: string;
  }
}

/**
 * Migrates once per run: a PGlite data-dir snapshot that every test file restores,
 * and, when TEST_DATABASE_URL is set, a PostgreSQL template database to clone.
 */
export default async function setup(project: TestProject) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'preboard-test-'));
  const url = process.env.TEST_DATABASE_URL;
  if (url) {
    project.provide('pgTemplate', await createTemplateDatabase(url));
    project.provide('pgliteSnapshot', '');
  } else {
    const handle = await connectDatabase({ dataDir: 'memory://' });
    await prepareSchema(handle);
    const blob = await handle.pglite!.dumpDataDir('gzip');
    await handle.close();
    const file = path.join(dir, 'snapshot.tar.gz');
    writeFileSync(file, Buffer.from(await blob.arrayBuffer()));
    project.provide('pgliteSnapshot', file);
    project.provide('pgTemplate', '');
  }
  return () => rmSync(dir, { recursive: true, force: true });
}
