/**
 * Staff channels (DESIGN §4): WeCom, DingTalk and Feishu group robots that receive the
 * daily digest summary and escalations. The webhook URL and signing secret are
 * credentials: the server stores them sealed and only ever returns a masked hint.
 */
import { z } from 'zod';
import { zShortText } from './common.js';

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

export const ZCreateStaffChannel = z.strictObject({
  kind: ZStaffChannelKind,
  name: zShortText(100),
  webhookUrl: z.string().trim().min(1).max(500),
  /** The robot's signing secret: required by DingTalk, optional for Feishu, unused by WeCom. */
  secret: z.string().trim().min(1).max(200).optional(),
  events: z.array(ZStaffChannelEvent).min(1).max(STAFF_CHANNEL_EVENTS.length)
    .refine((e) => new Set(e).size === e.length, 'events must not repeat'),
}).superRefine((v, ctx) => {
  // Zod may run this on a value whose other fields failed: check only what is well-formed.
  if (!(STAFF_CHANNEL_KINDS as readonly unknown[]).includes(v.kind) || typeof v.webhookUrl !== 'string') return;
  const parsed = parseStaffWebhook(v.kind, v.webhookUrl);
  if (typeof parsed === 'string') ctx.addIssue({ code: 'custom', path: ['webhookUrl'], message: parsed });
  if (v.kind === 'dingtalk' && !v.secret) ctx.addIssue({ code: 'custom', path: ['secret'], message: 'DingTalk robots need their signing secret (SEC…)' });
  if (v.kind === 'wecom' && v.secret) ctx.addIssue({ code: 'custom', path: ['secret'], message: 'WeCom group robots have no signing secret' });
});
export type TCreateStaffChannel = z.infer<typeof ZCreateStaffChannel>;

/** A configured robot as the API shows it: credentials masked. */
export const ZStaffChannel = z.object({
  id: z.uuid(),
  kind: ZStaffChannelKind,
  name: z.string(),
  /** The provider host and the last 4 characters of the robot key, e.g. `oapi.dingtalk.com …abcd`. */
  webhookHint: z.string(),
  hasSecret: z.boolean(),
  events: z.array(ZStaffChannelEvent),
});
export type TStaffChannel = z.infer<typeof ZStaffChannel>;

export const ZStaffChannelList = z.object({ items: z.array(ZStaffChannel) });

export const ZStaffChannelTestResult = z.object({
  ok: z.literal(true),
  /** The provider's message id when it gives one. */
  providerMessageId: z.string().nullable(),
});
