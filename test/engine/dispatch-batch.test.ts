/**
 * The dispatcher's batches: one statement claims a batch (never more than asked, never a
 * row another worker holds), the messages of a batch share the candidates' records but
 * never a link, a batch that ran out of time hands its untried rows back, and a row's
 * result and its timeline touch are written together or not at all.
 * Runs on PGlite, and on PostgreSQL with TEST_DATABASE_URL.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSent, type ChannelAdapter, type ChannelMessage } from '../../src/adapters/channels/types.js';
import { hashSecret } from '../../src/services/auth/tokens.js';
import type { Deps } from '../../src/services/deps.js';
import { dispatchClaimedMessages } from '../../src/services/dispatch/dispatch-batch.js';
import { dispatchDueMessages } from '../../src/services/dispatch/dispatch-due.js';
import { claimDueMessages, claimMessage, settleMessageWithTouch } from '../../src/services/dispatch/message-store.js';
import { seedDemo, type DemoOrg } from '../../src/services/seed/seed-demo.js';
import { createManualClock, testVault } from '../app.js';
import { createTestDatabase, onPostgres, type TestDatabase } from '../db.js';

const PUBLIC_URL = 'https://preboard.example.com';
const LINK = /https:\/\/preboard\.example\.com\/portal\/#t=pl1\.[0-9a-f-]+\.([A-Za-z0-9_-]+)/;

let db: TestDatabase;
let demo: DemoOrg;
// 10:00 in Shanghai: outside quiet hours.
const clock = createManualClock('2026-11-25T02:00:00Z');

beforeAll(async () => {
  db = await createTestDatabase();
  demo = await seedDemo({ db: db.db, clock, vault: testVault }, { slug: `batch${Math.random().toString(36).slice(2, 8)}` });
});
afterAll(async () => {
  await db?.destroy();
});

/** An email adapter that accepts everything and keeps what it was given, optionally slowly. */
function recordingEmail(delayMs = 0) {
  const sent: Array<{ message: ChannelMessage; key: string }> = [];
  const adapter: ChannelAdapter = {
    channel: 'email',
    send: async (message, o) => {
      if (delayMs) await new Promise((r) => setTimeout(r, delayMs));
      sent.push({ message, key: o.idempotencyKey });
      return buildSent(o.idempotencyKey);
    },
  };
  return { adapter, sent };
}

/** Due offer-package emails for the given candidates (one row each, in this order of due time). */
async function insertDueMessages(candidateIds: string[]): Promise<string[]> {
  const now = clock.now().getTime();
  const rows = candidateIds.map((candidateId, i) => {
    const key = `offer.send_package#${randomUUID()}`;
    return {
      org_id: demo.orgId, id: randomUUID(), candidate_id: candidateId, lead_key: key, step_keys: [key], step_ids: ['offer.send_package'],
      channel: 'email', status: 'scheduled', send_after: new Date(now - 60_000 + i), lease_until: null, last_error: null, provider_message_id: null, sent_at: null,
    };
  });
  await db.db.insertInto('outbound_messages').values(rows).execute();
  return rows.map((r) => r.id);
}

async function readRows(ids: string[]) {
  return db.db.selectFrom('outbound_messages').selectAll().where('org_id', '=', demo.orgId).where('id', 'in', ids).execute();
}

/** Leaves no due row behind for the next test. */
async function cancelDue() {
  await db.db.updateTable('outbound_messages').set({ status: 'cancelled', lease_until: null })
    .where('org_id', '=', demo.orgId).where('status', 'in', ['scheduled', 'sending']).execute();
}

