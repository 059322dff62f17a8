import type { Kysely } from 'kysely';
import { runStatements } from './run-statements.js';

/**
 * Consent records (DESIGN §5): sensitive-information consent, background-check
 * authorization and talent-pool opt-in. A row is never edited except to record its
 * withdrawal; giving consent again makes a new row. The exact wording shown is kept with
 * its version and hash, so what the person agreed to can be shown later word for word.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await runStatements(db, [
    `CREATE TABLE consents (
      org_id uuid NOT NULL,
      id uuid NOT NULL,
      candidate_id uuid NOT NULL,
      kind text NOT NULL CHECK (kind IN ('sensitive_info','background_check','talent_pool')),
      wording_version text NOT NULL,
      wording_sha256 text NOT NULL,
      wording_text text NOT NULL,
      language text NOT NULL,
      typed_name text,
      details jsonb NOT NULL DEFAULT '{}'::jsonb,
      given_at timestamptz NOT NULL,
      given_ip text,
      given_by text NOT NULL CHECK (given_by IN ('candidate','user')),
      given_by_user_id uuid,
      expires_at timestamptz,
      withdrawn_at timestamptz,
      withdrawn_ip text,
      withdrawn_by text CHECK (withdrawn_by IN ('candidate','user','system')),
      PRIMARY KEY (org_id, id),
      FOREIGN KEY (org_id, candidate_id) REFERENCES candidates (org_id, id) ON DELETE CASCADE
    )`,
    `CREATE INDEX consents_candidate_idx ON consents (org_id, candidate_id, kind)`,
    // At most one live consent of a kind per candidate.
    `CREATE UNIQUE INDEX consents_one_active_idx ON consents (org_id, candidate_id, kind) WHERE withdrawn_at IS NULL`,
  ]);
}

export async function down(db: Kysely<any>): Promise<void> {
  await runStatements(db, ['DROP TABLE consents']);
}
