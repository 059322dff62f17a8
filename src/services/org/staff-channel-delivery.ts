/**
 * Posts the daily digest summary and escalations to the organisation's staff group
 * robots. Kept off the email path: a robot failure is logged and audited, never thrown.
 * Each post is recorded in the audit log under `<channel id>:<post key>`; a post whose key
 * is already there is not sent again, so a retried digest run does not post twice.
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { SendResult } from '../../adapters/channels/index.js';
import { appendAudit } from '../../adapters/db/repos/audit-repo.js';
import type { TStaffChannelEvent } from '../../contracts/staff-channels.js';
import type { Deps } from '../deps.js';
import { readSettingsObject } from '../reminders/reminder-settings.js';
import { buildStaffChannelAdapter, readStoredStaffChannels, type StoredStaffChannel } from './staff-channel-store.js';
import type { StaffTexts } from './staff-channel-texts.js';

export interface StaffPost {
  event: TStaffChannelEvent;
  /** Stable per logical post (e.g. `digest:2026-11-25`): the idempotency key. */
  key: string;
  /** The post in each language; each robot gets the one it was set to. */
  texts: StaffTexts;
}

export interface StaffPostCounts {
  sent: number;
  failed: number;
  skipped: number;
}

async function listTargets(deps: Deps, orgId: string, event: TStaffChannelEvent): Promise<StoredStaffChannel[]> {
  const org = await deps.db.selectFrom('orgs').select('settings').where('org_id', '=', orgId).executeTakeFirst();
  return org ? readStoredStaffChannels(readSettingsObject(org.settings)).filter((c) => c.events.includes(event)) : [];
}

/**
 * Posts to one robot unless this post is already recorded. The check, the send and the
 * record run under a transaction-scoped advisory lock on the post key, so two workers
 * finishing the same digest day at once post it only once.
 */
async function postOnce(deps: Deps, orgId: string, channel: StoredStaffChannel, post: StaffPost): Promise<keyof StaffPostCounts> {
  const entityId = `${channel.id}:${post.key}`;
  return deps.db.transaction().execute(async (trx) => {
    await sql`SELECT pg_advisory_xact_lock(hashtext(${`staff-channel-post:${orgId}:${entityId}`}))`.execute(trx);
    const earlier = await trx.selectFrom('audit_log').select('id')
      .where('org_id', '=', orgId).where('entity', '=', 'staff_channel_post').where('entity_id', '=', entityId).executeTakeFirst();
    if (earlier) return 'skipped';
    let result: SendResult;
    try {
      result = await buildStaffChannelAdapter(deps, orgId, channel).send({ to: [], text: post.texts[channel.language] }, { idempotencyKey: `${entityId}-${randomUUID()}` });
    } catch (err) {
      result = { status: 'permanent', code: 'adapter_error', message: err instanceof Error ? err.message : String(err) };
    }
    const failure = result.status === 'sent' ? null : { code: result.code, message: result.message };
    if (failure) console.warn(`staff channel ${channel.id} (${channel.kind}) refused ${post.key}: ${failure.code}: ${failure.message}`);
    await appendAudit(trx, {
      orgId, actorKind: 'system', actorId: null, action: failure ? 'failed' : 'sent', entity: 'staff_channel_post', entityId,
      detail: { event: post.event, ...failure }, at: deps.clock.now(),
    });
    return failure ? 'failed' : 'sent';
  });
}

/** Posts to every robot of the org subscribed to the event; never throws. */
export async function postToStaffChannels(deps: Deps, orgId: string, post: StaffPost): Promise<StaffPostCounts> {
  const counts: StaffPostCounts = { sent: 0, failed: 0, skipped: 0 };
  try {
    for (const channel of await listTargets(deps, orgId, post.event)) {
      const outcome = await postOnce(deps, orgId, channel, post);
      counts[outcome] += 1;
    }
  } catch (err) {
    // The digest and escalation paths must go on whatever happens here.
    console.warn(`staff channel delivery for org ${orgId} failed: ${err instanceof Error ? err.message : String(err)}`);
    counts.failed += 1;
  }
  return counts;
}
