/**
 * Staff channels (DESIGN §4): WeCom, DingTalk and Feishu group robots that receive the
 * daily digest summary and escalations. The webhook URL and signing secret are
 * credentials: the server stores them sealed and only ever returns a masked hint.
 */
import { z } from 'zod';
import { ZLanguage, zShortText } from './common.js';

export const STAFF_CHANNEL_KINDS = ['wecom', 'dingtalk', 'feishu'] as const;
export const ZStaffChannelKind = z.enum(STAFF_CHANNEL_KINDS);
export type TStaffChannelKind = z.infer<typeof ZStaffChannelKind>;

export const STAFF_CHANNEL_EVENTS = ['digest', 'escalation'] as const;
export const ZStaffChannelEvent = z.enum(STAFF_CHANNEL_EVENTS);
export type TStaffChannelEvent = z.infer<typeof ZStaffChannelEvent>;

/** Most robots an organisation may configure. */
export const MAX_STAFF_CHANNELS = 20;

/** Each provider's webhook host and path, and where the robot's key sits in the URL. */
const PROVIDERS: Record<TStaffChannelKind, { hosts: readonly string[]; path: RegExp; keyParam?: string }> = {
  wecom: { hosts: ['qyapi.weixin.qq.com'], path: /^\/cgi-bin\/webhook\/send$/, keyParam: 'key' },
  dingtalk: { hosts: ['oapi.dingtalk.com'], path: /^\/robot\/send$/, keyParam: 'access_token' },
  feishu: { hosts: ['open.feishu.cn', 'open.larksuite.com'], path: /^\/open-apis\/bot\/v2\/hook\/([A-Za-z0-9_-]{1,128})$/ },
};

/** Local addresses are accepted over plain http so tests can use local provider servers. */
const LOCAL_HOSTS = new Set(['127.0.0.1', 'localhost']);

/** Where to post and with which robot key: what the adapters take. */
export interface ParsedWebhook {
  baseUrl: string;
  /** WeCom `key`, DingTalk `access_token`, Feishu hook id. */
  robotKey: string;
}

/** Parses a robot webhook URL of the given provider; a string describing the problem when it is not one. */
export function parseStaffWebhook(kind: TStaffChannelKind, raw: string): ParsedWebhook | string {
  let url: URL;
  try { url = new URL(raw); } catch { return 'expected a URL'; }
  const provider = PROVIDERS[kind];
  const local = LOCAL_HOSTS.has(url.hostname);
  if (!local && url.protocol !== 'https:') return 'expected an https URL';
  if (local && url.protocol !== 'http:' && url.protocol !== 'https:') return 'expected an http(s) URL';
  if (!local && (!provider.hosts.includes(url.hostname) || url.port !== '')) return `expected a ${kind} webhook on ${provider.hosts.join(' or ')}`;
  if (url.username || url.password || url.hash) return 'the URL must not carry credentials or a fragment';
  const match = provider.path.exec(url.pathname);
  if (!match) return `expected a ${kind} robot webhook path`;
  const robotKey = provider.keyParam ? url.searchParams.get(provider.keyParam) ?? '' : match[1] ?? '';
  if (!/^[A-Za-z0-9_-]{1,128}$/.test(robotKey)) return `the URL must carry the robot's ${provider.keyParam ?? 'hook id'}`;
  return { baseUrl: url.origin, robotKey };
}

const zWebhookUrl = z.string().trim().min(1).max(500);
/** The robot's signing secret: required by DingTalk, optional for Feishu, unused by WeCom. */
const zSecret = z.string().trim().min(1).max(200);
const zEvents = z.array(ZStaffChannelEvent).min(1).max(STAFF_CHANNEL_EVENTS.length)
  .refine((e) => new Set(e).size === e.length, 'events must not repeat');

/**
 * The rules that depend on the provider, for adding and for editing: the webhook must be
 * the provider's (when one is given), DingTalk needs a secret, WeCom takes none.
 * `keepsSecret`: the robot has a secret after the change.
 */
function checkProvider(
  ctx: z.RefinementCtx, kind: TStaffChannelKind, change: { webhookUrl?: unknown; secret?: unknown; keepsSecret: boolean },
): void {
  if (typeof change.webhookUrl === 'string') {
    const parsed = parseStaffWebhook(kind, change.webhookUrl);
    if (typeof parsed === 'string') ctx.addIssue({ code: 'custom', path: ['webhookUrl'], message: parsed });
  }
  if (kind === 'dingtalk' && !change.keepsSecret) ctx.addIssue({ code: 'custom', path: ['secret'], message: 'DingTalk robots need their signing secret (SEC…)' });
  if (kind === 'wecom' && typeof change.secret === 'string') ctx.addIssue({ code: 'custom', path: ['secret'], message: 'WeCom group robots have no signing secret' });
}

export const ZCreateStaffChannel = z.strictObject({
  kind: ZStaffChannelKind,
  name: zShortText(100),
  webhookUrl: zWebhookUrl,
  secret: zSecret.optional(),
  events: zEvents,
  /** The language the robot posts in: the group's, not the admin's. */
  language: ZLanguage.default('zh-CN'),
}).superRefine((v, ctx) => {
  // Zod may run this on a value whose other fields failed: check only what is well-formed.
  if (!(STAFF_CHANNEL_KINDS as readonly unknown[]).includes(v.kind)) return;
  checkProvider(ctx, v.kind, { webhookUrl: v.webhookUrl, secret: v.secret, keepsSecret: Boolean(v.secret) });
});
export type TCreateStaffChannel = z.infer<typeof ZCreateStaffChannel>;

/**
 * An edit of a saved robot: only the fields that change. A left-out webhook or secret keeps
 * the stored (sealed) one; `secret: null` removes it. The provider cannot change: remove
 * the robot and add another. The provider's rules need the saved robot: `zUpdateStaffChannelFor`.
 */
export const ZUpdateStaffChannel = z.strictObject({
  name: zShortText(100).optional(),
  webhookUrl: zWebhookUrl.optional(),
  secret: zSecret.nullable().optional(),
  events: zEvents.optional(),
  language: ZLanguage.optional(),
});
export type TUpdateStaffChannel = z.infer<typeof ZUpdateStaffChannel>;

/** The edit schema for one saved robot: `ZUpdateStaffChannel` plus its provider's rules. */
export function zUpdateStaffChannelFor(saved: { kind: TStaffChannelKind; hasSecret: boolean }) {
  return ZUpdateStaffChannel.superRefine((v, ctx) => {
    const keepsSecret = v.secret === undefined ? saved.hasSecret : Boolean(v.secret);
    checkProvider(ctx, saved.kind, { webhookUrl: v.webhookUrl, secret: v.secret, keepsSecret });
  });
}

/** A configured robot as the API shows it: credentials masked. */
export const ZStaffChannel = z.object({
  id: z.uuid(),
  kind: ZStaffChannelKind,
  name: z.string(),
  /** The provider host and the last 4 characters of the robot key, e.g. `oapi.dingtalk.com …abcd`. */
  webhookHint: z.string(),
  hasSecret: z.boolean(),
  events: z.array(ZStaffChannelEvent),
  language: ZLanguage,
});
export type TStaffChannel = z.infer<typeof ZStaffChannel>;

export const ZStaffChannelList = z.object({ items: z.array(ZStaffChannel) });

export const ZStaffChannelTestResult = z.object({
  ok: z.literal(true),
  /** The provider's message id when it gives one. */
  providerMessageId: z.string().nullable(),
});
