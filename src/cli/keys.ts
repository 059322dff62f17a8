import { z } from 'zod';
import { newKeySpec } from '../adapters/crypto/vault.js';
import { loadConfig } from '../config.js';
import { createRuntime } from '../deps.js';
import { resealData, type ResealCount } from '../services/privacy/reseal-data.js';

const ZKeyId = z.string().regex(/^[A-Za-z0-9_-]{1,16}$/, '1–16 letters, digits, _ or -');
const ZResealOptions = z.strictObject({ dryRun: z.boolean().default(false), json: z.boolean().default(false) });

/** `preboard keys new [--id k2027]`: prints a fresh key ring entry; nothing is stored. */
export function runKeysNew(raw: { id?: string }): void {
  const id = raw.id === undefined ? undefined : z.strictObject({ id: ZKeyId }).parse(raw).id;
  process.stdout.write(`${newKeySpec(id)}\n`);
}

const line = (name: string, c: ResealCount, dryRun: boolean) =>
  `  ${name.padEnd(17)} ${String(c.total).padStart(7)} sealed, ${String(c.stale).padStart(6)} on an older key, ${dryRun ? 'would move' : 'moved'} ${dryRun ? c.stale : c.resealed}${c.skipped ? `, ${c.skipped} could not be moved` : ''}\n`;

/**
 * `preboard keys reseal [--dry-run] [--json]`: moves every sealed value to the active key.
 * Exits 1 when some value could not be moved (its key is missing from the ring), so a
 * script never removes a key that is still needed.
 */
export async function runKeysReseal(raw: unknown): Promise<void> {
  const opts = ZResealOptions.parse(raw);
  const runtime = await createRuntime(loadConfig(), { queue: false });
  try {
    const report = await resealData(runtime.deps, { dryRun: opts.dryRun });
    if (opts.json) {
      process.stdout.write(`${JSON.stringify(report)}\n`);
    } else {
      process.stdout.write(`active key ${report.activeKeyId}${opts.dryRun ? ' (dry run: nothing was changed)' : ''}\n`);
      process.stdout.write(line('documents', report.documents, opts.dryRun));
      process.stdout.write(line('salary arguments', report.salaryArguments, opts.dryRun));
      process.stdout.write(line('login codes', report.loginCodes, opts.dryRun));
      process.stdout.write(line('message links', report.messageLinks, opts.dryRun));
      process.stdout.write(`keys still named by stored values: ${report.keysInUse.join(', ') || 'none'}\n`);
    }
    const skipped = report.documents.skipped + report.salaryArguments.skipped + report.loginCodes.skipped + report.messageLinks.skipped;
    if (skipped > 0) process.exitCode = 1;
  } finally {
    await runtime.close();
  }
}
