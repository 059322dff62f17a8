import { randomUUID } from 'node:crypto';
import type { TCandidateListQuery, TCreateCandidate, TUpdateCandidate } from '../../contracts/candidates.js';
import { isCandidateInScope, resolveCandidateScope, type Principal } from '../../core/access/candidate-scope.js';
import { appendAudit } from '../../adapters/db/repos/audit-repo.js';
import { findCandidate, listCandidates as queryCandidates } from '../../adapters/db/repos/candidate-repo.js';
import { describeActor, requirePermission } from '../actor.js';
import type { Deps, RequestContext } from '../deps.js';
import { AppError, conflict, forbidden, notFound } from '../errors.js';
import { checkReferences } from './check-references.js';
import { applyDomainEventIn } from '../engine/apply-event.js';
import { presentCandidate } from './present-candidate.js';

/** Loads a candidate the principal may see, or 404 (never 403: existence is not disclosed). */
export async function loadVisibleCandidate(deps: Deps, p: Principal, id: string) {
  const row = await findCandidate(deps.db, p.orgId, id, resolveCandidateScope(p));
  if (!row) throw notFound('candidate');
  return row;
}

/** Creates the one record of a candidate with offer version 1. */
export async function createCandidate(deps: Deps, p: Principal, input: TCreateCandidate, ctx: RequestContext) {
  requirePermission(p, 'candidate.create');
  const scope = resolveCandidateScope(p);
  if (!isCandidateInScope(scope, { departmentId: input.departmentId, managerId: input.managerId ?? null })) {
    throw forbidden('you may create candidates only in your departments');
  }
  await checkReferences(deps.db, p.orgId, {
    departmentId: input.departmentId, siteId: input.siteId,
    users: { hrOwnerId: input.hrOwnerId, managerId: input.managerId, hrbpId: input.hrbpId, adminContactId: input.adminContactId },
  });
  if (input.externalRef) {
    const dup = await deps.db.selectFrom('candidates').select('id').where('org_id', '=', p.orgId).where('external_ref', '=', input.externalRef).executeTakeFirst();
    if (dup) throw conflict('a candidate with this externalRef exists', 'externalRef');
  }
  const now = deps.clock.now();
  const id = randomUUID();
  const accepted = input.offerAcceptedAt ? new Date(input.offerAcceptedAt) : null;
  const hrOwnerId = input.hrOwnerId ?? (p.kind === 'user' && p.role === 'hr' ? p.userId : null);
  await deps.db.transaction().execute(async (trx) => {
    await trx.insertInto('candidates').values({
      org_id: p.orgId, id, external_ref: input.externalRef ?? null, full_name: input.fullName, email: input.email,
      phone: input.phone, language: input.language, status: accepted ? 'offer_accepted' : 'offer_sent',
      role_type: input.roleType, department_id: input.departmentId, relocation: input.relocation,
      background_check: input.backgroundCheck, channels: input.channels, hr_owner_id: hrOwnerId,
      manager_id: input.managerId ?? null, hrbp_id: input.hrbpId ?? null, admin_contact_id: input.adminContactId ?? null,
      notes: input.notes, created_at: now, updated_at: now, anonymised_at: null,
    }).execute();
    await trx.insertInto('offers').values({
      org_id: p.orgId, candidate_id: id, version: 1, position_title: input.positionTitle, site_id: input.siteId,
      start_date: input.startDate, role_type: input.roleType,
      salary_monthly: input.salaryMonthly?.toFixed(2) ?? null, salary_months: input.salaryMonths?.toFixed(1) ?? null,
      currency: input.currency, status: accepted ? 'accepted' : 'sent', sent_at: now, accepted_at: accepted,
      reason: 'initial offer', created_by: p.kind === 'user' ? p.userId : null, created_at: now,
    }).execute();
    await appendAudit(trx, {
      orgId: p.orgId, ...describeActor(p), action: 'create', entity: 'candidate', entityId: id, candidateId: id,
      detail: { fields: Object.keys(input) }, ip: ctx.ip, at: now,
    });
    // An offer already accepted (e.g. imported from an ATS) starts the follow-up plan at once.
    if (accepted) {
      const actor = describeActor(p);
      await applyDomainEventIn(trx, deps, p.orgId, id, { type: 'offer_accepted', at: accepted.toISOString() }, {
        actor: { kind: actor.actorKind, id: actor.actorId }, idempotencyKey: `candidate:${id}:accepted`,
      });
    }
  });
  return presentCandidate((await findCandidate(deps.db, p.orgId, id, { kind: 'all' }))!, p);
}

