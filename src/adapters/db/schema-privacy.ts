/** Tables of data-subject requests and retention runs (DESIGN §5). Part of `Database` in schema.ts. */
import type { Generated } from 'kysely';
import type { Timestamp } from './schema-types.js';

/** A data-subject request (export, correction, deletion) with its SLA and resolution. */
export interface DataRequestsTable {
  org_id: string;
  id: string;
  candidate_id: string;
  kind: 'export' | 'correction' | 'deletion';
  status: 'open' | 'done' | 'refused';
  requested_by: 'candidate' | 'user';
  requested_by_user_id: string | null;
  detail: Generated<string>;
  requested_at: Timestamp;
  due_at: Timestamp;
  resolved_at: Timestamp | null;
  resolved_by: 'candidate' | 'user' | 'system' | null;
  resolved_by_user_id: string | null;
  resolution_note: Generated<string>;
  /** The HR task that chases the request, when there is one. */
  task_key: string | null;
}

/** One retention sweep per organisation and local day (claimed before it runs). */
export interface RetentionRunsTable {
  org_id: string;
  /** 'YYYY-MM-DD' in the organisation's time zone. */
  local_date: string;
  status: string;
  anonymised: Generated<number>;
  consents_withdrawn: Generated<number>;
  last_error: string | null;
  claimed_at: Timestamp;
  finished_at: Timestamp | null;
}

export interface PrivacyDatabase {
  data_requests: DataRequestsTable;
  retention_runs: RetentionRunsTable;
}
