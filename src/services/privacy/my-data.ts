/**
 * "My data" in the candidate portal (DESIGN §5): see what is held, download it, correct
 * contact details, withdraw consents, ask HR for other corrections or for deletion.
 * Every call is keyed by the magic link's org and candidate only.
 */
import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import type { TPortalContactCorrection, TPortalDataRequest, TPortalMyData } from '../../contracts/privacy.js';
import type { TConsentKind } from '../../core/consents/wordings.js';
import { appendAudit } from '../../adapters/db/repos/audit-repo.js';
import type { Database } from '../../adapters/db/schema.js';
import type { Principal } from '../../core/access/candidate-scope.js';
import { listConsents, withdrawConsent } from '../consents/consents.js';
import { describeActor, requirePermission } from '../actor.js';
import { loadVisibleCandidate } from '../candidates/candidates.js';
import type { Deps, RequestContext } from '../deps.js';
import { loadPortalCandidate, type PortalPrincipal } from '../portal/portal-principal.js';
import { PULSE_STEP } from '../portal/record-pulse.js';
import { withdrawBackgroundCheck } from '../portal/background-check.js';
import { withdrawSensitiveConsent } from '../checklist/sensitive-consent.js';
import { applyDomainEvent } from '../engine/apply-event.js';
import { parseEngineState } from '../engine/persist-reduction.js';
import { createDataRequest, listOwnRequests } from './data-requests.js';
import { collectCandidateData } from './export-data.js';
import { renderExportHtml } from './export-html.js';
import { readPrivacySettings } from './privacy-settings.js';

async function countRows(db: Kysely<Database>, table: 'offers' | 'outbound_messages' | 'consents' | 'tasks' | 'audit_log', orgId: string, candidateId: string) {
  const row = await db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n'))
    .where('org_id', '=', orgId).where('candidate_id', '=', candidateId).executeTakeFirstOrThrow();
  return Number(row.n);
}

async function countDocuments(db: Kysely<Database>, orgId: string, candidateId: string): Promise<number> {
  const exists = await sql<{ n: number }>`SELECT count(*)::int AS n FROM information_schema.tables WHERE table_schema = current_schema() AND table_name = 'checklist_documents'`.execute(db);
  if (!Number(exists.rows[0]?.n)) return 0;
  const res = await sql<{ n: number }>`SELECT count(*)::int AS n FROM checklist_documents WHERE org_id = ${orgId} AND candidate_id = ${candidateId} AND deleted_at IS NULL`.execute(db);
  return Number(res.rows[0]?.n ?? 0);
}

/** The summary page: contact details, counts of what is held, consents and requests. */
export async function getMyData(deps: Deps, who: PortalPrincipal, ctx: RequestContext): Promise<TPortalMyData> {
  const c = await loadPortalCandidate(deps, who);
  const { orgId, candidateId } = who;
  const now = deps.clock.now();
  const [org, offers, messages, consentCount, tasks, auditEntries, touchCounts, documents, consents, requests] = await Promise.all([
    deps.db.selectFrom('orgs').select('settings').where('org_id', '=', orgId).executeTakeFirstOrThrow(),
    countRows(deps.db, 'offers', orgId, candidateId),
    countRows(deps.db, 'outbound_messages', orgId, candidateId),
    countRows(deps.db, 'consents', orgId, candidateId),
    countRows(deps.db, 'tasks', orgId, candidateId),
    countRows(deps.db, 'audit_log', orgId, candidateId),
    deps.db.selectFrom('touches').select([
      (eb) => eb.fn.countAll<number>().as('all'),
      sql<number>`count(*) FILTER (WHERE step_id = ${PULSE_STEP})`.as('pulses'),
    ]).where('org_id', '=', orgId).where('candidate_id', '=', candidateId).executeTakeFirstOrThrow(),
    countDocuments(deps.db, orgId, candidateId),
    listConsents(deps.db, orgId, candidateId),
    listOwnRequests(deps, orgId, candidateId),
  ]);
  const settings = readPrivacySettings(org.settings);
  await appendAudit(deps.db, { orgId, actorKind: 'candidate', actorId: candidateId, action: 'read', entity: 'my_data', candidateId, ip: ctx.ip, at: now });
  return {
    fullName: c.full_name, email: c.email, phone: c.phone,
    held: {
      offers, touches: Number(touchCounts.all) - Number(touchCounts.pulses), messages, consents: consentCount, documents,
      pulses: Number(touchCounts.pulses), tasks, auditEntries,
    },
    consents: consents.map((k) => ({
      id: k.id, kind: k.kind, wordingText: k.wordingText, givenAt: k.givenAt, expiresAt: k.expiresAt, withdrawnAt: k.withdrawnAt,
      active: !k.withdrawnAt && (!k.expiresAt || Date.parse(k.expiresAt) > now.getTime()),
    })),
    requests,
    slaDays: settings.dataRequestSlaDays,
    retentionDays: settings.retentionDays,
  };
}

/** The candidate's download: recorded as an export request answered at once, and audited. */
export async function exportMyData(deps: Deps, who: PortalPrincipal, format: 'json' | 'html', ctx: RequestContext) {
  const c = await loadPortalCandidate(deps, who);
  await createDataRequest(deps, { orgId: who.orgId, candidateId: who.candidateId, kind: 'export', detail: format, by: { kind: 'candidate' }, ip: ctx.ip, done: true });
  const data = await collectCandidateData(deps, who.orgId, who.candidateId);
  return format === 'json' ? { data } : { html: renderExportHtml(data, c.language === 'en-US' ? 'en-US' : 'zh-CN') };
}

