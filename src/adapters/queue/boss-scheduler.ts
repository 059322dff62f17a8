import { fromKysely, type PgBoss } from 'pg-boss';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import type { EngineScheduler } from '../../services/engine/persist-reduction.js';
import { DISPATCH_QUEUE, WAKE_QUEUE } from './boss.js';

/** Payload of a dispatch-message job. */
export interface DispatchJobData {
  orgId: string;
  messageId: string;
}

/** Payload of a wake-candidate job. */
export interface WakeJobData {
  orgId: string;
  candidateId: string;
}

/**
 * The engine's scheduler on pg-boss. Jobs are inserted through the caller's transaction,
 * so a job exists exactly when the business rows that need it were committed; the
 * singleton key (message id, or candidate@time) keeps a replay from queuing it twice.
 */
export function createBossScheduler(boss: PgBoss): EngineScheduler {
  return {
    async messageScheduled(trx: Kysely<Database>, orgId: string, messageId: string, sendAfter: Date) {
      const data: DispatchJobData = { orgId, messageId };
      await boss.send(DISPATCH_QUEUE, data, { db: fromKysely(trx), singletonKey: messageId, startAfter: sendAfter });
    },
    async wakeScheduled(trx: Kysely<Database>, orgId: string, candidateId: string, at: Date) {
      const data: WakeJobData = { orgId, candidateId };
      await boss.send(WAKE_QUEUE, data, { db: fromKysely(trx), singletonKey: `${candidateId}@${at.toISOString()}`, startAfter: at });
    },
  };
}
