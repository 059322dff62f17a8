/**
 * Staff channels (DESIGN §4): the group robots that get the daily digest summary and
 * escalations. Org admins add, edit, remove and test them; credentials are sealed at rest
 * and never returned. Every change is audited without the credentials.
 */
import { randomUUID } from 'node:crypto';
import {
  MAX_STAFF_CHANNELS, zUpdateStaffChannelFor, type TCreateStaffChannel, type TStaffChannel, type TUpdateStaffChannel,
} from '../../contracts/staff-channels.js';
import type { Principal } from '../../core/access/candidate-scope.js';
import { appendAudit } from '../../adapters/db/repos/audit-repo.js';
import type { SendResult } from '../../adapters/channels/index.js';
import { describeActor, requirePermission } from '../actor.js';
import type { Deps, RequestContext } from '../deps.js';
import { AppError, conflict, invalid, notFound } from '../errors.js';
import { readSettingsObject } from '../reminders/reminder-settings.js';
import {
  buildStaffChannelAdapter, presentStaffChannel, readStoredStaffChannels, sealStaffChannel, sealStaffSecret, sealStaffWebhook,
  type StoredStaffChannel,
} from './staff-channel-store.js';
import { buildTestText } from './staff-channel-texts.js';

async function loadChannels(deps: Deps, orgId: string): Promise<StoredStaffChannel[]> {
  const org = await deps.db.selectFrom('orgs').select('settings').where('org_id', '=', orgId).executeTakeFirst();
  if (!org) throw notFound('organisation');
  return readStoredStaffChannels(readSettingsObject(org.settings));
}

/** The organisation's robots, credentials masked (org admins). */
export async function listStaffChannels(deps: Deps, p: Principal): Promise<{ items: TStaffChannel[] }> {
  requirePermission(p, 'settings.manage');
  return { items: (await loadChannels(deps, p.orgId)).map(presentStaffChannel) };
}

/** What the audit log keeps of a robot: never its credentials, only whether they changed. */
const describeChannel = (c: StoredStaffChannel) => ({
  kind: c.kind, name: c.name, events: c.events, language: c.language, webhookHint: c.webhookHint, hasSecret: c.sealedSecret !== null,
});

/** The audit detail of a change: the robot as it is (added, removed) or the fields that changed, before and after. */
function describeChange(before: StoredStaffChannel | undefined, after: StoredStaffChannel | undefined): Record<string, unknown> {
  if (!before || !after) {
    const subject = before ?? after;
    return subject ? describeChannel(subject) : {};
  }
  const was = describeChannel(before);
  const is = describeChannel(after);
  const fields = (Object.keys(is) as Array<keyof typeof is>).filter((k) => JSON.stringify(was[k]) !== JSON.stringify(is[k]));
  return {
    kind: after.kind, name: after.name, fields,
    // A new webhook may keep the hint (same key ending); a new secret keeps `hasSecret`: say so.
    webhookChanged: before.sealedWebhook !== after.sealedWebhook, secretChanged: before.sealedSecret !== after.sealedSecret,
    before: Object.fromEntries(fields.map((k) => [k, was[k]])), after: Object.fromEntries(fields.map((k) => [k, is[k]])),
  };
}

/**
 * Read-modify-write of the robot list under a row lock, with one audit entry; nothing is
 * written when the list comes back unchanged. Returns the robot after the change.
 */
async function changeChannels(
  deps: Deps, p: Principal, ctx: RequestContext, action: 'create' | 'update' | 'delete', entityId: string,
  change: (list: StoredStaffChannel[]) => StoredStaffChannel[],
): Promise<StoredStaffChannel | undefined> {
  return deps.db.transaction().execute(async (trx) => {
    const org = await trx.selectFrom('orgs').select('settings').where('org_id', '=', p.orgId).forUpdate().executeTakeFirst();
    if (!org) throw notFound('organisation');
    const raw = readSettingsObject(org.settings);
    const before = readStoredStaffChannels(raw);
    const after = change(before);
    const subject = { before: before.find((c) => c.id === entityId), after: after.find((c) => c.id === entityId) };
    if (JSON.stringify(before) === JSON.stringify(after)) return subject.after;
    await trx.updateTable('orgs').set({ settings: JSON.stringify({ ...raw, staffChannels: after }) }).where('org_id', '=', p.orgId).execute();
    await appendAudit(trx, {
      orgId: p.orgId, ...describeActor(p), action, entity: 'staff_channel', entityId,
      detail: describeChange(subject.before, subject.after), ip: ctx.ip, at: deps.clock.now(),
    });
    return subject.after;
  });
}

