/**
 * Key rotation on the real database: `resealData` moves documents, salary arguments,
 * login codes and message-link secrets to the active key, keeps them readable, changes
 * nothing on a dry run, and reports what it could not move (a key missing from the ring).
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createVault, newKeySpec, parseKeyRing } from '../../src/adapters/crypto/vault.js';
import { documentContext } from '../../src/services/checklist/checklist-state.js';
import { codeContext } from '../../src/services/dispatch/direct-message.js';
import { argumentContext } from '../../src/services/exceptions/salary.js';
import { messageLinkContext } from '../../src/services/portal/message-links.js';
import { resealData } from '../../src/services/privacy/reseal-data.js';
import type { DemoOrg } from '../../src/services/seed/seed-demo.js';
import { createTestApp, seedAndLogin, type TestApp } from '../app.js';

const oldSpec = newKeySpec('old');
const newSpec = newKeySpec('new');
const oldVault = createVault(parseKeyRing(oldSpec));
const rotated = createVault(parseKeyRing(`${newSpec}\n${oldSpec}`));
const newOnly = createVault(parseKeyRing(newSpec));

let t: TestApp;
let demo: DemoOrg;
const docIds: string[] = [];
const salaryIds: string[] = [];
const codeIds: string[] = [];
const linkIds: string[] = [];

beforeAll(async () => {
  t = await createTestApp();
  ({ demo } = await seedAndLogin(t));
  const now = new Date();
  for (const [n, candidateId] of demo.candidateIds.slice(0, 3).entries()) {
    await t.deps.db.insertInto('checklist_items').values({ org_id: demo.orgId, candidate_id: candidateId, item_id: 'diplomas', status: 'submitted', updated_at: now }).execute();
    const id = randomUUID();
    docIds.push(id);
    await t.deps.db.insertInto('checklist_documents').values({
      org_id: demo.orgId, id, candidate_id: candidateId, item_id: 'diplomas', file_name: `d${n}.pdf`, content_type: 'application/pdf',
      size_bytes: 9, sha256: '0'.repeat(64), sensitive: true, uploaded_at: now, key_id: 'old',
      sealed_content: oldVault.seal(Buffer.from(`%PDF-doc${n}`), documentContext(demo.orgId, candidateId, id)),
    }).execute();
    const salaryId = randomUUID();
    salaryIds.push(salaryId);
    await t.deps.db.insertInto('salary_requests').values({
      org_id: demo.orgId, id: salaryId, candidate_id: candidateId, requested_monthly: null, offer_version: 1, status: 'open',
      idempotency_key: null, created_by: null, created_at: now, decided_by: null, decided_at: null, new_offer_version: null,
      argument_sealed: oldVault.sealText(`argument ${n}`, argumentContext(demo.orgId, candidateId)),
    }).execute();
    const codeId = randomUUID();
    codeIds.push(codeId);
    await t.deps.db.insertInto('portal_codes').values({
      org_id: demo.orgId, id: codeId, candidate_id: candidateId, channel: 'email', code_hash: `h${n}`, created_at: now,
      expires_at: new Date(now.getTime() + 600_000), used_at: null, requested_ip: null,
      code_sealed: oldVault.sealText(`12345${n}`, codeContext({ org_id: demo.orgId, candidate_id: candidateId })),
    }).execute();
  }
  // A message link waiting for a retry: its secret is sealed, bound to the message.
  const messages = await t.deps.db.selectFrom('outbound_messages').select(['id', 'candidate_id']).where('org_id', '=', demo.orgId).limit(2).execute();
  expect(messages.length).toBe(2);
  for (const [n, m] of messages.entries()) {
    const id = randomUUID();
    linkIds.push(id);
    await t.deps.db.insertInto('portal_tokens').values({
      org_id: demo.orgId, id, candidate_id: m.candidate_id, token_hash: `link-hash-${n}-${id}`, created_by: null, created_at: now,
      expires_at: new Date(now.getTime() + 86_400_000), revoked_at: null, last_used_at: null, message_id: m.id,
      secret_sealed: oldVault.sealText(`secret-${n}`, messageLinkContext({ org_id: demo.orgId, candidate_id: m.candidate_id, id: m.id })),
    }).execute();
  }
});
afterAll(async () => t?.close());

const storedDocs = () => t.deps.db.selectFrom('checklist_documents').select(['id', 'candidate_id', 'sealed_content', 'key_id']).where('id', 'in', docIds).orderBy('file_name').execute();

describe('preboard keys reseal', () => {
  it('a dry run counts what sits on the old key and changes nothing', async () => {
    const before = await storedDocs();
    const report = await resealData({ ...t.deps, vault: rotated }, { dryRun: true });
    expect(report.activeKeyId).toBe('new');
    expect(report.documents).toMatchObject({ stale: 3, resealed: 0 });
    expect(report.salaryArguments).toMatchObject({ stale: 3, resealed: 0 });
    expect(report.loginCodes).toMatchObject({ stale: 3, resealed: 0 });
    expect(report.messageLinks).toMatchObject({ stale: 2, resealed: 0 });
    expect(report.keysInUse).toContain('old');
    expect((await storedDocs()).map((d) => Buffer.from(d.sealed_content!).toString('base64'))).toEqual(before.map((d) => Buffer.from(d.sealed_content!).toString('base64')));
  });

  it('a ring without the old key cannot move anything and says so', async () => {
    const report = await resealData({ ...t.deps, vault: newOnly }, { dryRun: false });
    expect(report.documents).toMatchObject({ stale: 3, resealed: 0, skipped: 3 });
    expect(report.keysInUse).toContain('old');
  });

  it('moves every value to the new key; the new key alone then opens them all; a second run has nothing to do', async () => {
    const report = await resealData({ ...t.deps, vault: rotated }, { dryRun: false });
    expect(report.documents).toMatchObject({ stale: 3, resealed: 3, skipped: 0 });
    expect(report.salaryArguments).toMatchObject({ stale: 3, resealed: 3, skipped: 0 });
    expect(report.loginCodes).toMatchObject({ stale: 3, resealed: 3, skipped: 0 });
    expect(report.messageLinks).toMatchObject({ stale: 2, resealed: 2, skipped: 0 });
    expect(report.keysInUse).toEqual(['new']);

    const docs = await storedDocs();
    expect(docs.map((d) => d.key_id)).toEqual(['new', 'new', 'new']);
    expect(docs.map((d) => newOnly.open(Buffer.from(d.sealed_content!), documentContext(demo.orgId, d.candidate_id, d.id)).toString())).toEqual(['%PDF-doc0', '%PDF-doc1', '%PDF-doc2']);
    const args = await t.deps.db.selectFrom('salary_requests').select(['candidate_id', 'argument_sealed']).where('id', 'in', salaryIds).execute();
    expect(args.map((a) => newOnly.openText(a.argument_sealed, argumentContext(demo.orgId, a.candidate_id))).sort()).toEqual(['argument 0', 'argument 1', 'argument 2']);
    const codes = await t.deps.db.selectFrom('portal_codes').select(['candidate_id', 'code_sealed']).where('id', 'in', codeIds).execute();
    expect(codes.map((c) => newOnly.openText(c.code_sealed, codeContext({ org_id: demo.orgId, candidate_id: c.candidate_id }))).sort()).toEqual(['123450', '123451', '123452']);
    const links = await t.deps.db.selectFrom('portal_tokens').select(['candidate_id', 'message_id', 'secret_sealed']).where('id', 'in', linkIds).execute();
    expect(links.map((l) => newOnly.openText(l.secret_sealed!, messageLinkContext({ org_id: demo.orgId, candidate_id: l.candidate_id, id: l.message_id! }))).sort()).toEqual(['secret-0', 'secret-1']);
    // A value moved to another candidate's context would not open: the context is kept.
    expect(() => newOnly.open(Buffer.from(docs[0]!.sealed_content!), documentContext(demo.orgId, demo.candidateIds[5]!, docs[0]!.id))).toThrow();

    const audit = await t.deps.db.selectFrom('audit_log').select(['action', 'detail']).where('org_id', '=', demo.orgId).where('action', '=', 'reseal').execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]!.detail).toMatchObject({ resealed: 11, activeKeyId: 'new' });

    const again = await resealData({ ...t.deps, vault: rotated }, { dryRun: false });
    expect(again.documents.stale + again.salaryArguments.stale + again.loginCodes.stale + again.messageLinks.stale).toBe(0);
  });
});
