/**
 * Privacy (DESIGN §5, issue 7): anonymisation removes personal data wherever it lives and
 * keeps the statistics; the retention dry run lists exactly who the rule reaches and the
 * purge does exactly that; exports hold everything and escape it; corrections reach the
 * next message; deletion requests carry an SLA, an overdue flag and HR's decision; no
 * link or session reaches another person's data. PGlite, and PostgreSQL with TEST_DATABASE_URL.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toLocalDate, addLocalDays } from '../../src/core/time/local-time.js';
import { giveConsent } from '../../src/services/consents/consents.js';
import { dispatchMessage } from '../../src/services/dispatch/dispatch-message.js';
import { wakeDueCandidates } from '../../src/services/engine/apply-event.js';
import { ANONYMISED_NAME, anonymiseCandidate } from '../../src/services/privacy/anonymise.js';
import { applyRetention, previewRetention, runRetentionSweep } from '../../src/services/privacy/retention.js';
import type { DemoOrg } from '../../src/services/seed/seed-demo.js';
import { createTestApp, seedAndLogin, type Role, type Session, type TestApp } from '../app.js';

let t: TestApp;
let demo: DemoOrg;
let s: Record<Role, Session>;
let other: { demo: DemoOrg; sessions: Record<Role, Session> };
let realStart: Date;
const DAY = 24 * 3600 * 1000;

beforeAll(async () => {
  t = await createTestApp();
  ({ demo, sessions: s } = await seedAndLogin(t));
  other = await seedAndLogin(t);
  realStart = t.clock.now();
});
afterAll(async () => t?.close());

let serial = 0;
async function createCandidate(org: { demo: DemoOrg; hr: Session }, fields: Record<string, unknown> = {}): Promise<string> {
  serial += 1;
  const res = await t.call(org.hr, 'POST', '/api/v1/candidates', {
    fullName: `候选人${serial}`, email: `person${serial}@example.com`, phone: `+86 138 0000 ${String(1000 + serial)}`, roleType: 'tech',
    departmentId: org.demo.departments.engineering, siteId: org.demo.sites.shanghai, positionTitle: 'Engineer',
    startDate: addLocalDays(toLocalDate(t.clock.now(), 'Asia/Shanghai'), 30), notes: `private note ${serial}`, ...fields,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id;
}
const mine = () => ({ demo, hr: s.hr });

async function event(id: string, body: Record<string, unknown>, as: Session = s.hr) {
  const res = await t.call(as, 'POST', `/api/v1/candidates/${id}/events`, body);
  expect(res.statusCode, res.body).toBeLessThan(300);
}

async function issueLink(id: string, as: Session = s.hr): Promise<string> {
  const res = await t.call(as, 'POST', `/api/v1/candidates/${id}/portal-link`);
  expect(res.statusCode, res.body).toBe(201);
  return res.json().url.split('#t=')[1];
}

function portal(credential: string, method: string, url: string, body?: unknown) {
  return t.app.inject({
    method: method as 'GET', url: `/api/v1/portal${url}`,
    headers: { authorization: `Portal ${credential}`, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
    payload: body === undefined ? undefined : JSON.stringify(body),
  });
}

/** Every row of every table that holds a candidate_id (the audit log aside), as JSON text. */
async function dumpRowsOf(candidateId: string): Promise<string> {
  const tables = await sql<{ table_name: string }>`
    SELECT table_name FROM information_schema.columns
    WHERE table_schema = current_schema() AND column_name = 'candidate_id' AND table_name <> 'audit_log'`.execute(t.deps.db);
  const parts: string[] = [];
  for (const { table_name } of tables.rows) {
    const rows = await sql<{ j: string }>`SELECT row_to_json(x)::text AS j FROM ${sql.id(table_name)} x WHERE candidate_id = ${candidateId}`.execute(t.deps.db);
    parts.push(...rows.rows.map((r) => `${table_name}: ${r.j}`));
  }
  const own = await sql<{ j: string }>`SELECT row_to_json(x)::text AS j FROM candidates x WHERE id = ${candidateId}`.execute(t.deps.db);
  return [...parts, ...own.rows.map((r) => `candidates: ${r.j}`)].join('\n');
}

