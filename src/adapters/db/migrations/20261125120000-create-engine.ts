import type { Kysely } from 'kysely';
import { runStatements } from './run-statements.js';

/**
 * The follow-up engine's tables: versioned playbooks, each candidate's engine state
 * (the pure reducer's data) with its next wake time, the domain-event log, the tasks
 * it hands out and the outbox of messages it sends.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await runStatements(db, [
    `CREATE TABLE playbooks (
      org_id uuid NOT NULL REFERENCES orgs (org_id),
      key text NOT NULL,
      version integer NOT NULL CHECK (version > 0),
      definition jsonb NOT NULL,
      created_by uuid,
      created_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (org_id, key, version)
    )`,
    `CREATE TABLE engine_states (
      org_id uuid NOT NULL,
      candidate_id uuid NOT NULL,
      playbook_key text NOT NULL,
      playbook_version integer NOT NULL,
      state jsonb NOT NULL,
      next_wake_at timestamptz,
      revision integer NOT NULL DEFAULT 1,
      updated_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (org_id, candidate_id),
      FOREIGN KEY (org_id, candidate_id) REFERENCES candidates (org_id, id) ON DELETE CASCADE,
      FOREIGN KEY (org_id, playbook_key, playbook_version) REFERENCES playbooks (org_id, key, version)
    )`,
    `CREATE INDEX engine_states_wake_idx ON engine_states (next_wake_at) WHERE next_wake_at IS NOT NULL`,
    `CREATE TABLE domain_events (
      org_id uuid NOT NULL,
      id uuid NOT NULL,
      candidate_id uuid NOT NULL,
      type text NOT NULL,
      occurred_at timestamptz NOT NULL,
      payload jsonb NOT NULL DEFAULT '{}'::jsonb,
      idempotency_key text,
      actor_kind text NOT NULL,
      actor_id uuid,
      created_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (org_id, id),
      UNIQUE (org_id, idempotency_key),
      FOREIGN KEY (org_id, candidate_id) REFERENCES candidates (org_id, id) ON DELETE CASCADE
    )`,
    `CREATE INDEX domain_events_candidate_idx ON domain_events (org_id, candidate_id, occurred_at)`,
    `CREATE TABLE tasks (
      org_id uuid NOT NULL,
      candidate_id uuid NOT NULL,
      key text NOT NULL,
      step_id text NOT NULL,
      stage text NOT NULL,
      kind text NOT NULL CHECK (kind IN ('task','escalation')),
      action text NOT NULL,
      owner_roles text[] NOT NULL,
      channel text,
      prepared_message boolean NOT NULL DEFAULT false,
      detail text NOT NULL DEFAULT '',
      due_at timestamptz NOT NULL,
      calendar_data_missing boolean NOT NULL DEFAULT false,
      status text NOT NULL CHECK (status IN ('open','done','cancelled')),
      completed_at timestamptz,
      completed_by uuid,
      outcome text NOT NULL DEFAULT '',
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (org_id, candidate_id, key),
      FOREIGN KEY (org_id, candidate_id) REFERENCES candidates (org_id, id) ON DELETE CASCADE
    )`,
    `CREATE INDEX tasks_open_due_idx ON tasks (org_id, status, due_at)`,
    `CREATE TABLE outbound_messages (
      org_id uuid NOT NULL,
      id uuid NOT NULL,
      candidate_id uuid NOT NULL,
      lead_key text NOT NULL,
      step_keys text[] NOT NULL,
      step_ids text[] NOT NULL,
      channel text NOT NULL,
      status text NOT NULL CHECK (status IN ('scheduled','sending','sent','failed','dead','cancelled','outbox')),
      send_after timestamptz NOT NULL,
      attempts integer NOT NULL DEFAULT 0,
      lease_until timestamptz,
      last_error text,
      recipient text NOT NULL DEFAULT '',
      subject text NOT NULL DEFAULT '',
      body_text text NOT NULL DEFAULT '',
      provider_message_id text,
      sent_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (org_id, id),
      UNIQUE (org_id, candidate_id, lead_key),
      FOREIGN KEY (org_id, candidate_id) REFERENCES candidates (org_id, id) ON DELETE CASCADE
    )`,
    `CREATE INDEX outbound_messages_due_idx ON outbound_messages (status, send_after)`,
  ]);
}

export async function down(db: Kysely<any>): Promise<void> {
  await runStatements(db, ['DROP TABLE outbound_messages', 'DROP TABLE tasks', 'DROP TABLE domain_events', 'DROP TABLE engine_states', 'DROP TABLE playbooks']);
}
