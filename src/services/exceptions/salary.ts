/**
 * Salary adjustment (FAQ 1): HR record the candidate's request with their argument; HR and
 * the manager evaluate it against the pay band and the current offer (pay figures only for
 * roles that may see salary); HR decide. Approved → a new offer version the candidate
 * re-accepts in the portal, and the formal email; rejected → the total-compensation
 * explanation. Both through the engine (`salary_adjustment_decided`).
 */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../../adapters/db/schema.js';
import { appendAudit } from '../../adapters/db/repos/audit-repo.js';
import type { TSalaryDecisionInput, TSalaryEvaluation, TSalaryRequestInput } from '../../contracts/exception-flows.js';
import { hasPermission, type Principal } from '../../core/access/candidate-scope.js';
import { describeActor, requirePermission } from '../actor.js';
import { loadVisibleCandidate } from '../candidates/candidates.js';
import type { Deps, RequestContext } from '../deps.js';
import { conflict, invalid, notFound } from '../errors.js';
import { applyDomainEventIn } from '../engine/apply-event.js';
import { addSystemTouch } from '../engine/persist-reduction.js';
import { withEngineErrors } from './engine-errors.js';
import { findPayBand } from './pay-bands.js';
import { prepareMessages } from './prepared-messages.js';

/** What a sealed salary argument is bound to (AES-GCM associated data). */
export const argumentContext = (orgId: string, candidateId: string) => `${orgId}/${candidateId}/salary-request`;

/** Records a salary request and runs the engine (`salary.evaluate` for HR and the manager). Idempotent with a key. */
export async function requestSalaryAdjustment(
  deps: Deps, p: Principal, candidateId: string, input: TSalaryRequestInput, idempotencyKey: string | undefined, ctx: RequestContext,
) {
  requirePermission(p, 'event.create');
  await loadVisibleCandidate(deps, p, candidateId);
  const now = deps.clock.now();
  const actor = describeActor(p);
  return withEngineErrors(() => deps.db.transaction().execute(async (trx) => {
    const key = idempotencyKey ? `salary:${idempotencyKey}` : null;
    if (key) {
      const prior = await trx.selectFrom('salary_requests').select('id').where('org_id', '=', p.orgId).where('idempotency_key', '=', key).executeTakeFirst();
      if (prior) return { id: prior.id, applied: false, status: await readStatus(trx, p.orgId, candidateId) };
    }
    const offer = await trx.selectFrom('offers').select('version').where('org_id', '=', p.orgId).where('candidate_id', '=', candidateId)
      .orderBy('version', 'desc').limit(1).executeTakeFirstOrThrow();
    const id = randomUUID();
    await trx.insertInto('salary_requests').values({
      org_id: p.orgId, id, candidate_id: candidateId, requested_monthly: input.requestedMonthly?.toFixed(2) ?? null,
      argument_sealed: deps.vault.sealText(input.argument, argumentContext(p.orgId, candidateId)), offer_version: offer.version,
      status: 'open', idempotency_key: key, created_by: p.kind === 'user' ? p.userId : null, created_at: now,
    }).execute();
    await applyDomainEventIn(trx, deps, p.orgId, candidateId, { type: 'salary_adjustment_requested', at: now.toISOString() }, {
      actor: { kind: actor.actorKind, id: actor.actorId }, idempotencyKey: `salary-request:${id}`,
    });
    // The timeline is read by roles without salary access: it says what happened, not the figures.
    await addSystemTouch(trx, p.orgId, candidateId, now, 'note', 'Salary adjustment requested: evaluation due in one business day', 'salary.evaluate');
    await appendAudit(trx, { orgId: p.orgId, ...actor, action: 'create', entity: 'salary_request', entityId: id, candidateId, ip: ctx.ip, at: now });
    return { id, applied: true, status: await readStatus(trx, p.orgId, candidateId) };
  }), 'type');
}

async function readStatus(db: Kysely<Database>, orgId: string, candidateId: string): Promise<string> {
  return (await db.selectFrom('candidates').select('status').where('org_id', '=', orgId).where('id', '=', candidateId).executeTakeFirstOrThrow()).status;
}

/**
 * What `salary.evaluate` needs: the latest request (the argument in the candidate's words),
 * the current offer and, for roles that may see pay, the amounts and the position's band.
 * Reading it is audited (it is personal data).
 */
export async function getSalaryEvaluation(deps: Deps, p: Principal, candidateId: string, ctx: RequestContext): Promise<TSalaryEvaluation> {
  requirePermission(p, 'salary.evaluate');
  const c = await loadVisibleCandidate(deps, p, candidateId);
  const salaryVisible = hasPermission(p, 'salary.read');
  const [offer, request] = await Promise.all([
    deps.db.selectFrom('offers').select(['version', 'position_title', 'role_type', 'status', 'salary_monthly', 'salary_months', 'currency'])
      .where('org_id', '=', p.orgId).where('candidate_id', '=', candidateId).orderBy('version', 'desc').limit(1).executeTakeFirstOrThrow(),
    deps.db.selectFrom('salary_requests').selectAll().where('org_id', '=', p.orgId).where('candidate_id', '=', candidateId)
      .orderBy('created_at', 'desc').limit(1).executeTakeFirst(),
  ]);
  await appendAudit(deps.db, { orgId: p.orgId, ...describeActor(p), action: 'read', entity: 'salary_request', entityId: request?.id ?? null, candidateId, detail: { salaryVisible }, ip: ctx.ip, at: deps.clock.now() });
  return {
    request: request ? {
      id: request.id, status: request.status, argument: deps.vault.openText(request.argument_sealed, argumentContext(p.orgId, candidateId)),
      ...(salaryVisible ? { requestedMonthly: request.requested_monthly } : {}),
      offerVersion: request.offer_version, createdAt: request.created_at.toISOString(), decidedAt: request.decided_at?.toISOString() ?? null,
      decisionNote: request.decision_note, newOfferVersion: request.new_offer_version,
    } : null,
    offer: {
      version: offer.version, positionTitle: offer.position_title, roleType: offer.role_type as TSalaryEvaluation['offer']['roleType'],
      department: c.department_name, status: offer.status,
      ...(salaryVisible ? { salary: { monthly: offer.salary_monthly, months: offer.salary_months, currency: offer.currency } } : {}),
    },
    salaryVisible,
    ...(salaryVisible ? { band: await findPayBand(deps.db, p.orgId, { departmentId: c.department_id, positionTitle: offer.position_title, roleType: offer.role_type }) } : {}),
  };
}

