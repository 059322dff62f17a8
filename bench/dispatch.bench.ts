import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { sql } from 'kysely';
import { buildSent, type ChannelAdapter } from '../src/adapters/channels/types.js';
import { connectDatabase } from '../src/adapters/db/connect.js';
import { prepareSchema } from '../src/adapters/db/prepare.js';
import type { Deps } from '../src/services/deps.js';
import { createVault, newKeySpec, parseKeyRing } from '../src/adapters/crypto/vault.js';
import { dispatchDueMessages } from '../src/services/dispatch/dispatch-due.js';
import { seedDemo } from '../src/services/seed/seed-demo.js';
import type { BenchResult } from './measure.js';

const ROWS = 400;

/** Accepts every message at once: the benchmark measures our work, not a mail server's. */
const instantEmail: ChannelAdapter = { channel: 'email', send: async (_m, o) => buildSent(o.idempotencyKey) };

async function withScratchDatabase<T>(url: string, fn: (url: string) => Promise<T>): Promise<T> {
  const name = `preboard_bench_${process.pid}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await admin.query(`CREATE DATABASE "${name}"`);
  try {
    const u = new URL(url);
    u.pathname = `/${name}`;
    return await fn(u.toString());
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.end();
  }
}

/**
 * The measured run did all of a send's work for every row: rendered text with the
 * message's own (masked) link recorded on the row, one link minted per message, one
 * outbound touch on the timeline per message.
 */
async function checkDispatcherWork(db: Deps['db'], orgId: string, touchesBefore: number): Promise<void> {
  const [recorded, links, touches] = await Promise.all([
    count(db.selectFrom('outbound_messages').select((eb) => eb.fn.countAll().as('n')).where('org_id', '=', orgId).where('status', '=', 'sent')
      .where('body_text', 'like', '%/portal/#t=••••••••%').where('sent_at', 'is not', null)),
    count(db.selectFrom('portal_tokens').select((eb) => eb.fn.count('message_id').distinct().as('n')).where('org_id', '=', orgId).where('message_id', 'is not', null)),
    countOutboundTouches(db, orgId),
  ]);
  if (recorded !== ROWS || links !== ROWS || touches - touchesBefore !== ROWS) {
    throw new Error(`dispatcher work incomplete: ${recorded} rows recorded with their link, ${links} links, ${touches - touchesBefore} timeline touches (of ${ROWS})`);
  }
}

const count = (q: { executeTakeFirstOrThrow(): Promise<{ n: number | string | bigint }> }) => q.executeTakeFirstOrThrow().then((r) => Number(r.n));
const countOutboundTouches = (db: Deps['db'], orgId: string) =>
  count(db.selectFrom('touches').select((eb) => eb.fn.countAll().as('n')).where('org_id', '=', orgId).where('direction', '=', 'outbound').where('kind', '=', 'email'));

/**
 * Dispatcher throughput on PostgreSQL (claim, read the current record, mint the message's
 * link, render, send through the adapter, record on the row and the timeline) against a
 * raw-SQL claim + mark-sent loop over the same rows in the same run.
 */
export async function benchDispatch(): Promise<BenchResult> {
  const url = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
  return withScratchDatabase(url, async (dbUrl) => {
    const handle = await connectDatabase({ url: dbUrl, poolSize: 4 });
    try {
      await prepareSchema(handle);
      // Mid-morning in Shanghai, so quiet hours never defer a send whatever the real time is.
      const at = new Date('2026-11-26T02:30:00Z');
      const deps: Deps = { db: handle.db, clock: { now: () => at }, vault: createVault(parseKeyRing(newKeySpec('bench'))), channels: { email: instantEmail } };
      const demo = await seedDemo(deps, { slug: 'bench' });
      // Only our rows: the demo's own plans must not add work to either side.
      await handle.db.deleteFrom('outbound_messages').execute();
      const past = new Date(at.getTime() - 60_000);
      const rows = Array.from({ length: ROWS }, (_, i) => ({
        org_id: demo.orgId, id: randomUUID(), candidate_id: demo.candidateIds[i % demo.candidateIds.length]!, lead_key: `offer.send_package#${i + 100}`,
        step_keys: [`offer.send_package#${i + 100}`], step_ids: ['offer.send_package'], channel: 'email', status: 'scheduled', send_after: past,
        lease_until: null, last_error: null, provider_message_id: null, sent_at: null,
      }));
      for (let i = 0; i < rows.length; i += 100) await handle.db.insertInto('outbound_messages').values(rows.slice(i, i + 100)).execute();
      const touchesBefore = await countOutboundTouches(handle.db, demo.orgId);

      let start = performance.now();
      const result = await dispatchDueMessages(deps, { limit: ROWS });
      const dispatcherRate = (result.counts.sent / (performance.now() - start)) * 1000;
      const sample = await handle.db.selectFrom('outbound_messages').select('last_error').where('status', '=', 'dead').limit(1).executeTakeFirst();
      if (result.counts.sent !== ROWS) throw new Error(`dispatcher sent ${result.counts.sent} of ${ROWS}: ${JSON.stringify(result.counts)} ${JSON.stringify(result.errors.slice(0, 2))} ${sample?.last_error ?? ''}`);
      await checkDispatcherWork(handle.db, demo.orgId, touchesBefore);

      await handle.db.updateTable('outbound_messages').set({ status: 'scheduled', sent_at: null, attempts: 0, lease_until: null }).execute();
      start = performance.now();
      let raw = 0;
      for (;;) {
        const claimed = await sql<{ id: string }>`
          UPDATE outbound_messages SET status = 'sending', attempts = attempts + 1, lease_until = ${new Date(at.getTime() + 120_000)}
          WHERE (org_id, id) = (SELECT org_id, id FROM outbound_messages WHERE status = 'scheduled' AND send_after <= ${at}
                                ORDER BY send_after, id LIMIT 1 FOR UPDATE SKIP LOCKED)
          RETURNING id`.execute(handle.db);
        const id = claimed.rows[0]?.id;
        if (!id) break;
        await sql`UPDATE outbound_messages SET status = 'sent', sent_at = ${at} WHERE org_id = ${demo.orgId} AND id = ${id}`.execute(handle.db);
        raw += 1;
      }
      const rawRate = (raw / (performance.now() - start)) * 1000;
      return {
        name: 'dispatch on PostgreSQL', value: dispatcherRate, unit: 'messages/s',
        baseline: { name: 'raw SQL claim + mark-sent loop', value: rawRate },
        ratio: dispatcherRate / rawRate, goal: 'ratio ≥ 0.5', pass: dispatcherRate / rawRate >= 0.5,
      };
    } finally {
      await handle.close();
    }
  });
}
