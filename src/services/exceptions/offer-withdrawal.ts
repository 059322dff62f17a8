/**
 * Employer-side withdrawal of an offer (DESIGN §5): HR request it with a reason, a second
 * and different person (HR, org admin or executive) approves, and only then the candidate
 * becomes `withdrawn` and the plan stops. DESIGN §2 has no domain event for it, so the
 * status moves through the lifecycle module here and the engine state is stopped the way
 * an exit stops it (open steps cancelled and recorded). The evidence — when the offer was
 * sent, when the candidate last opened the portal, when they accepted — is frozen into the
 * request for the approver. The approvers get a task (withdrawal-approval-task.ts) that
 * the decision closes.
 */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../../adapters/db/schema.js';
import { appendAudit } from '../../adapters/db/repos/audit-repo.js';
import type { TWithdrawal } from '../../contracts/exception-flows.js';
import type { TCandidateStatus } from '../../contracts/common.js';
import { resolveCandidateScope, type Principal } from '../../core/access/candidate-scope.js';
import { listOpenItems } from '../../core/events/index.js';
import { toCancelledEffect, toStatusEffect } from '../../core/events/effects.js';
import { canTransition, transitionStatus } from '../../core/lifecycle/transition-status.js';
import { whereInScope } from '../../adapters/db/repos/candidate-repo.js';
import { describeActor, requirePermission } from '../actor.js';
import { loadVisibleCandidate } from '../candidates/candidates.js';
import type { Deps, RequestContext } from '../deps.js';
import { AppError, conflict, forbidden, notFound } from '../errors.js';
import { loadEngineConfig } from '../engine/engine-config.js';
import { addSystemTouch, noopScheduler, parseEngineState, persistReduction } from '../engine/persist-reduction.js';
import { withEngineErrors } from './engine-errors.js';
import { closeApprovalTasks, openApprovalTask } from './withdrawal-approval-task.js';

type Evidence = TWithdrawal['evidence'];

async function collectEvidence(db: Kysely<Database>, orgId: string, candidateId: string, status: string): Promise<{ version: number; evidence: Evidence }> {
  const [offer, firstOffer, email, portal] = await Promise.all([
    db.selectFrom('offers').select(['version', 'accepted_at']).where('org_id', '=', orgId).where('candidate_id', '=', candidateId)
      .orderBy('version', 'desc').limit(1).executeTakeFirstOrThrow(),
    db.selectFrom('offers').select('sent_at').where('org_id', '=', orgId).where('candidate_id', '=', candidateId).where('sent_at', 'is not', null)
      .orderBy('version').limit(1).executeTakeFirst(),
    db.selectFrom('outbound_messages').select((eb) => eb.fn.min('sent_at').as('v')).where('org_id', '=', orgId).where('candidate_id', '=', candidateId)
      .where('lead_key', 'like', 'offer.send_package#%').where('status', 'in', ['sent', 'outbox']).executeTakeFirst(),
    db.selectFrom('portal_tokens').select((eb) => eb.fn.max('last_used_at').as('v')).where('org_id', '=', orgId).where('candidate_id', '=', candidateId).executeTakeFirst(),
  ]);
  const iso = (v: Date | string | null | undefined) => (v ? new Date(v).toISOString() : null);
  const accepted = await db.selectFrom('offers').select((eb) => eb.fn.min('accepted_at').as('v')).where('org_id', '=', orgId).where('candidate_id', '=', candidateId).executeTakeFirst();
  return {
    version: offer.version,
    evidence: {
      offerSentAt: iso(firstOffer?.sent_at), offerEmailSentAt: iso(email?.v as Date | null), portalLastOpenedAt: iso(portal?.v as Date | null),
      acceptedAt: iso((offer.accepted_at ?? accepted?.v) as Date | null), statusAtRequest: status,
    },
  };
}

