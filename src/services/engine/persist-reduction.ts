import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { findNextWakeAt, type TCandidateState, type TEffect, type TReduction } from '../../core/events/index.js';
import type { Database } from '../../adapters/db/schema.js';
import type { LoadedEngineConfig } from './engine-config.js';

/** What the engine asks the job queue to do once the transaction commits. */
export interface EngineScheduler {
  /** A message row is due at `sendAfter`: dispatch it then. Called inside the transaction. */
  messageScheduled(trx: Kysely<Database>, orgId: string, messageId: string, sendAfter: Date): Promise<void>;
  /** The candidate's engine must run again at `at`. Called inside the transaction. */
  wakeScheduled(trx: Kysely<Database>, orgId: string, candidateId: string, at: Date): Promise<void>;
}

/** Sees every effect after it is stored (the simulator prints them; metrics could count them). */
export interface EngineObserver {
  onEffects(orgId: string, candidateId: string, effects: readonly TEffect[]): void;
}

export const noopScheduler: EngineScheduler = { messageScheduled: async () => undefined, wakeScheduled: async () => undefined };

const STATUS_LABEL = (e: Extract<TEffect, { kind: 'status' }>) => `Status: ${e.from} → ${e.status}`;

/**
 * Stores a reduction: the new engine state with its next wake time, and each effect
 * as rows — tasks and escalations, outbound messages (a row before it is a send),
 * status changes and cancellations on the candidate and the timeline. Idempotent per
 * step key, so replaying the same effects changes nothing.
 */
export async function persistReduction(
  trx: Kysely<Database>,
  args: {
    orgId: string; candidateId: string; config: LoadedEngineConfig; reduction: TReduction; now: Date;
    scheduler: EngineScheduler; isNew: boolean; observer?: EngineObserver;
  },
): Promise<void> {
  const { orgId, candidateId, config, reduction, now, scheduler } = args;
  const nextWake = findNextWakeAt(reduction.state, config);
  const stateJson = JSON.stringify(reduction.state);
  if (args.isNew) {
    await trx.insertInto('engine_states').values({
      org_id: orgId, candidate_id: candidateId, playbook_key: config.playbookKey, playbook_version: config.playbookVersion,
      state: stateJson, next_wake_at: nextWake, updated_at: now,
    }).execute();
  } else {
    await trx.updateTable('engine_states')
      .set((eb) => ({ state: stateJson, next_wake_at: nextWake, updated_at: now, revision: eb('revision', '+', 1) }))
      .where('org_id', '=', orgId).where('candidate_id', '=', candidateId).execute();
  }
  if (nextWake) await scheduler.wakeScheduled(trx, orgId, candidateId, new Date(nextWake));
  for (const effect of reduction.effects) await persistEffect(trx, orgId, candidateId, effect, now, scheduler);
  if (reduction.effects.length) args.observer?.onEffects(orgId, candidateId, reduction.effects);
}

async function persistEffect(trx: Kysely<Database>, orgId: string, candidateId: string, e: TEffect, now: Date, scheduler: EngineScheduler) {
  switch (e.kind) {
    case 'task':
    case 'escalation':
      await trx.insertInto('tasks').values({
        org_id: orgId, candidate_id: candidateId, key: e.key, step_id: e.step, stage: e.stage, kind: e.kind, action: e.action,
        owner_roles: e.owners, channel: e.channel, prepared_message: e.kind === 'task' ? e.preparedMessage : false,
        detail: e.kind === 'task' ? e.detail ?? '' : '', due_at: e.dueAt, calendar_data_missing: e.calendarDataMissing,
        legal_deadline: e.legalDeadline ?? null, status: 'open', completed_at: null, completed_by: null, created_at: now, updated_at: now,
      }).onConflict((oc) => oc.columns(['org_id', 'candidate_id', 'key']).doUpdateSet({
        due_at: e.dueAt, status: 'open', updated_at: now, calendar_data_missing: e.calendarDataMissing,
      }).where('tasks.status', '!=', 'done')).execute();
      return;
    case 'message': {
      const id = randomUUID();
      const inserted = await trx.insertInto('outbound_messages').values({
        org_id: orgId, id, candidate_id: candidateId, lead_key: e.key, step_keys: [e.key], step_ids: e.mergedSteps,
        channel: e.channel ?? 'email', status: 'scheduled', send_after: e.at, lease_until: null, last_error: null,
        provider_message_id: null, sent_at: null, created_at: now, updated_at: now,
      }).onConflict((oc) => oc.columns(['org_id', 'candidate_id', 'lead_key']).doNothing()).returning('id').executeTakeFirst();
      if (inserted) await scheduler.messageScheduled(trx, orgId, inserted.id, new Date(e.at));
      return;
    }
    case 'status':
      await trx.updateTable('candidates').set({ status: e.status, updated_at: now }).where('org_id', '=', orgId).where('id', '=', candidateId).execute();
      await addSystemTouch(trx, orgId, candidateId, e.at, 'status', STATUS_LABEL(e), null);
      return;
    case 'cancelled':
      await trx.updateTable('tasks').set({ status: 'cancelled', updated_at: now })
        .where('org_id', '=', orgId).where('candidate_id', '=', candidateId).where('key', '=', e.key).where('status', '=', 'open').execute();
      await trx.updateTable('outbound_messages').set({ status: 'cancelled', updated_at: now })
        .where('org_id', '=', orgId).where('candidate_id', '=', candidateId).where('lead_key', '=', e.key).where('status', '=', 'scheduled').execute();
      await addSystemTouch(trx, orgId, candidateId, e.at, 'note', `Cancelled ${e.step}: ${e.reason}`, e.step);
      return;
  }
}

/** A timeline row written by the engine itself. */
export async function addSystemTouch(trx: Kysely<Database>, orgId: string, candidateId: string, at: string | Date, kind: string, summary: string, stepId: string | null, content = '') {
  await trx.insertInto('touches').values({
    org_id: orgId, id: randomUUID(), candidate_id: candidateId, occurred_at: at, kind, channel: 'other', direction: 'internal',
    author_kind: 'system', author_user_id: null, summary, content, step_id: stepId,
  }).execute();
}

/** Reads a stored engine state. */
export function parseEngineState(state: unknown): TCandidateState {
  return (typeof state === 'string' ? JSON.parse(state) : state) as TCandidateState;
}
