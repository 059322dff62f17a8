/**
 * How staff channels live in `orgs.settings.staffChannels`: the robot's webhook URL and
 * signing secret sealed with the vault (bound to the org and the channel id, so a value
 * copied elsewhere does not open), plus a masked hint for display. Also builds the
 * channel adapter a stored robot sends through.
 */
import {
  createDingtalkRobotAdapter, createFeishuBotAdapter, createWecomRobotAdapter, type ChannelAdapter,
} from '../../adapters/channels/index.js';
import { ZLanguage, type TLanguage } from '../../contracts/common.js';
import {
  parseStaffWebhook, ZStaffChannelEvent, ZStaffChannelKind, type TCreateStaffChannel, type TStaffChannel, type TStaffChannelEvent,
  type TStaffChannelKind,
} from '../../contracts/staff-channels.js';
import type { Deps } from '../deps.js';

/** One robot as stored in the settings object. */
export interface StoredStaffChannel {
  id: string;
  kind: TStaffChannelKind;
  name: string;
  events: TStaffChannelEvent[];
  /** What the robot posts in; robots saved before languages were chosen post in zh-CN. */
  language: TLanguage;
  webhookHint: string;
  sealedWebhook: string;
  sealedSecret: string | null;
}

const sealContext = (orgId: string, id: string, what: 'webhook' | 'secret') => `staff-channel:${orgId}:${id}:${what}`;

/** The robots in a raw settings object; malformed entries are dropped rather than trusted. */
export function readStoredStaffChannels(raw: Record<string, unknown>): StoredStaffChannel[] {
  const list = Array.isArray(raw.staffChannels) ? raw.staffChannels as unknown[] : [];
  return list.flatMap((entry) => {
    const e = (entry ?? {}) as Record<string, unknown>;
    const kind = ZStaffChannelKind.safeParse(e.kind);
    const events = ZStaffChannelEvent.array().safeParse(e.events);
    const language = ZLanguage.safeParse(e.language);
    if (!kind.success || !events.success || typeof e.id !== 'string' || typeof e.sealedWebhook !== 'string') return [];
    return [{
      id: e.id, kind: kind.data, name: String(e.name ?? ''), events: events.data, language: language.success ? language.data : 'zh-CN',
      webhookHint: String(e.webhookHint ?? ''),
      sealedWebhook: e.sealedWebhook, sealedSecret: typeof e.sealedSecret === 'string' ? e.sealedSecret : null,
    }];
  });
}

/** The masked view of a stored robot. */
export function presentStaffChannel(c: StoredStaffChannel): TStaffChannel {
  return {
    id: c.id, kind: c.kind, name: c.name, webhookHint: c.webhookHint, hasSecret: c.sealedSecret !== null, events: c.events, language: c.language,
  };
}

/** A robot's webhook sealed for storage, with the masked hint shown instead. */
export function sealStaffWebhook(
  deps: Deps, orgId: string, id: string, kind: TStaffChannelKind, webhookUrl: string,
): Pick<StoredStaffChannel, 'webhookHint' | 'sealedWebhook'> {
  const parsed = parseStaffWebhook(kind, webhookUrl);
  if (typeof parsed === 'string') throw new Error(parsed); // the contract has checked it already
  return {
    webhookHint: `${new URL(parsed.baseUrl).host} …${parsed.robotKey.slice(-4)}`,
    sealedWebhook: deps.vault.sealText(webhookUrl, sealContext(orgId, id, 'webhook')),
  };
}

/** A robot's signing secret sealed for storage. */
export const sealStaffSecret = (deps: Deps, orgId: string, id: string, secret: string): string =>
  deps.vault.sealText(secret, sealContext(orgId, id, 'secret'));

/** Seals a new robot's credentials for storage. */
export function sealStaffChannel(deps: Deps, orgId: string, id: string, input: TCreateStaffChannel): StoredStaffChannel {
  return {
    id, kind: input.kind, name: input.name, events: [...input.events], language: input.language,
    ...sealStaffWebhook(deps, orgId, id, input.kind, input.webhookUrl),
    sealedSecret: input.secret ? sealStaffSecret(deps, orgId, id, input.secret) : null,
  };
}

/** Opens a stored robot's credentials and builds the adapter that posts to it. */
export function buildStaffChannelAdapter(deps: Deps, orgId: string, c: StoredStaffChannel): ChannelAdapter {
  const webhookUrl = deps.vault.openText(c.sealedWebhook, sealContext(orgId, c.id, 'webhook'));
  const secret = c.sealedSecret ? deps.vault.openText(c.sealedSecret, sealContext(orgId, c.id, 'secret')) : undefined;
  const parsed = parseStaffWebhook(c.kind, webhookUrl);
  if (typeof parsed === 'string') throw new Error(`stored ${c.kind} webhook is invalid: ${parsed}`);
  const clock = () => deps.clock.now().getTime();
  if (c.kind === 'wecom') return createWecomRobotAdapter({ baseUrl: parsed.baseUrl, key: parsed.robotKey, clock });
  if (c.kind === 'dingtalk') return createDingtalkRobotAdapter({ baseUrl: parsed.baseUrl, accessToken: parsed.robotKey, secret: secret ?? '', clock });
  return createFeishuBotAdapter({ baseUrl: parsed.baseUrl, hookId: parsed.robotKey, secret, clock });
}
