import type { Kysely } from 'kysely';
import { runStatements } from './run-statements.js';

/**
 * A legal deadline on a task: the last day (site's local date) by which the written
 * labour contract must be signed (劳动合同法 Art.10), carried on the signing task and on
 * its escalations so every list and digest can show it. Null for every other task.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await runStatements(db, [`ALTER TABLE tasks ADD COLUMN legal_deadline date`]);
}

export async function down(db: Kysely<any>): Promise<void> {
  await runStatements(db, ['ALTER TABLE tasks DROP COLUMN legal_deadline']);
}
