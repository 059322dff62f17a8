/**
 * Magic links inside the messages sent to a candidate: the email delivered through the
 * local SMTP server (and the SMS through the local Aliyun server) carries a working link
 * of its own; every stored copy shows it masked; a retry, even after a crash between
 * minting and sending, carries the same link and leaves one live token per message; HR
 * revoking or re-issuing kills it; a link opens its own candidate only.
 * Runs on PGlite, and on PostgreSQL with TEST_DATABASE_URL.
 */
import { createHash, randomUUID } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createAliyunSmsAdapter, createSmtpEmailAdapter, type SmsAdapter } from '../../src/adapters/channels/index.js';
import type { Deps } from '../../src/services/deps.js';
import { dispatchDueMessages } from '../../src/services/dispatch/dispatch-due.js';
import { dispatchMessage } from '../../src/services/dispatch/dispatch-message.js';
import { wakeDueCandidates } from '../../src/services/engine/apply-event.js';
import { loadMessageContext } from '../../src/services/dispatch/message-context.js';
import { claimMessage } from '../../src/services/dispatch/message-store.js';
import { mintMessageLink } from '../../src/services/portal/message-links.js';
import type { DemoOrg } from '../../src/services/seed/seed-demo.js';
import { createVault, newKeySpec, parseKeyRing } from '../../src/adapters/crypto/vault.js';
import { createTestApp, seedAndLogin, type Role, type Session, type TestApp } from '../app.js';
import { onPostgres } from '../db.js';
import { pickFirstName } from '../../src/services/portal/get-welcome.js';
import { createAcceptedCandidate } from '../engine/fixtures/dispatch-world.js';
import { startSmsServer, type SmsTestServer } from '../servers/sms.js';
import { startSmtpServer, type SmtpTestServer } from '../servers/smtp.js';

const PUBLIC_URL = 'https://preboard.example.com';
const MASKED = `${PUBLIC_URL}/portal/#t=••••••••`;
const LINK = /https:\/\/preboard\.example\.com\/portal\/#t=(pl1\.[A-Za-z0-9_.-]+)/;
const HOUR = 3_600_000;

let t: TestApp;
let demo: DemoOrg;
let s: Record<Role, Session>;
let other: DemoOrg;
const servers: Array<SmtpTestServer | SmsTestServer> = [];

beforeAll(async () => {
  t = await createTestApp();
  ({ demo, sessions: s } = await seedAndLogin(t));
  ({ demo: other } = await seedAndLogin(t));
});
afterEach(async () => {
  for (const srv of servers.splice(0)) await srv.close();
});
afterAll(async () => t?.close());

/** Deps sending email through a fresh local SMTP server, on the test app's clock and database. */
async function withSmtp(options: Parameters<typeof startSmtpServer>[0] = {}) {
  const smtp = await startSmtpServer(options);
  servers.push(smtp);
  const email = createSmtpEmailAdapter({ host: smtp.host, port: smtp.port, ignoreTLS: true, from: 'Demo HR <hr@demo.preboard.test>', clock: () => t.clock.now().getTime() });
  const deps: Deps = { ...t.deps, channels: { email }, dispatch: { publicUrl: PUBLIC_URL } };
  return { smtp, deps };
}

/** A candidate accepted two hours ago at 10:00 Shanghai: the offer package is due now. */
async function createDueCandidate(deps: Deps) {
  t.clock.set('2026-11-25T02:00:00Z');
  const c = await createAcceptedCandidate(deps, demo);
  t.clock.advance(2 * HOUR);
  // What the worker's tick does first: time-driven rules write the rows now due.
  while ((await wakeDueCandidates(deps, { orgId: demo.orgId, limit: 100 })) === 100) { /* more */ }
  const row = await t.deps.db.selectFrom('outbound_messages').selectAll().where('org_id', '=', demo.orgId).where('candidate_id', '=', c.id)
    .where('lead_key', '=', 'offer.send_package#0').executeTakeFirstOrThrow();
  return { candidate: c, messageId: row.id };
}

const credentialIn = (text: string | undefined) => LINK.exec(text ?? '')?.[1];
const secretOf = (credential: string) => credential.split('.').slice(2).join('.');

function portal(credential: string, url: string) {
  return t.app.inject({ method: 'GET', url: `/api/v1/portal${url}`, headers: { authorization: `Portal ${credential}` } });
}

async function readTokens(messageId: string) {
  return t.deps.db.selectFrom('portal_tokens').selectAll().where('org_id', '=', demo.orgId).where('message_id', '=', messageId).execute();
}