function selectWithdrawals(db: Kysely<Database>, orgId: string) {
  return db.selectFrom('offer_withdrawals as w')
    .innerJoin('candidates as c', (j) => j.onRef('c.org_id', '=', 'w.org_id').onRef('c.id', '=', 'w.candidate_id'))
    .innerJoin('users as rq', (j) => j.onRef('rq.org_id', '=', 'w.org_id').onRef('rq.id', '=', 'w.requested_by'))
    .leftJoin('users as dc', (j) => j.onRef('dc.org_id', '=', 'w.org_id').onRef('dc.id', '=', 'w.decided_by'))
    .select([
      'w.id', 'w.candidate_id', 'c.full_name', 'w.offer_version', 'w.reason', 'w.status', 'w.requested_by', 'rq.name as requested_by_name',
      'w.requested_at', 'w.decided_by', 'dc.name as decided_by_name', 'w.decided_at', 'w.decision_note', 'w.evidence',
    ])
    .where('w.org_id', '=', orgId).where('c.anonymised_at', 'is', null);
}

type WithdrawalRow = Awaited<ReturnType<ReturnType<typeof selectWithdrawals>['executeTakeFirstOrThrow']>>;

const present = (r: WithdrawalRow): TWithdrawal => ({
  id: r.id, candidateId: r.candidate_id, candidateName: r.full_name, offerVersion: r.offer_version, reason: r.reason, status: r.status,
  requestedBy: { id: r.requested_by, name: r.requested_by_name }, requestedAt: r.requested_at.toISOString(),
  decidedBy: r.decided_by ? { id: r.decided_by, name: r.decided_by_name ?? '' } : null, decidedAt: r.decided_at?.toISOString() ?? null,
  decisionNote: r.decision_note, evidence: (typeof r.evidence === 'string' ? JSON.parse(r.evidence) : r.evidence) as Evidence,
});

/** HR ask to withdraw the offer, with a reason; nothing changes for the candidate until a second person approves. */
export async function requestOfferWithdrawal(deps: Deps, p: Principal, candidateId: string, input: { reason: string }, ctx: RequestContext): Promise<TWithdrawal> {
  requirePermission(p, 'offer.withdraw');
  if (p.kind !== 'user') throw forbidden('a withdrawal is requested by a person');
  const c = await loadVisibleCandidate(deps, p, candidateId);
  if (!canTransition(c.status as TCandidateStatus, 'withdrawn')) throw conflict(`the offer of a ${c.status} candidate cannot be withdrawn`, 'reason');
  const now = deps.clock.now();
  const { version, evidence } = await collectEvidence(deps.db, p.orgId, candidateId, c.status);
  const id = randomUUID();
  await deps.db.transaction().execute(async (trx) => {
    const inserted = await trx.insertInto('offer_withdrawals').values({
      org_id: p.orgId, id, candidate_id: candidateId, offer_version: version, reason: input.reason, evidence: JSON.stringify(evidence),
      status: 'pending', requested_by: p.userId, requested_at: now,
    }).onConflict((oc) => oc.columns(['org_id', 'candidate_id']).where('status', '=', 'pending').doNothing()).returning('id').executeTakeFirst();
    if (!inserted) throw conflict('a withdrawal of this offer is already waiting for approval', 'reason');
    await openApprovalTask(trx, p.orgId, candidateId, { requestedBy: p.userId, reason: input.reason, now });
    await addSystemTouch(trx, p.orgId, candidateId, now, 'note', 'Offer withdrawal requested: waiting for a second approver', null, input.reason);
    await appendAudit(trx, { orgId: p.orgId, ...describeActor(p), action: 'request', entity: 'offer_withdrawal', entityId: id, candidateId, detail: { version }, ip: ctx.ip, at: now });
  });
  return present(await selectWithdrawals(deps.db, p.orgId).where('w.id', '=', id).executeTakeFirstOrThrow());
}

/** Withdrawal requests (pending by default) of the candidates the caller may see, with their evidence. */
export async function listOfferWithdrawals(deps: Deps, p: Principal, q: { status: 'pending' | 'approved' | 'rejected' | 'all'; candidateId?: string }): Promise<{ items: TWithdrawal[] }> {
  requirePermission(p, 'offer.withdraw.approve');
  let base = selectWithdrawals(deps.db, p.orgId).where(whereInScope(resolveCandidateScope(p)));
  if (q.status !== 'all') base = base.where('w.status', '=', q.status);
  if (q.candidateId) base = base.where('w.candidate_id', '=', q.candidateId);
  const rows = await base.orderBy('w.requested_at', 'desc').limit(200).execute();
  return { items: rows.map(present) };
}

/**
 * A second person decides. Approved: the candidate moves to `withdrawn` through the
 * lifecycle rules, the running plan stops (open steps cancelled, on the timeline), the
 * current offer is marked withdrawn. The requester can never approve their own request.
 */