async function setOrgSettings(orgId: string, patch: Record<string, unknown>) {
  await sql`UPDATE orgs SET settings = settings || ${JSON.stringify(patch)}::jsonb WHERE org_id = ${orgId}`.execute(t.deps.db);
}

describe('anonymisation', () => {
  it('removes the person’s data from every table, keeps the statistics, and is idempotent', async () => {
    t.clock.set(realStart);
    const name = '隐私测试人Zed';
    const id = await createCandidate(mine(), { fullName: name, email: 'zed.private@example.com', phone: '+86 139 1234 5678', notes: 'lives at 7 Secret Road', externalRef: 'ATS-ZED-1' });
    await event(id, { type: 'offer_accepted' });
    const credential = await issueLink(id);
    expect((await portal(credential, 'POST', '/questions', { text: 'my private question about my health' })).statusCode).toBe(201);
    expect((await portal(credential, 'POST', '/pulse', { score: 2, comment: 'worried about my commute' })).statusCode).toBe(201);
    expect((await t.call(s.hr, 'POST', `/api/v1/candidates/${id}/touches`, { kind: 'call', channel: 'phone', direction: 'outbound', summary: 'Called Zed at home', content: 'Zed mentioned the counteroffer' })).statusCode).toBe(201);
    await giveConsent(t.deps.db, { orgId: demo.orgId, candidateId: id, kind: 'talent_pool', language: 'zh-CN', facts: { company: 'Demo' }, by: { kind: 'candidate', id, ip: '10.1.2.3' }, at: t.clock.now() }, name);
    await giveConsent(t.deps.db, { orgId: demo.orgId, candidateId: id, kind: 'sensitive_info', language: 'zh-CN', facts: { company: 'Demo' }, by: { kind: 'candidate', id, ip: '10.1.2.3' }, at: t.clock.now() }, name);
    expect((await portal(credential, 'POST', '/my-data/requests', { kind: 'correction', detail: 'My middle name is Quentin' })).statusCode).toBe(201);
    const hasDocuments = await insertSealedDocumentIfSupported(id);
    await insertOtherRecordsIfSupported(id);
    // The plan's first messages become rows when the engine wakes for them.
    t.clock.set(new Date(realStart.getTime() + 6 * 3600 * 1000));
    await wakeDueCandidates(t.deps, { orgId: demo.orgId, candidateId: id });

    const before = await dumpRowsOf(id);
    expect(before).toContain('zed.private@example.com');
    expect(before).toContain('my private question');
    const scheduledBefore = await t.deps.db.selectFrom('outbound_messages').select('id').where('candidate_id', '=', id).where('status', '=', 'scheduled').execute();
    expect(scheduledBefore.length).toBeGreaterThan(0);
    const counts = async () => ({
      touches: (await t.deps.db.selectFrom('touches').select('id').where('candidate_id', '=', id).execute()).length,
      offers: (await t.deps.db.selectFrom('offers').select('version').where('candidate_id', '=', id).execute()).length,
      tasks: (await t.deps.db.selectFrom('tasks').select('key').where('candidate_id', '=', id).execute()).length,
    });
    const countsBefore = await counts();

    const at = t.clock.now();
    await anonymiseCandidate(t.deps, demo.orgId, id, { reason: 'test', actor: { kind: 'system' }, at });

    const after = await dumpRowsOf(id);
    for (const secret of [name, 'Zed', 'zed.private', '1234 5678', 'Secret Road', 'ATS-ZED-1', 'private question', 'commute', 'counteroffer', 'Quentin', '10.1.2.3', 'passport-bytes', 'likes Rust', 'parks at B2']) {
      expect(after, secret).not.toContain(secret);
    }
    const row = await t.deps.db.selectFrom('candidates').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    expect(row.full_name).toBe(ANONYMISED_NAME);
    expect(row.anonymised_at?.getTime()).toBe(at.getTime());
    expect(row.status).toBe('offer_accepted');
    expect(await counts()).toEqual(countsBefore);
    const offer = await t.deps.db.selectFrom('offers').select(['position_title', 'start_date']).where('candidate_id', '=', id).executeTakeFirstOrThrow();
    expect(offer.position_title).toBe('Engineer');
    expect(await t.deps.db.selectFrom('outbound_messages').select('id').where('candidate_id', '=', id).where('status', 'in', ['scheduled', 'failed']).execute()).toEqual([]);
    expect(await t.deps.db.selectFrom('tasks').select('key').where('candidate_id', '=', id).where('status', '=', 'open').execute()).toEqual([]);
    const consents = await t.deps.db.selectFrom('consents').select(['withdrawn_by', 'typed_name', 'wording_text']).where('candidate_id', '=', id).execute();
    expect(consents.length).toBe(2);
    expect(consents.every((c) => c.withdrawn_by === 'system' && c.wording_text.length > 0)).toBe(true);
    if (hasDocuments) {
      const docs = await sql<{ sealed_content: unknown; deleted_reason: string }>`SELECT sealed_content, deleted_reason FROM checklist_documents WHERE candidate_id = ${id}`.execute(t.deps.db);
      expect(docs.rows).toEqual([{ sealed_content: null, deleted_reason: 'anonymised' }]);
    }
    expect((await portal(credential, 'GET', '/my-data')).statusCode).toBe(401);
    expect((await t.call(s.hr, 'GET', `/api/v1/candidates/${id}`)).statusCode).toBe(404);

    await anonymiseCandidate(t.deps, demo.orgId, id, { reason: 'again', actor: { kind: 'system' }, at: new Date(at.getTime() + 1000) });
    const audits = await t.deps.db.selectFrom('audit_log').select(['action', 'detail']).where('candidate_id', '=', id).where('action', '=', 'anonymised').execute();
    expect(audits.length).toBe(1);
    expect((await t.deps.db.selectFrom('candidates').select('anonymised_at').where('id', '=', id).executeTakeFirstOrThrow()).anonymised_at?.getTime()).toBe(at.getTime());
  });
});

