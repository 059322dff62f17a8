/**
 * The portal's sections, in navigation order. A feature adds itself with one import and
 * one entry here; its words live in its own module as `{ 'zh-CN': …, 'en-US': … }`, so
 * each section carries only what it needs.
 */
import type { TPortalMe } from './api.js';
import type { Lang } from './i18n.js';
import { renderAsk, renderMessages, renderPulse, renderWelcome, type ViewContext } from './views.js';

export interface Section {
  id: string;
  label: Record<Lang, string>;
  render(ctx: ViewContext): HTMLElement;
  /** Whether the section applies to this candidate (default: always). */
  shows?(me: TPortalMe): boolean;
}

export const SECTIONS: Section[] = [
  { id: 'welcome', label: { 'zh-CN': '欢迎', 'en-US': 'Welcome' }, render: renderWelcome },
  { id: 'messages', label: { 'zh-CN': '消息', 'en-US': 'Messages' }, render: renderMessages },
  { id: 'ask', label: { 'zh-CN': '提问', 'en-US': 'Ask' }, render: renderAsk },
  { id: 'pulse', label: { 'zh-CN': '心情', 'en-US': 'Feeling' }, render: renderPulse },
];
