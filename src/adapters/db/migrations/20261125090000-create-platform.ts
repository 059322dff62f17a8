import type { Kysely } from 'kysely';
import { runStatements } from './run-statements.js';

/**
 * The platform tables. Every table carries `org_id` and it leads every primary,
 * unique and foreign key, so the schema can be distributed by organisation later.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await runStatements(db, [
    `CREATE TABLE orgs (
  org_id uuid PRIMARY KEY,
  slug text NOT NULL,
  name text NOT NULL,
  timezone text NOT NULL DEFAULT 'Asia/Shanghai',
  settings jsonb NOT NULL DEFAULT '{}'::jsonb,
  created_at timestamptz NOT NULL DEFAULT now()
    )`,
    `CREATE UNIQUE INDEX orgs_slug_key ON orgs (slug)`,
    `CREATE TABLE departments (
  org_id uuid NOT NULL REFERENCES orgs (org_id),
  id uuid NOT NULL,
  name text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (org_id, id),
  UNIQUE (org_id, name)
    )`,
    `CREATE TABLE sites (
  org_id uuid NOT NULL REFERENCES orgs (org_id),
  id uuid NOT NULL,
  name text NOT NULL,
  address text NOT NULL DEFAULT '',
  timezone text NOT NULL,
  calendar text NOT NULL DEFAULT 'CN',
  arrival_time text NOT NULL DEFAULT '09:00',
  reception_info text NOT NULL DEFAULT '',
  parking text NOT NULL DEFAULT '',
  transport text NOT NULL DEFAULT '',
  map_url text NOT NULL DEFAULT '',
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (org_id, id),
  UNIQUE (org_id, name)
    )`,
    `CREATE TABLE users (
  org_id uuid NOT NULL REFERENCES orgs (org_id),
  id uuid NOT NULL,
  email text NOT NULL,
  name text NOT NULL,
  phone text NOT NULL DEFAULT '',
  role text NOT NULL CHECK (role IN ('hr','hrbp','manager','admin','executive','org_admin')),
  locale text NOT NULL DEFAULT 'zh-CN',
  password_hash text,
  disabled_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (org_id, id),
  UNIQUE (org_id, email)
    )`,
    `CREATE INDEX users_email_idx ON users (lower(email))`,
    `CREATE TABLE user_departments (
  org_id uuid NOT NULL,
  user_id uuid NOT NULL,
  department_id uuid NOT NULL,
  PRIMARY KEY (org_id, user_id, department_id),
  FOREIGN KEY (org_id, user_id) REFERENCES users (org_id, id) ON DELETE CASCADE,
  FOREIGN KEY (org_id, department_id) REFERENCES departments (org_id, id) ON DELETE CASCADE
    )`,
    `CREATE TABLE sessions (
  org_id uuid NOT NULL,
  id uuid NOT NULL,
  user_id uuid NOT NULL,
  token_hash text NOT NULL,
  csrf_token text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  last_seen_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  revoked_at timestamptz,
  PRIMARY KEY (org_id, id),
  UNIQUE (org_id, token_hash),
  FOREIGN KEY (org_id, user_id) REFERENCES users (org_id, id) ON DELETE CASCADE
    )`,
    `CREATE TABLE api_tokens (
  org_id uuid NOT NULL,
  id uuid NOT NULL,
  name text NOT NULL,
  token_hash text NOT NULL,
  scopes text[] NOT NULL,
  created_by uuid NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz,
  last_used_at timestamptz,
  revoked_at timestamptz,
  PRIMARY KEY (org_id, id),
  UNIQUE (org_id, token_hash),
  FOREIGN KEY (org_id, created_by) REFERENCES users (org_id, id)
    )`,
    `CREATE TABLE candidates (
  org_id uuid NOT NULL REFERENCES orgs (org_id),
  id uuid NOT NULL,
  external_ref text,
  full_name text NOT NULL,
  email text NOT NULL DEFAULT '',
  phone text NOT NULL DEFAULT '',
  language text NOT NULL DEFAULT 'zh-CN',
  status text NOT NULL,
  role_type text NOT NULL,
  department_id uuid NOT NULL,
  relocation boolean NOT NULL DEFAULT false,
  background_check boolean NOT NULL DEFAULT false,
  channels text[] NOT NULL DEFAULT ARRAY['email']::text[],
  hr_owner_id uuid,
  manager_id uuid,
  hrbp_id uuid,
  admin_contact_id uuid,
  notes text NOT NULL DEFAULT '',
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  anonymised_at timestamptz,
  PRIMARY KEY (org_id, id),
  UNIQUE (org_id, external_ref),
  FOREIGN KEY (org_id, department_id) REFERENCES departments (org_id, id),
  FOREIGN KEY (org_id, hr_owner_id) REFERENCES users (org_id, id),
  FOREIGN KEY (org_id, manager_id) REFERENCES users (org_id, id),
  FOREIGN KEY (org_id, hrbp_id) REFERENCES users (org_id, id),
  FOREIGN KEY (org_id, admin_contact_id) REFERENCES users (org_id, id)
    )`,
    `CREATE INDEX candidates_manager_idx ON candidates (org_id, manager_id)`,
    `CREATE INDEX candidates_department_idx ON candidates (org_id, department_id)`,
    `CREATE INDEX candidates_status_idx ON candidates (org_id, status)`,
    `CREATE TABLE offers (
  org_id uuid NOT NULL,
  candidate_id uuid NOT NULL,
  version integer NOT NULL CHECK (version > 0),
  position_title text NOT NULL,
  site_id uuid NOT NULL,
  start_date date NOT NULL,
  role_type text NOT NULL,
  salary_monthly numeric(12,2),
  salary_months numeric(4,1),
  currency text NOT NULL DEFAULT 'CNY',
  status text NOT NULL CHECK (status IN ('draft','sent','accepted','superseded','withdrawn','declined')),
  sent_at timestamptz,
  accepted_at timestamptz,
  reason text NOT NULL DEFAULT '',
  created_by uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (org_id, candidate_id, version),
  FOREIGN KEY (org_id, candidate_id) REFERENCES candidates (org_id, id) ON DELETE CASCADE,
  FOREIGN KEY (org_id, site_id) REFERENCES sites (org_id, id)
    )`,
    `CREATE TABLE touches (
  org_id uuid NOT NULL,
  id uuid NOT NULL,
  candidate_id uuid NOT NULL,
  occurred_at timestamptz NOT NULL,
  kind text NOT NULL,
  channel text NOT NULL,
  direction text NOT NULL CHECK (direction IN ('inbound','outbound','internal')),
  author_kind text NOT NULL CHECK (author_kind IN ('user','candidate','system','api')),
  author_user_id uuid,
  summary text NOT NULL,
  content text NOT NULL DEFAULT '',
  candidate_feedback text NOT NULL DEFAULT '',
  step_id text,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (org_id, id),
  FOREIGN KEY (org_id, candidate_id) REFERENCES candidates (org_id, id) ON DELETE CASCADE,
  FOREIGN KEY (org_id, author_user_id) REFERENCES users (org_id, id)
    )`,
    `CREATE INDEX touches_candidate_idx ON touches (org_id, candidate_id, occurred_at DESC)`,
    `CREATE TABLE audit_log (
  org_id uuid NOT NULL,
  id uuid NOT NULL,
  at timestamptz NOT NULL DEFAULT now(),
  actor_kind text NOT NULL,
  actor_id uuid,
  action text NOT NULL,
  entity text NOT NULL,
  entity_id text,
  candidate_id uuid,
  detail jsonb NOT NULL DEFAULT '{}'::jsonb,
  ip text,
  PRIMARY KEY (org_id, id)
    )`,
    `CREATE INDEX audit_log_at_idx ON audit_log (org_id, at DESC)`,
    `CREATE INDEX audit_log_candidate_idx ON audit_log (org_id, candidate_id, at DESC)`,
    `CREATE FUNCTION preboard_audit_log_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
  RAISE EXCEPTION 'audit_log is append-only';
    END;
    $$`,
    `CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION preboard_audit_log_is_append_only()`,
  ]);
}

export async function down(db: Kysely<any>): Promise<void> {
  await runStatements(db, [
    'DROP TABLE audit_log', 'DROP FUNCTION preboard_audit_log_is_append_only()', 'DROP TABLE touches',
    'DROP TABLE offers', 'DROP TABLE candidates', 'DROP TABLE api_tokens', 'DROP TABLE sessions',
    'DROP TABLE user_departments', 'DROP TABLE users', 'DROP TABLE sites', 'DROP TABLE departments', 'DROP TABLE orgs',
  ]);
}
