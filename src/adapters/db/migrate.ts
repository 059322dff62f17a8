import type { Kysely } from 'kysely';
import { Migrator, type Migration, type MigrationProvider } from 'kysely/migration';
import * as createPlatform from './migrations/20261125090000-create-platform.js';
import * as createEngine from './migrations/20261125120000-create-engine.js';
import * as createPortal from './migrations/20261125150000-create-portal.js';
import * as createReminders from './migrations/20261125160000-create-reminders.js';
import * as createConsents from './migrations/20261126090000-create-consents.js';
import * as createChecklist from './migrations/20261126100000-create-checklist.js';
import * as createPayBands from './migrations/20261126140000-create-pay-bands.js';
import * as createTalentPool from './migrations/20261126141000-create-talent-pool.js';
import * as createOfferWithdrawals from './migrations/20261126142000-create-offer-withdrawals.js';
import * as createDataRequests from './migrations/20261126130000-create-data-requests.js';
import * as createLogistics from './migrations/20261126110000-create-logistics.js';
import * as createPortalCodes from './migrations/20261126111000-create-portal-codes.js';
import * as pipelineIndexes from './migrations/20261126120000-pipeline-indexes.js';
import * as createTemplateVersions from './migrations/20261126150000-create-template-versions.js';
import * as addMessageLinks from './migrations/20261126160000-add-message-links.js';
import * as addTaskLegalDeadline from './migrations/20261126170000-add-task-legal-deadline.js';

/** Migrations are imported statically so the built server needs no file-system lookup. */
const migrations: Record<string, Migration> = {
  '20261125090000-create-platform': createPlatform,
  '20261125120000-create-engine': createEngine,
  '20261125150000-create-portal': createPortal,
  '20261125160000-create-reminders': createReminders,
  '20261126090000-create-consents': createConsents,
  '20261126100000-create-checklist': createChecklist,
  '20261126140000-create-pay-bands': createPayBands,
  '20261126141000-create-talent-pool': createTalentPool,
  '20261126142000-create-offer-withdrawals': createOfferWithdrawals,
  '20261126130000-create-data-requests': createDataRequests,
  '20261126110000-create-logistics': createLogistics,
  '20261126111000-create-portal-codes': createPortalCodes,
  '20261126120000-pipeline-indexes': pipelineIndexes,
  '20261126150000-create-template-versions': createTemplateVersions,
  '20261126160000-add-message-links': addMessageLinks,
  '20261126170000-add-task-legal-deadline': addTaskLegalDeadline,
};

const provider: MigrationProvider = { getMigrations: async () => migrations };

/** Brings the schema up to date; returns the names of the migrations it applied. */
export async function migrateToLatest(db: Kysely<any>): Promise<string[]> {
  const migrator = new Migrator({ db, provider, migrationTableName: 'preboard_migration', migrationLockTableName: 'preboard_migration_lock' });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