async function tableExists(name: string): Promise<boolean> {
  const res = await sql<{ n: number }>`SELECT count(*)::int AS n FROM information_schema.tables WHERE table_schema = current_schema() AND table_name = ${name}`.execute(t.deps.db);
  return Number(res.rows[0]?.n) > 0;
}

/** Free text other features keep (talent-pool notes, arrival notes), when their tables exist. */
async function insertOtherRecordsIfSupported(candidateId: string): Promise<void> {
  const now = t.clock.now();
  if (await tableExists('talent_pool_entries')) {
    await sql`INSERT INTO talent_pool_entries (org_id, candidate_id, tags, notes, created_at, updated_at) VALUES (${demo.orgId}, ${candidateId}, '{backend}', 'Zed likes Rust', ${now}, ${now})`.execute(t.deps.db);
  }
  if (await tableExists('logistics_confirmations')) {
    await sql`INSERT INTO logistics_confirmations (org_id, candidate_id, mode, arrival_time, note, start_date, confirmed_at, confirmed_ip) VALUES (${demo.orgId}, ${candidateId}, 'car', '09:00', 'Zed parks at B2', '2027-01-04', ${now}, '10.1.2.3')`.execute(t.deps.db);
  }
}

/** A sealed upload in the checklist's table, when that table exists in this build. */
async function insertSealedDocumentIfSupported(candidateId: string): Promise<boolean> {
  const exists = await sql<{ n: number }>`SELECT count(*)::int AS n FROM information_schema.tables WHERE table_schema = current_schema() AND table_name = 'checklist_documents'`.execute(t.deps.db);
  if (!Number(exists.rows[0]?.n)) return false;
  const now = t.clock.now();
  await sql`INSERT INTO checklist_items (org_id, candidate_id, item_id, status, submitted_at, updated_at) VALUES (${demo.orgId}, ${candidateId}, 'privacy-test', 'submitted', ${now}, ${now})`.execute(t.deps.db);
  const sealed = t.deps.vault.seal(Buffer.from('passport-bytes'), `${demo.orgId}/${candidateId}/document`);
  await sql`INSERT INTO checklist_documents (org_id, id, candidate_id, item_id, file_name, content_type, size_bytes, sha256, sensitive, sealed_content, key_id, uploaded_at)
    VALUES (${demo.orgId}, ${crypto.randomUUID()}, ${candidateId}, 'privacy-test', 'Zed-passport.jpg', 'image/jpeg', 14, 'x', true, ${sealed}, 'k', ${now})`.execute(t.deps.db);
  return true;
}