/** HR produce the same export for a person in their scope (recorded as a done export request). */
export async function exportCandidateData(deps: Deps, p: Principal, candidateId: string, format: 'json' | 'html', ctx: RequestContext) {
  requirePermission(p, 'privacy.manage');
  const c = await loadVisibleCandidate(deps, p, candidateId);
  await createDataRequest(deps, {
    orgId: p.orgId, candidateId, kind: 'export', detail: format, ip: ctx.ip, done: true,
    by: p.kind === 'user' ? { kind: 'user', userId: p.userId } : { kind: 'candidate' },
  });
  await appendAudit(deps.db, { orgId: p.orgId, ...describeActor(p), action: 'read', entity: 'candidate_export', candidateId, ip: ctx.ip, at: deps.clock.now() });
  const data = await collectCandidateData(deps, p.orgId, candidateId);
  return format === 'json' ? { data } : { html: renderExportHtml(data, c.language === 'en-US' ? 'en-US' : 'zh-CN') };
}

const FIELD_COLUMN = { fullName: 'full_name', email: 'email', phone: 'phone' } as const;

/**
 * Contact details corrected by the candidate, applied at once: the one record changes, so
 * the next message goes to the new address with the new name. The audit entry names the
 * fields, not the values (the log outlives anonymisation).
 */
export async function correctMyContact(deps: Deps, who: PortalPrincipal, input: TPortalContactCorrection, ctx: RequestContext) {
  const before = await loadPortalCandidate(deps, who);
  const set: Partial<Record<'full_name' | 'email' | 'phone', string>> = {};
  for (const key of Object.keys(FIELD_COLUMN) as (keyof typeof FIELD_COLUMN)[]) {
    const value = input[key];
    if (value !== undefined && value !== before[FIELD_COLUMN[key]]) set[FIELD_COLUMN[key]] = value;
  }
  const fields = Object.keys(set);
  if (fields.length) {
    const now = deps.clock.now();
    await deps.db.transaction().execute(async (trx) => {
      await trx.updateTable('candidates').set({ ...set, updated_at: now }).where('org_id', '=', who.orgId).where('id', '=', who.candidateId).execute();
      await appendAudit(trx, {
        orgId: who.orgId, actorKind: 'candidate', actorId: who.candidateId, action: 'update', entity: 'candidate', entityId: who.candidateId,
        candidateId: who.candidateId, detail: { fields, by: 'candidate' }, ip: ctx.ip, at: now,
      });
    });
  }
  const after = await loadPortalCandidate(deps, who);
  return { fullName: after.full_name, email: after.email, phone: after.phone, changed: fields };
}

/** A request for HR: other corrections, or deletion (with its SLA and an HR task). */
export async function requestFromPortal(deps: Deps, who: PortalPrincipal, input: TPortalDataRequest, ctx: RequestContext) {
  await loadPortalCandidate(deps, who);
  const row = await createDataRequest(deps, { orgId: who.orgId, candidateId: who.candidateId, kind: input.kind, detail: input.detail, by: { kind: 'candidate' }, ip: ctx.ip });
  return { id: row.id, kind: row.kind, dueAt: row.due_at.toISOString() };
}

/**
 * Withdraws one of the candidate's consents, with what each withdrawal entails: the
 * sensitive-information consent purges the sensitive documents (the checklist's own
 * withdrawal does both), the background-check authorization stops the check, and the
 * talent-pool opt-in ends the nurture messages and deletes the pool entry.
 */
export async function withdrawMyConsent(deps: Deps, who: PortalPrincipal, kind: TConsentKind, ctx: RequestContext) {
  await loadPortalCandidate(deps, who);
  const now = deps.clock.now();
  if (kind === 'sensitive_info') {
    const { withdrawn, purgedDocuments } = await withdrawSensitiveConsent(deps, who, ctx);
    return withdrawn ? { kind, withdrawnAt: now.toISOString(), sensitiveDocumentsPurged: purgedDocuments > 0 } : undefined;
  }
  if (kind === 'background_check') {
    const { withdrawn } = await withdrawBackgroundCheck(deps, who, ctx);
    return withdrawn ? { kind, withdrawnAt: now.toISOString(), sensitiveDocumentsPurged: false } : undefined;
  }
  const withdrawn = await withdrawConsent(deps.db, who.orgId, who.candidateId, kind, { kind: 'candidate', id: who.candidateId, ip: ctx.ip }, now);
  if (!withdrawn) return undefined;
  await endTalentPool(deps, who, now);
  return { kind, withdrawnAt: withdrawn.withdrawnAt ?? now.toISOString(), sensitiveDocumentsPurged: false };
}

async function endTalentPool(deps: Deps, who: PortalPrincipal, now: Date) {
  const state = await deps.db.selectFrom('engine_states').select('state').where('org_id', '=', who.orgId).where('candidate_id', '=', who.candidateId).executeTakeFirst();
  if (state && parseEngineState(state.state).consent) {
    await applyDomainEvent(deps, who.orgId, who.candidateId, { type: 'talent_pool_consent_withdrawn', at: now.toISOString() }, {
      actor: { kind: 'candidate', id: who.candidateId }, idempotencyKey: `portal:pool-withdrawn:${who.candidateId}:${now.toISOString()}`,
    });
  }
  const pool = await sql<{ n: number }>`SELECT count(*)::int AS n FROM information_schema.tables WHERE table_schema = current_schema() AND table_name = 'talent_pool_entries'`.execute(deps.db);
  if (Number(pool.rows[0]?.n)) await sql`DELETE FROM talent_pool_entries WHERE org_id = ${who.orgId} AND candidate_id = ${who.candidateId}`.execute(deps.db);
}
