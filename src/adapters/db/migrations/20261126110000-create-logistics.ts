import type { Kysely } from 'kysely';
import { runStatements } from './run-statements.js';

/**
 * How the candidate will come on the first day (issue 4, logistics). One live row per
 * candidate: a new confirmation replaces the previous one, and the timeline keeps the
 * history. The start date it was given for tells staff when it is out of date.
 * With it, the link from a portal question to the staff answers it got (both are
 * timeline touches), so the candidate's Q&A page can pair them.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await runStatements(db, [
    `CREATE TABLE logistics_confirmations (
      org_id uuid NOT NULL,
      candidate_id uuid NOT NULL,
      mode text NOT NULL CHECK (mode IN ('metro_bus','car','taxi','walk_bike','other')),
      arrival_time text NOT NULL,
      note text NOT NULL DEFAULT '',
      start_date date NOT NULL,
      confirmed_at timestamptz NOT NULL,
      confirmed_ip text,
      PRIMARY KEY (org_id, candidate_id),
      FOREIGN KEY (org_id, candidate_id) REFERENCES candidates (org_id, id) ON DELETE CASCADE
    )`,
    `CREATE TABLE portal_answers (
      org_id uuid NOT NULL,
      answer_touch_id uuid NOT NULL,
      question_touch_id uuid NOT NULL,
      candidate_id uuid NOT NULL,
      answered_by uuid,
      created_at timestamptz NOT NULL,
      PRIMARY KEY (org_id, answer_touch_id),
      FOREIGN KEY (org_id, answer_touch_id) REFERENCES touches (org_id, id) ON DELETE CASCADE,
      FOREIGN KEY (org_id, question_touch_id) REFERENCES touches (org_id, id) ON DELETE CASCADE,
      FOREIGN KEY (org_id, candidate_id) REFERENCES candidates (org_id, id) ON DELETE CASCADE
    )`,
    `CREATE INDEX portal_answers_question_idx ON portal_answers (org_id, question_touch_id)`,
  ]);
}

export async function down(db: Kysely<any>): Promise<void> {
  await runStatements(db, ['DROP TABLE portal_answers', 'DROP TABLE logistics_confirmations']);
}
