import type { ColumnType, Generated } from 'kysely';

import type { ChecklistDocumentsTable, ChecklistItemsTable } from './schema-checklist.js';
import type { ExceptionFlowsDatabase } from './schema-exceptions.js';
import type { PrivacyDatabase } from './schema-privacy.js';
import type { DefaultTimestamp, Json, Timestamp } from './schema-types.js';

export type * from './schema-checklist.js';
export type * from './schema-exceptions.js';
export type * from './schema-privacy.js';

export interface OrgsTable {
  org_id: string;
  slug: string;
  name: string;
  timezone: string;
  settings: Json<Record<string, unknown>>;
  created_at: DefaultTimestamp;
}
export interface DepartmentsTable { org_id: string; id: string; name: string; created_at: DefaultTimestamp }
export interface SitesTable {
  org_id: string;
  id: string;
  name: string;
  address: Generated<string>;
  timezone: string;
  calendar: Generated<string>;
  arrival_time: Generated<string>;
  reception_info: Generated<string>;
  parking: Generated<string>;
  transport: Generated<string>;
  map_url: Generated<string>;
  created_at: DefaultTimestamp;
}
export interface UsersTable {
  org_id: string;
  id: string;
  email: string;
  name: string;
  phone: Generated<string>;
  role: string;
  locale: Generated<string>;
  password_hash: string | null;
  disabled_at: Timestamp | null;
  created_at: DefaultTimestamp;
}
export interface UserDepartmentsTable { org_id: string; user_id: string; department_id: string }
export interface SessionsTable {
  org_id: string;
  id: string;
  user_id: string;
  token_hash: string;
  csrf_token: string;
  created_at: DefaultTimestamp;
  last_seen_at: DefaultTimestamp;
  expires_at: Timestamp;
  revoked_at: Timestamp | null;
}
export interface ApiTokensTable {
  org_id: string;
  id: string;
  name: string;
  token_hash: string;
  scopes: string[];
  created_by: string;
  created_at: DefaultTimestamp;
  expires_at: Timestamp | null;
  last_used_at: Timestamp | null;
  revoked_at: Timestamp | null;
}
export interface CandidatesTable {
  org_id: string;
  id: string;
  external_ref: string | null;
  full_name: string;
  email: Generated<string>;
  phone: Generated<string>;
  language: Generated<string>;
  status: string;
  role_type: string;
  department_id: string;
  relocation: Generated<boolean>;
  background_check: Generated<boolean>;
  channels: ColumnType<string[], string[] | undefined, string[]>;
  hr_owner_id: string | null;
  manager_id: string | null;
  hrbp_id: string | null;
  admin_contact_id: string | null;
  notes: Generated<string>;
  created_at: DefaultTimestamp;
  updated_at: DefaultTimestamp;
  anonymised_at: Timestamp | null;
}
export interface OffersTable {
  org_id: string;
  candidate_id: string;
  version: number;
  position_title: string;
  site_id: string;
  /** 'YYYY-MM-DD': both drivers are told to return dates as text. */
  start_date: string;
  role_type: string;
  salary_monthly: string | null;
  salary_months: string | null;
  currency: Generated<string>;
  status: string;
  sent_at: Timestamp | null;
  accepted_at: Timestamp | null;
  reason: Generated<string>;
  created_by: string | null;
  created_at: DefaultTimestamp;
}
export interface TouchesTable {
  org_id: string;
  id: string;
  candidate_id: string;
  occurred_at: Timestamp;
  kind: string;
  channel: string;
  direction: string;
  author_kind: string;
  author_user_id: string | null;
  summary: string;
  content: Generated<string>;
  candidate_feedback: Generated<string>;
  step_id: string | null;
  created_at: DefaultTimestamp;
}
export interface AuditLogTable {
  org_id: string;
  id: string;
  at: DefaultTimestamp;
  actor_kind: string;
  actor_id: string | null;
  action: string;
  entity: string;
  entity_id: string | null;
  candidate_id: string | null;
  detail: Json<Record<string, unknown>>;
  ip: string | null;
}

/** A consent given by a candidate (or recorded by staff for them); withdrawal is the only edit. */
export interface ConsentsTable {
  org_id: string;
  id: string;
  candidate_id: string;
  kind: 'sensitive_info' | 'background_check' | 'talent_pool';
  wording_version: string;
  wording_sha256: string;
  wording_text: string;
  language: string;
  typed_name: string | null;
  details: Json<Record<string, unknown>>;
  given_at: Date;
  given_ip: string | null;
  given_by: 'candidate' | 'user';
  given_by_user_id: string | null;
  expires_at: Date | null;
  withdrawn_at: Date | null;
  withdrawn_ip: string | null;
  withdrawn_by: 'candidate' | 'user' | 'system' | null;
}

export interface Database extends EngineDatabase, RemindersDatabase, PortalDatabase, PrivacyDatabase, ExceptionFlowsDatabase {
  template_versions: TemplateVersionsTable;
  consents: ConsentsTable;
  checklist_items: ChecklistItemsTable;
  checklist_documents: ChecklistDocumentsTable;
  orgs: OrgsTable;
  departments: DepartmentsTable;
  sites: SitesTable;
  users: UsersTable;
  user_departments: UserDepartmentsTable;
  sessions: SessionsTable;
  api_tokens: ApiTokensTable;
  candidates: CandidatesTable;
  offers: OffersTable;
  touches: TouchesTable;
  audit_log: AuditLogTable;
}