describe('retention', () => {
  it('the dry run lists exactly the people past the period and outside the talent pool; applying does exactly that', async () => {
    await setOrgSettings(demo.orgId, { retentionDays: 30 });
    await setOrgSettings(other.demo.orgId, { retentionDays: 30 });
    const old = new Date(realStart.getTime() - 60 * DAY);
    const recent = new Date(realStart.getTime() - 10 * DAY);
    const endAt = async (when: Date, fields: Record<string, unknown> = {}, org = mine()) => {
      t.clock.set(when);
      const id = await createCandidate(org, fields);
      await event(id, { type: 'offer_accepted' }, org.hr);
      await event(id, { type: 'reneged', reason: 'salary' }, org.hr);
      return id;
    };
    const poolConsent = async (id: string, expiresAt: Date) => {
      await giveConsent(t.deps.db, { orgId: demo.orgId, candidateId: id, kind: 'talent_pool', language: 'zh-CN', facts: { company: 'Demo' }, by: { kind: 'candidate', id }, at: t.clock.now() }, '');
      await t.deps.db.updateTable('consents').set({ expires_at: expiresAt }).where('candidate_id', '=', id).where('kind', '=', 'talent_pool').execute();
    };
    const oldDeclined = await endAt(old);
    const recentDeclined = await endAt(recent);
    const oldInPool = await endAt(old);
    await poolConsent(oldInPool, new Date(realStart.getTime() + 300 * DAY));
    const oldPoolExpired = await endAt(old);
    await poolConsent(oldPoolExpired, new Date(realStart.getTime() - DAY));
    const recentPoolExpired = await endAt(recent);
    await poolConsent(recentPoolExpired, new Date(realStart.getTime() - DAY));
    t.clock.set(old);
    const oldButOpen = await createCandidate(mine());
    const oldWithdrawn = await createCandidate(mine());
    await t.deps.db.updateTable('candidates').set({ status: 'withdrawn' }).where('id', '=', oldWithdrawn).execute();
    await t.deps.db.insertInto('touches').values({
      org_id: demo.orgId, id: crypto.randomUUID(), candidate_id: oldWithdrawn, occurred_at: old, kind: 'status', channel: 'other', direction: 'internal',
      author_kind: 'system', author_user_id: null, summary: 'Status: offer_sent → withdrawn', step_id: null,
    }).execute();
    const otherOrgOld = await endAt(old, {}, { demo: other.demo, hr: other.sessions.hr });
    t.clock.set(realStart);

    const res = await t.call(s.org_admin, 'GET', '/api/v1/privacy/retention-preview');
    expect(res.statusCode, res.body).toBe(200);
    const preview = res.json() as Awaited<ReturnType<typeof previewRetention>>;
    expect(preview.retentionDays).toBe(30);
    const byId = new Map(preview.items.map((i) => [i.candidateId, i]));
    expect(new Set(byId.keys())).toEqual(new Set([oldDeclined, oldPoolExpired, recentPoolExpired, oldWithdrawn]));
    expect(byId.get(oldDeclined)).toMatchObject({ action: 'anonymise', reasons: ['retention_elapsed'], status: 'reneged' });
    expect(byId.get(oldPoolExpired)).toMatchObject({ action: 'anonymise', reasons: ['talent_pool_expired', 'retention_elapsed'] });
    expect(byId.get(recentPoolExpired)).toMatchObject({ action: 'withdraw_consent', reasons: ['talent_pool_expired'] });
    expect(byId.get(oldWithdrawn)).toMatchObject({ action: 'anonymise', status: 'withdrawn' });
    for (const untouched of [recentDeclined, oldInPool, oldButOpen, otherOrgOld]) expect(byId.has(untouched)).toBe(false);
    expect((await t.call(s.hr, 'GET', '/api/v1/privacy/retention-preview')).statusCode).toBe(403);

    // The dry run changed nothing.
    expect((await t.deps.db.selectFrom('candidates').select('id').where('id', 'in', [oldDeclined, oldPoolExpired, oldWithdrawn]).where('anonymised_at', 'is not', null).execute())).toEqual([]);

    const outcome = await applyRetention(t.deps, demo.orgId, t.clock.now());
    expect(outcome.anonymised).toBe(3);
    expect(outcome.consentsWithdrawn).toBe(2);
    const anonymised = await t.deps.db.selectFrom('candidates').select('id').where('org_id', '=', demo.orgId).where('anonymised_at', 'is not', null)
      .where('id', 'in', [oldDeclined, recentDeclined, oldInPool, oldPoolExpired, recentPoolExpired, oldButOpen, oldWithdrawn]).execute();
    expect(new Set(anonymised.map((r) => r.id))).toEqual(new Set(preview.items.filter((i) => i.action === 'anonymise').map((i) => i.candidateId)));
    const recentConsent = await t.deps.db.selectFrom('consents').select(['withdrawn_by']).where('candidate_id', '=', recentPoolExpired).executeTakeFirstOrThrow();
    expect(recentConsent.withdrawn_by).toBe('system');
    const kept = await t.deps.db.selectFrom('consents').select(['withdrawn_at']).where('candidate_id', '=', oldInPool).executeTakeFirstOrThrow();
    expect(kept.withdrawn_at).toBeNull();
    const purges = await t.deps.db.selectFrom('audit_log').select('candidate_id').where('org_id', '=', demo.orgId).where('action', '=', 'anonymised').where('actor_kind', '=', 'system').execute();
    expect(purges.map((p) => p.candidate_id)).toEqual(expect.arrayContaining([oldDeclined, oldPoolExpired, oldWithdrawn]));
    expect((await previewRetention(t.deps, demo.orgId, t.clock.now())).items).toEqual([]);
    expect((await previewRetention(t.deps, other.demo.orgId, t.clock.now())).items.map((i) => i.candidateId)).toEqual([otherOrgOld]);
  });
});

