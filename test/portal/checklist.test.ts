/**
 * The candidate checklist: the portal lists, marks ready and uploads (type by content,
 * size limit, sensitive items behind their own consent, sealed at rest); HR review with a
 * reason and the candidate is told; sensitive documents open for HR only, every read
 * audited; withdrawing the consent purges; no other org or candidate reaches any of it.
 * Runs on PGlite, and on PostgreSQL with TEST_DATABASE_URL.
 */
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DemoOrg } from '../../src/services/seed/seed-demo.js';
import { dispatchMessage } from '../../src/services/dispatch/dispatch-message.js';
import { createTestApp, seedAndLogin, type Role, type Session, type TestApp } from '../app.js';

let t: TestApp;
let demo: DemoOrg;
let s: Record<Role, Session>;
let other: { demo: DemoOrg; sessions: Record<Role, Session> };
/** 张三: tech, Engineering, managed by `manager`, plan running. */
let zhang: string;
let zhangLink: string;
let liLink: string;

const MARKER = 'PLAINTEXT-MARKER-7f3a9c';
const pdf = (extra = '') => Buffer.from(`%PDF-1.7\n% ${MARKER}${extra}\n1 0 obj << >> endobj\n%%EOF\n`);
const jpeg = (extra = '') => Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10]), Buffer.from(`JFIF ${MARKER}${extra}`)]);
const png = () => Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from(`IHDR ${MARKER}`)]);

async function issue(candidateId: string): Promise<string> {
  const res = await t.call(s.hr, 'POST', `/api/v1/candidates/${candidateId}/portal-link`);
  expect(res.statusCode, res.body).toBe(201);
  return (res.json().url as string).split('#t=')[1]!;
}

