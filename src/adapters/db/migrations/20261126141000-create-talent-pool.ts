import type { Kysely } from 'kysely';
import { runStatements } from './run-statements.js';

/**
 * The talent pool's own data (tags, notes) beside the consent that makes someone a member
 * (`consents` kind talent_pool): no consent, no entry — withdrawing deletes the row.
 * When the next nurture goes out is the engine's (it recurs while the consent is valid),
 * so it is read from there rather than copied here.
 *
 * Also: HR's edit of a prepared message (the decline thank-you…) while it is still
 * scheduled. The dispatcher sends the edited text instead of rendering the template.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await runStatements(db, [
    `CREATE TABLE talent_pool_entries (
      org_id uuid NOT NULL,
      candidate_id uuid NOT NULL,
      tags text[] NOT NULL DEFAULT '{}',
      notes text NOT NULL DEFAULT '',
      created_at timestamptz NOT NULL,
      updated_at timestamptz NOT NULL,
      updated_by uuid,
      PRIMARY KEY (org_id, candidate_id),
      FOREIGN KEY (org_id, candidate_id) REFERENCES candidates (org_id, id) ON DELETE CASCADE
    )`,
    `ALTER TABLE outbound_messages ADD COLUMN edited_subject text`,
    `ALTER TABLE outbound_messages ADD COLUMN edited_body text`,
    `ALTER TABLE outbound_messages ADD COLUMN edited_by uuid`,
    `ALTER TABLE outbound_messages ADD COLUMN edited_at timestamptz`,
  ]);
}

export async function down(db: Kysely<any>): Promise<void> {
  await runStatements(db, [
    'ALTER TABLE outbound_messages DROP COLUMN edited_subject',
    'ALTER TABLE outbound_messages DROP COLUMN edited_body',
    'ALTER TABLE outbound_messages DROP COLUMN edited_by',
    'ALTER TABLE outbound_messages DROP COLUMN edited_at',
    'DROP TABLE talent_pool_entries',
  ]);
}
