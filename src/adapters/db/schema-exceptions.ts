/** Tables of the exception flows: pay bands, salary requests, talent pool, offer withdrawals. Part of `Database` in schema.ts. */
import type { ColumnType, Generated } from 'kysely';
import type { DefaultTimestamp, Json, Timestamp } from './schema-types.js';

/** A pay band of a department, for an exact position title or a role type (monthly, in `currency`). */
export interface PayBandsTable {
  org_id: string;
  id: string;
  department_id: string;
  match_kind: 'position_title' | 'role_type';
  match_value: string;
  min_monthly: string;
  mid_monthly: string;
  max_monthly: string;
  currency: Generated<string>;
  updated_by: string | null;
  updated_at: DefaultTimestamp;
}

/** A candidate's salary-adjustment request (argument sealed) and its decision. */
export interface SalaryRequestsTable {
  org_id: string;
  id: string;
  candidate_id: string;
  requested_monthly: string | null;
  argument_sealed: string;
  offer_version: number;
  status: 'open' | 'approved' | 'rejected';
  idempotency_key: string | null;
  created_by: string | null;
  created_at: Timestamp;
  decided_by: string | null;
  decided_at: Timestamp | null;
  decision_note: Generated<string>;
  new_offer_version: number | null;
}

/** Tags and notes of a talent-pool member (membership itself is the live consent). */
export interface TalentPoolEntriesTable {
  org_id: string;
  candidate_id: string;
  tags: ColumnType<string[], string[] | undefined, string[]>;
  notes: Generated<string>;
  created_at: Timestamp;
  updated_at: Timestamp;
  updated_by: string | null;
}

/** An employer-side offer withdrawal: requested with a reason, decided by a second person. */
export interface OfferWithdrawalsTable {
  org_id: string;
  id: string;
  candidate_id: string;
  offer_version: number;
  reason: string;
  evidence: Json<Record<string, unknown>>;
  status: 'pending' | 'approved' | 'rejected';
  requested_by: string;
  requested_at: Timestamp;
  decided_by: string | null;
  decided_at: Timestamp | null;
  decision_note: Generated<string>;
}

export interface ExceptionFlowsDatabase {
  pay_bands: PayBandsTable;
  salary_requests: SalaryRequestsTable;
  talent_pool_entries: TalentPoolEntriesTable;
  offer_withdrawals: OfferWithdrawalsTable;
}
