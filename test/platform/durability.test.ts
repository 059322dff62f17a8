import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createTestDatabase, onPostgres, type TestDatabase } from '../db.js';
import { killHard, startChildServer } from '../child-server.js';

const dirs: string[] = [];
let pgDb: TestDatabase | undefined;
afterAll(async () => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
  await pgDb?.destroy();
});

async function databaseEnv(): Promise<Record<string, string>> {
  if (onPostgres()) {
    pgDb = await createTestDatabase();
    await pgDb.close();
    return { DATABASE_URL: pgDb.url! };
  }
  const dir = mkdtempSync(path.join(os.tmpdir(), 'preboard-kill-'));
  dirs.push(dir);
  return { PREBOARD_DATA_DIR: path.join(dir, 'data') };
}

async function signIn(url: string) {
  const res = await fetch(`${url}/api/v1/auth/login`, {
    method: 'POST', headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'hr@demo.preboard.test', password: 'preboard-demo-2026' }),
  });
  expect(res.status).toBe(200);
  return { cookie: res.headers.get('set-cookie')!.split(';')[0]!, csrf: (await res.json()).csrfToken as string };
}

describe('a confirmed write survives SIGKILL', () => {
  it(`keeps every 201 across hard kills (${onPostgres() ? 'PostgreSQL' : 'PGlite'})`, async () => {
    const env = await databaseEnv();
    const confirmed: string[] = [];
    let candidateId = '';
    for (let round = 0; round < 2; round++) {
      const server = await startChildServer('start', env);
      const s = await signIn(server.url);
      if (!candidateId) {
        const list = await fetch(`${server.url}/api/v1/candidates?limit=1`, { headers: { cookie: s.cookie } });
        candidateId = (await list.json()).items[0].id;
      }
      const res = await fetch(`${server.url}/api/v1/candidates/${candidateId}/touches`, {
        method: 'POST', headers: { cookie: s.cookie, 'x-csrf-token': s.csrf, 'content-type': 'application/json' },
        body: JSON.stringify({ kind: 'note', channel: 'other', direction: 'internal', summary: `round ${round}` }),
      });
      expect(res.status).toBe(201);
      confirmed.push((await res.json()).id);
      // No graceful shutdown, no flush: the process dies right after the 201.
      await killHard(server.child);
    }
    const server = await startChildServer('start', env);
    try {
      const s = await signIn(server.url);
      const timeline = await (await fetch(`${server.url}/api/v1/candidates/${candidateId}/timeline?limit=200`, { headers: { cookie: s.cookie } })).json();
      const ids = new Set(timeline.items.map((t: { id: string }) => t.id));
      for (const id of confirmed) expect(ids.has(id), `touch ${id} lost`).toBe(true);
      const orgs = await fetch(`${server.url}/api/v1/users`, { headers: { cookie: s.cookie } });
      // The demo was seeded once, not again after each restart.
      expect((await orgs.json()).items.filter((u: { email: string }) => u.email === 'hr@demo.preboard.test')).toHaveLength(1);
    } finally {
      await killHard(server.child);
    }
  }, 240_000);
});
