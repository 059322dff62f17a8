import type { Kysely } from 'kysely';
import { runStatements } from './run-statements.js';

/**
 * One-time codes for a candidate who lost their portal link: six digits, stored only as
 * a keyed hash, valid ten minutes, at most five tries. The code itself travels sealed
 * (vault) to the dispatcher and is never stored in clear.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await runStatements(db, [
    `CREATE TABLE portal_codes (
      org_id uuid NOT NULL,
      id uuid NOT NULL,
      candidate_id uuid NOT NULL,
      channel text NOT NULL CHECK (channel IN ('email','sms')),
      code_hash text NOT NULL,
      code_sealed text NOT NULL,
      attempts integer NOT NULL DEFAULT 0,
      created_at timestamptz NOT NULL,
      expires_at timestamptz NOT NULL,
      used_at timestamptz,
      requested_ip text,
      PRIMARY KEY (org_id, id),
      FOREIGN KEY (org_id, candidate_id) REFERENCES candidates (org_id, id) ON DELETE CASCADE
    )`,
    `CREATE INDEX portal_codes_live_idx ON portal_codes (org_id, candidate_id, created_at) WHERE used_at IS NULL`,
  ]);
}

export async function down(db: Kysely<any>): Promise<void> {
  await runStatements(db, ['DROP TABLE portal_codes']);
}
