import type { Kysely } from 'kysely';
import type { Database } from '../adapters/db/schema.js';
import type { EngineObserver, EngineScheduler } from './engine/persist-reduction.js';

/** A source of time: the only clock the services read. Tests and the simulator pass their own. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** What a use case needs; built only in src/deps.ts (and by tests). */
export interface Deps {
  db: Kysely<Database>;
  clock: Clock;
  /** Hands due work to the job queue; absent in tests that drive the engine by hand. */
  scheduler?: EngineScheduler;
  /** Notified of engine effects after they are stored (simulator). */
  observer?: EngineObserver;
}

/** Where a request came from, for the audit log. */
export interface RequestContext {
  ip?: string;
}
