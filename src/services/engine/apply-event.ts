import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../../adapters/db/schema.js';
import { advanceClock, planForEvent, startCandidate, type TCandidateState, type TDomainEvent } from '../../core/events/index.js';
import { isDomainError } from '../../core/errors.js';
import type { Deps } from '../deps.js';
import { AppError } from '../errors.js';
import { loadCandidateFacts } from './candidate-facts.js';
import { syncDeliveries } from './deliveries.js';
import { loadEngineConfig } from './engine-config.js';
import { noopScheduler, parseEngineState, persistReduction } from './persist-reduction.js';

export interface EventActor {
  kind: 'user' | 'token' | 'candidate' | 'system';
  id: string | null;
}

export interface ApplyEventResult {
  /** False when the idempotency key was seen before: nothing changed. */
  applied: boolean;
  eventId: string;
}

/**
 * Records a domain event and runs the engine on it, in one transaction: the event row,
 * the new engine state and every effect commit together or not at all. The same
 * idempotency key delivered twice (webhook retry, double click) changes nothing.
 */
export async function applyDomainEvent(
  deps: Deps,
  orgId: string,
  candidateId: string,
  event: TDomainEvent,
  opts: { actor: EventActor; idempotencyKey?: string },
): Promise<ApplyEventResult> {
  try {
    return await deps.db.transaction().execute((trx) => applyDomainEventIn(trx, deps, orgId, candidateId, event, opts));
  } catch (err) {
    if (isDomainError(err)) {
      const status = err.code === 'illegal_transition' || err.code === 'plan_stopped' ? 409 : 400;
      throw new AppError(status, err.code, err.message, err.field);
    }
    throw err;
  }
}

/** The same inside a caller's transaction (creating a candidate with an accepted offer). */
export async function applyDomainEventIn(
  trx: Kysely<Database>,
  deps: Deps,
  orgId: string,
  candidateId: string,
  event: TDomainEvent,
  opts: { actor: EventActor; idempotencyKey?: string },
): Promise<ApplyEventResult> {
  const now = deps.clock.now();
  const scheduler = deps.scheduler ?? noopScheduler;

  const eventId = randomUUID();
  const inserted = await trx.insertInto('domain_events').values({
    org_id: orgId, id: eventId, candidate_id: candidateId, type: event.type, occurred_at: event.at,
    payload: JSON.stringify(event), idempotency_key: opts.idempotencyKey ?? null, actor_kind: opts.actor.kind,
    actor_id: opts.actor.id, created_at: now,
  }).onConflict((oc) => oc.columns(['org_id', 'idempotency_key']).doNothing()).returning('id').executeTakeFirst();
  if (!inserted) {
    const prior = await trx.selectFrom('domain_events').select('id').where('org_id', '=', orgId).where('idempotency_key', '=', opts.idempotencyKey!).executeTakeFirstOrThrow();
    return { applied: false, eventId: prior.id };
  }
  const config = await loadEngineConfig(trx, orgId, candidateId);
  const row = await trx.selectFrom('engine_states').select('state').where('org_id', '=', orgId).where('candidate_id', '=', candidateId).forUpdate().executeTakeFirst();
  let reduction;
  if (!row) {
    if (event.type !== 'offer_accepted') {
      throw new AppError(409, 'plan_not_started', 'the offer has not been accepted yet: record offer_accepted first', 'type');
    }
    const facts = await loadCandidateFacts(trx, orgId, candidateId, event.at);
    reduction = startCandidate(facts, config);
    await trx.updateTable('offers').set({ status: 'accepted', accepted_at: event.at })
      .where('org_id', '=', orgId).where('candidate_id', '=', candidateId)
      .where('version', '=', (eb) => eb.selectFrom('offers as o2').select((e2) => e2.fn.max('o2.version').as('v')).where('o2.org_id', '=', orgId).where('o2.candidate_id', '=', candidateId))
      .execute();
  } else {
    const current = await syncDeliveries(trx, orgId, candidateId, parseEngineState(row.state));
    reduction = planForEvent(current, event, config);
  }
  // Time-driven rules up to now, so an event recorded late still sends what fell due.
  const caughtUp = advanceClock(reduction.state, now.toISOString(), config);
  await persistReduction(trx, {
    orgId, candidateId, config, now, scheduler, isNew: !row, observer: deps.observer,
    reduction: { state: caughtUp.state, effects: [...reduction.effects, ...caughtUp.effects] },
  });
  if (row) await closeCompletedTasks(trx, orgId, candidateId, parseEngineState(row.state), caughtUp.state, now);
  return { applied: true, eventId };
}

/**
 * A task the event itself completed (`day_one_issue_resolved` from an integration) is done
 * in the task list too; a task completed by a person is closed by completeTask as well.
 */
async function closeCompletedTasks(trx: Kysely<Database>, orgId: string, candidateId: string, before: TCandidateState, after: TCandidateState, now: Date) {
  const known = new Set(before.completed.map((c) => c.key));
  const added = after.completed.filter((c) => !known.has(c.key));
  if (added.length === 0) return;
  // Most are messages just sent (no task row): look for open tasks first.
  const open = await trx.selectFrom('tasks').select('key').where('org_id', '=', orgId).where('candidate_id', '=', candidateId)
    .where('status', '=', 'open').where('key', 'in', added.map((c) => c.key)).execute();
  for (const { key } of open) {
    const at = added.find((c) => c.key === key)!.at;
    await trx.updateTable('tasks').set({ status: 'done', completed_at: new Date(at), updated_at: now })
      .where('org_id', '=', orgId).where('candidate_id', '=', candidateId).where('key', '=', key).execute();
  }
}

/**
 * Runs the time-driven rules for candidates whose next wake time has come. Rows are
 * claimed with SKIP LOCKED, so several workers share the work without doing it twice.
 */
export async function wakeDueCandidates(deps: Deps, opts: { limit?: number; orgId?: string; candidateId?: string } = {}): Promise<number> {
  const now = deps.clock.now();
  const scheduler = deps.scheduler ?? noopScheduler;
  return deps.db.transaction().execute(async (trx) => {
    let q = trx.selectFrom('engine_states').select(['org_id', 'candidate_id', 'state'])
      .where('next_wake_at', '<=', now);
    if (opts.orgId) q = q.where('org_id', '=', opts.orgId);
    if (opts.candidateId) q = q.where('candidate_id', '=', opts.candidateId);
    const rows = await q.orderBy('next_wake_at').limit(opts.limit ?? 100).forUpdate().skipLocked().execute();
    for (const row of rows) {
      const config = await loadEngineConfig(trx, row.org_id, row.candidate_id);
      const current = await syncDeliveries(trx, row.org_id, row.candidate_id, parseEngineState(row.state));
      const reduction = advanceClock(current, now.toISOString(), config);
      await persistReduction(trx, { orgId: row.org_id, candidateId: row.candidate_id, config, reduction, now, scheduler, isNew: false, observer: deps.observer });
    }
    return rows.length;
  });
}
