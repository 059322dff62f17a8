/**
 * `preboard retention` as a child process: the dry run lists who would be anonymised and
 * changes nothing; without the flag it anonymises exactly those; bad options exit 2.
 * Against a data directory on PGlite, or the test database on PostgreSQL.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectDatabase } from '../../src/adapters/db/connect.js';
import { prepareSchema } from '../../src/adapters/db/prepare.js';
import { systemClock, type Deps } from '../../src/services/deps.js';
import { seedDemo } from '../../src/services/seed/seed-demo.js';
import { testVault } from '../app.js';
import { createTestDatabase, onPostgres, type TestDatabase } from '../db.js';

const root = path.resolve(import.meta.dirname, '../..');
const dir = mkdtempSync(path.join(os.tmpdir(), 'preboard-retention-'));
const dataDir = path.join(dir, 'data');
let pgDb: TestDatabase | undefined;
let endedId: string;
let openId: string;

interface Outcome { code: number | null; stdout: string; stderr: string }

function runCli(args: string[]): Promise<Outcome> {
  const { DATABASE_URL: _unused, ...rest } = process.env;
  const env: NodeJS.ProcessEnv = { ...rest, PREBOARD_DATA_DIR: dataDir, ...(pgDb?.url ? { DATABASE_URL: pgDb.url } : {}) };
  return new Promise((resolve) => {
    execFile(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'retention', ...args], { cwd: root, env, timeout: 120_000 }, (err, stdout, stderr) => {
      resolve({ code: err ? (typeof err.code === 'number' ? err.code : null) : 0, stdout, stderr });
    });
  });
}

/** A demo organisation with one candidate whose process ended 400 days ago. */
async function seed(deps: Deps) {
  const demo = await seedDemo(deps, { slug: 'cli-demo' });
  [endedId, openId] = [demo.candidateIds[0]!, demo.candidateIds[1]!];
  const ended = new Date(Date.now() - 400 * 24 * 3600 * 1000);
  await deps.db.updateTable('candidates').set({ status: 'reneged', updated_at: ended }).where('id', '=', endedId).execute();
  // Its whole history lies before the exit.
  await deps.db.updateTable('touches').set({ occurred_at: new Date(ended.getTime() - 24 * 3600 * 1000) }).where('candidate_id', '=', endedId).execute();
  await deps.db.insertInto('touches').values({
    org_id: demo.orgId, id: crypto.randomUUID(), candidate_id: endedId, occurred_at: ended, kind: 'status', channel: 'other', direction: 'internal',
    author_kind: 'system', author_user_id: null, summary: 'Status: preboarding → reneged', step_id: null,
  }).execute();
}

async function readCandidates() {
  const handle = pgDb ?? await connectDatabase({ dataDir });
  try {
    return await handle.db.selectFrom('candidates').select(['id', 'anonymised_at', 'full_name']).where('id', 'in', [endedId, openId]).execute();
  } finally {
    if (!pgDb) await handle.close();
  }
}

beforeAll(async () => {
  if (onPostgres()) {
    pgDb = await createTestDatabase();
    await seed({ db: pgDb.db, clock: systemClock, vault: testVault });
    return;
  }
  const handle = await connectDatabase({ dataDir });
  await prepareSchema(handle, { queue: false });
  await seed({ db: handle.db, clock: systemClock, vault: testVault });
  await handle.close();
}, 120_000);
afterAll(async () => {
  await pgDb?.destroy();
  rmSync(dir, { recursive: true, force: true });
});

describe('preboard retention (child process)', () => {
  it('--dry-run lists the person and why, and changes nothing; the real run anonymises exactly them', async () => {
    const dry = await runCli(['--dry-run', '--org', 'cli-demo']);
    expect(dry.stderr).toBe('');
    expect(dry.code).toBe(0);
    expect(dry.stdout).toContain('cli-demo: retention 180 days; would anonymise 1');
    expect(dry.stdout).toContain(endedId);
    expect(dry.stdout).toContain('retention_elapsed');
    expect(dry.stdout).not.toContain(openId);
    expect(dry.stdout).toContain('dry run: nothing was changed');
    expect((await readCandidates()).every((c) => c.anonymised_at === null)).toBe(true);

    const json = await runCli(['--dry-run', '--json']);
    expect(json.code).toBe(0);
    const lines = json.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines).toEqual([expect.objectContaining({ org: 'cli-demo', candidateId: endedId, action: 'anonymise', dryRun: true })]);

    const real = await runCli(['--org', 'cli-demo']);
    expect(real.code, real.stderr).toBe(0);
    expect(real.stdout).toContain('did anonymise 1');
    const after = new Map((await readCandidates()).map((c) => [c.id, c]));
    expect(after.get(endedId)?.anonymised_at).not.toBeNull();
    expect(after.get(openId)?.anonymised_at).toBeNull();
  }, 180_000);

  it.each([
    ['an unknown option', ['--bogus'], 'unknown option'],
    ['a malformed organisation slug', ['--dry-run', '--org', 'Not A Slug'], 'error: org:'],
    ['an unknown organisation', ['--dry-run', '--org', 'no-such-org'], "error: organisation 'no-such-org' not found"],
  ])('%s → exit 2 naming it', async (_name, args, message) => {
    const outcome = await runCli(args);
    expect(outcome.stderr).toContain(message);
    expect(outcome.code).toBe(2);
  }, 120_000);

  it('--help explains the dry run', async () => {
    const help = await runCli(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('--dry-run');
    expect(help.stdout).toContain('retentionDays');
  }, 60_000);
});
