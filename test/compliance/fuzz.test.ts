/**
 * Hostile input against every API route (issue 7): thousands of generated requests —
 * wrong types, huge and tricky strings, SQL and template injection, path traversal,
 * other organisations' ids — from anonymous callers, staff of several roles and a
 * candidate's portal link. The server must never answer 5xx, must answer errors in the
 * one error shape, and must never show another organisation's data.
 *
 * Routes are read from the running app, so a route added later is fuzzed too.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DemoOrg } from '../../src/services/seed/seed-demo.js';
import { createTestApp, seedAndLogin, type Role, type Session, type TestApp } from '../app.js';

let t: TestApp;
let a: { demo: DemoOrg; sessions: Record<Role, Session> };
let b: { demo: DemoOrg };
let portalCredential: string;
let spec: { paths: Record<string, Record<string, OpenApiOperation>> };
const canaries: string[] = [];

interface OpenApiOperation {
  parameters?: Array<{ in: string; name: string }>;
  requestBody?: { content?: Record<string, { schema?: { properties?: Record<string, unknown> } }> };
}

beforeAll(async () => {
  t = await createTestApp();
  a = await seedAndLogin(t);
  b = await seedAndLogin(t);
  // Mark the other organisation's people so any leak is recognisable in a response.
  for (const [i, id] of b.demo.candidateIds.entries()) {
    const marker = `CANARY${Math.random().toString(36).slice(2, 10)}X${i}`;
    canaries.push(marker, id);
    await t.deps.db.updateTable('candidates').set({ full_name: marker, email: `${marker.toLowerCase()}@leak.test`, notes: marker })
      .where('org_id', '=', b.demo.orgId).where('id', '=', id).execute();
  }
  canaries.push(b.demo.orgId, ...Object.values(b.demo.users).map((u) => u.id));
  const link = await t.call(a.sessions.hr, 'POST', `/api/v1/candidates/${a.demo.candidateIds[1]}/portal-link`, {});
  expect(link.statusCode).toBe(201);
  portalCredential = new URL(link.json().url).hash.replace(/^#t=/, '');
  spec = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
}, 60_000);
afterAll(async () => t?.close());

const HOSTILE_STRINGS = [
  '', ' ', '0', '-1', '1e309', 'NaN', 'null', 'true', '[]', '{}',
  "' OR '1'='1", "'; DROP TABLE candidates; --", '" OR 1=1 --', '1; SELECT pg_sleep(5)', '$1', '%',
  '{{ 7 * 7 }}', '{% include "/etc/passwd" %}', '{{ "x" | append: org_id }}', '${process.env}', '#{7*7}',
  '../../../../etc/passwd', '..\\..\\windows\\win.ini', '/etc/shadow', 'file:///etc/passwd', '%2e%2e%2f%2e%2e%2f',
  '<script>alert(1)</script>', '"><img src=x onerror=alert(1)>', 'javascript:alert(1)',
  '\u202Eevil\u202C', 'ｅｖｉｌ', 'a\u0000b', '\uD800', '😀'.repeat(50), 'é'.normalize('NFD'), '\r\nSet-Cookie: x=1',
  '2026-02-30', '2026-13-01', '9999-12-31', '0000-01-01', '2026-11-25T25:00:00Z', 'Asia/Nowhere',
  '00000000-0000-0000-0000-000000000000', 'ffffffff-ffff-ffff-ffff-ffffffffffff',
];

const hostileString = fc.oneof(
  fc.constantFrom(...HOSTILE_STRINGS),
  fc.string({ unit: 'binary', maxLength: 64 }),
  fc.nat({ max: 300_000 }).map((n) => 'x'.repeat(n)),
);
const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: hostileString },
  { weight: 1, arbitrary: fc.oneof(fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.constant(-1), fc.constant(2 ** 53)) },
  { weight: 1, arbitrary: fc.array(hostileString, { maxLength: 5 }) },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
  { weight: 1, arbitrary: fc.dictionary(fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'a'), fc.jsonValue({ maxDepth: 1 })) },
);

/** Values for a path parameter: real ids of ours, the other org's, unknown and hostile ones. */
const idValue = () => fc.oneof(
  fc.constantFrom(a.demo.candidateIds[0]!, a.demo.candidateIds[1]!, a.demo.users.hr.id, a.demo.sites.shanghai, a.demo.departments.engineering),
  fc.constantFrom(b.demo.candidateIds[0]!, b.demo.candidateIds[1]!, b.demo.users.hr.id, b.demo.sites.shanghai),
  fc.uuid(),
  hostileString.filter((s) => s.length < 2000),
  fc.constantFrom(...RAW_URL_PIECES),
);

type Caller = 'anonymous' | 'portal' | Role;
const CALLERS: Caller[] = ['anonymous', 'portal', 'hr', 'manager', 'admin', 'org_admin'];

