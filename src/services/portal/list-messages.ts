import { sql } from 'kysely';
import type { TPortalMessage } from '../../contracts/portal.js';
import { ANSWER_STEP, LOGIN_CODE_STEP } from '../dispatch/direct-message.js';
import type { Deps } from '../deps.js';
import type { PortalPrincipal } from './portal-principal.js';

/** Statuses of messages that have reached (or, without a channel adapter, wait in) the candidate's inbox. */
const VISIBLE_STATUSES = ['sent', 'outbox'];
const INBOX_LIMIT = 200;
/**
 * Sent messages the inbox leaves out: an answer's notification repeats the answer the
 * inbox already shows (from its touch), and a login code is only for signing in.
 */
const NOT_IN_INBOX = [ANSWER_STEP, LOGIN_CODE_STEP];

/**
 * The candidate's inbox, newest first: every message we sent them on any channel, the
 * staff's answers given on the portal, and their own questions. Keyed by the link's
 * org and candidate only: there is no id a caller could change.
 */
export async function listPortalMessages(deps: Deps, who: PortalPrincipal): Promise<{ items: TPortalMessage[] }> {
  const [sent, touches] = await Promise.all([
    deps.db.selectFrom('outbound_messages').select(['id', 'channel', 'subject', 'body_text', 'sent_at', 'send_after'])
      .where('org_id', '=', who.orgId).where('candidate_id', '=', who.candidateId).where('status', 'in', VISIBLE_STATUSES)
      .where(sql<boolean>`NOT (step_ids && ${sql.val(NOT_IN_INBOX)}::text[])`)
      .orderBy('send_after', 'desc').limit(INBOX_LIMIT).execute(),
    deps.db.selectFrom('touches').select(['id', 'channel', 'direction', 'summary', 'content', 'occurred_at'])
      .where('org_id', '=', who.orgId).where('candidate_id', '=', who.candidateId).where('channel', '=', 'portal')
      .where('kind', '=', 'message').where('direction', 'in', ['inbound', 'outbound'])
      .orderBy('occurred_at', 'desc').limit(INBOX_LIMIT).execute(),
  ]);
  const items: TPortalMessage[] = [
    ...sent.map((m) => ({
      id: m.id, kind: 'message' as const, channel: m.channel, subject: m.subject, body: m.body_text,
      at: (m.sent_at ?? m.send_after).toISOString(),
    })),
    ...touches.map((t) => ({
      id: t.id, kind: t.direction === 'inbound' ? 'question' as const : 'answer' as const, channel: t.channel,
      subject: t.direction === 'inbound' ? '' : t.summary, body: t.content || t.summary, at: t.occurred_at.toISOString(),
    })),
  ];
  items.sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : a.id.localeCompare(b.id)));
  return { items: items.slice(0, INBOX_LIMIT) };
}
