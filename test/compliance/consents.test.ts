/** Consent records on the real database: wording kept word for word, one live consent per kind, withdrawal stops processing. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { activeConsent, giveConsent, listConsents, requireConsent, withdrawConsent } from '../../src/services/consents/consents.js';
import type { DemoOrg } from '../../src/services/seed/seed-demo.js';
import { createTestApp, seedAndLogin, type TestApp } from '../app.js';

let t: TestApp;
let demo: DemoOrg;
let candidateId: string;
let name: string;

beforeAll(async () => {
  t = await createTestApp();
  ({ demo } = await seedAndLogin(t));
  candidateId = demo.candidateIds[0]!;
  name = (await t.deps.db.selectFrom('candidates').select('full_name').where('id', '=', candidateId).executeTakeFirstOrThrow()).full_name;
});
afterAll(async () => t?.close());

const by = { kind: 'candidate' as const, id: '', ip: '203.0.113.7' };

describe('consent records', () => {
  it('stores the exact wording, its version and hash, the time and the IP; the typed name must match', async () => {
    const at = new Date('2026-11-20T02:00:00Z');
    const facts = { company: 'Demo 科技', vendor: '某背调公司', items: ['学历', '工作经历'] };
    const base = { orgId: demo.orgId, candidateId, kind: 'background_check' as const, language: 'zh-CN' as const, facts, by: { ...by, id: candidateId }, at };
    await expect(giveConsent(t.deps.db, base, name)).rejects.toMatchObject({ field: 'typedName' });
    await expect(giveConsent(t.deps.db, { ...base, typedName: '别人' }, name)).rejects.toMatchObject({ field: 'typedName' });
    const given = await giveConsent(t.deps.db, { ...base, typedName: ` ${name} ` }, name);
    expect(given.wordingVersion).toBe('background_check/2026-11');
    expect(given.wordingText).toContain('某背调公司');
    expect(given.wordingText).toContain('学历、工作经历');
    const row = await t.deps.db.selectFrom('consents').selectAll().where('id', '=', given.id).executeTakeFirstOrThrow();
    expect(row.given_ip).toBe('203.0.113.7');
    expect(row.wording_sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(row.given_at.toISOString()).toBe(at.toISOString());
    expect((await requireConsent(t.deps.db, demo.orgId, candidateId, 'background_check', at)).id).toBe(given.id);
  });

  it('withdrawal stops processing and keeps the history; giving again starts a new record', async () => {
    const at = new Date('2026-11-21T02:00:00Z');
    const withdrawn = await withdrawConsent(t.deps.db, demo.orgId, candidateId, 'background_check', { ...by, id: candidateId }, at);
    expect(withdrawn?.withdrawnAt).toBe(at.toISOString());
    await expect(requireConsent(t.deps.db, demo.orgId, candidateId, 'background_check', at)).rejects.toMatchObject({ status: 409, code: 'consent_required' });
    expect(await withdrawConsent(t.deps.db, demo.orgId, candidateId, 'background_check', { ...by, id: candidateId }, at)).toBeUndefined();
    const audit = await t.deps.db.selectFrom('audit_log').select(['action']).where('org_id', '=', demo.orgId).where('entity', '=', 'consent').execute();
    expect(audit.map((a) => a.action).sort()).toEqual(['consent_given', 'consent_withdrawn']);
    expect(await listConsents(t.deps.db, demo.orgId, candidateId)).toHaveLength(1);
  });

  it('a talent-pool opt-in lapses after 24 months; renewing closes the old record and restarts the clock', async () => {
    const first = new Date('2026-01-10T00:00:00Z');
    const base = { orgId: demo.orgId, candidateId, kind: 'talent_pool' as const, language: 'en-US' as const, facts: { company: 'Demo' }, by: { ...by, id: candidateId } };
    const given = await giveConsent(t.deps.db, { ...base, at: first }, name);
    expect(given.expiresAt).toBe('2028-01-10T00:00:00.000Z');
    expect(await activeConsent(t.deps.db, demo.orgId, candidateId, 'talent_pool', new Date('2028-01-09T23:59:59Z'))).toBeDefined();
    expect(await activeConsent(t.deps.db, demo.orgId, candidateId, 'talent_pool', new Date('2028-01-10T00:00:01Z'))).toBeUndefined();
    const renewed = await giveConsent(t.deps.db, { ...base, at: new Date('2027-06-01T00:00:00Z') }, name);
    expect(renewed.expiresAt).toBe('2029-06-01T00:00:00.000Z');
    const rows = await listConsents(t.deps.db, demo.orgId, candidateId);
    expect(rows.filter((r) => r.kind === 'talent_pool').map((r) => r.withdrawnBy)).toEqual([null, 'system']);
  });

  it('the database refuses two live consents of one kind', async () => {
    const insert = () => sql`INSERT INTO consents (org_id, id, candidate_id, kind, wording_version, wording_sha256, wording_text, language, given_at, given_by)
      VALUES (${demo.orgId}, gen_random_uuid(), ${candidateId}, 'talent_pool', 'v', 'h', 't', 'en-US', now(), 'candidate')`.execute(t.deps.db);
    await expect(insert()).rejects.toThrow(/consents_one_active_idx|duplicate key/);
  });
});
