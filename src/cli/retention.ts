import { z } from 'zod';
import { loadConfig } from '../config.js';
import { createRuntime } from '../deps.js';
import type { TRetentionItem } from '../contracts/privacy.js';
import { notFound } from '../services/errors.js';
import { applyRetention, previewRetention } from '../services/privacy/retention.js';

const ZRetentionOptions = z.strictObject({
  dryRun: z.boolean().default(false),
  org: z.string().regex(/^[a-z0-9-]{2,40}$/, 'an organisation slug: lowercase letters, digits and -').optional(),
  json: z.boolean().default(false),
});

const describe = (i: TRetentionItem) =>
  `  ${i.action === 'anonymise' ? 'anonymise       ' : 'withdraw consent'}  ${i.candidateId}  ${i.status.padEnd(9)}  ended ${i.endedAt.slice(0, 10)}  ${i.reasons.join(', ')}${i.talentPoolExpiredAt ? ` (talent pool expired ${i.talentPoolExpiredAt.slice(0, 10)})` : ''}`;

/**
 * `preboard retention [--dry-run] [--org slug] [--json]`: lists who the retention rule
 * reaches and why, then (without --dry-run) anonymises them. Names are not printed:
 * the report may end up in a terminal log that outlives the data.
 */
export async function runRetentionCommand(raw: unknown): Promise<void> {
  const opts = ZRetentionOptions.parse(raw);
  const runtime = await createRuntime(loadConfig(), { queue: false });
  try {
    let orgs = runtime.deps.db.selectFrom('orgs').select(['org_id', 'slug']).orderBy('slug');
    if (opts.org) orgs = orgs.where('slug', '=', opts.org);
    const list = await orgs.execute();
    if (opts.org && !list.length) throw notFound(`organisation '${opts.org}'`);
    const at = runtime.deps.clock.now();
    for (const org of list) {
      const outcome = opts.dryRun ? { preview: await previewRetention(runtime.deps, org.org_id, at), anonymised: 0, consentsWithdrawn: 0 }
        : await applyRetention(runtime.deps, org.org_id, at);
      const { preview } = outcome;
      if (opts.json) {
        for (const item of preview.items) {
          process.stdout.write(`${JSON.stringify({ org: org.slug, dryRun: opts.dryRun, retentionDays: preview.retentionDays, ...item, candidateName: undefined })}\n`);
        }
        continue;
      }
      const verb = opts.dryRun ? 'would' : 'did';
      process.stdout.write(`${org.slug}: retention ${preview.retentionDays} days; ${verb} anonymise ${preview.items.filter((i) => i.action === 'anonymise').length}, ${verb} withdraw ${preview.items.filter((i) => i.talentPoolExpiredAt).length} expired talent-pool consent(s)\n`);
      for (const item of preview.items) process.stdout.write(`${describe(item)}\n`);
    }
    if (opts.dryRun && !opts.json) process.stdout.write('dry run: nothing was changed\n');
  } finally {
    await runtime.close();
  }
}