/** One candidate; the read of personal data is audited. */
export async function getCandidate(deps: Deps, p: Principal, id: string, ctx: RequestContext) {
  requirePermission(p, 'candidate.read');
  const row = await loadVisibleCandidate(deps, p, id);
  await appendAudit(deps.db, { orgId: p.orgId, ...describeActor(p), action: 'read', entity: 'candidate', entityId: id, candidateId: id, ip: ctx.ip, at: deps.clock.now() });
  return presentCandidate(row, p);
}

/** A filtered page of the candidates the principal may see. */
export async function listCandidates(deps: Deps, p: Principal, query: TCandidateListQuery, ctx: RequestContext) {
  requirePermission(p, 'candidate.read');
  const { items, total } = await queryCandidates(deps.db, p.orgId, resolveCandidateScope(p), query);
  await appendAudit(deps.db, {
    orgId: p.orgId, ...describeActor(p), action: 'list', entity: 'candidate',
    detail: { count: items.length, total, filter: { ...query } }, ip: ctx.ip, at: deps.clock.now(),
  });
  return { items: items.map((r) => presentCandidate(r, p)), total };
}

const COLUMN: Record<keyof TUpdateCandidate, string> = {
  fullName: 'full_name', email: 'email', phone: 'phone', language: 'language', departmentId: 'department_id',
  relocation: 'relocation', backgroundCheck: 'background_check', channels: 'channels', hrOwnerId: 'hr_owner_id',
  managerId: 'manager_id', hrbpId: 'hrbp_id', adminContactId: 'admin_contact_id', notes: 'notes',
};

/** Edits key facts; the audit entry keeps each changed field's old and new value. */
export async function updateCandidate(deps: Deps, p: Principal, id: string, input: TUpdateCandidate, ctx: RequestContext) {
  requirePermission(p, 'candidate.update');
  const before = await loadVisibleCandidate(deps, p, id);
  if (input.departmentId && !isCandidateInScope(resolveCandidateScope(p), { departmentId: input.departmentId, managerId: before.manager_id })) {
    throw new AppError(403, 'forbidden', 'you may move candidates only into your departments', 'departmentId');
  }
  await checkReferences(deps.db, p.orgId, {
    departmentId: input.departmentId,
    users: { hrOwnerId: input.hrOwnerId, managerId: input.managerId, hrbpId: input.hrbpId, adminContactId: input.adminContactId },
  });
  const set: Record<string, unknown> = {};
  const changes: Record<string, { from: unknown; to: unknown }> = {};
  for (const [key, value] of Object.entries(input) as [keyof TUpdateCandidate, unknown][]) {
    if (value === undefined) continue;
    const col = COLUMN[key];
    const old = (before as Record<string, unknown>)[col];
    if (JSON.stringify(old) === JSON.stringify(value)) continue;
    set[col] = value;
    changes[key] = { from: old, to: value };
  }
  if (Object.keys(set).length === 0) return presentCandidate(before, p);
  const now = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    await trx.updateTable('candidates').set({ ...set, updated_at: now }).where('org_id', '=', p.orgId).where('id', '=', id).execute();
    await appendAudit(trx, { orgId: p.orgId, ...describeActor(p), action: 'update', entity: 'candidate', entityId: id, candidateId: id, detail: { changes }, ip: ctx.ip, at: now });
  });
  return presentCandidate((await findCandidate(deps.db, p.orgId, id, { kind: 'all' }))!, p);
}