describe('the nightly sweep', () => {
  it('runs once per organisation and local day, after 02:00 in its zone', async () => {
    const orgId = other.demo.orgId;
    await setOrgSettings(orgId, { retentionDays: 30 });
    const old = new Date(realStart.getTime() - 90 * DAY);
    t.clock.set(old);
    const hr = await t.login(other.demo.users.hr.email, other.demo.password);
    const id = await createCandidate({ demo: other.demo, hr });
    await event(id, { type: 'offer_accepted' }, hr);
    await event(id, { type: 'reneged', reason: 'location' }, hr);
    const day = toLocalDate(new Date(realStart.getTime() + 2 * DAY), 'Asia/Shanghai');
    const runs = () => t.deps.db.selectFrom('retention_runs').select(['local_date', 'status', 'anonymised']).where('org_id', '=', orgId).execute();

    t.clock.set(new Date(`${day}T01:30:00+08:00`));
    expect(await runRetentionSweep(t.deps, { orgId })).toEqual({ orgs: 0, anonymised: 0, consentsWithdrawn: 0 });
    expect(await runs()).toEqual([]);

    t.clock.set(new Date(`${day}T02:30:00+08:00`));
    const first = await runRetentionSweep(t.deps, { orgId });
    expect(first.orgs).toBe(1);
    expect(first.anonymised).toBeGreaterThanOrEqual(1);
    t.clock.set(new Date(`${day}T09:00:00+08:00`));
    expect(await runRetentionSweep(t.deps, { orgId })).toEqual({ orgs: 0, anonymised: 0, consentsWithdrawn: 0 });
    expect(await runs()).toEqual([{ local_date: day, status: 'done', anonymised: first.anonymised }]);
    expect((await t.deps.db.selectFrom('candidates').select('anonymised_at').where('id', '=', id).executeTakeFirstOrThrow()).anonymised_at).not.toBeNull();
    t.clock.set(realStart);
  });
});

