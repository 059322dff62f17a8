import type { Kysely } from 'kysely';
import type { Database } from '../../adapters/db/schema.js';
import { appendAudit } from '../../adapters/db/repos/audit-repo.js';
import type { TAgreeStartDate, TAgreeStartDateResult } from '../../contracts/exception-flows.js';
import type { Principal } from '../../core/access/candidate-scope.js';
import { isDomainError } from '../../core/errors.js';
import { describeActor, requirePermission } from '../actor.js';
import { loadVisibleCandidate } from '../candidates/candidates.js';
import type { Deps, RequestContext } from '../deps.js';
import { AppError, conflict } from '../errors.js';
import { applyDomainEventIn } from '../engine/apply-event.js';
import { parseEngineState } from '../engine/persist-reduction.js';

/** Statuses in which a start date can no longer be agreed. */
const CLOSED = new Set(['started', 'onboarded', 'declined', 'reneged', 'withdrawn']);

type Snapshot = Map<string, { stepId: string; dueAt: string; done: boolean; cancelled: boolean }>;

async function snapshotPlan(db: Kysely<Database>, orgId: string, candidateId: string): Promise<Snapshot> {
  const row = await db.selectFrom('engine_states').select('state').where('org_id', '=', orgId).where('candidate_id', '=', candidateId).executeTakeFirst();
  const out: Snapshot = new Map();
  if (!row) return out;
  const state = parseEngineState(row.state);
  const done = new Set(state.completed.map((c) => c.key));
  const cancelled = new Set(state.cancelled);
  for (const item of [...(state.plan?.items ?? []), ...state.exceptionItems]) {
    out.set(item.key, { stepId: item.stepId, dueAt: item.dueAt, done: done.has(item.key), cancelled: cancelled.has(item.key) });
  }
  return out;
}

/**
 * HR agree a new start date with the candidate (after a delay request, or any time before
 * day one). One record: a new offer version carries the date (acceptance kept — only the
 * date changed), and the engine re-plans in the same transaction: pending steps move,
 * done steps stay, dropped ones are recorded. Agreeing the date it already is changes
 * nothing (a double click, a retry). Returns the steps that moved.
 */
export async function agreeStartDate(deps: Deps, p: Principal, candidateId: string, input: TAgreeStartDate, ctx: RequestContext): Promise<TAgreeStartDateResult> {
  requirePermission(p, 'event.create');
  requirePermission(p, 'offer.create');
  const candidate = await loadVisibleCandidate(deps, p, candidateId);
  if (CLOSED.has(candidate.status)) throw conflict(`the start date of a ${candidate.status} candidate cannot change`, 'startDate');
  const now = deps.clock.now();
  try {
    return await deps.db.transaction().execute(async (trx) => {
      const current = await trx.selectFrom('offers').selectAll().where('org_id', '=', p.orgId).where('candidate_id', '=', candidateId)
        .orderBy('version', 'desc').limit(1).forUpdate().executeTakeFirstOrThrow();
      const status = async () => (await trx.selectFrom('candidates').select('status').where('org_id', '=', p.orgId).where('id', '=', candidateId).executeTakeFirstOrThrow()).status;
      if (current.start_date === input.startDate) {
        return { applied: false, status: await status(), startDate: current.start_date, offerVersion: current.version, moved: [], cancelled: [] };
      }
      const before = await snapshotPlan(trx, p.orgId, candidateId);
      const version = current.version + 1;
      await trx.updateTable('offers').set({ status: 'superseded' })
        .where('org_id', '=', p.orgId).where('candidate_id', '=', candidateId).where('version', '=', current.version).execute();
      await trx.insertInto('offers').values({
        org_id: p.orgId, candidate_id: candidateId, version, position_title: current.position_title, site_id: current.site_id,
        start_date: input.startDate, role_type: current.role_type, salary_monthly: current.salary_monthly, salary_months: current.salary_months,
        currency: current.currency, status: current.status === 'accepted' ? 'accepted' : current.status === 'superseded' ? 'sent' : current.status,
        sent_at: now, accepted_at: current.status === 'accepted' ? current.accepted_at : null, reason: input.reason,
        created_by: p.kind === 'user' ? p.userId : null, created_at: now,
      }).execute();
      const actor = describeActor(p);
      if (before.size > 0) {
        await applyDomainEventIn(trx, deps, p.orgId, candidateId, { type: 'start_date_changed', at: now.toISOString(), startDate: input.startDate }, {
          actor: { kind: actor.actorKind, id: actor.actorId }, idempotencyKey: `offer:${candidateId}:${version}:start`,
        });
      }
      const after = await snapshotPlan(trx, p.orgId, candidateId);
      const moved: TAgreeStartDateResult['moved'] = [];
      const cancelled: TAgreeStartDateResult['cancelled'] = [];
      for (const [key, now2] of after) {
        const was = before.get(key);
        if (now2.cancelled && (!was || !was.cancelled)) cancelled.push({ key, stepId: now2.stepId });
        else if (was && !now2.done && !now2.cancelled && was.dueAt !== now2.dueAt) moved.push({ key, stepId: now2.stepId, from: was.dueAt, to: now2.dueAt });
      }
      moved.sort((a, b) => a.to.localeCompare(b.to));
      await appendAudit(trx, {
        orgId: p.orgId, ...actor, action: 'start_date_agreed', entity: 'offer', entityId: `${candidateId}#${version}`, candidateId,
        detail: { from: current.start_date, to: input.startDate, version, moved: moved.length, cancelled: cancelled.length }, ip: ctx.ip, at: now,
      });
      return { applied: true, status: await status(), startDate: input.startDate, offerVersion: version, moved, cancelled };
    });
  } catch (err) {
    if (isDomainError(err)) throw new AppError(err.code === 'illegal_transition' || err.code === 'plan_stopped' ? 409 : 400, err.code, err.message, 'startDate');
    throw err;
  }
}