/** Every stored copy of a message and its link: the outbox row, the timeline, the tokens, the audit log. */
async function dumpStoredCopies(candidateId: string): Promise<string> {
  const [messages, touches, tokens, audit] = await Promise.all([
    t.deps.db.selectFrom('outbound_messages').selectAll().where('org_id', '=', demo.orgId).where('candidate_id', '=', candidateId).execute(),
    t.deps.db.selectFrom('touches').selectAll().where('org_id', '=', demo.orgId).where('candidate_id', '=', candidateId).execute(),
    t.deps.db.selectFrom('portal_tokens').selectAll().where('org_id', '=', demo.orgId).where('candidate_id', '=', candidateId).execute(),
    t.deps.db.selectFrom('audit_log').selectAll().where('org_id', '=', demo.orgId).where('candidate_id', '=', candidateId).execute(),
  ]);
  return JSON.stringify({ messages, touches, tokens, audit });
}

describe(`links in candidate messages (${onPostgres() ? 'PostgreSQL' : 'PGlite'})`, () => {
  it('the email delivered over SMTP carries a working link of its own, masked in every stored copy', async () => {
    const { smtp, deps } = await withSmtp();
    const { candidate, messageId } = await createDueCandidate(deps);
    const { counts } = await dispatchDueMessages(deps, { orgId: demo.orgId });
    expect(counts.error).toBe(0);
    const [mail] = smtp.received.filter((m) => m.envelope.to.includes(candidate.email!));
    const credential = credentialIn(mail?.parsed.text);
    expect(credential, mail?.parsed.text).toBeDefined();

    const me = await portal(credential!, '/me');
    expect(me.statusCode, me.body).toBe(200);
    expect(me.json().firstName).toBe(pickFirstName(candidate.fullName));

    // One token, for this message and candidate, stored as SHA-256 only.
    const [token, ...more] = await readTokens(messageId);
    expect(more).toEqual([]);
    expect(token).toMatchObject({ candidate_id: candidate.id, revoked_at: null, created_by: null });
    expect(token!.token_hash).toBe(createHash('sha256').update(secretOf(credential!)).digest('hex'));

    // The outbox row, the timeline and the portal inbox show the link masked.
    const row = await t.deps.db.selectFrom('outbound_messages').select(['status', 'body_text']).where('org_id', '=', demo.orgId).where('id', '=', messageId).executeTakeFirstOrThrow();
    expect(row.status).toBe('sent');
    expect(row.body_text).toContain(MASKED);
    const inbox = (await portal(credential!, '/messages')).json().items as Array<{ id: string; body: string }>;
    expect(inbox.find((m) => m.id === messageId)?.body).toContain(MASKED);
    const stored = await dumpStoredCopies(candidate.id);
    expect(stored).not.toContain(secretOf(credential!));
    expect(stored).not.toContain(credential!);

    // The next message for the candidate erases the sealed copy this finished one no longer needs.
    const sms = await insertMessage(candidate.id, 'sms', 'offer.channel_invite');
    const smsDeps: Deps = { ...deps, channels: { ...deps.channels, sms: acceptingSms } };
    expect((await dispatchMessage(smsDeps, demo.orgId, sms)).outcome).toBe('sent');
    expect((await readTokens(messageId))[0]!.secret_sealed).toBeNull();
    expect((await readTokens(sms))[0]!.secret_sealed).not.toBeNull();
  });

  it('the SMS notice carries a working link too, and its stored copy is masked', async () => {
    const clock = () => t.clock.now().getTime();
    const server = await startSmsServer({ accessKeyId: 'LTAI-test', accessKeySecret: 'sms-secret', now: clock });
    servers.push(server);
    const sms = createAliyunSmsAdapter({
      baseUrl: server.url, accessKeyId: 'LTAI-test', accessKeySecret: 'sms-secret', signName: '入职通知', templates: { notice: 'SMS_1', loginCode: 'SMS_2' }, clock,
    });
    const deps: Deps = { ...t.deps, channels: { sms }, dispatch: { publicUrl: PUBLIC_URL } };
    t.clock.set('2026-11-25T02:00:00Z');
    const c = await createAcceptedCandidate(deps, demo);
    const messageId = await insertMessage(c.id, 'sms', 'offer.channel_invite');
    expect((await dispatchMessage(deps, demo.orgId, messageId)).outcome).toBe('sent');
    const link = JSON.parse(String(server.delivered[0]!.query.TemplateParam)).link as string;
    const credential = credentialIn(link);
    expect(credential, link).toBeDefined();
    expect((await portal(credential!, '/me')).statusCode).toBe(200);
    const row = await t.deps.db.selectFrom('outbound_messages').select('body_text').where('org_id', '=', demo.orgId).where('id', '=', messageId).executeTakeFirstOrThrow();
    expect(row.body_text).toContain(MASKED);
    expect(await dumpStoredCopies(c.id)).not.toContain(secretOf(credential!));
  });

  it('a resend after the server took the message but the connection broke carries the same link', async () => {
    const { smtp, deps } = await withSmtp({ dropFirst: 1, dropPhase: 'after-data' });
    const { candidate, messageId } = await createDueCandidate(deps);
    expect((await dispatchMessage(deps, demo.orgId, messageId)).outcome).toBe('retry');
    t.clock.advance(HOUR);
    expect((await dispatchMessage(deps, demo.orgId, messageId)).outcome).toBe('sent');
    const copies = smtp.received.filter((m) => m.envelope.to.includes(candidate.email!));
    expect(copies).toHaveLength(2);
    expect(copies[0]!.messageId).toBe(copies[1]!.messageId);
    const [first, second] = copies.map((m) => credentialIn(m.parsed.text));
    expect(first).toBeDefined();
    expect(second).toBe(first);
    expect(await readTokens(messageId)).toHaveLength(1);
    expect((await portal(first!, '/me')).statusCode).toBe(200);
  });

  it('a crash between minting and sending: the next attempt sends the minted link, once, and mints nothing more', async () => {
    const { smtp, deps } = await withSmtp();
    const { candidate, messageId } = await createDueCandidate(deps);
    // A worker claims the message and mints its link, then dies before sending.
    const claimed = await claimMessage(t.deps.db, demo.orgId, messageId, t.clock.now(), 60_000);
    const ctx = await loadMessageContext(t.deps.db, demo.orgId, candidate.id);
    const minted = await mintMessageLink(deps, claimed!, ctx!, t.clock.now());
    expect(minted).toBeDefined();
    expect(smtp.received).toHaveLength(0);
    // Its lease runs out; another worker takes the message over.
    t.clock.advance(2 * 60_000);
    expect((await dispatchMessage(deps, demo.orgId, messageId)).outcome).toBe('sent');
    expect(await dispatchMessage(deps, demo.orgId, messageId)).toMatchObject({ outcome: 'skipped' });
    const mails = smtp.received.filter((m) => m.envelope.to.includes(candidate.email!));
    expect(mails).toHaveLength(1);
    expect(mails[0]!.parsed.text).toContain(minted!.url);
    const tokens = await readTokens(messageId);
    expect(tokens.map((r) => r.id)).toEqual([minted!.tokenId]);
  });

  it('a minted secret that no longer opens (its key left the ring) is revoked and replaced, never sent half-known', async () => {
    const { smtp, deps } = await withSmtp();
    const { candidate, messageId } = await createDueCandidate(deps);
    const claimed = await claimMessage(t.deps.db, demo.orgId, messageId, t.clock.now(), 60_000);
    const ctx = await loadMessageContext(t.deps.db, demo.orgId, candidate.id);
    const oldRing = createVault(parseKeyRing(newKeySpec('old')));
    const lost = await mintMessageLink({ ...deps, vault: oldRing }, claimed!, ctx!, t.clock.now());
    t.clock.advance(2 * 60_000);
    expect((await dispatchMessage(deps, demo.orgId, messageId)).outcome).toBe('sent');
    const credential = credentialIn(smtp.received.at(-1)?.parsed.text);
    expect(credential).toBeDefined();
    expect(smtp.received.at(-1)!.parsed.text).not.toContain(lost!.url);
    const tokens = await readTokens(messageId);
    expect(tokens).toHaveLength(2);
    expect(tokens.find((r) => r.id === lost!.tokenId)?.revoked_at).not.toBeNull();
    expect(tokens.filter((r) => r.revoked_at === null)).toHaveLength(1);
    expect((await portal(credential!, '/me')).statusCode).toBe(200);
    expect((await portal(`pl1.${demo.orgId}.${lost!.secret}`, '/me')).statusCode).toBe(401);
  });

  it('HR revoking or re-issuing links kills message links; a later retry gets a new link, never the dead one', async () => {
    const { smtp, deps } = await withSmtp({ rejectFirst: 1, rejectCode: 451 });
    const { candidate, messageId } = await createDueCandidate(deps);
    expect((await dispatchMessage(deps, demo.orgId, messageId)).outcome).toBe('retry');
    const [firstToken] = await readTokens(messageId);
    expect(firstToken?.revoked_at).toBeNull();

    // HR revoke every link while the message waits for its retry.
    const revoke = await t.call(s.hr, 'DELETE', `/api/v1/candidates/${candidate.id}/portal-link`);
    expect(revoke.json()).toEqual({ ok: true, revoked: 1 });
    t.clock.advance(HOUR);
    expect((await dispatchMessage(deps, demo.orgId, messageId)).outcome).toBe('sent');
    const credential = credentialIn(smtp.received.at(-1)?.parsed.text);
    expect(credential).toBeDefined();
    const tokens = await readTokens(messageId);
    expect(tokens.filter((r) => r.revoked_at === null)).toHaveLength(1);
    const revoked = tokens.find((r) => r.id === firstToken!.id)!;
    expect(revoked.revoked_at).not.toBeNull();
    expect(revoked.secret_sealed).toBeNull();
    expect(createHash('sha256').update(secretOf(credential!)).digest('hex')).not.toBe(firstToken!.token_hash);
    expect((await portal(credential!, '/me')).statusCode).toBe(200);

    // Re-issuing (a fresh link from HR) ends the message link: the portal answers with its lost-link reply.
    const issued = await t.call(s.hr, 'POST', `/api/v1/candidates/${candidate.id}/portal-link`);
    expect(issued.statusCode).toBe(201);
    const dead = await portal(credential!, '/me');
    expect(dead.statusCode).toBe(401);
    expect(dead.json().error.code).toBe('invalid_portal_link');
    expect((await portal(issued.json().url.split('#t=')[1], '/me')).statusCode).toBe(200);
  });

  it('a message link opens its own candidate only: no other candidate, no other organisation, no staff route', async () => {
    const { smtp, deps } = await withSmtp();
    const a = await createDueCandidate(deps);
    const b = await createDueCandidate(deps);
    await dispatchDueMessages(deps, { orgId: demo.orgId });
    const credOf = (email: string) => credentialIn(smtp.received.find((m) => m.envelope.to.includes(email))?.parsed.text)!;
    const credA = credOf(a.candidate.email!);
    const credB = credOf(b.candidate.email!);
    expect(credA).toBeDefined();
    expect(credB).not.toBe(credA);

    expect((await portal(credA, '/me')).json().firstName).toBe(pickFirstName(a.candidate.fullName));
    const inbox = (await portal(credA, '/messages')).json().items as Array<{ id: string }>;
    expect(inbox.map((m) => m.id)).toContain(a.messageId);
    expect(inbox.map((m) => m.id)).not.toContain(b.messageId);
    // Staff routes naming the other candidate do not take a portal credential.
    const staff = await t.app.inject({ method: 'GET', url: `/api/v1/candidates/${b.candidate.id}`, headers: { authorization: `Portal ${credA}` } });
    expect(staff.statusCode).toBe(401);
    // The same secret under another organisation's id opens nothing.
    const crossOrg = `pl1.${other.orgId}.${secretOf(credA)}`;
    expect((await portal(crossOrg, '/me')).statusCode).toBe(401);
    // A made-up link bearing the other candidate's message id opens nothing either.
    expect((await portal(`pl1.${demo.orgId}.${b.messageId.replaceAll('-', '')}`, '/me')).statusCode).toBe(401);
  });

  it('no link is minted for a message that only waits in the outbox (no adapter) or goes to the portal', async () => {
    const deps: Deps = { ...t.deps, dispatch: { publicUrl: PUBLIC_URL } };
    t.clock.set('2026-11-25T02:00:00Z');
    const c = await createAcceptedCandidate(deps, demo);
    const outboxed = await insertMessage(c.id, 'email', 'offer.send_package');
    const inPortal = await insertMessage(c.id, 'portal', 'offer.send_package');
    expect((await dispatchMessage(deps, demo.orgId, outboxed)).outcome).toBe('outbox');
    expect((await dispatchMessage(deps, demo.orgId, inPortal)).outcome).toBe('sent');
    expect(await readTokens(outboxed)).toEqual([]);
    expect(await readTokens(inPortal)).toEqual([]);
    const rows = await t.deps.db.selectFrom('outbound_messages').select('body_text').where('org_id', '=', demo.orgId).where('id', 'in', [outboxed, inPortal]).execute();
    for (const r of rows) expect(r.body_text).toContain(`${PUBLIC_URL}/portal`);
  });
});

/** Accepts every SMS at once (the Aliyun test server is exercised in its own test above). */
const acceptingSms: SmsAdapter = {
  channel: 'sms-test',
  send: async () => ({ status: 'sent', providerMessageId: null }),
};

/** A due message of one step on a channel, outside the plan (the step's template renders it). */
async function insertMessage(candidateId: string, channel: string, step: string): Promise<string> {
  const id = randomUUID();
  const key = `${step}#${id}`;
  await t.deps.db.insertInto('outbound_messages').values({
    org_id: demo.orgId, id, candidate_id: candidateId, lead_key: key, step_keys: [key], step_ids: [step], channel,
    status: 'scheduled', send_after: new Date(t.clock.now().getTime() - 60_000), lease_until: null, last_error: null,
  }).execute();
  return id;
}