describe(`dispatch batches (${onPostgres() ? 'PostgreSQL' : 'PGlite'})`, () => {
  it('one statement claims a batch: never more than asked, oldest first, and two claimers never share a row', async () => {
    await cancelDue();
    const ids = await insertDueMessages(Array.from({ length: 30 }, (_, i) => demo.candidateIds[i % demo.candidateIds.length]!));
    const claim = () => claimDueMessages(db.db, clock.now(), { limit: 10, leaseMs: 60_000, orgId: demo.orgId, exclude: new Set() });
    // On PostgreSQL the two run on two connections at once.
    const [a, b] = await Promise.all([claim(), claim()]);
    expect(a).toHaveLength(10);
    expect(b).toHaveLength(10);
    const claimed = [...a, ...b].map((r) => r.id);
    expect(new Set(claimed).size).toBe(20);
    for (const batch of [a, b]) {
      expect(batch.map((r) => r.id)).toEqual([...batch].sort((x, y) => x.send_after.getTime() - y.send_after.getTime()).map((r) => r.id));
      expect(batch.every((r) => r.status === 'sending' && r.attempts === 1 && r.lease_until!.getTime() === clock.now().getTime() + 60_000)).toBe(true);
    }
    // The batches took the oldest rows; the ten left are the youngest.
    const left = (await readRows(ids)).filter((r) => r.status === 'scheduled').map((r) => r.id);
    expect(left.sort()).toEqual(ids.slice(20).sort());
    // A row held by a live lease is nobody else's.
    const third = await claimDueMessages(db.db, clock.now(), { limit: 30, leaseMs: 60_000, orgId: demo.orgId, exclude: new Set() });
    expect(third.map((r) => r.id).sort()).toEqual(ids.slice(20).sort());
  });

  it('two messages of one candidate in one batch share the record but each carries its own link', async () => {
    await cancelDue();
    const { adapter, sent } = recordingEmail();
    const deps: Deps = { db: db.db, clock, vault: testVault, channels: { email: adapter }, dispatch: { publicUrl: PUBLIC_URL } };
    const candidate = demo.candidateIds[0]!;
    const ids = await insertDueMessages([candidate, candidate]);
    const { counts } = await dispatchDueMessages(deps, { orgId: demo.orgId });
    expect(counts).toMatchObject({ sent: 2, error: 0 });
    expect(sent.map((s) => s.key).sort()).toEqual([...ids].sort());
    const tokens = await db.db.selectFrom('portal_tokens').select(['message_id', 'token_hash']).where('org_id', '=', demo.orgId).where('message_id', 'in', ids).execute();
    expect(tokens).toHaveLength(2);
    for (const { message, key } of sent) {
      const secret = LINK.exec(message.text)?.[1];
      expect(secret, message.text).toBeDefined();
      // The link in each email opens exactly the token minted for that message.
      expect(tokens.find((t) => t.message_id === key)?.token_hash).toBe(hashSecret(secret!));
    }
    const touches = await db.db.selectFrom('touches').select('summary').where('org_id', '=', demo.orgId).where('candidate_id', '=', candidate)
      .where('direction', '=', 'outbound').where('occurred_at', '=', clock.now()).execute();
    expect(touches).toHaveLength(2);
  });

  it('a batch that ran out of time hands its untried rows back, attempt refunded; the next claim sends them', async () => {
    await cancelDue();
    // A lease of 300 ms gives a batch 100 ms to start its sends; the first send alone takes 150 ms.
    const slow = recordingEmail(150);
    const deps: Deps = { db: db.db, clock, vault: testVault, channels: { email: slow.adapter }, dispatch: { publicUrl: PUBLIC_URL, leaseMs: 300 } };
    const ids = await insertDueMessages(demo.candidateIds.slice(0, 3));
    const rows = await claimDueMessages(db.db, clock.now(), { limit: 10, leaseMs: 300, orgId: demo.orgId, exclude: new Set() });
    expect(rows.map((r) => r.id)).toEqual(ids);
    const outcomes = await dispatchClaimedMessages(deps, rows);
    expect(outcomes.map((o) => o.kind)).toEqual(['done', 'released', 'released']);
    expect(slow.sent.map((s) => s.key)).toEqual([ids[0]]);
    const after = new Map((await readRows(ids)).map((r) => [r.id, r]));
    expect(after.get(ids[0]!)).toMatchObject({ status: 'sent', attempts: 1 });
    for (const id of ids.slice(1)) expect(after.get(id)).toMatchObject({ status: 'scheduled', attempts: 0, lease_until: null });

    const fast = recordingEmail();
    const { counts } = await dispatchDueMessages({ ...deps, channels: { email: fast.adapter } }, { orgId: demo.orgId });
    expect(counts).toMatchObject({ sent: 2, error: 0 });
    expect(fast.sent.map((s) => s.key)).toEqual(ids.slice(1));
    expect((await readRows(ids)).every((r) => r.status === 'sent' && r.attempts === 1)).toBe(true);
  });

  it('a result and its timeline touch are written together: a lost claim writes neither', async () => {
    await cancelDue();
    const [id] = await insertDueMessages([demo.candidateIds[1]!]);
    const stale = await claimMessage(db.db, demo.orgId, id!, clock.now(), 60_000);
    // Another worker took the message over after the lease (one more attempt).
    await db.db.updateTable('outbound_messages').set((eb) => ({ attempts: eb('attempts', '+', 1) })).where('org_id', '=', demo.orgId).where('id', '=', id!).execute();
    const touch = { kind: 'email', channel: 'email', direction: 'outbound' as const, summary: `batch test ${id}`, content: 'body' };
    const record = { status: 'sent' as const, rendered: { recipient: 'a@example.com', subject: 's', bodyText: 'body' }, providerMessageId: null, lastError: null };
    expect(await settleMessageWithTouch(db.db, stale!, clock.now(), record, touch)).toBe(false);
    const touchesFor = () => db.db.selectFrom('touches').selectAll().where('org_id', '=', demo.orgId).where('summary', '=', touch.summary).execute();
    expect(await touchesFor()).toEqual([]);
    expect((await readRows([id!]))[0]).toMatchObject({ status: 'sending', sent_at: null });

    const current = { ...stale!, attempts: stale!.attempts + 1 };
    expect(await settleMessageWithTouch(db.db, current, clock.now(), record, touch)).toBe(true);
    expect((await readRows([id!]))[0]).toMatchObject({ status: 'sent', recipient: 'a@example.com', lease_until: null });
    expect(await touchesFor()).toMatchObject([{ candidate_id: demo.candidateIds[1], kind: 'email', direction: 'outbound', author_kind: 'system', step_id: 'offer.send_package', content: 'body' }]);
  });
});
