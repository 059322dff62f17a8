/**
 * The portal's sections, in navigation order. A feature adds itself with one import and
 * one entry here; its words live in its own module as `{ 'zh-CN': …, 'en-US': … }`, so
 * each section carries only what it needs.
 */
import type { TPortalMe } from './api.js';
import type { Lang } from './i18n.js';
import { renderAsk, renderMessages, renderPulse, renderWelcome, type ViewContext } from './views.js';
import { renderChecklist } from './checklist.js';
import { renderLogistics } from './logistics-section.js';
import { renderBackgroundCheck } from './background-check-section.js';
import { renderFaq } from './faq-section.js';
import { renderChanges } from './changes-section.js';
import { EXITED, renderThanks } from './thanks-section.js';
import { renderMyData } from './my-data.js';
import { hasPendingOffer, loadPendingOffer, renderOffer } from './offer.js';

export interface Section {
  id: string;
  label: Record<Lang, string>;
  render(ctx: ViewContext): HTMLElement;
  /** Whether the section applies to this candidate (default: always). */
  shows?(me: TPortalMe): boolean;
  /** Stays once the candidate has said they will not join (read-only sections); the others then hide. */
  keepsAfterExit?: boolean;
  /** Loads what `shows` needs before the tabs are drawn (and again on reload). */
  prepare?(api: import('./api.js').PortalApi): Promise<void>;
}

export const SECTIONS: Section[] = [
  { id: 'thanks', label: { 'zh-CN': '谢谢', 'en-US': 'Thank you' }, render: renderThanks, shows: (me) => EXITED.includes(me.status), keepsAfterExit: true },
  { id: 'welcome', label: { 'zh-CN': '欢迎', 'en-US': 'Welcome' }, render: renderWelcome },
  { id: 'offer', label: { 'zh-CN': '新版 Offer', 'en-US': 'Updated offer' }, render: renderOffer, shows: hasPendingOffer, prepare: loadPendingOffer },
  { id: 'messages', label: { 'zh-CN': '消息', 'en-US': 'Messages' }, render: renderMessages, keepsAfterExit: true },
  { id: 'checklist', label: { 'zh-CN': '清单', 'en-US': 'Checklist' }, render: renderChecklist },
  { id: 'ask', label: { 'zh-CN': '提问', 'en-US': 'Ask' }, render: renderAsk },
  { id: 'pulse', label: { 'zh-CN': '心情', 'en-US': 'Feeling' }, render: renderPulse },
  { id: 'logistics', label: { 'zh-CN': '报到', 'en-US': 'Arrival' }, render: renderLogistics },
  { id: 'background-check', label: { 'zh-CN': '背调授权', 'en-US': 'Background check' }, render: renderBackgroundCheck, shows: (me) => me.backgroundCheck },
  { id: 'faq', label: { 'zh-CN': '常见问题', 'en-US': 'FAQ' }, render: renderFaq },
  { id: 'changes', label: { 'zh-CN': '有变化', 'en-US': 'Changes' }, render: renderChanges },
  { id: 'my-data', label: { 'zh-CN': '我的数据', 'en-US': 'My data' }, render: renderMyData, keepsAfterExit: true },
];
