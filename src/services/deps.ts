import type { Kysely } from 'kysely';
import type { Database } from '../adapters/db/schema.js';
import type { ChannelAdapter, SmsAdapter } from '../adapters/channels/index.js';
import type { Vault } from '../adapters/crypto/vault.js';
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
  /** Seals sensitive data at rest (AES-256-GCM); keys come from the environment. */
  vault: Vault;
  /** Hands due work to the job queue; absent in tests that drive the engine by hand. */
  scheduler?: EngineScheduler;
  /** Notified of engine effects after they are stored (simulator). */
  observer?: EngineObserver;
  /**
   * Channel adapters the dispatcher sends through. A channel without one keeps its
   * messages in the outbox (rendered, visible to staff) instead of sending them.
   */
  channels?: DispatchChannels;
  /** Dispatcher settings; defaults suit production. */
  dispatch?: DispatchSettings;
}

/** Candidate-facing channels that have an adapter; wecom/wechat/phone are tasks for people. */
export interface DispatchChannels {
  email?: ChannelAdapter;
  sms?: SmsAdapter;
}

export interface DispatchSettings {
  /** Base URL of this installation, for portal links in messages (default http://localhost:3000). */
  publicUrl?: string;
  /** How long a claimed message belongs to the worker sending it (default 2 minutes). */
  leaseMs?: number;
  /** Attempts before a message is dead (default 8). */
  maxAttempts?: number;
}

/** Where a request came from, for the audit log. */
export interface RequestContext {
  ip?: string;
}
