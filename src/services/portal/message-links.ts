import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../../adapters/db/schema.js';
import { appendAudit } from '../../adapters/db/repos/audit-repo.js';
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
  if (!LINK_CHANNELS.has(row.channel) || row.step_ids.includes(LOGIN_CODE_STEP)) return undefined;
  // Without an adapter the message only waits in the outbox: a link no one receives is not minted.
  if (!deps.channels?.[row.channel as 'email' | 'sms']) return undefined;
  const expiresAt = computePortalLinkExpiry(ctx.candidate.start_date, ctx.site.timezone);
  if (expiresAt.getTime() <= now.getTime()) return undefined;
  return insertOrReuseLink(deps, row, expiresAt, now, true);
}

/**
 * Inserts first (the common case: a first attempt) in one short transaction; on a
 * conflict the message already has a live token, which is reused. A reused token whose
 * secret cannot be opened is revoked by `findLiveLink`, and one more insert follows.
 */
async function insertOrReuseLink(deps: Deps, row: MessageRow, expiresAt: Date, now: Date, mayRetry: boolean): Promise<MessageLink | undefined> {
  const secret = generateSecret();
  const tokenId = randomUUID();
  const minted = await deps.db.transaction().execute(async (trx) => {
    await eraseFinishedSecrets(trx, row);
    const inserted = await trx.insertInto('portal_tokens').values({
      org_id: row.org_id, id: tokenId, candidate_id: row.candidate_id, token_hash: hashSecret(secret), created_by: null, created_at: now,
      expires_at: expiresAt, revoked_at: null, last_used_at: null, message_id: row.id, secret_sealed: deps.vault.sealText(secret, messageLinkContext(row)),
    }).onConflict((oc) => oc.columns(['org_id', 'message_id']).where('revoked_at', 'is', null).doNothing()).returning('id').executeTakeFirst();
    if (!inserted) return false;
    await appendAudit(trx, {
      orgId: row.org_id, actorKind: 'system', actorId: null, action: 'issue', entity: 'portal_link', entityId: tokenId, candidateId: row.candidate_id,
      detail: { messageId: row.id, channel: row.channel, expiresAt: expiresAt.toISOString() }, at: now,
    });
    return true;
  });
  if (minted) return buildLink(deps, row, tokenId, secret);
  // A retry, or another worker that took the message over and minted first: that token is the one.
  const live = await findLiveLink(deps, row);
  if (live || !mayRetry) return live;
  return insertOrReuseLink(deps, row, expiresAt, now, false);
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
 * Drops the sealed secrets of this candidate's message links that no attempt will send
 * again (message finished, or link revoked by any path), so they live only as long as needed.
 */
async function eraseFinishedSecrets(db: Kysely<Database>, row: MessageRow): Promise<void> {
  await db.updateTable('portal_tokens').set({ secret_sealed: null })
    .where('org_id', '=', row.org_id).where('candidate_id', '=', row.candidate_id).where('secret_sealed', 'is not', null)
    .where((eb) => eb.or([
      eb('revoked_at', 'is not', null),
      eb('message_id', 'in', eb.selectFrom('outbound_messages').select('id')
        .where('org_id', '=', row.org_id).where('candidate_id', '=', row.candidate_id).where('status', 'in', FINISHED)),
    ])).execute();
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
