import type { Kysely } from 'kysely';
import { runStatements } from './run-statements.js';

/**
 * Indexes for the pipeline board at 10 000 candidates (issue 5): each card's risk signals
 * are index lookups per candidate — open tasks by due time, the latest portal pulse (the
 * last reply uses the existing per-candidate touch index) — and the filters by HR owner
 * and start date have their own index.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await runStatements(db, [
    `CREATE INDEX tasks_candidate_open_idx ON tasks (org_id, candidate_id, due_at) WHERE status = 'open'`,
    `CREATE INDEX touches_candidate_pulse_idx ON touches (org_id, candidate_id, occurred_at DESC) WHERE step_id = 'portal.pulse'`,
    `CREATE INDEX candidates_hr_owner_idx ON candidates (org_id, hr_owner_id)`,
    `CREATE INDEX offers_start_date_idx ON offers (org_id, start_date)`,
  ]);
}

export async function down(db: Kysely<any>): Promise<void> {
  await runStatements(db, [
    'DROP INDEX offers_start_date_idx', 'DROP INDEX candidates_hr_owner_idx', 'DROP INDEX touches_candidate_pulse_idx',
    'DROP INDEX tasks_candidate_open_idx',
  ]);
}
