import { createHash, randomInt, randomUUID, timingSafeEqual } from 'node:crypto';
import { sql } from 'kysely';
import { appendAudit } from '../../adapters/db/repos/audit-repo.js';
import { composeCredential, generateSecret, hashSecret } from '../auth/tokens.js';
import type { Deps, RequestContext } from '../deps.js';
import { LOGIN_CODE_STEP, sealLoginCode } from '../dispatch/direct-message.js';
import { noopScheduler } from '../engine/persist-reduction.js';
import { AppError, invalid } from '../errors.js';
import { computePortalLinkExpiry } from './portal-links.js';
import { PORTAL_PREFIX } from './portal-principal.js';

export const CODE_TTL_MINUTES = 10;
export const CODE_MAX_TRIES = 5;
/** A second code for the same candidate within this time is not sent (the first is still on its way). */
const RESEND_AFTER_MS = 60_000;

type Contact = { kind: 'email'; value: string } | { kind: 'phone'; value: string };

/** An email (lower-cased) or a mobile number (digits only, a leading +86/86 dropped). */
export function parseContact(raw: string): Contact {
  const text = raw.trim();
  if (text.includes('@')) {
    if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(text)) throw invalid('contact', 'enter the email or mobile number on file');
    return { kind: 'email', value: text.toLowerCase() };
  }
  let digits = text.replace(/[\s\-()+]/g, '');
  if (!/^\d{6,15}$/.test(digits)) throw invalid('contact', 'enter the email or mobile number on file');
  if (digits.length === 13 && digits.startsWith('86')) digits = digits.slice(2);
  return { kind: 'phone', value: digits };
}

const hashCode = (id: string, code: string) => createHash('sha256').update(`${id}:${code}`).digest('hex');

/** Candidates (any org: the no-link page knows none) whose email or mobile on file is this contact. */
async function findCandidatesByContact(deps: Deps, contact: Contact) {
  let q = deps.db.selectFrom('candidates as c')
    .innerJoin('offers as o', (j) => j.onRef('o.org_id', '=', 'c.org_id').onRef('o.candidate_id', '=', 'c.id')
      .on('o.version', '=', sql<number>`(SELECT max(o2.version) FROM offers o2 WHERE o2.org_id = c.org_id AND o2.candidate_id = c.id)`))
    .innerJoin('sites as s', (j) => j.onRef('s.org_id', '=', 'o.org_id').onRef('s.id', '=', 'o.site_id'))
    .select(['c.org_id', 'c.id', 'o.start_date', 's.timezone'])
    .where('c.anonymised_at', 'is', null);
  q = contact.kind === 'email'
    ? q.where(sql<boolean>`lower(c.email) = ${contact.value}`)
    : q.where(sql<boolean>`right(regexp_replace(c.phone, '[^0-9]', '', 'g'), ${contact.value.length}) = ${contact.value}`)
      .where(sql<boolean>`length(regexp_replace(c.phone, '[^0-9]', '', 'g')) between ${contact.value.length} and ${contact.value.length + 2}`);
  const rows = await q.limit(5).execute();
  const now = deps.clock.now().getTime();
  // Only someone whose link could still work (until a week after the start date) gets a code.
  return rows.filter((r) => computePortalLinkExpiry(r.start_date, r.timezone).getTime() > now);
}

/**
 * Step one: a six-digit code to the email or mobile on file, through the outbox. The
 * answer is the same whether or not the contact exists (no account enumeration); the
 * route limits requests per IP and per contact.
 */
