import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, seedAndLogin, type Role, type Session, type TestApp } from '../app.js';
import type { DemoOrg } from '../../src/services/seed/seed-demo.js';

let t: TestApp;
let demo: DemoOrg;
let s: Record<Role, Session>;

beforeAll(async () => {
  t = await createTestApp();
  ({ demo, sessions: s } = await seedAndLogin(t));
});
afterAll(async () => t?.close());

const long = 'x'.repeat(20_001);

/** Every route with a body: a valid body, a field to break with a wrong type and one to over-fill. */
const BODY_ROUTES: Array<{ method: string; url: () => string; as: Role; valid: () => Record<string, unknown>; wrongType: string; tooLong: string }> = [
  { method: 'POST', url: () => '/api/v1/auth/login', as: 'hr', valid: () => ({ email: 'a@b.co', password: 'x' }), wrongType: 'email', tooLong: 'password' },
  {
    method: 'POST', url: () => '/api/v1/candidates', as: 'hr', wrongType: 'relocation', tooLong: 'fullName',
    valid: () => ({ fullName: 'V', roleType: 'tech', departmentId: demo.departments.engineering, siteId: demo.sites.shanghai, positionTitle: 'P', startDate: '2027-03-01' }),
  },
  { method: 'PATCH', url: () => `/api/v1/candidates/${demo.candidateIds[0]}`, as: 'hr', valid: () => ({ notes: 'ok' }), wrongType: 'channels', tooLong: 'notes' },
  { method: 'POST', url: () => `/api/v1/candidates/${demo.candidateIds[0]}/offers`, as: 'hr', valid: () => ({ reason: 'r' }), wrongType: 'salaryMonthly', tooLong: 'reason' },
  {
    method: 'POST', url: () => `/api/v1/candidates/${demo.candidateIds[0]}/touches`, as: 'hr', wrongType: 'occurredAt', tooLong: 'summary',
    valid: () => ({ kind: 'call', channel: 'phone', direction: 'outbound', summary: 's' }),
  },
  { method: 'POST', url: () => '/api/v1/departments', as: 'org_admin', valid: () => ({ name: 'Dept' }), wrongType: 'name', tooLong: 'name' },
  { method: 'POST', url: () => '/api/v1/sites', as: 'org_admin', valid: () => ({ name: 'Site', timezone: 'Asia/Shanghai' }), wrongType: 'timezone', tooLong: 'address' },
  { method: 'PATCH', url: () => `/api/v1/sites/${demo.sites.beijing}`, as: 'org_admin', valid: () => ({ parking: 'p' }), wrongType: 'arrivalTime', tooLong: 'transport' },
  { method: 'POST', url: () => '/api/v1/users', as: 'org_admin', valid: () => ({ email: 'n@example.com', name: 'N', role: 'hr', password: 'long-enough-pw' }), wrongType: 'role', tooLong: 'name' },
  { method: 'PATCH', url: () => `/api/v1/users/${demo.users.hr.id}`, as: 'org_admin', valid: () => ({ phone: '1' }), wrongType: 'disabled', tooLong: 'name' },
  {
    method: 'POST', url: () => `/api/v1/candidates/${demo.candidateIds[0]}/events`, as: 'hr', wrongType: 'at', tooLong: 'issue',
    valid: () => ({ type: 'day_one_issue_reported', issue: 'no badge' }),
  },
  {
    method: 'POST', url: () => `/api/v1/candidates/${demo.candidateIds[0]}/tasks/offer.confirmation_call%230/complete`, as: 'hr',
    wrongType: 'candidateFeedback', tooLong: 'outcome', valid: () => ({ outcome: 'ok' }),
  },
  { method: 'POST', url: () => '/api/v1/api-tokens', as: 'org_admin', valid: () => ({ name: 't', scopes: ['candidates:read'] }), wrongType: 'scopes', tooLong: 'name' },
];

const expect400 = (res: { statusCode: number; json(): any; body: string }, field?: string) => {
  expect(res.statusCode, res.body).toBe(400);
  const err = res.json().error;
  expect(err.code).toMatch(/invalid_input|bad_request/);
  expect(err.message.length).toBeGreaterThan(0);
  if (field) expect(err.field).toBe(field);
};

