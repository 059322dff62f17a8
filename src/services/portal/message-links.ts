import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../../adapters/db/schema.js';
import { appendAudits } from '../../adapters/db/repos/audit-repo.js';
import { composeCredential, generateSecret, hashSecret } from '../auth/tokens.js';
import type { Deps } from '../deps.js';
import type { Delivery } from '../dispatch/deliver-message.js';
import { LOGIN_CODE_STEP } from '../dispatch/direct-message.js';
import type { MessageContext } from '../dispatch/message-context.js';
import type { MessageRow } from '../dispatch/message-store.js';
import { buildMaskedPortalUrl, buildPortalUrl, computePortalLinkExpiry, revokedLink } from './portal-links.js';
import { PORTAL_PREFIX } from './portal-principal.js';

/**
 * The working magic link a message carries. `url` and `secret` live only in memory and in
 * the message handed to the channel; every stored copy uses `masked`.
 */
export interface MessageLink {
  /** Id of the `portal_tokens` row (the portal principal's link id). */
  tokenId: string;
  url: string;
  masked: string;
  secret: string;
}

/** Channels whose text leaves the product and reaches the candidate's own inbox or phone. */
const LINK_CHANNELS = new Set(['email', 'sms']);

/** What a message link's sealed secret is bound to: it opens for this message only (exported for re-sealing). */
export const messageLinkContext = (row: Pick<MessageRow, 'org_id' | 'candidate_id' | 'id'>) => `${row.org_id}/${row.candidate_id}/${row.id}/portal-message-link`;

/** Statuses after which a message is never rendered again. */
const FINISHED = ['sent', 'outbox', 'dead', 'cancelled', 'failed'];

/**
 * The magic link for one outbound message, minted the first time the message is rendered
 * for sending and reused by every retry. Returns undefined when the message gets the bare
 * portal address instead: a channel a person sends or the portal itself, a channel with no
 * adapter (the message stays in the outbox), a sign-in code, or a link that would already
 * be expired (more than a week after the start date).
 *
 * Why a sealed random secret rather than HMAC(key, message id): the vault never hands out
 * raw keys and its active key rotates, so a derived token would change between two
 * attempts; a random 256-bit secret sealed with the vault (bound to org, candidate and
 * message) reproduces exactly, and only its SHA-256 authenticates. The sealed copy is
 * erased once the message is finished or the link revoked.
 *
 * Minting commits before anything is sent (one short transaction, a partial unique index
 * allows one live token per message), so a crash after it leaves a token whose secret
 * only the next attempt of the same message can open: the retry sends the same link, and
 * the dispatcher's lease and idempotency key keep it from going out twice. A token HR
 * revoked in between is not revived: the retry mints a new one, the old stays dead.
 */
export async function mintMessageLink(deps: Deps, row: MessageRow, ctx: MessageContext, now: Date): Promise<MessageLink | undefined> {
  return (await mintMessageLinks(deps, [{ row, ctx }], now)).get(row.id);
}

/**
 * `mintMessageLink` for a dispatch batch: the first attempts' tokens in one short
 * transaction (one insert and one audit statement for all), then the rare reuse of a
 * token an earlier attempt minted, one by one. Keyed by message id; messages that get
 * the bare portal address have no entry.
 */
export async function mintMessageLinks(
  deps: Deps,
  items: ReadonlyArray<{ row: MessageRow; ctx: MessageContext }>,
  now: Date,
): Promise<Map<string, MessageLink>> {
  const wanted = items.flatMap(({ row, ctx }): NewLink[] => {
    if (!LINK_CHANNELS.has(row.channel) || row.step_ids.includes(LOGIN_CODE_STEP)) return [];
    // Without an adapter the message only waits in the outbox: a link no one receives is not minted.
    if (!deps.channels?.[row.channel as 'email' | 'sms']) return [];
    const expiresAt = computePortalLinkExpiry(ctx.candidate.start_date, ctx.site.timezone);
    return expiresAt.getTime() > now.getTime() ? [{ row, expiresAt, secret: generateSecret(), tokenId: randomUUID() }] : [];
  });
  const links = new Map<string, MessageLink>();
  if (wanted.length === 0) return links;
  const inserted = await insertLinks(deps, wanted, now);
  for (const link of wanted) {
    const minted = inserted.has(link.tokenId) ? buildLink(deps, link.row, link.tokenId, link.secret) : await reuseOrReplaceLink(deps, link, now);
    if (minted) links.set(link.row.id, minted);
  }
  return links;
}

interface NewLink {
  row: MessageRow;
  expiresAt: Date;
  secret: string;
  tokenId: string;
}

/**
 * Inserts first (the common case: a first attempt) in one short transaction; a message
 * that already has a live token is left out (the partial unique index), and the ids of
 * the tokens actually inserted are returned.
 */