export interface PlaybooksTable {
  org_id: string;
  key: string;
  version: number;
  definition: Json<unknown>;
  created_by: string | null;
  created_at: DefaultTimestamp;
}
export interface EngineStatesTable {
  org_id: string;
  candidate_id: string;
  playbook_key: string;
  playbook_version: number;
  state: Json<unknown>;
  next_wake_at: Timestamp | null;
  revision: Generated<number>;
  updated_at: DefaultTimestamp;
}
export interface DomainEventsTable {
  org_id: string;
  id: string;
  candidate_id: string;
  type: string;
  occurred_at: Timestamp;
  payload: Json<Record<string, unknown>>;
  idempotency_key: string | null;
  actor_kind: string;
  actor_id: string | null;
  created_at: DefaultTimestamp;
}
export interface TasksTable {
  org_id: string;
  candidate_id: string;
  key: string;
  step_id: string;
  stage: string;
  kind: string;
  action: string;
  owner_roles: string[];
  channel: string | null;
  prepared_message: Generated<boolean>;
  detail: Generated<string>;
  due_at: Timestamp;
  calendar_data_missing: Generated<boolean>;
  status: string;
  completed_at: Timestamp | null;
  completed_by: string | null;
  outcome: Generated<string>;
  /** Labour-contract tasks: the last day to sign in time (YYYY-MM-DD); null otherwise. */
  legal_deadline: ColumnType<string | null, string | null | undefined, string | null>;
  created_at: DefaultTimestamp;
  updated_at: DefaultTimestamp;
}
export interface OutboundMessagesTable {
  org_id: string;
  id: string;
  candidate_id: string;
  lead_key: string;
  step_keys: string[];
  step_ids: string[];
  channel: string;
  status: string;
  send_after: Timestamp;
  attempts: Generated<number>;
  lease_until: Timestamp | null;
  last_error: string | null;
  recipient: Generated<string>;
  subject: Generated<string>;
  body_text: Generated<string>;
  provider_message_id: string | null;
  sent_at: Timestamp | null;
  created_at: DefaultTimestamp;
  updated_at: DefaultTimestamp;
  /** HR's text for a still-scheduled message; sent instead of the rendered template. */
  edited_subject: ColumnType<string | null, string | null | undefined, string | null>;
  edited_body: ColumnType<string | null, string | null | undefined, string | null>;
  edited_by: ColumnType<string | null, string | null | undefined, string | null>;
  edited_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
}

export interface EngineDatabase {
  playbooks: PlaybooksTable;
  engine_states: EngineStatesTable;
  domain_events: DomainEventsTable;
  tasks: TasksTable;
  outbound_messages: OutboundMessagesTable;
}

/** One daily task digest per staff user and local day (claimed before it is sent). */
export interface DigestRunsTable {
  org_id: string;
  user_id: string;
  /** 'YYYY-MM-DD' in the organisation's time zone. */
  local_date: string;
  status: string;
  task_count: Generated<number>;
  overdue_count: Generated<number>;
  subject: Generated<string>;
  provider_message_id: string | null;
  last_error: string | null;
  claimed_at: Timestamp;
  finished_at: Timestamp | null;
}

export interface RemindersDatabase {
  digest_runs: DigestRunsTable;
}

/** A candidate portal magic link (the secret itself is never stored). */
export interface PortalTokensTable {
  org_id: string;
  id: string;
  candidate_id: string;
  token_hash: string;
  created_by: string | null;
  created_at: DefaultTimestamp;
  expires_at: Timestamp;
  revoked_at: Timestamp | null;
  last_used_at: Timestamp | null;
  /** Set when the token was minted for one outbound message (a link inside that message). */
  message_id: ColumnType<string | null, string | null | undefined, string | null>;
  /** The message link's secret, sealed, while the message may still be retried; null otherwise. */
  secret_sealed: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface PortalDatabase {
  portal_tokens: PortalTokensTable;
  logistics_confirmations: LogisticsConfirmationsTable;
  portal_answers: PortalAnswersTable;
  portal_codes: PortalCodesTable;
}

/** How the candidate will come on the first day (one live row per candidate). */
export interface LogisticsConfirmationsTable {
  org_id: string;
  candidate_id: string;
  mode: string;
  arrival_time: string;
  note: Generated<string>;
  start_date: string;
  confirmed_at: Timestamp;
  confirmed_ip: string | null;
}

/** A one-time code for a candidate who lost the portal link (hash + sealed copy for the sender). */
export interface PortalCodesTable {
  org_id: string;
  id: string;
  candidate_id: string;
  channel: 'email' | 'sms';
  code_hash: string;
  code_sealed: string;
  attempts: Generated<number>;
  created_at: Timestamp;
  expires_at: Timestamp;
  used_at: Timestamp | null;
  requested_ip: string | null;
}

/** A staff answer (touch) to a portal question (touch). */
export interface PortalAnswersTable {
  org_id: string;
  answer_touch_id: string;
  question_touch_id: string;
  candidate_id: string;
  answered_by: string | null;
  created_at: Timestamp;
}

/** One saved version of an organisation's wording of a template (per language, all or one role type). */
export interface TemplateVersionsTable {
  org_id: string;
  id: string;
  template_id: string;
  locale: string;
  /** NULL: every role type. */
  role_type: string | null;
  version: number;
  /** This version brings back the built-in text (subject and body NULL). */
  restores_default: Generated<boolean>;
  subject: string | null;
  body: string | null;
  created_by: string | null;
  created_at: Timestamp;
}