describe('export', () => {
  it('holds the person’s data and the HTML shows markup as text', async () => {
    t.clock.set(realStart);
    const name = '<script>alert(1)</script>李';
    const id = await createCandidate(mine(), { fullName: name });
    const credential = await issueLink(id);
    expect((await portal(credential, 'POST', '/questions', { text: '<img src=x onerror=alert(2)> when do I start?' })).statusCode).toBe(201);
    await giveConsent(t.deps.db, { orgId: demo.orgId, candidateId: id, kind: 'talent_pool', language: 'zh-CN', facts: { company: 'Demo' }, by: { kind: 'candidate', id }, at: t.clock.now() }, name);

    const json = await portal(credential, 'GET', '/my-data/export?format=json');
    expect(json.statusCode, json.body).toBe(200);
    expect(json.headers['content-disposition']).toMatch(/^attachment; filename="my-data-\d{4}-\d{2}-\d{2}\.json"$/);
    const data = json.json();
    expect(data.profile.fullName).toBe(name);
    expect(data.offers[0].positionTitle).toBe('Engineer');
    expect(data.timeline.some((x: { content: string }) => x.content.includes('<img src=x'))).toBe(true);
    expect(data.consents[0].wording).toContain('Demo');
    expect(data.auditEntries.length).toBeGreaterThan(0);
    expect(data.requests).toEqual([expect.objectContaining({ kind: 'export', status: 'done', requestedBy: 'candidate' })]);

    const html = await portal(credential, 'GET', '/my-data/export?format=html');
    expect(html.statusCode).toBe(200);
    expect(html.headers['content-type']).toMatch(/^text\/html/);
    expect(html.body).not.toContain('<script>alert(1)');
    expect(html.body).not.toContain('<img src=x');
    expect(html.body).toContain('&lt;script&gt;alert(1)&lt;/script&gt;李');
    expect(html.body).toContain('&lt;img src=x onerror=alert(2)&gt;');
    expect(html.body).not.toMatch(/<script/i);

    const requests = await t.deps.db.selectFrom('data_requests').select(['kind', 'status', 'requested_by']).where('candidate_id', '=', id).execute();
    expect(requests).toEqual([{ kind: 'export', status: 'done', requested_by: 'candidate' }, { kind: 'export', status: 'done', requested_by: 'candidate' }]);
    const summary = (await portal(credential, 'GET', '/my-data')).json();
    expect(summary.held.touches).toBeGreaterThanOrEqual(1);
    expect(summary.consents[0]).toMatchObject({ kind: 'talent_pool', active: true });
    expect(summary.requests.length).toBe(2);

    const staff = await t.call(s.hr, 'GET', `/api/v1/privacy/candidates/${id}/export?format=html`);
    expect(staff.statusCode).toBe(200);
    expect(staff.body).not.toContain('<script>alert');
    expect((await t.call(s.manager, 'GET', `/api/v1/privacy/candidates/${id}/export`)).statusCode).toBe(403);
  });
});

describe('corrections', () => {
  it('a corrected email and name are what the next message uses; bad input names the field', async () => {
    t.clock.set(realStart);
    const id = await createCandidate(mine(), { fullName: '旧名字', email: 'old.address@example.com' });
    await event(id, { type: 'offer_accepted' });
    const credential = await issueLink(id);
    const bad = await portal(credential, 'POST', '/my-data/contact', { email: 'not-an-email' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.field).toBe('email');
    expect((await portal(credential, 'POST', '/my-data/contact', {})).statusCode).toBe(400);
    const ok = await portal(credential, 'POST', '/my-data/contact', { email: 'new.address@example.com', fullName: '新名字' });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().changed.sort()).toEqual(['email', 'full_name']);
    const audit = await t.deps.db.selectFrom('audit_log').select('detail').where('candidate_id', '=', id).where('actor_kind', '=', 'candidate').where('action', '=', 'update').executeTakeFirstOrThrow();
    expect(JSON.stringify(audit.detail)).not.toContain('new.address');

    t.clock.set(new Date(realStart.getTime() + DAY));
    await wakeDueCandidates(t.deps, { orgId: demo.orgId, candidateId: id });
    const next = await t.deps.db.selectFrom('outbound_messages').select(['id', 'send_after']).where('candidate_id', '=', id).where('channel', '=', 'email')
      .where('status', '=', 'scheduled').orderBy('send_after').executeTakeFirstOrThrow();
    t.clock.set(new Date(next.send_after.getTime() + 1000));
    await dispatchMessage(t.deps, demo.orgId, next.id);
    const sent = await t.deps.db.selectFrom('outbound_messages').select(['recipient', 'body_text', 'status']).where('id', '=', next.id).executeTakeFirstOrThrow();
    expect(sent.recipient).toBe('new.address@example.com');
    expect(sent.body_text).toContain('新名字');
    expect(sent.body_text).not.toContain('旧名字');
    t.clock.set(realStart);
  });
});

