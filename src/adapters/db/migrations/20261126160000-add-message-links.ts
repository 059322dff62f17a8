import type { Kysely } from 'kysely';
import { runStatements } from './run-statements.js';

/**
 * Magic links inside the messages sent to a candidate: a portal token may belong to one
 * outbound message. Its secret is kept sealed (AES-256-GCM, bound to the organisation,
 * candidate and message) only while the message may still be retried, so a retry sends
 * the same link; the database never holds it in plain text. At most one live token per
 * message (the partial unique index), however many workers race to mint it.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await runStatements(db, [
    `ALTER TABLE portal_tokens ADD COLUMN message_id uuid`,
    `ALTER TABLE portal_tokens ADD COLUMN secret_sealed text`,
    `ALTER TABLE portal_tokens ADD CONSTRAINT portal_tokens_message_fk
      FOREIGN KEY (org_id, message_id) REFERENCES outbound_messages (org_id, id) ON DELETE CASCADE`,
    `CREATE UNIQUE INDEX portal_tokens_message_live_idx ON portal_tokens (org_id, message_id) WHERE revoked_at IS NULL`,
  ]);
}

export async function down(db: Kysely<any>): Promise<void> {
  await runStatements(db, [
    'DROP INDEX portal_tokens_message_live_idx',
    'ALTER TABLE portal_tokens DROP CONSTRAINT portal_tokens_message_fk',
    'ALTER TABLE portal_tokens DROP COLUMN secret_sealed',
    'ALTER TABLE portal_tokens DROP COLUMN message_id',
  ]);
}
