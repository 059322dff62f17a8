/** Tables of the candidate checklist (入职准备清单) and its sealed documents. Part of `Database` in schema.ts. */
import type { Timestamp } from './schema-types.js';

/** A candidate's checklist item once something happened to it (no row = pending). */
export interface ChecklistItemsTable {
  org_id: string;
  candidate_id: string;
  item_id: string;
  status: 'pending' | 'ready' | 'submitted' | 'approved' | 'rejected';
  ready_at: Timestamp | null;
  submitted_at: Timestamp | null;
  reviewed_at: Timestamp | null;
  reviewed_by: string | null;
  review_reason: string | null;
  updated_at: Timestamp;
}

/** An uploaded document: bytes sealed by the vault; NULL once purged (the row stays as the record). */
export interface ChecklistDocumentsTable {
  org_id: string;
  id: string;
  candidate_id: string;
  item_id: string;
  file_name: string;
  content_type: string;
  size_bytes: number;
  sha256: string;
  sensitive: boolean;
  /** PGlite reads bytea as Uint8Array, pg as Buffer: wrap with Buffer.from before opening. */
  sealed_content: Uint8Array | null;
  key_id: string | null;
  uploaded_at: Timestamp;
  deleted_at: Timestamp | null;
  deleted_reason: string | null;
}
