import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createVault, newKeySpec, parseKeyRing, type Vault } from './vault.js';

/**
 * The key ring: from PREBOARD_DATA_KEYS when set (production: from a secret store), else
 * from a key file next to the data directory, created on first start with mode 0600. The
 * file sits outside the database directory so a copy of the data alone does not carry it.
 */
export function loadVault(options: { keys?: string; dataDir: string }): { vault: Vault; source: 'environment' | 'file'; file?: string } {
  if (options.keys) return { vault: createVault(parseKeyRing(options.keys)), source: 'environment' };
  const file = keyFilePath(options.dataDir);
  if (!existsSync(file)) writeFileSync(file, `${newKeySpec()}\n`, { mode: 0o600, flag: 'wx' });
  return { vault: createVault(parseKeyRing(readFileSync(file, 'utf8'))), source: 'file', file };
}

/** `./data` → `./.preboard-data-keys` */
export function keyFilePath(dataDir: string): string {
  const resolved = path.resolve(dataDir);
  return path.join(path.dirname(resolved), `.${path.basename(resolved)}-keys`);
}
