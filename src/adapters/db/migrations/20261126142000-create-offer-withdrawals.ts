import type { Kysely } from 'kysely';
import { runStatements } from './run-statements.js';

/**
 * Employer-side withdrawal of an offer (DESIGN §5): HR request it with a reason; a second,
 * different person approves or refuses. The evidence (offer sent / portal opened /
 * accepted times) is frozen into the request when it is made, so the approver and any
 * later reader see what was known then. At most one open request per candidate.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await runStatements(db, [
    `CREATE TABLE offer_withdrawals (
      org_id uuid NOT NULL,
      id uuid NOT NULL,
      candidate_id uuid NOT NULL,
      offer_version integer NOT NULL,
      reason text NOT NULL,
      evidence jsonb NOT NULL,
      status text NOT NULL CHECK (status IN ('pending','approved','rejected')),
      requested_by uuid NOT NULL,
      requested_at timestamptz NOT NULL,
      decided_by uuid,
      decided_at timestamptz,
      decision_note text NOT NULL DEFAULT '',
      PRIMARY KEY (org_id, id),
      FOREIGN KEY (org_id, candidate_id) REFERENCES candidates (org_id, id) ON DELETE CASCADE,
      CHECK (decided_by IS NULL OR decided_by <> requested_by)
    )`,
    `CREATE UNIQUE INDEX offer_withdrawals_one_pending_idx ON offer_withdrawals (org_id, candidate_id) WHERE status = 'pending'`,
  ]);
}

export async function down(db: Kysely<any>): Promise<void> {
  await runStatements(db, ['DROP TABLE offer_withdrawals']);
}
