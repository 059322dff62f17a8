import type { Kysely } from 'kysely';
import { runStatements } from './run-statements.js';

/**
 * Data-subject requests (DESIGN §5, issue 7): export, correction and deletion, asked by
 * the candidate from the portal or recorded by HR, each with a due time (the org's SLA)
 * and a resolution. And one retention run per organisation and local day, claimed before
 * it runs so several workers never purge twice.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await runStatements(db, [
    `CREATE TABLE data_requests (
      org_id uuid NOT NULL,
      id uuid NOT NULL,
      candidate_id uuid NOT NULL,
      kind text NOT NULL CHECK (kind IN ('export','correction','deletion')),
      status text NOT NULL CHECK (status IN ('open','done','refused')),
      requested_by text NOT NULL CHECK (requested_by IN ('candidate','user')),
      requested_by_user_id uuid,
      detail text NOT NULL DEFAULT '',
      requested_at timestamptz NOT NULL,
      due_at timestamptz NOT NULL,
      resolved_at timestamptz,
      resolved_by text CHECK (resolved_by IN ('candidate','user','system')),
      resolved_by_user_id uuid,
      resolution_note text NOT NULL DEFAULT '',
      task_key text,
      PRIMARY KEY (org_id, id),
      FOREIGN KEY (org_id, candidate_id) REFERENCES candidates (org_id, id) ON DELETE CASCADE,
      FOREIGN KEY (org_id, requested_by_user_id) REFERENCES users (org_id, id),
      FOREIGN KEY (org_id, resolved_by_user_id) REFERENCES users (org_id, id),
      CHECK ((status = 'open') = (resolved_at IS NULL))
    )`,
    `CREATE INDEX data_requests_status_idx ON data_requests (org_id, status, due_at)`,
    `CREATE INDEX data_requests_candidate_idx ON data_requests (org_id, candidate_id, requested_at DESC)`,
    // One open deletion request per person: asking twice is the same request.
    `CREATE UNIQUE INDEX data_requests_one_open_deletion_idx ON data_requests (org_id, candidate_id) WHERE kind = 'deletion' AND status = 'open'`,
    `CREATE TABLE retention_runs (
      org_id uuid NOT NULL,
      local_date text NOT NULL,
      status text NOT NULL,
      anonymised integer NOT NULL DEFAULT 0,
      consents_withdrawn integer NOT NULL DEFAULT 0,
      last_error text,
      claimed_at timestamptz NOT NULL,
      finished_at timestamptz,
      PRIMARY KEY (org_id, local_date),
      FOREIGN KEY (org_id) REFERENCES orgs (org_id) ON DELETE CASCADE
    )`,
  ]);
}

export async function down(db: Kysely<any>): Promise<void> {
  await runStatements(db, ['DROP TABLE retention_runs', 'DROP TABLE data_requests']);
}