function headersFor(caller: Caller, method: string): Record<string, string> {
  if (caller === 'anonymous') return {};
  if (caller === 'portal') return { authorization: `Portal ${portalCredential}` };
  const s = a.sessions[caller];
  return { cookie: s.cookie, ...(method === 'GET' ? {} : { 'x-csrf-token': s.csrf }) };
}

/** Routes that would end the fuzzing sessions themselves; still fuzzed anonymously. */
const SESSION_ENDING = /\/auth\/logout/;

function operationOf(route: string) {
  const [method, url] = route.split(' ') as [string, string];
  const openApiPath = url.replace(/:(\w+)/g, '{$1}');
  return { method, url, op: spec.paths[openApiPath]?.[method.toLowerCase()] };
}

/** Sent as they are in a URL: broken UTF-8, overlong dots, a stray percent sign. */
const RAW_URL_PIECES = ['%ED%A0%80', '%C0%AE%C0%AE%2F', '%', '%zz', '%00'];

function decodeSafely(url: string): string {
  try { return `${url} ${decodeURIComponent(url)}`; } catch { return url; }
}

function encode(v: unknown): string {
  const text = typeof v === 'string' ? v : JSON.stringify(v) ?? '';
  if (RAW_URL_PIECES.includes(text)) return text;
  // A lone surrogate cannot be percent-encoded; send what a client would: invalid UTF-8.
  return encodeURIComponent(text.replace(/[\uD800-\uDFFF]/g, '\uFFFD')).replace(/%EF%BF%BD/g, '%ED%A0%80');
}

/** `sent`: what the caller put in the request (echoing that back is no leak). */
function checkResponse(route: string, sent: string, res: { statusCode: number; body: string; headers: Record<string, unknown> }) {
  const where = `${route} → ${res.statusCode} ${res.body.slice(0, 300)}`;
  expect(res.statusCode, where).toBeLessThan(500);
  for (const canary of canaries) {
    if (!sent.includes(canary)) expect(res.body.includes(canary), `${where} leaks ${canary}`).toBe(false);
  }
  expect(res.body, where).not.toMatch(/\n\s+at .+\(.+:\d+:\d+\)/);
  if (res.statusCode >= 400 && String(res.headers['content-type'] ?? '').includes('json')) {
    const body = JSON.parse(res.body) as { error?: { code?: unknown; message?: unknown } };
    expect(typeof body.error?.code, where).toBe('string');
    expect(typeof body.error?.message, where).toBe('string');
  }
}

describe('hostile requests to every route', () => {
  it('never answer 5xx, always answer errors in one shape, never show another org’s data', async () => {
    const routes = t.app.apiRoutes;
    expect(routes.length).toBeGreaterThan(20);
    const runsPerRoute = Math.max(40, Math.ceil(4000 / routes.length));
    let requests = 0;
    for (const route of routes) {
      const { method, url, op } = operationOf(route);
      const params = [...url.matchAll(/:(\w+)/g)].map((m) => m[1]!);
      const queryNames = (op?.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name);
      const bodyNames = Object.keys(op?.requestBody?.content?.['application/json']?.schema?.properties ?? {});
      const callers = SESSION_ENDING.test(url) ? (['anonymous'] as Caller[]) : CALLERS;
      await fc.assert(fc.asyncProperty(
        fc.constantFrom(...callers),
        fc.tuple(...params.map(() => idValue())),
        fc.dictionary(fc.constantFrom(...queryNames, 'limit', 'offset', 'x'), fc.oneof(hostileValue, fc.constantFrom(...RAW_URL_PIECES)), { maxKeys: 4 }),
        fc.oneof(
          { weight: 5, arbitrary: fc.dictionary(fc.constantFrom(...bodyNames, 'extra', 'orgId', 'org_id'), hostileValue, { maxKeys: 6 }) },
          { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 2 }) },
          { weight: 1, arbitrary: fc.constantFrom('{"a":', 'not json', '[' .repeat(2000), '"\\u0000"') },
        ),
        fc.constantFrom('application/json', 'application/json', 'application/json', 'text/plain', 'application/x-www-form-urlencoded'),
        async (caller, values, query, body, contentType) => {
          let path = url;
          params.forEach((name, i) => { path = path.replace(`:${name}`, encode(values[i])); });
          const qs = Object.entries(query).map(([k, v]) => `${k}=${encode(v)}`).join('&');
          const hasBody = method !== 'GET' && method !== 'DELETE';
          const payload = hasBody ? (typeof body === 'string' ? body : JSON.stringify(body)) : undefined;
          const target = qs ? `${path}?${qs}` : path;
          const res = await t.app.inject({
            method: method as 'GET', url: target,
            headers: { ...headersFor(caller, method), ...(hasBody ? { 'content-type': contentType } : {}) },
            payload,
          });
          requests += 1;
          checkResponse(route, `${decodeSafely(target)} ${payload ?? ''}`, res);
        },
      ), { numRuns: runsPerRoute, seed: Number(process.env.FUZZ_SEED ?? Date.now() % 2 ** 31), endOnFailure: true });
    }
    expect(requests).toBeGreaterThanOrEqual(2000);
  }, 600_000);
});
