import ICAL from 'ical.js';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createSmtpEmailAdapter, deriveMessageId } from '../../src/adapters/channels/index.js';
import { formatDate } from '../../src/core/templates/index.js';
import { createOfferVersion } from '../../src/services/candidates/offers.js';
import type { Deps } from '../../src/services/deps.js';
import { dispatchDueMessages } from '../../src/services/dispatch/dispatch-due.js';
import { wakeDueCandidates } from '../../src/services/engine/apply-event.js';
import { seedDemo, type DemoOrg } from '../../src/services/seed/seed-demo.js';
import { createManualClock, testVault } from '../app.js';
import { createTestDatabase, onPostgres, type TestDatabase } from '../db.js';
import { startSmtpServer, type SmtpTestServer } from '../servers/smtp.js';
import { buildHrPrincipal, createAcceptedCandidate } from './fixtures/dispatch-world.js';

const HOUR = 3_600_000;
const FROM = 'Demo HR <hr@demo.preboard.test>';

let db: TestDatabase;
let demo: DemoOrg;
// 10:00 in Shanghai: inside the working day, outside quiet hours.
const clock = createManualClock('2026-11-25T02:00:00Z');
const servers: SmtpTestServer[] = [];

beforeAll(async () => {
  db = await createTestDatabase();
  demo = await seedDemo({ db: db.db, clock, vault: testVault }, { slug: `dispatch${Math.random().toString(36).slice(2, 8)}` });
});
afterEach(async () => {
  for (const s of servers.splice(0)) await s.close();
});
afterAll(async () => {
  await db?.destroy();
});

/** Deps with a real SMTP adapter pointed at a fresh local server. */
async function withSmtp(options: Parameters<typeof startSmtpServer>[0] = {}) {
  const smtp = await startSmtpServer(options);
  servers.push(smtp);
  const email = createSmtpEmailAdapter({ host: smtp.host, port: smtp.port, ignoreTLS: true, from: FROM, clock: () => clock.now().getTime() });
  const deps: Deps = { db: db.db, clock, vault: testVault, channels: { email }, dispatch: { publicUrl: 'https://preboard.example.com' } };
  return { smtp, deps };
}

/** What a worker does on each tick: time-driven rules, then every due message. */
async function runWorkerTick(deps: Deps, orgId = demo.orgId) {
  while ((await wakeDueCandidates(deps, { orgId, limit: 100 })) === 100) { /* more */ }
  return dispatchDueMessages(deps, { orgId });
}

async function readMessages(candidateId: string) {
  return db.db.selectFrom('outbound_messages').selectAll().where('org_id', '=', demo.orgId).where('candidate_id', '=', candidateId)
    .orderBy('send_after').execute();
}

async function readTouches(candidateId: string) {
  return db.db.selectFrom('touches').selectAll().where('org_id', '=', demo.orgId).where('candidate_id', '=', candidateId)
    .where('author_kind', '=', 'system').orderBy('occurred_at').execute();
}

const mailsTo = (smtp: SmtpTestServer, address: string | undefined) => smtp.received.filter((m) => address !== undefined && m.envelope.to.includes(address));

