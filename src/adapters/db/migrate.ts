import type { Kysely } from 'kysely';
import { Migrator, type Migration, type MigrationProvider } from 'kysely/migration';
import * as createPlatform from './migrations/20261125090000-create-platform.js';
import * as createEngine from './migrations/20261125120000-create-engine.js';
import * as createPortal from './migrations/20261125150000-create-portal.js';
import * as createReminders from './migrations/20261125160000-create-reminders.js';
import * as createConsents from './migrations/20261126090000-create-consents.js';

/** Migrations are imported statically so the built server needs no file-system lookup. */
const migrations: Record<string, Migration> = {
  '20261125090000-create-platform': createPlatform,
  '20261125120000-create-engine': createEngine,
  '20261125150000-create-portal': createPortal,
  '20261125160000-create-reminders': createReminders,
  '20261126090000-create-consents': createConsents,
};

const provider: MigrationProvider = { getMigrations: async () => migrations };

/** Brings the schema up to date; returns the names of the migrations it applied. */
export async function migrateToLatest(db: Kysely<any>): Promise<string[]> {
  const migrator = new Migrator({ db, provider, migrationTableName: 'preboard_migration', migrationLockTableName: 'preboard_migration_lock' });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