/**
 * HR decide an open request. Approved: a new offer version with the new pay (status
 * `sent`: pay changed, so the candidate must accept again), the formal email prepared.
 * Rejected: the total-compensation explanation prepared. Either way the evaluation task
 * is done and `salary_adjustment_decided` runs the engine. A second decision is refused.
 */
export async function decideSalaryAdjustment(
  deps: Deps, p: Principal, candidateId: string, requestId: string, input: TSalaryDecisionInput, ctx: RequestContext,
) {
  requirePermission(p, 'salary.decide');
  await loadVisibleCandidate(deps, p, candidateId);
  if (input.decision === 'approved' && input.salaryMonthly === undefined) throw invalid('salaryMonthly', 'give the new monthly base to approve the request');
  if (input.decision === 'rejected' && (input.salaryMonthly !== undefined || input.salaryMonths !== undefined)) {
    throw invalid('salaryMonthly', 'a rejected request keeps the current pay: leave the amount out');
  }
  const now = deps.clock.now();
  const actor = describeActor(p);
  return withEngineErrors(() => deps.db.transaction().execute(async (trx) => {
    const request = await trx.selectFrom('salary_requests').select(['id', 'status']).where('org_id', '=', p.orgId)
      .where('candidate_id', '=', candidateId).where('id', '=', requestId).forUpdate().executeTakeFirst();
    if (!request) throw notFound('salary request');
    if (request.status !== 'open') throw conflict(`the request was already ${request.status}`, 'decision');
    let offerVersion: number | null = null;
    if (input.decision === 'approved') {
      const current = await trx.selectFrom('offers').selectAll().where('org_id', '=', p.orgId).where('candidate_id', '=', candidateId)
        .orderBy('version', 'desc').limit(1).forUpdate().executeTakeFirstOrThrow();
      offerVersion = current.version + 1;
      await trx.updateTable('offers').set({ status: 'superseded' })
        .where('org_id', '=', p.orgId).where('candidate_id', '=', candidateId).where('version', '=', current.version).execute();
      await trx.insertInto('offers').values({
        org_id: p.orgId, candidate_id: candidateId, version: offerVersion, position_title: current.position_title, site_id: current.site_id,
        start_date: current.start_date, role_type: current.role_type, salary_monthly: input.salaryMonthly!.toFixed(2),
        salary_months: input.salaryMonths !== undefined ? input.salaryMonths.toFixed(1) : current.salary_months, currency: current.currency,
        status: 'sent', sent_at: now, accepted_at: null, reason: 'salary adjustment approved',
        created_by: p.kind === 'user' ? p.userId : null, created_at: now,
      }).execute();
    }
    await trx.updateTable('salary_requests').set({
      status: input.decision, decided_by: p.kind === 'user' ? p.userId : null, decided_at: now, decision_note: input.note, new_offer_version: offerVersion,
    }).where('org_id', '=', p.orgId).where('id', '=', requestId).execute();
    const engineActor = { kind: actor.actorKind, id: actor.actorId };
    const evaluation = await trx.selectFrom('tasks').select(['key', 'step_id']).where('org_id', '=', p.orgId).where('candidate_id', '=', candidateId)
      .where('step_id', '=', 'salary.evaluate').where('status', '=', 'open').orderBy('created_at').limit(1).executeTakeFirst();
    if (evaluation) {
      await applyDomainEventIn(trx, deps, p.orgId, candidateId, { type: 'task_completed', at: now.toISOString(), step: 'salary.evaluate' }, {
        actor: engineActor, idempotencyKey: `task:${candidateId}:${evaluation.key}:done`,
      });
      await trx.updateTable('tasks').set({ status: 'done', completed_at: now, completed_by: p.kind === 'user' ? p.userId : null, outcome: `Decision: ${input.decision}`, updated_at: now })
        .where('org_id', '=', p.orgId).where('candidate_id', '=', candidateId).where('key', '=', evaluation.key).execute();
    }
    await applyDomainEventIn(trx, deps, p.orgId, candidateId, { type: 'salary_adjustment_decided', at: now.toISOString(), decision: input.decision }, {
      actor: engineActor, idempotencyKey: `salary-decision:${requestId}`,
    });
    await prepareMessages(trx, deps, p.orgId, candidateId);
    await addSystemTouch(trx, p.orgId, candidateId, now, 'note', input.decision === 'approved'
      ? `Salary adjustment approved: offer version ${offerVersion} awaits the candidate's acceptance`
      : 'Salary adjustment declined: the total-compensation explanation is prepared', 'salary.evaluate');
    await appendAudit(trx, {
      orgId: p.orgId, ...actor, action: 'decide', entity: 'salary_request', entityId: requestId, candidateId,
      detail: { decision: input.decision, offerVersion }, ip: ctx.ip, at: now,
    });
    return { requestId, decision: input.decision, offerVersion, status: await readStatus(trx, p.orgId, candidateId) };
  }), 'decision');
}
