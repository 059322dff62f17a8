import type { Kysely } from 'kysely';
import { runStatements } from './run-statements.js';

/**
 * The candidate portal's magic links: one random secret per link, stored only as
 * SHA-256, scoped to one candidate, keyed by organisation first like every table.
 * Issuing a new link revokes the older ones (rotation), so at most one is live.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await runStatements(db, [
    `CREATE TABLE portal_tokens (
      org_id uuid NOT NULL,
      id uuid NOT NULL,
      candidate_id uuid NOT NULL,
      token_hash text NOT NULL,
      created_by uuid,
      created_at timestamptz NOT NULL DEFAULT now(),
      expires_at timestamptz NOT NULL,
      revoked_at timestamptz,
      last_used_at timestamptz,
      PRIMARY KEY (org_id, id),
      UNIQUE (org_id, token_hash),
      FOREIGN KEY (org_id, candidate_id) REFERENCES candidates (org_id, id) ON DELETE CASCADE,
      FOREIGN KEY (org_id, created_by) REFERENCES users (org_id, id)
    )`,
    `CREATE INDEX portal_tokens_live_idx ON portal_tokens (org_id, candidate_id) WHERE revoked_at IS NULL`,
  ]);
}

export async function down(db: Kysely<any>): Promise<void> {
  await runStatements(db, ['DROP TABLE portal_tokens']);
}
