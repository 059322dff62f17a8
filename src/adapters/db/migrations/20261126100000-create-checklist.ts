import type { Kysely } from 'kysely';
import { runStatements } from './run-statements.js';

/**
 * The candidate checklist (issue 4): one row per candidate and item once something has
 * happened to it (no row = pending), and the uploaded documents. Document bytes are always
 * sealed with the vault (AES-256-GCM bound to org, candidate and document id); the SHA-256
 * is of the plaintext, for integrity checks and duplicate detection. A purged document
 * keeps its metadata row (what was there, when, why it went) with the bytes set to NULL.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await runStatements(db, [
    `CREATE TABLE checklist_items (
      org_id uuid NOT NULL,
      candidate_id uuid NOT NULL,
      item_id text NOT NULL,
      status text NOT NULL CHECK (status IN ('pending','ready','submitted','approved','rejected')),
      ready_at timestamptz,
      submitted_at timestamptz,
      reviewed_at timestamptz,
      reviewed_by uuid,
      review_reason text,
      updated_at timestamptz NOT NULL,
      PRIMARY KEY (org_id, candidate_id, item_id),
      FOREIGN KEY (org_id, candidate_id) REFERENCES candidates (org_id, id) ON DELETE CASCADE,
      CHECK (status <> 'rejected' OR review_reason IS NOT NULL)
    )`,
    `CREATE TABLE checklist_documents (
      org_id uuid NOT NULL,
      id uuid NOT NULL,
      candidate_id uuid NOT NULL,
      item_id text NOT NULL,
      file_name text NOT NULL,
      content_type text NOT NULL,
      size_bytes integer NOT NULL CHECK (size_bytes > 0),
      sha256 text NOT NULL,
      sensitive boolean NOT NULL,
      sealed_content bytea,
      key_id text,
      uploaded_at timestamptz NOT NULL,
      deleted_at timestamptz,
      deleted_reason text,
      PRIMARY KEY (org_id, id),
      FOREIGN KEY (org_id, candidate_id, item_id) REFERENCES checklist_items (org_id, candidate_id, item_id) ON DELETE CASCADE,
      CHECK ((deleted_at IS NULL) = (sealed_content IS NOT NULL))
    )`,
    `CREATE INDEX checklist_documents_item_idx ON checklist_documents (org_id, candidate_id, item_id, uploaded_at)`,
  ]);
}

export async function down(db: Kysely<any>): Promise<void> {
  await runStatements(db, ['DROP TABLE checklist_documents', 'DROP TABLE checklist_items']);
}