function portal(credential: string, method: string, url: string, body?: unknown) {
  return t.app.inject({
    method: method as 'GET', url: `/api/v1/portal${url}`,
    headers: { authorization: `Portal ${credential}`, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
    payload: body === undefined ? undefined : JSON.stringify(body),
  });
}

function upload(credential: string, itemId: string, bytes: Buffer, opts: { fileName?: string; type?: string; field?: string } = {}) {
  const boundary = `----pb${Math.random().toString(16).slice(2)}`;
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="${opts.field ?? 'file'}"; filename="${opts.fileName ?? 'scan.pdf'}"\r\n`
    + `Content-Type: ${opts.type ?? 'application/octet-stream'}\r\n\r\n`;
  const payload = Buffer.concat([Buffer.from(head), bytes, Buffer.from(`\r\n--${boundary}--\r\n`)]);
  return t.app.inject({
    method: 'POST', url: `/api/v1/portal/checklist/${itemId}/documents`, payload,
    headers: { authorization: `Portal ${credential}`, 'content-type': `multipart/form-data; boundary=${boundary}` },
  });
}

type Item = { id: string; status: string; reviewReason: string | null; reviewedBy?: { id: string } | null; documents: Array<{ id: string; fileName: string; sha256: string; sensitive: boolean }> };
const itemOf = (view: { items: Item[] }, id: string) => view.items.find((i) => i.id === id)!;
const portalItem = async (credential: string, id: string) => itemOf((await portal(credential, 'GET', '/checklist')).json(), id);

const auditRows = (action: string, entity: string) => t.deps.db.selectFrom('audit_log').selectAll()
  .where('org_id', '=', demo.orgId).where('candidate_id', '=', zhang).where('action', '=', action).where('entity', '=', entity).execute();

beforeAll(async () => {
  t = await createTestApp();
  // 11:00 in Shanghai: outside quiet hours, so a queued notice is sent when dispatched.
  t.clock.set('2026-11-26T03:00:00Z');
  ({ demo, sessions: s } = await seedAndLogin(t));
  other = await seedAndLogin(t);
  zhang = demo.candidateIds[0]!;
  zhangLink = await issue(zhang);
  liLink = await issue(demo.candidateIds[1]!);
});
afterAll(async () => t?.close());

describe('the candidate’s checklist', () => {
  it('lists the materials and process guide with notes, purpose and state, materialised for the candidate', async () => {
    const res = await portal(zhangLink, 'GET', '/checklist');
    expect(res.statusCode, res.body).toBe(200);
    const view = res.json();
    expect(view.sensitiveConsent).toBe(false);
    const ids = view.items.map((i: Item) => i.id);
    expect(ids).toEqual(expect.arrayContaining(['identityCard', 'diplomas', 'separationCertificate', 'photos', 'salaryBankCard', 'medicalReport', 'reportToHr']));
    expect(ids).not.toContain('relocationPlan');
    const idCard = itemOf(view, 'identityCard') as Item & { sensitive: boolean; notes: Record<string, string>; purpose: Record<string, string> };
    expect(idCard.sensitive).toBe(true);
    expect(idCard.notes['zh-CN']).toBeTruthy();
    expect(idCard.purpose['en-US']).toBeTruthy();
    expect(view.items.every((i: Item) => i.status === 'pending')).toBe(true);

    const campus = (await portal(await issue(demo.candidateIds[8]!), 'GET', '/checklist')).json().items.map((i: Item) => i.id);
    expect(campus).not.toContain('separationCertificate');
    const mover = (await portal(await issue(demo.candidateIds[2]!), 'GET', '/checklist')).json().items.map((i: Item) => i.id);
    expect(mover).toContain('relocationPlan');
  });

  it('marks an item ready and takes it back; unknown items are 404, malformed ids 400', async () => {
    const ready = await portal(zhangLink, 'POST', '/checklist/photos/ready', { ready: true });
    expect(ready.statusCode, ready.body).toBe(200);
    expect(itemOf(ready.json(), 'photos').status).toBe('ready');
    expect(itemOf((await portal(zhangLink, 'POST', '/checklist/photos/ready', { ready: false })).json(), 'photos').status).toBe('pending');
    expect((await portal(zhangLink, 'POST', '/checklist/photos/ready', { ready: false })).statusCode).toBe(409);
    expect((await portal(zhangLink, 'POST', '/checklist/relocationPlan/ready', { ready: true })).statusCode).toBe(404);
    const bad = await portal(zhangLink, 'POST', '/checklist/..%2Fetc/ready', { ready: true });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.field).toBe('itemId');
    expect((await portal(zhangLink, 'POST', '/checklist/photos/ready', { ready: 'yes' })).json().error.field).toBe('ready');
  });
});

describe('uploads', () => {
  let diplomaId: string;

  it('stores an upload sealed at rest, with its hash, sniffed type and a sanitised name; raises checklist_item_submitted', async () => {
    const bytes = pdf();
    const res = await upload(zhangLink, 'diplomas', bytes, { fileName: '../../etc/学位证.pdf', type: 'application/pdf' });
    expect(res.statusCode, res.body).toBe(201);
    diplomaId = res.json().documentId;
    const item = itemOf(res.json().checklist, 'diplomas');
    expect(item.status).toBe('submitted');
    expect(item.documents).toHaveLength(1);
    expect(item.documents[0]!.fileName).toBe('学位证.pdf');

    const row = await t.deps.db.selectFrom('checklist_documents').selectAll().where('org_id', '=', demo.orgId).where('id', '=', diplomaId).executeTakeFirstOrThrow();
    expect(row.content_type).toBe('application/pdf');
    expect(row.size_bytes).toBe(bytes.length);
    expect(row.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
    expect(row.sealed_content).not.toBeNull();
    const sealed = Buffer.from(row.sealed_content!);
    expect(sealed.includes(Buffer.from(MARKER))).toBe(false);
    expect(sealed.includes(Buffer.from('%PDF'))).toBe(false);
    expect(t.deps.vault.open(sealed, `${demo.orgId}/${zhang}/document/${diplomaId}`).equals(bytes)).toBe(true);
    // Bound to its place: the same ciphertext does not open as another document.
    expect(() => t.deps.vault.open(sealed, `${demo.orgId}/${zhang}/document/${crypto.randomUUID()}`)).toThrow();

    const events = await t.deps.db.selectFrom('domain_events').select(['type', 'idempotency_key', 'actor_kind'])
      .where('org_id', '=', demo.orgId).where('candidate_id', '=', zhang).where('type', '=', 'checklist_item_submitted').execute();
    expect(events).toEqual([{ type: 'checklist_item_submitted', idempotency_key: `checklist:document:${diplomaId}`, actor_kind: 'candidate' }]);
    expect(await auditRows('upload', 'document')).toHaveLength(1);
    const touches = await t.deps.db.selectFrom('touches').select(['summary', 'direction']).where('org_id', '=', demo.orgId).where('candidate_id', '=', zhang)
      .where('summary', 'like', 'Checklist: uploaded%').execute();
    expect(touches).toHaveLength(1);
  });

  it('stores the same file once when it is sent twice', async () => {
    const again = await upload(zhangLink, 'diplomas', pdf(), { type: 'application/pdf' });
    expect(again.statusCode).toBe(201);
    expect(again.json()).toMatchObject({ documentId: diplomaId, duplicate: true });
    expect(itemOf(again.json().checklist, 'diplomas').documents).toHaveLength(1);
  });

  it('refuses by content: HTML named .pdf, a PNG claiming to be a PDF, a PDF for photos', async () => {
    const html = await upload(zhangLink, 'diplomas', Buffer.from('<html><script>alert(1)</script></html>'), { fileName: 'x.pdf', type: 'application/pdf' });
    expect(html.statusCode).toBe(415);
    expect(html.json().error).toMatchObject({ code: 'unsupported_file_type', field: 'file' });
    expect(html.json().error.message).toMatch(/PDF, JPEG, PNG/);
    const liar = await upload(zhangLink, 'diplomas', png(), { fileName: 'x.pdf', type: 'application/pdf' });
    expect(liar.statusCode).toBe(415);
    expect(liar.json().error.message).toMatch(/claims to be application\/pdf/);
    const photo = await upload(zhangLink, 'photos', pdf('photo'), { fileName: 'me.pdf' });
    expect(photo.statusCode).toBe(415);
    expect(photo.json().error.field).toBe('file');
  });

  it('refuses files past the limit (10 MB, photos 5 MB) with 413 naming the field', async () => {
    const big = await upload(zhangLink, 'diplomas', Buffer.concat([pdf(), Buffer.alloc(10 * 1024 * 1024)]));
    expect(big.statusCode).toBe(413);
    expect(big.json().error).toMatchObject({ code: 'payload_too_large', field: 'file' });
    const bigPhoto = await upload(zhangLink, 'photos', Buffer.concat([jpeg(), Buffer.alloc(6 * 1024 * 1024)]), { fileName: 'me.jpg' });
    expect(bigPhoto.statusCode).toBe(413);
    expect(bigPhoto.json().error.message).toMatch(/5 MB/);
  });

  it('refuses malformed requests with 400 naming the field', async () => {
    const json = await portal(zhangLink, 'POST', '/checklist/diplomas/documents', { file: 'x' });
    expect(json.statusCode).toBe(400);
    expect(json.json().error.field).toBe('file');
    const wrongField = await upload(zhangLink, 'diplomas', pdf('w'), { field: 'document' });
    expect(wrongField.statusCode).toBe(400);
    expect(wrongField.json().error.field).toBe('file');
    const empty = await upload(zhangLink, 'diplomas', Buffer.alloc(0));
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error.field).toBe('file');
    const confirmOnly = await upload(zhangLink, 'reportToHr', pdf('c'));
    expect(confirmOnly.statusCode).toBe(400);
  });
});

describe('sensitive items', () => {
  it('need the candidate’s sensitive-information consent before an upload', async () => {
    const res = await upload(zhangLink, 'identityCard', jpeg(), { fileName: 'id.jpg', type: 'image/jpeg' });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('consent_required');
    expect(await t.deps.db.selectFrom('checklist_documents').select('id').where('org_id', '=', demo.orgId).where('item_id', '=', 'identityCard').execute()).toEqual([]);
  });

  it('show the exact wording; a stale version is refused; agreeing opens uploads', async () => {
    const screen = await portal(zhangLink, 'GET', '/checklist/consent?language=zh-CN');
    expect(screen.statusCode, screen.body).toBe(200);
    const { version, text, given } = screen.json();
    expect(given).toBe(false);
    expect(text).toContain('撤回');
    expect(version).toMatch(/^sensitive_info\//);
    const stale = await portal(zhangLink, 'POST', '/checklist/consent', { version: 'sensitive_info/2020-01', language: 'zh-CN' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.field).toBe('version');
    const agree = await portal(zhangLink, 'POST', '/checklist/consent', { version, language: 'zh-CN' });
    expect(agree.statusCode, agree.body).toBe(201);
    expect(agree.json().given).toBe(true);
    const stored = await t.deps.db.selectFrom('consents').selectAll().where('org_id', '=', demo.orgId).where('candidate_id', '=', zhang)
      .where('kind', '=', 'sensitive_info').where('withdrawn_at', 'is', null).executeTakeFirstOrThrow();
    expect(stored.wording_text).toBe(text);

    const res = await upload(zhangLink, 'identityCard', jpeg(), { fileName: 'id.jpg', type: 'image/jpeg' });
    expect(res.statusCode, res.body).toBe(201);
    expect(itemOf(res.json().checklist, 'identityCard').documents[0]!.sensitive).toBe(true);
    expect((await portal(zhangLink, 'GET', '/checklist')).json().sensitiveConsent).toBe(true);
  });
});

describe('staff review', () => {
  const staffView = (as: Session, candidateId = zhang) => t.call(as, 'GET', `/api/v1/candidates/${candidateId}/checklist`);
  const download = (as: Session, documentId: string, candidateId = zhang) => t.call(as, 'GET', `/api/v1/candidates/${candidateId}/checklist/documents/${documentId}`);
  const review = (as: Session, itemId: string, body: unknown) => t.call(as, 'POST', `/api/v1/candidates/${zhang}/checklist/${itemId}/review`, body);

  it('shows document metadata to roles following the candidate, not to admin staff; reads are audited', async () => {
    const before = (await auditRows('read', 'checklist')).length;
    const hr = await staffView(s.hr);
    expect(hr.statusCode, hr.body).toBe(200);
    expect(hr.json()).toMatchObject({ canReadSensitive: true, canReview: true, sensitiveConsent: true });
    expect(itemOf(hr.json(), 'identityCard').documents).toHaveLength(1);
    const manager = await staffView(s.manager);
    expect(manager.statusCode).toBe(200);
    expect(manager.json()).toMatchObject({ canReadSensitive: false, canReview: false, canReadDocuments: true });
    expect(itemOf(manager.json(), 'identityCard').documents[0]!.fileName).toBe('id.jpg');
    expect((await staffView(s.admin)).statusCode).toBe(403);
    expect((await staffView(s.manager2)).statusCode).toBe(404);
    expect((await auditRows('read', 'checklist')).length).toBe(before + 2);
  });

  it('opens sensitive documents for HR only, as a sandboxed download, and audits who read what', async () => {
    const idDoc = itemOf((await staffView(s.hr)).json(), 'identityCard').documents[0]!;
    const res = await download(s.hr, idDoc.id);
    expect(res.statusCode).toBe(200);
    expect(res.rawPayload.equals(jpeg())).toBe(true);
    expect(res.headers['content-type']).toBe('image/jpeg');
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="id.jpg"/);
    expect(res.headers['content-security-policy']).toContain('sandbox');
    expect(res.headers['x-content-type-options']).toBe('nosniff');

    const denied = await download(s.manager, idDoc.id);
    expect(denied.statusCode).toBe(403);
    expect((await download(s.hrbp, idDoc.id)).statusCode).toBe(403);
    expect((await download(s.admin, idDoc.id)).statusCode).toBe(403);
    expect((await download(s.org_admin, idDoc.id)).statusCode).toBe(200);

    const diploma = itemOf((await staffView(s.hr)).json(), 'diplomas').documents[0]!;
    const managerDiploma = await download(s.manager, diploma.id);
    expect(managerDiploma.statusCode).toBe(200);
    expect(managerDiploma.headers['content-disposition']).toContain(`filename*=UTF-8''${encodeURIComponent('学位证.pdf')}`);

    const reads = await auditRows('read', 'document');
    expect(reads.map((r) => [r.actor_id, r.entity_id])).toEqual(expect.arrayContaining([
      [demo.users.hr.id, idDoc.id], [demo.users.org_admin.id, idDoc.id], [demo.users.manager.id, diploma.id],
    ]));
    const refused = await auditRows('read_refused', 'document');
    expect(refused.map((r) => r.actor_id)).toEqual(expect.arrayContaining([demo.users.manager.id, demo.users.hrbp.id]));
  });

  it('rejects with a required reason; the candidate sees it and is notified through the outbox', async () => {
    expect((await review(s.hrbp, 'diplomas', { decision: 'rejected', reason: 'x' })).statusCode).toBe(403);
    expect((await review(s.manager, 'diplomas', { decision: 'approved' })).statusCode).toBe(403);
    const noReason = await review(s.hr, 'diplomas', { decision: 'rejected', reason: '  ' });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().error.field).toBe('reason');

    const reason = '扫描件缺少学位证背面，请补传。<b>';
    const res = await review(s.hr, 'diplomas', { decision: 'rejected', reason });
    expect(res.statusCode, res.body).toBe(200);
    expect(itemOf(res.json(), 'diplomas')).toMatchObject({ status: 'rejected', reviewReason: reason });
    expect(itemOf(res.json(), 'diplomas').reviewedBy?.id).toBe(demo.users.hr.id);
    expect(await portalItem(zhangLink, 'diplomas')).toMatchObject({ status: 'rejected', reviewReason: reason });

    const events = await t.deps.db.selectFrom('domain_events').select('type').where('org_id', '=', demo.orgId).where('candidate_id', '=', zhang)
      .where('type', '=', 'checklist_item_reviewed').execute();
    expect(events).toHaveLength(1);
    const touch = await t.deps.db.selectFrom('touches').select(['summary', 'content', 'author_user_id']).where('org_id', '=', demo.orgId)
      .where('candidate_id', '=', zhang).where('summary', 'like', 'Checklist:%rejected').executeTakeFirstOrThrow();
    expect(touch).toMatchObject({ content: reason, author_user_id: demo.users.hr.id });

    const notices = await t.deps.db.selectFrom('outbound_messages').selectAll().where('org_id', '=', demo.orgId).where('candidate_id', '=', zhang)
      .where('lead_key', 'like', 'checklist.reviewed#%').execute();
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatchObject({ channel: 'email', status: 'scheduled', step_ids: ['checklist.reviewed'] });
    const sent = await dispatchMessage(t.deps, demo.orgId, notices[0]!.id);
    expect(sent.outcome).toBe('outbox');
    const rendered = await t.deps.db.selectFrom('outbound_messages').selectAll().where('org_id', '=', demo.orgId).where('id', '=', notices[0]!.id).executeTakeFirstOrThrow();
    expect(rendered.subject).toBe('您的入职材料有了审核结果');
    expect(rendered.body_text).toContain('http://localhost:3000/portal');
    // The reason stays in the portal: it never travels by email.
    expect(rendered.body_text).not.toContain('学位证背面');
    const inbox = (await portal(zhangLink, 'GET', '/messages')).json().items;
    expect(inbox.some((m: { subject: string }) => m.subject === '您的入职材料有了审核结果')).toBe(true);
  });

  it('a re-upload after a rejection replaces the earlier file; approval is final for the candidate', async () => {
    const oldId = itemOf((await staffView(s.hr)).json(), 'diplomas').documents[0]!.id;
    const res = await upload(zhangLink, 'diplomas', pdf('-with-back-side'), { fileName: 'diploma-both-sides.pdf' });
    expect(res.statusCode, res.body).toBe(201);
    const item = itemOf(res.json().checklist, 'diplomas');
    expect(item.status).toBe('submitted');
    expect(item.reviewReason).toBeNull();
    expect(item.documents.map((d) => d.fileName)).toEqual(['diploma-both-sides.pdf']);
    const old = await t.deps.db.selectFrom('checklist_documents').selectAll().where('org_id', '=', demo.orgId).where('id', '=', oldId).executeTakeFirstOrThrow();
    expect(old.sealed_content).toBeNull();
    expect(old.deleted_reason).toBe('replaced after rejection');
    expect((await download(s.hr, oldId)).statusCode).toBe(410);

    const approve = await review(s.org_admin, 'diplomas', { decision: 'approved' });
    expect(approve.statusCode, approve.body).toBe(200);
    expect(await portalItem(zhangLink, 'diplomas')).toMatchObject({ status: 'approved', reviewReason: null });
    const twice = await review(s.hr, 'diplomas', { decision: 'approved' });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error.field).toBe('decision');
    const late = await upload(zhangLink, 'diplomas', pdf('late'));
    expect(late.statusCode).toBe(409);
    expect((await portal(zhangLink, 'POST', '/checklist/diplomas/ready', { ready: true })).statusCode).toBe(409);
  });
});

describe('withdrawing the sensitive-information consent', () => {
  it('deletes the stored bytes of sensitive documents, returns the items to pending, audits, and closes uploads', async () => {
    const before = await t.deps.db.selectFrom('checklist_documents').selectAll().where('org_id', '=', demo.orgId).where('candidate_id', '=', zhang)
      .where('sensitive', '=', true).where('deleted_at', 'is', null).execute();
    expect(before.length).toBeGreaterThan(0);
    const res = await portal(zhangLink, 'DELETE', '/checklist/consent');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ withdrawn: true, purgedDocuments: before.length });

    const after = await t.deps.db.selectFrom('checklist_documents').selectAll().where('org_id', '=', demo.orgId).where('candidate_id', '=', zhang)
      .where('sensitive', '=', true).execute();
    expect(after.every((d) => d.sealed_content === null && d.deleted_at !== null)).toBe(true);
    expect(await portalItem(zhangLink, 'identityCard')).toMatchObject({ status: 'pending', documents: [] });
    expect(await portalItem(zhangLink, 'diplomas')).toMatchObject({ status: 'approved' });
    const purges = await auditRows('purge', 'document');
    expect(purges.map((p) => p.entity_id)).toEqual(expect.arrayContaining(before.map((d) => d.id)));
    expect((await auditRows('consent_withdrawn', 'consent')).length).toBe(1);

    const blocked = await upload(zhangLink, 'identityCard', jpeg('again'));
    expect(blocked.statusCode).toBe(409);
    expect(blocked.json().error.code).toBe('consent_required');
    expect((await portal(zhangLink, 'DELETE', '/checklist/consent')).json()).toEqual({ withdrawn: false, purgedDocuments: 0 });
  });
});

describe('isolation', () => {
  it('another candidate’s link sees only its own checklist', async () => {
    const li = (await portal(liLink, 'GET', '/checklist')).json();
    expect(li.items.every((i: Item) => i.documents.length === 0 && i.status === 'pending')).toBe(true);
  });

  it('another org reaches neither the checklist, the documents nor the review', async () => {
    const diploma = itemOf((await t.call(s.hr, 'GET', `/api/v1/candidates/${zhang}/checklist`)).json(), 'diplomas').documents[0]!;
    const foreign = other.sessions.hr;
    expect((await t.call(foreign, 'GET', `/api/v1/candidates/${zhang}/checklist`)).statusCode).toBe(404);
    expect((await t.call(foreign, 'GET', `/api/v1/candidates/${zhang}/checklist/documents/${diploma.id}`)).statusCode).toBe(404);
    expect((await t.call(foreign, 'POST', `/api/v1/candidates/${zhang}/checklist/diplomas/review`, { decision: 'rejected', reason: 'x' })).statusCode).toBe(404);
    // A document id under another candidate of the same org is not found either.
    expect((await t.call(s.hr, 'GET', `/api/v1/candidates/${demo.candidateIds[1]}/checklist/documents/${diploma.id}`)).statusCode).toBe(404);
  });

  it('refuses every checklist portal route without a valid link', async () => {
    for (const [method, url, body] of [['GET', '/checklist'], ['POST', '/checklist/photos/ready', { ready: true }], ['GET', '/checklist/consent?language=zh-CN'],
      ['POST', '/checklist/consent', { version: 'v', language: 'zh-CN' }], ['DELETE', '/checklist/consent']] as Array<[string, string, unknown?]>) {
      const res = await portal('pl1.nope.nope', method, url, body);
      expect(res.statusCode, `${method} ${url}`).toBe(401);
    }
    expect((await upload('pl1.nope.nope', 'diplomas', pdf())).statusCode).toBe(401);
  });
});
