import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { buildApp } from '../src/http/app.js';
import type { Clock, Deps } from '../src/services/deps.js';
import { createVault, newKeySpec, parseKeyRing } from '../src/adapters/crypto/vault.js';
import { seedDemo, type DemoOrg } from '../src/services/seed/seed-demo.js';
import { createTestDatabase, type TestDatabase } from './db.js';


/** One data key for a test process (AES-256-GCM, random per run). */
export const testVault = createVault(parseKeyRing(newKeySpec('test')));
/** A clock tests move by hand. */
export function createManualClock(start: Date | string = '2026-11-25T02:00:00Z'): Clock & { set(d: Date | string): void; advance(ms: number): void } {
  let t = new Date(start).getTime();
  return { now: () => new Date(t), set: (d) => { t = new Date(d).getTime(); }, advance: (ms) => { t += ms; } };
}

export type Role = keyof DemoOrg['users'];

export interface Session {
  cookie: string;
  csrf: string;
}

export interface TestApp {
  app: FastifyInstance;
  deps: Deps;
  db: TestDatabase;
  clock: ReturnType<typeof createManualClock>;
  login(email: string, password: string): Promise<Session>;
  /** Calls the API as a session, adding the CSRF header on state changes. */
  call(s: Session | undefined, method: string, url: string, body?: unknown): Promise<LightMyRequestResponse>;
  close(): Promise<void>;
}

/** A fresh database and app for one test file. */
export async function createTestApp(opts: { loginRateLimit?: number } = {}): Promise<TestApp> {
  const db = await createTestDatabase();
  const clock = createManualClock(new Date());
  const deps: Deps = { db: db.db, clock, vault: testVault };
  const app = await buildApp(deps, { loginRateLimit: opts.loginRateLimit ?? 1000 });
  const call: TestApp['call'] = (s, method, url, body) => app.inject({
    method: method as 'GET', url,
    headers: {
      ...(s ? { cookie: s.cookie } : {}),
      ...(s && method !== 'GET' ? { 'x-csrf-token': s.csrf } : {}),
      ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
    },
    payload: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
  const login = async (email: string, password: string): Promise<Session> => {
    const res = await call(undefined, 'POST', '/api/v1/auth/login', { email, password });
    if (res.statusCode !== 200) throw new Error(`login failed for ${email}: ${res.statusCode} ${res.body}`);
    const setCookie = String(res.headers['set-cookie']).split(';')[0]!;
    return { cookie: setCookie, csrf: res.json().csrfToken };
  };
  return { app, deps, db, clock, login, call, close: async () => { await app.close(); await db.destroy(); } };
}

/** Seeds a demo organisation under a unique slug and signs every role in. */
export async function seedAndLogin(t: TestApp, slug = `org${Math.random().toString(36).slice(2, 8)}`) {
  const demo = await seedDemo(t.deps, { slug });
  const sessions = {} as Record<Role, Session>;
  for (const role of Object.keys(demo.users) as Role[]) sessions[role] = await t.login(demo.users[role].email, demo.password);
  return { demo, sessions };
}