export async function decideOfferWithdrawal(
  deps: Deps, p: Principal, withdrawalId: string, input: { decision: 'approved' | 'rejected'; note: string }, ctx: RequestContext,
): Promise<TWithdrawal> {
  requirePermission(p, 'offer.withdraw.approve');
  if (p.kind !== 'user') throw forbidden('a withdrawal is approved by a person');
  const found = await selectWithdrawals(deps.db, p.orgId).where('w.id', '=', withdrawalId).executeTakeFirst();
  if (!found) throw notFound('withdrawal request');
  await loadVisibleCandidate(deps, p, found.candidate_id);
  if (found.requested_by === p.userId) throw new AppError(403, 'second_approver_required', 'a different person must decide a withdrawal you requested', 'decision');
  const now = deps.clock.now();
  const at = now.toISOString();
  const candidateId = found.candidate_id;
  await withEngineErrors(() => deps.db.transaction().execute(async (trx) => {
    const locked = await trx.selectFrom('offer_withdrawals').select('status').where('org_id', '=', p.orgId).where('id', '=', withdrawalId).forUpdate().executeTakeFirstOrThrow();
    if (locked.status !== 'pending') throw conflict(`the request was already ${locked.status}`, 'decision');
    await trx.updateTable('offer_withdrawals').set({ status: input.decision, decided_by: p.userId, decided_at: now, decision_note: input.note })
      .where('org_id', '=', p.orgId).where('id', '=', withdrawalId).execute();
    const outcome = `${input.decision === 'approved' ? 'Approved' : 'Refused'}${input.note ? `: ${input.note}` : ''}`;
    await closeApprovalTasks(trx, p.orgId, candidateId, { decidedBy: p.userId, outcome, now });
    if (input.decision === 'approved') {
      const row = await trx.selectFrom('engine_states').select('state').where('org_id', '=', p.orgId).where('candidate_id', '=', candidateId).forUpdate().executeTakeFirst();
      if (row) {
        const state = parseEngineState(row.state);
        const to = transitionStatus(state.status, 'withdrawn');
        const open = listOpenItems(state);
        const next = { ...state, status: to, openDelay: null, cancelled: [...state.cancelled, ...open.map((i) => i.key)] };
        const effects = [toStatusEffect(state, at, state.status, to), ...open.map((i) => toCancelledEffect(state, at, i, 'withdrawn'))];
        const config = await loadEngineConfig(trx, p.orgId, candidateId);
        await persistReduction(trx, {
          orgId: p.orgId, candidateId, config, reduction: { state: next, effects }, now, scheduler: deps.scheduler ?? noopScheduler, isNew: false, observer: deps.observer,
        });
      } else {
        const c = await trx.selectFrom('candidates').select('status').where('org_id', '=', p.orgId).where('id', '=', candidateId).forUpdate().executeTakeFirstOrThrow();
        const to = transitionStatus(c.status as TCandidateStatus, 'withdrawn');
        await trx.updateTable('candidates').set({ status: to, updated_at: now }).where('org_id', '=', p.orgId).where('id', '=', candidateId).execute();
        await addSystemTouch(trx, p.orgId, candidateId, now, 'status', `Status: ${c.status} → ${to}`, null);
      }
      await trx.updateTable('offers').set({ status: 'withdrawn' }).where('org_id', '=', p.orgId).where('candidate_id', '=', candidateId)
        .where('version', '=', (eb) => eb.selectFrom('offers as o2').select((e2) => e2.fn.max('o2.version').as('v')).where('o2.org_id', '=', p.orgId).where('o2.candidate_id', '=', candidateId))
        .execute();
    }
    await addSystemTouch(trx, p.orgId, candidateId, now, 'note', input.decision === 'approved' ? 'Offer withdrawal approved: the offer is withdrawn' : 'Offer withdrawal refused: the offer stands', null, input.note);
    await appendAudit(trx, { orgId: p.orgId, ...describeActor(p), action: input.decision === 'approved' ? 'approve' : 'reject', entity: 'offer_withdrawal', entityId: withdrawalId, candidateId, ip: ctx.ip, at: now });
  }), 'decision');
  return present(await selectWithdrawals(deps.db, p.orgId).where('w.id', '=', withdrawalId).executeTakeFirstOrThrow());
}
