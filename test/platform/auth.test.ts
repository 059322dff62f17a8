import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, seedAndLogin, type Role, type Session, type TestApp } from '../app.js';
import type { DemoOrg } from '../../src/services/seed/seed-demo.js';

let t: TestApp;
let demo: DemoOrg;
let s: Record<Role, Session>;

beforeAll(async () => {
  t = await createTestApp({ loginRateLimit: 5 });
  ({ demo, sessions: s } = await seedAndLogin(t));
});
afterAll(async () => t?.close());

describe('staff sign-in', () => {
  it('sets an httpOnly, SameSite=Strict session cookie and returns the CSRF token', async () => {
    const res = await t.call(undefined, 'POST', '/api/v1/auth/login', { email: demo.users.hr.email.toUpperCase(), password: demo.password });
    expect(res.statusCode).toBe(200);
    const cookie = String(res.headers['set-cookie']);
    expect(cookie).toMatch(/^pb_session=/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Strict/i);
    expect(res.json().csrfToken).toMatch(/^[A-Za-z0-9_-]{40,}$/);
    expect(res.json().user.role).toBe('hr');
  });

  it('gives the same answer for a wrong password and an unknown user', async () => {
    const wrong = await t.call(undefined, 'POST', '/api/v1/auth/login', { email: demo.users.executive.email, password: 'not-the-password' });
    const unknown = await t.call(undefined, 'POST', '/api/v1/auth/login', { email: 'nobody@example.com', password: 'not-the-password' });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json()).toEqual(unknown.json());
  });

  it('every login opens a new session (no fixation)', async () => {
    const a = await t.login(demo.users.hrbp.email, demo.password);
    const b = await t.login(demo.users.hrbp.email, demo.password);
    expect(a.cookie).not.toBe(b.cookie);
    expect(a.csrf).not.toBe(b.csrf);
  });

  it('rate-limits repeated login attempts for one email', async () => {
    const codes: number[] = [];
    for (let i = 0; i < 7; i++) {
      codes.push((await t.call(undefined, 'POST', '/api/v1/auth/login', { email: 'brute@example.com', password: `guess-${i}` })).statusCode);
    }
    expect(codes.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
    expect(codes.slice(5)).toEqual([429, 429]);
  });

  it('refuses a state change without the CSRF header, accepts it with', async () => {
    const url = `/api/v1/candidates/${demo.candidateIds[0]}/touches`;
    const body = JSON.stringify({ kind: 'note', channel: 'other', direction: 'internal', summary: 'csrf' });
    const without = await t.app.inject({ method: 'POST', url, headers: { cookie: s.hr.cookie, 'content-type': 'application/json' }, payload: body });
    expect(without.statusCode).toBe(403);
    expect(without.json().error.code).toBe('csrf_failed');
    const forged = await t.app.inject({ method: 'POST', url, headers: { cookie: s.hr.cookie, 'x-csrf-token': s.hrbp.csrf, 'content-type': 'application/json' }, payload: body });
    expect(forged.statusCode).toBe(403);
    expect((await t.call(s.hr, 'POST', url, JSON.parse(body))).statusCode).toBe(201);
  });

  it('logout ends the session; logout everywhere ends all of them', async () => {
    const one = await t.login(demo.users.manager2.email, demo.password);
    const two = await t.login(demo.users.manager2.email, demo.password);
    expect((await t.call(one, 'POST', '/api/v1/auth/logout')).statusCode).toBe(200);
    expect((await t.call(one, 'GET', '/api/v1/auth/me')).statusCode).toBe(401);
    expect((await t.call(two, 'GET', '/api/v1/auth/me')).statusCode).toBe(200);
    const three = await t.login(demo.users.manager2.email, demo.password);
    expect((await t.call(three, 'POST', '/api/v1/auth/logout?everywhere=true')).statusCode).toBe(200);
    expect((await t.call(two, 'GET', '/api/v1/auth/me')).statusCode).toBe(401);
  });

  it('sessions expire after 12 idle hours', async () => {
    const session = await t.login(demo.users.executive.email, demo.password);
    t.clock.advance(13 * 3600_000);
    expect((await t.call(session, 'GET', '/api/v1/auth/me')).statusCode).toBe(401);
  });

  it('a disabled user is signed out at once', async () => {
    const admin = await t.login(demo.users.org_admin.email, demo.password);
    const victim = await t.login(demo.users.admin.email, demo.password);
    expect((await t.call(admin, 'PATCH', `/api/v1/users/${demo.users.admin.id}`, { disabled: true })).statusCode).toBe(200);
    expect((await t.call(victim, 'GET', '/api/v1/auth/me')).statusCode).toBe(401);
    const relogin = await t.call(undefined, 'POST', '/api/v1/auth/login', { email: demo.users.admin.email, password: demo.password });
    expect(relogin.statusCode).toBe(401);
  });
});

describe('API tokens', () => {
  it('are shown once, stored hashed, limited by scope and revocable', async () => {
    const admin = await t.login(demo.users.org_admin.email, demo.password);
    const created = await t.call(admin, 'POST', '/api/v1/api-tokens', { name: 'ATS import', scopes: ['candidates:read'] });
    expect(created.statusCode).toBe(201);
    const { token, id } = created.json();
    const stored = await t.db.db.selectFrom('api_tokens').select('token_hash').where('id', '=', id).executeTakeFirstOrThrow();
    expect(stored.token_hash).not.toContain(token.split('.')[1]);
    const bearer = { authorization: `Bearer ${token}` };
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/candidates', headers: bearer })).statusCode).toBe(200);
    const write = await t.app.inject({
      method: 'POST', url: `/api/v1/candidates/${demo.candidateIds[0]}/touches`, headers: { ...bearer, 'content-type': 'application/json' },
      payload: JSON.stringify({ kind: 'note', channel: 'other', direction: 'internal', summary: 'x' }),
    });
    expect(write.statusCode).toBe(403);
    expect((await t.call(admin, 'DELETE', `/api/v1/api-tokens/${id}`)).statusCode).toBe(200);
    const after = await t.app.inject({ method: 'GET', url: '/api/v1/candidates', headers: bearer });
    expect(after.statusCode).toBe(401);
    expect(after.json().error.code).toBe('invalid_token');
  });
});