describe('deletion requests', () => {
  it('carry the SLA, turn overdue, and HR’s approval anonymises the person', async () => {
    t.clock.set(realStart);
    await setOrgSettings(demo.orgId, { dataRequestSlaDays: 10 });
    const id = await createCandidate(mine(), { fullName: 'Delete Me' });
    const credential = await issueLink(id);
    const first = await portal(credential, 'POST', '/my-data/requests', { kind: 'deletion', detail: 'please forget me' });
    expect(first.statusCode, first.body).toBe(201);
    expect(Date.parse(first.json().dueAt)).toBe(realStart.getTime() + 10 * DAY);
    const again = await portal(credential, 'POST', '/my-data/requests', { kind: 'deletion' });
    expect(again.json().id).toBe(first.json().id);
    const task = await t.deps.db.selectFrom('tasks').select(['step_id', 'owner_roles', 'due_at', 'status']).where('candidate_id', '=', id).where('step_id', '=', 'privacy.deletion_request').execute();
    expect(task).toEqual([{ step_id: 'privacy.deletion_request', owner_roles: ['hr'], due_at: new Date(realStart.getTime() + 10 * DAY), status: 'open' }]);

    const list = async () => {
      const res = await t.call(s.hr, 'GET', '/api/v1/privacy/requests?kind=deletion');
      expect(res.statusCode, res.body).toBe(200);
      return res.json().items.find((r: { id: string }) => r.id === first.json().id);
    };
    expect(await list()).toMatchObject({ kind: 'deletion', status: 'open', overdue: false, candidateName: 'Delete Me', requestedBy: 'candidate' });
    t.clock.set(new Date(realStart.getTime() + 11 * DAY));
    s.hr = await t.login(demo.users.hr.email, demo.password);
    s.manager = await t.login(demo.users.manager.email, demo.password);
    expect((await list()).overdue).toBe(true);
    expect((await t.call(s.manager, 'GET', '/api/v1/privacy/requests')).statusCode).toBe(403);
    const foreignHr = await t.login(other.demo.users.hr.email, other.demo.password);
    expect((await t.call(foreignHr, 'POST', `/api/v1/privacy/requests/${first.json().id}/resolve`, { decision: 'approve' })).statusCode).toBe(404);
    const noReason = await t.call(s.hr, 'POST', `/api/v1/privacy/requests/${first.json().id}/resolve`, { decision: 'refuse', reason: '' });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().error.field).toBe('reason');

    expect((await t.call(s.manager, 'POST', `/api/v1/privacy/requests/${first.json().id}/resolve`, { decision: 'approve' })).statusCode).toBe(403);
    const resolved = await t.call(s.hr, 'POST', `/api/v1/privacy/requests/${first.json().id}/resolve`, { decision: 'approve' });
    expect(resolved.statusCode, resolved.body).toBe(200);
    expect(resolved.json()).toMatchObject({ status: 'done', overdue: false, candidateName: ANONYMISED_NAME });
    const c = await t.deps.db.selectFrom('candidates').select(['anonymised_at', 'full_name']).where('id', '=', id).executeTakeFirstOrThrow();
    expect(c.anonymised_at).not.toBeNull();
    expect((await portal(credential, 'GET', '/my-data')).statusCode).toBe(401);
    expect((await t.call(s.hr, 'POST', `/api/v1/privacy/requests/${first.json().id}/resolve`, { decision: 'approve' })).statusCode).toBe(409);
    const audit = await t.deps.db.selectFrom('audit_log').select(['actor_kind', 'actor_id']).where('candidate_id', '=', id).where('action', '=', 'anonymised').executeTakeFirstOrThrow();
    expect(audit).toEqual({ actor_kind: 'user', actor_id: demo.users.hr.id });
    t.clock.set(realStart);
  });

  it('a refusal carries its reason, which the candidate reads in their inbox', async () => {
    t.clock.set(realStart);
    const id = await createCandidate(mine(), { fullName: 'Keep Me' });
    const credential = await issueLink(id);
    const req = (await portal(credential, 'POST', '/my-data/requests', { kind: 'deletion' })).json();
    const refused = await t.call(s.hr, 'POST', `/api/v1/privacy/requests/${req.id}/resolve`, { decision: 'refuse', reason: 'Employee register must be kept by law' });
    expect(refused.statusCode, refused.body).toBe(200);
    expect(refused.json()).toMatchObject({ status: 'refused', resolutionNote: 'Employee register must be kept by law' });
    const inbox = (await portal(credential, 'GET', '/messages')).json().items;
    expect(inbox.some((m: { body: string }) => m.body.includes('Employee register must be kept by law'))).toBe(true);
    const mineNow = (await portal(credential, 'GET', '/my-data')).json();
    expect(mineNow.requests[0]).toMatchObject({ status: 'refused', resolutionNote: 'Employee register must be kept by law' });
    expect((await t.deps.db.selectFrom('candidates').select('anonymised_at').where('id', '=', id).executeTakeFirstOrThrow()).anonymised_at).toBeNull();
  });
});

