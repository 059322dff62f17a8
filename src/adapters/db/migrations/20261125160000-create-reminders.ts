import type { Kysely } from 'kysely';
import { runStatements } from './run-statements.js';

/**
 * Staff reminders: one row per (user, local day) for the daily task digest. The row is
 * claimed BEFORE the email goes out (insert … on conflict do nothing), so two workers or a
 * restart never send the same digest twice; the status records what became of it.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await runStatements(db, [
    `CREATE TABLE digest_runs (
      org_id uuid NOT NULL,
      user_id uuid NOT NULL,
      local_date date NOT NULL,
      status text NOT NULL CHECK (status IN ('sending','sent','failed','skipped_no_smtp')),
      task_count integer NOT NULL DEFAULT 0,
      overdue_count integer NOT NULL DEFAULT 0,
      subject text NOT NULL DEFAULT '',
      provider_message_id text,
      last_error text,
      claimed_at timestamptz NOT NULL,
      finished_at timestamptz,
      PRIMARY KEY (org_id, user_id, local_date),
      FOREIGN KEY (org_id, user_id) REFERENCES users (org_id, id) ON DELETE CASCADE
    )`,
  ]);
}

export async function down(db: Kysely<any>): Promise<void> {
  await runStatements(db, ['DROP TABLE digest_runs']);
}
