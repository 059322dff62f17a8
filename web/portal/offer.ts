/**
 * "Your updated offer": after an agreed change of pay (salary adjustment) the new version
 * waits for the candidate's acceptance. The section shows only then: the new terms beside
 * the ones they accepted, and one button to accept. Text goes in through textContent only.
 */
import type { TPortalOffer } from '../../src/contracts/exception-flows.js';
import type { PortalApi } from './api.js';
import { h } from './dom.js';
import { buildStatusLine, describeError, formatLocalDate } from './extras-kit.js';
import type { Lang } from './i18n.js';
import type { ViewContext } from './views.js';

const WORDS = {
  'zh-CN': {
    title: '更新后的录用通知', intro: (v: number) => `我们按照和您沟通的结果更新了录用通知（第 ${v} 版）。请核对下面的内容，确认无误后点击接受；接受后之前的版本不再适用。`,
    term: '项目', now: '更新后', before: '之前接受的', position: '岗位', start: '入职日期', monthly: '月度基本工资', months: '每年发放月数',
    accept: (v: number) => `接受第 ${v} 版录用通知`, sending: '提交中…', done: '已确认接受，谢谢！HR 会收到通知。', failed: '提交没有成功，请稍后再试。',
  },
  'en-US': {
    title: 'Your updated offer', intro: (v: number) => `We have updated your offer as agreed with you (version ${v}). Please check the terms below and accept them; once you do, they replace the earlier version.`,
    term: 'Term', now: 'Updated', before: 'You accepted', position: 'Position', start: 'Start date', monthly: 'Monthly base pay', months: 'Months paid a year',
    accept: (v: number) => `Accept offer version ${v}`, sending: 'Sending…', done: 'Accepted — thank you! HR will be told.', failed: 'That did not go through. Please try again.',
  },
};

let current: TPortalOffer | null = null;

/** Reads whether a changed offer waits for acceptance (before the tabs are drawn). */
export async function loadPendingOffer(api: PortalApi): Promise<void> {
  current = await api.request<TPortalOffer>('GET', '/offer');
}

export const hasPendingOffer = (): boolean => current?.pending != null;

const money = (value: string | undefined | null, currency: string, lang: Lang) =>
  value == null ? '—' : new Intl.NumberFormat(lang, { style: 'currency', currency, maximumFractionDigits: 2 }).format(Number(value));

const months = (value: string | null | undefined) => (value == null ? '—' : String(Number(value)));

export function renderOffer(ctx: ViewContext): HTMLElement {
  const w = WORDS[ctx.lang];
  const offer = current;
  const pending = offer?.pending;
  if (!offer || !pending) return h('section', { class: 'pb-card' }, h('h1', { text: w.title }));
  const before = offer.accepted;
  const currency = pending.salary?.currency ?? before?.salary?.currency ?? 'CNY';
  const row = (label: string, now: string, was: string | undefined) => h('tr', {},
    h('th', { scope: 'row', text: label }), h('td', { text: now }), before ? h('td', { text: was ?? '—' }) : null);
  const table = h('table', { class: 'pb-offer-table', 'data-testid': 'offer-terms' },
    h('thead', {}, h('tr', {}, h('th', { scope: 'col', text: w.term }), h('th', { scope: 'col', text: w.now }), before ? h('th', { scope: 'col', text: w.before }) : null)),
    h('tbody', {},
      row(w.position, pending.positionTitle, before?.positionTitle),
      row(w.start, formatLocalDate(pending.startDate, ctx.lang), before ? formatLocalDate(before.startDate, ctx.lang) : undefined),
      row(w.monthly, money(pending.salary?.monthly, currency, ctx.lang), before ? money(before.salary?.monthly, currency, ctx.lang) : undefined),
      row(w.months, months(pending.salary?.months), before ? months(before.salary?.months) : undefined)));
  const button = h('button', { type: 'button', class: 'pb-button', 'data-testid': 'accept-offer', text: w.accept(pending.version) });
  const { status, show } = buildStatusLine('offer-status');
  button.addEventListener('click', async () => {
    button.disabled = true;
    button.textContent = w.sending;
    try {
      await ctx.api.request('POST', '/offer/accept', { version: pending.version });
      show(w.done, 'ok');
      button.remove();
      current = { pending: null, accepted: { ...pending } };
    } catch (err) {
      ctx.onFailure(err);
      show(describeError(err, w.failed), 'error');
      button.disabled = false;
      button.textContent = w.accept(pending.version);
    }
  });
  return h('section', { class: 'pb-card', 'aria-labelledby': 'pb-offer-title' },
    h('h1', { id: 'pb-offer-title', text: w.title }),
    h('p', { text: w.intro(pending.version) }),
    table, button, status);
}