/** Adds a robot (org admins). */
export async function createStaffChannel(deps: Deps, p: Principal, input: TCreateStaffChannel, ctx: RequestContext): Promise<TStaffChannel> {
  requirePermission(p, 'settings.manage');
  const stored = sealStaffChannel(deps, p.orgId, randomUUID(), input);
  await changeChannels(deps, p, ctx, 'create', stored.id, (list) => {
    if (list.length >= MAX_STAFF_CHANNELS) throw conflict(`at most ${MAX_STAFF_CHANNELS} staff channels`);
    return [...list, stored];
  });
  return presentStaffChannel(stored);
}

/**
 * Edits a robot (org admins): name, posts, language, and a new webhook or secret (sealed
 * like the first ones; left out, the saved ones stay). Checked against the saved robot's
 * provider with the contract's rules; a robot of another organisation is not found.
 */
export async function updateStaffChannel(
  deps: Deps, p: Principal, id: string, input: TUpdateStaffChannel, ctx: RequestContext,
): Promise<TStaffChannel> {
  requirePermission(p, 'settings.manage');
  const updated = await changeChannels(deps, p, ctx, 'update', id, (list) => list.map((c) => {
    if (c.id !== id) return c;
    const checked = zUpdateStaffChannelFor(presentStaffChannel(c)).safeParse(input);
    if (!checked.success) {
      const issue = checked.error.issues[0]!;
      const field = issue.path.join('.');
      throw invalid(field, `${field}: ${issue.message}`);
    }
    const v = checked.data;
    return {
      ...c,
      ...(v.name !== undefined ? { name: v.name } : {}),
      ...(v.events !== undefined ? { events: [...v.events] } : {}),
      ...(v.language !== undefined ? { language: v.language } : {}),
      ...(v.webhookUrl !== undefined ? sealStaffWebhook(deps, p.orgId, id, c.kind, v.webhookUrl) : {}),
      ...(v.secret !== undefined ? { sealedSecret: v.secret === null ? null : sealStaffSecret(deps, p.orgId, id, v.secret) } : {}),
    };
  }));
  if (!updated) throw notFound('staff channel');
  return presentStaffChannel(updated);
}

/** Removes a robot (org admins). */
export async function deleteStaffChannel(deps: Deps, p: Principal, id: string, ctx: RequestContext): Promise<{ ok: true }> {
  requirePermission(p, 'settings.manage');
  await changeChannels(deps, p, ctx, 'delete', id, (list) => {
    if (!list.some((c) => c.id === id)) throw notFound('staff channel');
    return list.filter((c) => c.id !== id);
  });
  return { ok: true };
}

/** Turns a provider refusal into an error the admin can act on (never a 500). */
export function describeSendFailure(result: Exclude<SendResult, { status: 'sent' }>): AppError {
  const provider = result.providerCode ? ` (provider code ${result.providerCode})` : '';
  return new AppError(502, `channel_${result.code}`, `the provider refused the message: ${result.message}${provider}`);
}

/** Sends a short test message to a robot and reports the provider's answer (org admins). */
export async function testStaffChannel(
  deps: Deps, p: Principal, id: string, ctx: RequestContext,
): Promise<{ ok: true; providerMessageId: string | null }> {
  requirePermission(p, 'settings.manage');
  const channel = (await loadChannels(deps, p.orgId)).find((c) => c.id === id);
  if (!channel) throw notFound('staff channel');
  const text = buildTestText(channel.language, channel.name);
  let result: SendResult;
  try {
    result = await buildStaffChannelAdapter(deps, p.orgId, channel).send({ to: [], text }, { idempotencyKey: `staff-channel-test-${randomUUID()}` });
  } catch (err) {
    result = { status: 'permanent', code: 'adapter_error', message: err instanceof Error ? err.message : String(err) };
  }
  await appendAudit(deps.db, {
    orgId: p.orgId, ...describeActor(p), action: result.status === 'sent' ? 'test' : 'test_failed', entity: 'staff_channel', entityId: id,
    detail: result.status === 'sent' ? {} : { code: result.code, message: result.message }, ip: ctx.ip, at: deps.clock.now(),
  });
  if (result.status !== 'sent') throw describeSendFailure(result);
  return { ok: true, providerMessageId: result.providerMessageId };
}
