import type { Kysely } from 'kysely';
import { runStatements } from './run-statements.js';

/**
 * An organisation's own wording of the built-in message templates (DESIGN §3: playbooks
 * and templates are data, versioned and editable). One row per saved version of one
 * template in one language, for every role type (`role_type` NULL) or one of them. Saving
 * appends a version; nothing is updated, so the history is the table. A version with
 * `restores_default` brings back the built-in text (subject and body then stay NULL, so a
 * later product update of the built-in text reaches the organisation too).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await runStatements(db, [
    `CREATE TABLE template_versions (
      org_id uuid NOT NULL REFERENCES orgs (org_id),
      id uuid NOT NULL,
      template_id text NOT NULL,
      locale text NOT NULL CHECK (locale IN ('zh-CN','en-US')),
      role_type text CHECK (role_type IN ('tech','management','sales','operations','campus','other')),
      version integer NOT NULL CHECK (version > 0),
      restores_default boolean NOT NULL DEFAULT false,
      subject text,
      body text,
      created_by uuid,
      created_at timestamptz NOT NULL,
      PRIMARY KEY (org_id, id),
      UNIQUE NULLS NOT DISTINCT (org_id, template_id, locale, role_type, version),
      CHECK (restores_default OR (subject IS NOT NULL AND body IS NOT NULL))
    )`,
  ]);
}

export async function down(db: Kysely<any>): Promise<void> {
  await runStatements(db, ['DROP TABLE template_versions']);
}