async function insertLinks(deps: Deps, links: readonly NewLink[], now: Date): Promise<Set<string>> {
  return deps.db.transaction().execute(async (trx) => {
    await eraseFinishedSecrets(trx, links.map((l) => l.row));
    const rows = await trx.insertInto('portal_tokens').values(links.map(({ row, tokenId, secret, expiresAt }) => ({
      org_id: row.org_id, id: tokenId, candidate_id: row.candidate_id, token_hash: hashSecret(secret), created_by: null, created_at: now,
      expires_at: expiresAt, revoked_at: null, last_used_at: null, message_id: row.id, secret_sealed: deps.vault.sealText(secret, messageLinkContext(row)),
    }))).onConflict((oc) => oc.columns(['org_id', 'message_id']).where('revoked_at', 'is', null).doNothing()).returning('id').execute();
    const ids = new Set(rows.map((r) => r.id));
    await appendAudits(trx, links.filter((l) => ids.has(l.tokenId)).map(({ row, tokenId, expiresAt }) => ({
      orgId: row.org_id, actorKind: 'system' as const, actorId: null, action: 'issue', entity: 'portal_link', entityId: tokenId, candidateId: row.candidate_id,
      detail: { messageId: row.id, channel: row.channel, expiresAt: expiresAt.toISOString() }, at: now,
    })));
    return ids;
  });
}

/**
 * A retry, or another worker that took the message over and minted first: that token is
 * the one. A live token whose secret no longer opens was revoked by `findLiveLink`; one
 * more insert follows.
 */
async function reuseOrReplaceLink(deps: Deps, link: NewLink, now: Date): Promise<MessageLink | undefined> {
  const live = await findLiveLink(deps, link.row);
  if (live) return live;
  const again = { ...link, secret: generateSecret(), tokenId: randomUUID() };
  if ((await insertLinks(deps, [again], now)).has(again.tokenId)) return buildLink(deps, again.row, again.tokenId, again.secret);
  return findLiveLink(deps, link.row);
}

const buildLink = (deps: Deps, row: MessageRow, tokenId: string, secret: string): MessageLink => ({
  tokenId, secret, url: buildPortalUrl(deps, composeCredential(PORTAL_PREFIX, row.org_id, secret)), masked: buildMaskedPortalUrl(deps),
});

/**
 * The message's live token, rebuilt from its sealed secret. A live token whose secret is
 * gone or no longer opens (its key left the ring) cannot be sent again: it is revoked, and
 * the caller mints a new one, so there is still one live token for the message.
 */
async function findLiveLink(deps: Deps, row: MessageRow): Promise<MessageLink | undefined> {
  const token = await deps.db.selectFrom('portal_tokens').select(['id', 'secret_sealed'])
    .where('org_id', '=', row.org_id).where('message_id', '=', row.id).where('revoked_at', 'is', null).executeTakeFirst();
  if (!token) return undefined;
  const secret = openSecret(deps, row, token.secret_sealed);
  if (secret === undefined) {
    await deps.db.updateTable('portal_tokens').set(revokedLink(deps.clock.now())).where('org_id', '=', row.org_id).where('id', '=', token.id).execute();
    return undefined;
  }
  return buildLink(deps, row, token.id, secret);
}

function openSecret(deps: Deps, row: MessageRow, sealed: string | null): string | undefined {
  if (!sealed) return undefined;
  try {
    return deps.vault.openText(sealed, messageLinkContext(row));
  } catch {
    return undefined;
  }
}

/**
 * Drops the sealed secrets of these candidates' message links that no attempt will send
 * again (message finished, or link revoked by any path), so they live only as long as
 * needed. Rows another transaction holds are skipped rather than waited for (that one
 * revokes or erases them, or the next message does): two workers erasing overlapping
 * candidates never deadlock.
 */
async function eraseFinishedSecrets(db: Kysely<Database>, rows: readonly MessageRow[]): Promise<void> {
  const byOrg = new Map<string, Set<string>>();
  for (const r of rows) byOrg.set(r.org_id, (byOrg.get(r.org_id) ?? new Set()).add(r.candidate_id));
  const finished = db.selectFrom('portal_tokens as t').select(['t.org_id', 't.id'])
    .where((eb) => eb.or([...byOrg].map(([orgId, candidateIds]) => eb.and([eb('t.org_id', '=', orgId), eb('t.candidate_id', 'in', [...candidateIds])]))))
    .where('t.secret_sealed', 'is not', null)
    .where((eb) => eb.or([
      eb('t.revoked_at', 'is not', null),
      eb.exists(eb.selectFrom('outbound_messages as m').select('m.id')
        .whereRef('m.org_id', '=', 't.org_id').whereRef('m.id', '=', 't.message_id').whereRef('m.candidate_id', '=', 't.candidate_id')
        .where('m.status', 'in', FINISHED)),
    ]))
    .forUpdate().skipLocked();
  await db.updateTable('portal_tokens').set({ secret_sealed: null })
    .where((eb) => eb(eb.refTuple('org_id', 'id'), 'in', finished.$asTuple('org_id', 'id'))).execute();
}

/** Replaces the link (and, should it appear on its own, the secret) with the masked form. */
export function maskMessageLink(text: string, link: MessageLink | undefined): string {
  if (!link) return text;
  return text.replaceAll(link.url, link.masked).replaceAll(link.secret, '••••••••');
}

/** The delivery as it may be stored (outbox row, timeline, portal inbox): the link masked. */
export function maskDelivery(delivery: Delivery, link: MessageLink | undefined): Delivery {
  if (!link) return delivery;
  const { record } = delivery;
  return { ...delivery, record: { ...record, subject: maskMessageLink(record.subject, link), bodyText: maskMessageLink(record.bodyText, link) } };
}