describe(`durable dispatch (${onPostgres() ? 'PostgreSQL' : 'PGlite'})`, () => {
  it('renders at send time in the candidate language from the CURRENT offer', async () => {
    clock.set('2026-11-25T02:00:00Z');
    const { smtp, deps } = await withSmtp();
    const zh = await createAcceptedCandidate(deps, demo, { language: 'zh-CN', startDate: '2026-12-28' });
    const en = await createAcceptedCandidate(deps, demo, { language: 'en-US', fullName: 'Ada Lovelace', startDate: '2026-12-28' });
    // The start date moves after the message was planned but before it goes out.
    for (const c of [zh, en]) {
      await createOfferVersion(deps, buildHrPrincipal(demo), c.id, { startDate: '2027-01-04', reason: 'candidate asked for a week more' }, {});
    }
    clock.advance(2 * HOUR);
    const { counts } = await runWorkerTick(deps);
    expect(counts.error).toBe(0);

    const [zhMail] = mailsTo(smtp, zh.email);
    const [enMail] = mailsTo(smtp, en.email);
    expect(zhMail, 'the zh-CN offer package was not delivered').toBeDefined();
    expect(enMail, 'the en-US offer package was not delivered').toBeDefined();
    expect(zhMail!.parsed.headers.get('content-language')).toBe('zh-CN');
    expect(zhMail!.parsed.subject).toMatch(/[\u4e00-\u9fff]/);
    expect(zhMail!.parsed.text).toContain(zh.fullName);
    expect(zhMail!.parsed.text).toContain(formatDate('2027-01-04', 'zh'));
    expect(zhMail!.parsed.text).not.toContain(formatDate('2026-12-28', 'zh'));
    expect(enMail!.parsed.headers.get('content-language')).toBe('en-US');
    expect(enMail!.parsed.subject).toMatch(/^Your offer from /);
    expect(enMail!.parsed.text).toContain('Ada Lovelace');
    expect(enMail!.parsed.text).toContain(formatDate('2027-01-04', 'en'));
    expect(enMail!.parsed.text).not.toContain(formatDate('2026-12-28', 'en'));

    // The row records what was sent, and the Message-ID is derived from the row id.
    const [row] = (await readMessages(zh.id)).filter((m) => m.status === 'sent');
    expect(row!.lead_key).toBe('offer.send_package#0');
    expect(zhMail!.messageId).toBe(deriveMessageId(row!.id, 'demo.preboard.test'));
    expect(row!.subject).toBe(zhMail!.parsed.subject);
    expect(row!.recipient).toBe(zh.email);
    expect(row!.sent_at?.toISOString()).toBe(clock.now().toISOString());
    const touch = (await readTouches(zh.id)).find((t) => t.direction === 'outbound');
    expect(touch).toMatchObject({ kind: 'email', channel: 'email', step_id: 'offer.send_package', summary: zhMail!.parsed.subject });

    // Dispatching again sends nothing twice.
    const again = await runWorkerTick(deps);
    expect(again.counts.sent).toBe(0);
    expect(mailsTo(smtp, zh.email)).toHaveLength(1);
  });

  it('retries a 4xx after the back-off, then sends with the same Message-ID', async () => {
    clock.set('2026-11-25T02:00:00Z');
    const { smtp, deps } = await withSmtp({ rejectFirst: 1, rejectCode: 451 });
    const c = await createAcceptedCandidate(deps, demo);
    clock.advance(2 * HOUR);
    const first = await runWorkerTick(deps);
    expect(first.counts).toMatchObject({ retry: 1, sent: 0 });
    const [waiting] = (await readMessages(c.id)).filter((m) => m.lead_key === 'offer.send_package#0');
    expect(waiting).toMatchObject({ status: 'scheduled', attempts: 1 });
    expect(waiting!.last_error).toContain('451');
    // The SMTP adapter asks for 5 minutes after a 4xx: not sooner.
    expect(waiting!.send_after.getTime()).toBe(clock.now().getTime() + 5 * 60_000);

    clock.advance(4 * 60_000);
    expect((await runWorkerTick(deps)).counts.sent).toBe(0);
    clock.advance(60_000);
    expect((await runWorkerTick(deps)).counts.sent).toBe(1);
    const [sent] = (await readMessages(c.id)).filter((m) => m.lead_key === 'offer.send_package#0');
    expect(sent).toMatchObject({ status: 'sent', attempts: 2, last_error: null });
    const mails = mailsTo(smtp, c.email);
    expect(mails).toHaveLength(1);
    expect(mails[0]!.messageId).toBe(deriveMessageId(sent!.id, 'demo.preboard.test'));
    expect(smtp.transactions).toBe(2);
  });

  it('marks a permanent failure dead and tells staff on the timeline', async () => {
    clock.set('2026-11-25T02:00:00Z');
    const bad = `bounce-${Math.random().toString(36).slice(2, 8)}@example.com`;
    const { smtp, deps } = await withSmtp({ rejectRecipients: [bad] });
    const c = await createAcceptedCandidate(deps, demo, { email: bad });
    clock.advance(2 * HOUR);
    const { counts } = await runWorkerTick(deps);
    expect(counts.dead).toBe(1);
    const [dead] = (await readMessages(c.id)).filter((m) => m.status === 'dead');
    expect(dead!.last_error).toMatch(/invalid_recipient.*550/);
    expect(dead!.attempts).toBe(1);
    const note = (await readTouches(c.id)).find((t) => t.summary.startsWith('Delivery failed'));
    expect(note).toMatchObject({ direction: 'internal', step_id: 'offer.send_package', content: dead!.last_error });
    expect(smtp.received).toHaveLength(0);
    // A dead message stays dead: nothing retries it on the next tick.
    clock.advance(HOUR);
    expect((await runWorkerTick(deps)).counts.dead).toBe(0);
  });

  it('gives up after the last attempt of a message that keeps failing', async () => {
    clock.set('2026-11-25T02:00:00Z');
    const { deps } = await withSmtp({ rejectFirst: 100, rejectCode: 421 });
    const limited: Deps = { ...deps, dispatch: { ...deps.dispatch, maxAttempts: 3 } };
    const c = await createAcceptedCandidate(limited, demo);
    clock.advance(2 * HOUR);
    const outcomes: string[] = [];
    for (let i = 0; i < 3; i++) {
      const { counts } = await runWorkerTick(limited);
      outcomes.push(counts.retry ? 'retry' : counts.dead ? 'dead' : 'none');
      clock.advance(HOUR);
    }
    expect(outcomes).toEqual(['retry', 'retry', 'dead']);
    const [dead] = (await readMessages(c.id)).filter((m) => m.lead_key === 'offer.send_package#0');
    expect(dead).toMatchObject({ status: 'dead', attempts: 3 });
    expect(dead!.last_error).toMatch(/gave up after 3 attempts/);
  });

  it('re-checks quiet hours at send time after downtime', async () => {
    clock.set('2026-11-25T02:00:00Z');
    const { smtp, deps } = await withSmtp();
    const c = await createAcceptedCandidate(deps, demo);
    // No worker ran all day: it comes back at 22:30 Shanghai time.
    clock.set('2026-11-25T14:30:00Z');
    const { counts } = await runWorkerTick(deps);
    expect(counts.sent).toBe(0);
    expect(counts.deferred).toBeGreaterThanOrEqual(1);
    const [deferred] = (await readMessages(c.id)).filter((m) => m.lead_key === 'offer.send_package#0');
    // 09:00 the next morning in Shanghai; the deferral does not count as an attempt.
    expect(deferred).toMatchObject({ status: 'scheduled', attempts: 0 });
    expect(deferred!.send_after.toISOString()).toBe('2026-11-26T01:00:00.000Z');
    expect(mailsTo(smtp, c.email)).toHaveLength(0);

    clock.set('2026-11-26T00:59:00Z');
    expect((await runWorkerTick(deps)).counts.sent).toBe(0);
    clock.set('2026-11-26T01:00:00Z');
    await runWorkerTick(deps);
    expect(mailsTo(smtp, c.email).length).toBeGreaterThanOrEqual(1);
    const [sent] = (await readMessages(c.id)).filter((m) => m.lead_key === 'offer.send_package#0');
    expect(sent).toMatchObject({ status: 'sent', attempts: 1 });
  });

  it('keeps rendered email in the outbox when no SMTP server is configured', async () => {
    clock.set('2026-11-25T02:00:00Z');
    const deps: Deps = { db: db.db, clock, vault: testVault, dispatch: { publicUrl: 'https://preboard.example.com' } };
    const c = await createAcceptedCandidate(deps, demo, { language: 'en-US', fullName: 'Grace Hopper' });
    clock.advance(2 * HOUR);
    const { counts } = await runWorkerTick(deps);
    expect(counts.outbox).toBeGreaterThanOrEqual(1);
    const [kept] = (await readMessages(c.id)).filter((m) => m.lead_key === 'offer.send_package#0');
    expect(kept).toMatchObject({ status: 'outbox', recipient: c.email, sent_at: null });
    expect(kept!.body_text).toContain('Grace Hopper');
    expect(kept!.subject.length).toBeGreaterThan(0);
    const note = (await readTouches(c.id)).find((t) => t.summary.startsWith('In the outbox'));
    expect(note).toMatchObject({ direction: 'internal', channel: 'email', step_id: 'offer.send_package' });
    // Kept, not retried: the next tick leaves it alone.
    clock.advance(HOUR);
    expect((await runWorkerTick(deps)).counts.outbox).toBe(0);
  });

  it('merges the S−3 messages into one email with the first-day invite (.ics)', async () => {
    clock.set('2026-11-25T02:00:00Z');
    const { smtp, deps } = await withSmtp();
    const c = await createAcceptedCandidate(deps, demo, { startDate: '2026-12-14' });
    // Straight to S−3 10:00 local: everything before went out on the way (or is caught up now).
    clock.set('2026-12-11T02:00:00Z');
    const { counts } = await runWorkerTick(deps);
    expect(counts.error).toBe(0);
    const rows = await readMessages(c.id);
    const merged = rows.find((r) => r.step_ids.includes('final.logistics_confirm'));
    expect(merged, `no logistics message among ${rows.map((r) => r.lead_key).join(', ')}`).toBeDefined();
    expect(merged!.status).toBe('sent');
    const mail = mailsTo(smtp, c.email).find((m) => m.messageId === deriveMessageId(merged!.id, 'demo.preboard.test'));
    expect(mail).toBeDefined();
    // One subject, the text of every merged step (daily care S−3 and the logistics check).
    expect(merged!.step_ids).toEqual(expect.arrayContaining(['final.daily_care', 'final.logistics_confirm']));
    expect(mail!.parsed.subject).toBe('还有三天，我们就见面了');
    expect(mail!.parsed.text).toContain('再过三天');
    expect(mail!.parsed.text).toContain(formatDate('2026-12-14', 'zh'));

    const ics = mail!.parsed.attachments.find((a) => a.contentType.startsWith('text/calendar') || a.filename?.endsWith('.ics'));
    expect(ics, 'no calendar attachment').toBeDefined();
    const calendar = new ICAL.Component(ICAL.parse(ics!.content.toString('utf8')));
    const vevent = calendar.getFirstSubcomponent('vevent')!;
    const event = new ICAL.Event(vevent);
    // 09:00 wall time at the site (its arrival time) on the current start date.
    expect(event.startDate.toString()).toBe('2026-12-14T09:00:00');
    expect(vevent.getFirstProperty('dtstart')!.getParameter('tzid')).toBe('Asia/Shanghai');
    const zone = new ICAL.Timezone(calendar.getFirstSubcomponent('vtimezone')!);
    expect(zone.tzid).toBe('Asia/Shanghai');
    expect(zone.utcOffset(event.startDate)).toBe(8 * 3600);
    expect(event.uid).toBe(`first-day-${c.id}@preboard.local`);
    expect(event.location).toContain('上海总部');
  });
});
