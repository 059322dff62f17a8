import { z } from 'zod';
import { ZCreateUser } from '../contracts/org.js';
import { loadConfig } from '../config.js';
import { createRuntime } from '../deps.js';
import { migrateToLatest } from '../adapters/db/migrate.js';
import { insertUser } from '../services/org/org.js';
import { seedDemo } from '../services/seed/seed-demo.js';
import { notFound } from '../services/errors.js';

/** Applies pending migrations and prints what it applied. */
export async function runMigrate(): Promise<void> {
  const runtime = await createRuntime(loadConfig(), { migrate: false });
  try {
    const applied = await migrateToLatest(runtime.deps.db);
    process.stdout.write(applied.length ? `applied: ${applied.join(', ')}\n` : 'schema is up to date\n');
  } finally {
    await runtime.close();
  }
}

const ZSeedOptions = z.strictObject({ slug: z.string().regex(/^[a-z0-9-]{2,40}$/, 'lowercase letters, digits and -').default('demo') });

/** Seeds a demo organisation under the given slug. */
export async function runSeed(raw: unknown): Promise<void> {
  const opts = ZSeedOptions.parse(raw);
  const runtime = await createRuntime(loadConfig());
  try {
    const demo = await seedDemo(runtime.deps, { slug: opts.slug });
    process.stdout.write(`seeded organisation '${demo.slug}' (password for every demo user: ${demo.password})\n`);
    for (const [role, u] of Object.entries(demo.users)) process.stdout.write(`  ${role.padEnd(10)} ${u.email}\n`);
  } finally {
    await runtime.close();
  }
}

const ZUserAddOptions = ZCreateUser.extend({ org: z.string().min(1).max(64) });

/** Adds a staff user to an organisation. The password may come from PREBOARD_PASSWORD instead of argv. */
export async function runUserAdd(raw: Record<string, unknown>): Promise<void> {
  const input = ZUserAddOptions.parse({
    ...raw,
    password: raw.password ?? process.env.PREBOARD_PASSWORD,
    departmentIds: raw.departmentIds ?? [],
  });
  const runtime = await createRuntime(loadConfig());
  try {
    const org = await runtime.deps.db.selectFrom('orgs').select('org_id').where('slug', '=', input.org).executeTakeFirst();
    if (!org) throw notFound(`organisation '${input.org}'`);
    const { org: _org, ...user } = input;
    const created = await insertUser(runtime.deps, org.org_id, user, { actorKind: 'system', actorId: null });
    process.stdout.write(`added ${created.role} ${created.email} (${created.id})\n`);
  } finally {
    await runtime.close();
  }
}
