import type { Kysely } from 'kysely';
import { runStatements } from './run-statements.js';

/**
 * Pay bands (FAQ 1) and salary-adjustment requests. A band belongs to a department and
 * matches either an exact position title or a role type (a title band wins over a role
 * type band). A request keeps the candidate's argument sealed (it often quotes another
 * company's offer) and, once decided, who decided, how, and the offer version it produced.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await runStatements(db, [
    `CREATE TABLE pay_bands (
      org_id uuid NOT NULL,
      id uuid NOT NULL,
      department_id uuid NOT NULL,
      match_kind text NOT NULL CHECK (match_kind IN ('position_title','role_type')),
      match_value text NOT NULL,
      min_monthly numeric(12,2) NOT NULL,
      mid_monthly numeric(12,2) NOT NULL,
      max_monthly numeric(12,2) NOT NULL,
      currency text NOT NULL DEFAULT 'CNY',
      updated_by uuid,
      updated_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (org_id, id),
      UNIQUE (org_id, department_id, match_kind, match_value),
      FOREIGN KEY (org_id, department_id) REFERENCES departments (org_id, id) ON DELETE CASCADE,
      CHECK (min_monthly <= mid_monthly AND mid_monthly <= max_monthly)
    )`,
    `CREATE TABLE salary_requests (
      org_id uuid NOT NULL,
      id uuid NOT NULL,
      candidate_id uuid NOT NULL,
      requested_monthly numeric(12,2),
      argument_sealed text NOT NULL,
      offer_version integer NOT NULL,
      status text NOT NULL CHECK (status IN ('open','approved','rejected')),
      idempotency_key text,
      created_by uuid,
      created_at timestamptz NOT NULL,
      decided_by uuid,
      decided_at timestamptz,
      decision_note text NOT NULL DEFAULT '',
      new_offer_version integer,
      PRIMARY KEY (org_id, id),
      UNIQUE (org_id, idempotency_key),
      FOREIGN KEY (org_id, candidate_id) REFERENCES candidates (org_id, id) ON DELETE CASCADE
    )`,
    `CREATE INDEX salary_requests_candidate_idx ON salary_requests (org_id, candidate_id, created_at)`,
  ]);
}

export async function down(db: Kysely<any>): Promise<void> {
  await runStatements(db, ['DROP TABLE salary_requests', 'DROP TABLE pay_bands']);
}