export async function requestLoginCode(deps: Deps, raw: string, ctx: RequestContext): Promise<{ ok: true; expiresInMinutes: number }> {
  const contact = parseContact(raw);
  const now = deps.clock.now();
  const matches = await findCandidatesByContact(deps, contact);
  for (const m of matches) {
    const recent = await deps.db.selectFrom('portal_codes').select('id').where('org_id', '=', m.org_id).where('candidate_id', '=', m.id)
      .where('used_at', 'is', null).where('created_at', '>', new Date(now.getTime() - RESEND_AFTER_MS)).executeTakeFirst();
    if (recent) continue;
    const id = randomUUID();
    const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
    const channel = contact.kind === 'email' ? 'email' as const : 'sms' as const;
    await deps.db.transaction().execute(async (trx) => {
      // A new code replaces the older live ones.
      await trx.updateTable('portal_codes').set({ used_at: now }).where('org_id', '=', m.org_id).where('candidate_id', '=', m.id).where('used_at', 'is', null).execute();
      await trx.insertInto('portal_codes').values({
        org_id: m.org_id, id, candidate_id: m.id, channel, code_hash: hashCode(id, code), code_sealed: sealLoginCode(deps, { org_id: m.org_id, candidate_id: m.id }, code),
        attempts: 0, created_at: now, expires_at: new Date(now.getTime() + CODE_TTL_MINUTES * 60_000), used_at: null, requested_ip: ctx.ip ?? null,
      }).execute();
      const messageId = randomUUID();
      const leadKey = `${LOGIN_CODE_STEP}#${id}`;
      await trx.insertInto('outbound_messages').values({
        org_id: m.org_id, id: messageId, candidate_id: m.id, lead_key: leadKey, step_keys: [leadKey], step_ids: [LOGIN_CODE_STEP], channel,
        status: 'scheduled', send_after: now, lease_until: null, last_error: null, created_at: now, updated_at: now,
      }).execute();
      await (deps.scheduler ?? noopScheduler).messageScheduled(trx, m.org_id, messageId, now);
      await appendAudit(trx, { orgId: m.org_id, actorKind: 'candidate', actorId: m.id, action: 'request_code', entity: 'portal_link', entityId: id, candidateId: m.id, detail: { channel }, ip: ctx.ip, at: now });
    });
  }
  return { ok: true, expiresInMinutes: CODE_TTL_MINUTES };
}

const wrongCode = () => new AppError(400, 'invalid_code', 'the code is wrong or has expired: ask for a new one / 验证码错误或已过期，请重新获取', 'code');

/**
 * Step two: the code for a fresh magic link. Every live link of the candidate is revoked
 * (rotation), the code is spent; five wrong tries spend it too. Wrong contact, wrong
 * code and expired code all get the same answer.
 */
export async function verifyLoginCode(deps: Deps, input: { contact: string; code: string }, ctx: RequestContext) {
  const contact = parseContact(input.contact);
  const now = deps.clock.now();
  const matches = await findCandidatesByContact(deps, contact);
  for (const m of matches) {
    const live = await deps.db.selectFrom('portal_codes').selectAll().where('org_id', '=', m.org_id).where('candidate_id', '=', m.id)
      .where('used_at', 'is', null).where('expires_at', '>', now).orderBy('created_at', 'desc').executeTakeFirst();
    if (!live) continue;
    const ok = timingSafeEqual(Buffer.from(hashCode(live.id, input.code)), Buffer.from(live.code_hash));
    if (!ok) {
      const tries = live.attempts + 1;
      await deps.db.updateTable('portal_codes').set({ attempts: tries, ...(tries >= CODE_MAX_TRIES ? { used_at: now } : {}) })
        .where('org_id', '=', m.org_id).where('id', '=', live.id).execute();
      continue;
    }
    const secret = generateSecret();
    const linkId = randomUUID();
    const expiresAt = computePortalLinkExpiry(m.start_date, m.timezone);
    const spent = await deps.db.transaction().execute(async (trx) => {
      const claimed = await trx.updateTable('portal_codes').set({ used_at: now }).where('org_id', '=', m.org_id).where('id', '=', live.id)
        .where('used_at', 'is', null).executeTakeFirst();
      if (Number(claimed.numUpdatedRows) !== 1) return false;
      await trx.updateTable('portal_tokens').set({ revoked_at: now }).where('org_id', '=', m.org_id).where('candidate_id', '=', m.id).where('revoked_at', 'is', null).execute();
      await trx.insertInto('portal_tokens').values({
        org_id: m.org_id, id: linkId, candidate_id: m.id, token_hash: hashSecret(secret), created_by: null, created_at: now, expires_at: expiresAt,
        revoked_at: null, last_used_at: null,
      }).execute();
      await appendAudit(trx, { orgId: m.org_id, actorKind: 'candidate', actorId: m.id, action: 'issue', entity: 'portal_link', entityId: linkId, candidateId: m.id, detail: { via: 'code' }, ip: ctx.ip, at: now });
      return true;
    });
    if (!spent) continue;
    const credential = composeCredential(PORTAL_PREFIX, m.org_id, secret);
    const base = (deps.dispatch?.publicUrl ?? 'http://localhost:3000').replace(/\/+$/, '');
    return { url: `${base}/portal/#t=${credential}`, credential, expiresAt: expiresAt.toISOString() };
  }
  throw wrongCode();
}
