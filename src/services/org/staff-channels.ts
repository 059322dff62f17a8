/**
 * Staff channels (DESIGN §4): the group robots that get the daily digest summary and
 * escalations. Org admins add, remove and test them; credentials are sealed at rest and
 * never returned. Every change is audited without the credentials.
 */
import { randomUUID } from 'node:crypto';
import { MAX_STAFF_CHANNELS, type TCreateStaffChannel, type TStaffChannel } from '../../contracts/staff-channels.js';
import type { Principal } from '../../core/access/candidate-scope.js';
import { appendAudit } from '../../adapters/db/repos/audit-repo.js';
import type { SendResult } from '../../adapters/channels/index.js';
import { describeActor, requirePermission } from '../actor.js';
import type { Deps, RequestContext } from '../deps.js';
import { AppError, conflict, notFound } from '../errors.js';
import { readSettingsObject } from '../reminders/reminder-settings.js';
import { buildStaffChannelAdapter, presentStaffChannel, readStoredStaffChannels, sealStaffChannel, type StoredStaffChannel } from './staff-channel-store.js';

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

/** Read-modify-write of the robot list under a row lock, with one audit entry. */
async function changeChannels(
  deps: Deps, p: Principal, ctx: RequestContext, action: 'create' | 'delete', entityId: string,
  change: (list: StoredStaffChannel[]) => StoredStaffChannel[],
): Promise<void> {
  await deps.db.transaction().execute(async (trx) => {
    const org = await trx.selectFrom('orgs').select('settings').where('org_id', '=', p.orgId).forUpdate().executeTakeFirst();
    if (!org) throw notFound('organisation');
    const raw = readSettingsObject(org.settings);
    const before = readStoredStaffChannels(raw);
    const after = change(before);
    await trx.updateTable('orgs').set({ settings: JSON.stringify({ ...raw, staffChannels: after }) }).where('org_id', '=', p.orgId).execute();
    const subject = [...before, ...after].find((c) => c.id === entityId);
    await appendAudit(trx, {
      orgId: p.orgId, ...describeActor(p), action, entity: 'staff_channel', entityId,
      detail: subject ? { kind: subject.kind, name: subject.name, events: subject.events, webhookHint: subject.webhookHint } : {},
      ip: ctx.ip, at: deps.clock.now(),
    });
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
  const text = `Preboard: test message for "${channel.name}". Staff reminders will appear here.\nPreboard：「${channel.name}」测试消息，员工提醒将发送到这里。`;
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