describe('consents from the portal', () => {
  it('lists consents with their wording and withdraws one', async () => {
    t.clock.set(realStart);
    const id = await createCandidate(mine());
    const credential = await issueLink(id);
    await giveConsent(t.deps.db, { orgId: demo.orgId, candidateId: id, kind: 'talent_pool', language: 'zh-CN', facts: { company: 'Demo' }, by: { kind: 'candidate', id }, at: t.clock.now() }, '');
    expect((await portal(credential, 'POST', '/my-data/consents/sensitive_info/withdraw')).statusCode).toBe(404);
    const res = await portal(credential, 'POST', '/my-data/consents/talent_pool/withdraw');
    expect(res.statusCode, res.body).toBe(200);
    const consent = await t.deps.db.selectFrom('consents').select(['withdrawn_by']).where('candidate_id', '=', id).executeTakeFirstOrThrow();
    expect(consent.withdrawn_by).toBe('candidate');
    expect((await portal(credential, 'POST', '/my-data/consents/everything/withdraw')).statusCode).toBe(400);
  });

  it('withdrawing the sensitive-information consent also deletes the sensitive documents', async () => {
    t.clock.set(realStart);
    const id = await createCandidate(mine());
    const credential = await issueLink(id);
    await giveConsent(t.deps.db, { orgId: demo.orgId, candidateId: id, kind: 'sensitive_info', language: 'zh-CN', facts: { company: 'Demo' }, by: { kind: 'candidate', id }, at: t.clock.now() }, '');
    const hasDocuments = await insertSealedDocumentIfSupported(id);
    const res = await portal(credential, 'POST', '/my-data/consents/sensitive_info/withdraw');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().sensitiveDocumentsPurged).toBe(hasDocuments);
    if (hasDocuments) {
      const docs = await sql<{ sealed_content: unknown }>`SELECT sealed_content FROM checklist_documents WHERE candidate_id = ${id}`.execute(t.deps.db);
      expect(docs.rows).toEqual([{ sealed_content: null }]);
    }
    expect((await portal(credential, 'GET', '/my-data')).json().consents[0]).toMatchObject({ kind: 'sensitive_info', active: false });
  });
});

describe('isolation', () => {
  it('a link reaches its own person only; staff of another org reach nothing', async () => {
    t.clock.set(realStart);
    const a = await createCandidate(mine(), { fullName: 'Alice Own' });
    const b = await createCandidate(mine(), { fullName: 'Bob Other' });
    const credA = await issueLink(a);
    await issueLink(b);
    const exported = await portal(credA, 'GET', '/my-data/export');
    expect(exported.body).toContain('Alice Own');
    expect(exported.body).not.toContain('Bob Other');
    const tampered = await portal(credA, 'GET', `/my-data?candidateId=${b}`);
    expect(tampered.statusCode === 400 || tampered.json().fullName === 'Alice Own', tampered.body).toBe(true);
    const forged = credA.replace(demo.orgId, other.demo.orgId);
    for (const [method, url, body] of [['GET', '/my-data'], ['GET', '/my-data/export'], ['POST', '/my-data/contact', { phone: '123456' }], ['POST', '/my-data/requests', { kind: 'deletion' }], ['POST', '/my-data/consents/talent_pool/withdraw']] as const) {
      const res = await portal(forged, method, url, body);
      expect(res.statusCode, `${method} ${url}`).toBe(401);
      expect((await t.app.inject({ method, url: `/api/v1/portal${url}` })).statusCode).toBe(401);
    }
    expect((await t.call(other.sessions.hr, 'GET', `/api/v1/privacy/candidates/${a}/export`)).statusCode).toBe(404);
    const foreignList = (await t.call(other.sessions.hr, 'GET', '/api/v1/privacy/requests?status=all')).json();
    expect(foreignList.items.every((r: { candidateId: string }) => r.candidateId !== a)).toBe(true);
  });
});