describe('bad input gets 400 naming the field, never 500', () => {
  for (const r of BODY_ROUTES) {
    const name = `${r.method} ${r.url.toString().match(/'([^']+)'|`([^`]+)`/)?.slice(1).find(Boolean)}`;
    it(`${name}: malformed JSON`, async () => {
      const res = await t.app.inject({
        method: r.method as 'POST', url: r.url(), payload: '{"oops":',
        headers: { cookie: s[r.as].cookie, 'x-csrf-token': s[r.as].csrf, 'content-type': 'application/json' },
      });
      expect400(res);
    });
    it(`${name}: unknown field`, async () => {
      expect400(await t.call(s[r.as], r.method, r.url(), { ...r.valid(), surprise: 1 }), 'surprise');
    });
    it(`${name}: wrong type`, async () => {
      expect400(await t.call(s[r.as], r.method, r.url(), { ...r.valid(), [r.wrongType]: { nested: [1] } }), r.wrongType);
    });
    it(`${name}: over-long string`, async () => {
      expect400(await t.call(s[r.as], r.method, r.url(), { ...r.valid(), [r.tooLong]: long }), r.tooLong);
    });
    it(`${name}: body that is not an object`, async () => {
      expect400(await t.call(s[r.as], r.method, r.url(), [1, 2]));
    });
  }

  it('path ids must be uuids', async () => {
    for (const url of ['/api/v1/candidates/1', '/api/v1/candidates/abc/timeline', '/api/v1/candidates/%27%20OR%201=1/offers']) {
      expect400(await t.call(s.hr, 'GET', url), 'id');
    }
    expect400(await t.call(s.org_admin, 'DELETE', '/api/v1/api-tokens/nope'), 'id');
    expect400(await t.call(s.hr, 'POST', '/api/v1/candidates/nope/portal-link'), 'id');
    expect400(await t.call(s.hr, 'DELETE', '/api/v1/candidates/nope/portal-link'), 'id');
  });

  it('query strings are validated too, unknown parameters refused', async () => {
    expect400(await t.call(s.hr, 'GET', '/api/v1/candidates?limit=100000'), 'limit');
    expect400(await t.call(s.hr, 'GET', '/api/v1/candidates?status=happy'), 'status');
    expect400(await t.call(s.hr, 'GET', '/api/v1/candidates?startFrom=2026-13-45'), 'startFrom');
    expect400(await t.call(s.hr, 'GET', '/api/v1/candidates?drop=table'), 'drop');
    expect400(await t.call(s.hr, 'GET', `/api/v1/candidates/${demo.candidateIds[0]}/timeline?offset=-1`), 'offset');
    expect400(await t.call(s.org_admin, 'GET', '/api/v1/audit?before=yesterday'), 'before');
    expect400(await t.call(s.hr, 'POST', '/api/v1/auth/logout?everywhere=maybe'), 'everywhere');
    expect400(await t.call(s.hr, 'GET', '/api/v1/tasks?due=soon'), 'due');
    expect400(await t.call(s.hr, 'GET', '/api/v1/outbox?status=lost'), 'status');
    expect400(await t.call(s.hr, 'POST', `/api/v1/candidates/${demo.candidateIds[0]}/tasks/DROP%20TABLE/complete`, {}), 'key');
  });

  it('references to rows that do not exist are 400, not a database error', async () => {
    const res = await t.call(s.hr, 'POST', '/api/v1/candidates', {
      fullName: 'V', roleType: 'tech', departmentId: demo.departments.engineering, siteId: '00000000-0000-4000-8000-000000000000', positionTitle: 'P', startDate: '2027-03-01',
    });
    expect400(res, 'siteId');
    expect400(await t.call(s.hr, 'PATCH', `/api/v1/candidates/${demo.candidateIds[0]}`, { managerId: '00000000-0000-4000-8000-000000000000' }), 'managerId');
  });

  it('search text with SQL wildcards and quotes is taken literally', async () => {
    const res = await t.call(s.hr, 'GET', `/api/v1/candidates?q=${encodeURIComponent("%' OR 1=1 --")}`);
    expect(res.statusCode).toBe(200);
    expect(res.json().items).toEqual([]);
  });

  it('a wrong content type is 415 and an oversized body 413', async () => {
    const headers = { cookie: s.hr.cookie, 'x-csrf-token': s.hr.csrf };
    const text = await t.app.inject({ method: 'POST', url: '/api/v1/departments', headers: { ...headers, 'content-type': 'text/plain' }, payload: 'name=x' });
    expect(text.statusCode).toBe(415);
    const huge = await t.app.inject({ method: 'POST', url: '/api/v1/departments', headers: { ...headers, 'content-type': 'application/json' }, payload: JSON.stringify({ name: 'x'.repeat(2_000_000) }) });
    expect(huge.statusCode).toBe(413);
    expect(huge.json().error.code).toBe('payload_too_large');
  });
});

/** Portal routes take the candidate's magic link instead of a session: the same checks. */
const PORTAL_BODY_ROUTES: Array<{ url: string; valid: Record<string, unknown>; wrongType: string; tooLong: string }> = [
  { url: '/api/v1/portal/questions', valid: { text: 'When do I get my laptop?' }, wrongType: 'text', tooLong: 'text' },
  { url: '/api/v1/portal/pulse', valid: { score: 4 }, wrongType: 'score', tooLong: 'comment' },
  { url: '/api/v1/portal/language', valid: { language: 'en-US' }, wrongType: 'language', tooLong: 'language' },
];

describe('portal bodies get 400 naming the field too', () => {
  let authorization: string;
  beforeAll(async () => {
    const res = await t.call(s.hr, 'POST', `/api/v1/candidates/${demo.candidateIds[1]}/portal-link`);
    authorization = `Portal ${res.json().url.split('#t=')[1]}`;
  });
  const send = (url: string, payload: string) => t.app.inject({ method: 'POST', url, payload, headers: { authorization, 'content-type': 'application/json' } });

  for (const r of PORTAL_BODY_ROUTES) {
    it(`POST ${r.url}: the valid body passes`, async () => {
      expect((await send(r.url, JSON.stringify(r.valid))).statusCode).toBeLessThan(300);
    });
    it(`POST ${r.url}: malformed JSON`, async () => { expect400(await send(r.url, '{"oops":')); });
    it(`POST ${r.url}: unknown field`, async () => { expect400(await send(r.url, JSON.stringify({ ...r.valid, surprise: 1 })), 'surprise'); });
    it(`POST ${r.url}: wrong type`, async () => { expect400(await send(r.url, JSON.stringify({ ...r.valid, [r.wrongType]: { nested: [1] } })), r.wrongType); });
    it(`POST ${r.url}: over-long string`, async () => { expect400(await send(r.url, JSON.stringify({ ...r.valid, [r.tooLong]: long })), r.tooLong); });
    it(`POST ${r.url}: body that is not an object`, async () => { expect400(await send(r.url, '[1,2]')); });
  }
});
