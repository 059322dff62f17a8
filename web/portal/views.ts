/** The four portal pages, built from data with textContent only. */
import type { PortalApi, TPortalMe, TPortalMessage } from './api.js';
import { h, isSafeUrl } from './dom.js';
import type { Dict, Lang } from './i18n.js';

export interface ViewContext {
  api: PortalApi; me: TPortalMe; t: Dict; lang: Lang; onFailure(err: unknown): void;
  /** Reloads the candidate's record and redraws (after a change of status). */
  refresh?(): void;
}

const formatDate = (localDate: string, lang: Lang) =>
  new Intl.DateTimeFormat(lang, { dateStyle: 'full', timeZone: 'UTC' }).format(new Date(`${localDate}T00:00:00Z`));
const formatTime = (iso: string, lang: Lang, timeZone: string) =>
  new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(new Date(iso));

const fact = (label: string, value: string | Node) => [h('dt', { text: label }), h('dd', {}, value)];

export function renderWelcome({ me, t, lang }: ViewContext): HTMLElement {
  const { site } = me;
  const arrival = h('dl', { class: 'pb-facts' },
    ...fact(t.arriveAt, site.arrivalTime),
    ...(site.address ? fact(t.address, site.address) : []),
    ...(site.receptionInfo ? fact(t.reception, site.receptionInfo) : []),
    ...(site.parking ? fact(t.parking, site.parking) : []),
    ...(site.transport ? fact(t.transport, site.transport) : []));
  const people = h('ul', { class: 'pb-people' }, ...me.contacts.map((c) => {
    const digits = c.phone.replace(/[^\d+]/g, '');
    return h('li', { class: 'pb-person' },
      h('span', { class: 'pb-person-role', text: c.role === 'hr' ? t.roleHr : t.roleManager }),
      h('span', { class: 'pb-person-name', text: c.name }),
      digits ? h('a', { class: 'pb-button pb-button-quiet', href: `tel:${digits}`, 'aria-label': t.call(c.name), text: c.phone }) : null);
  }));
  return h('div', {},
    h('section', { class: 'pb-card pb-hero', 'aria-labelledby': 'pb-hello' },
      h('h1', { id: 'pb-hello', text: t.hello(me.firstName) }),
      h('p', { text: t.joining(me.position, me.department) }),
      h('p', { class: 'pb-countdown', 'data-testid': 'countdown', text: t.countdown(me.daysUntilStart) }),
      h('p', {}, h('span', { class: 'pb-muted', text: `${t.startDate}: ` }), h('strong', { 'data-testid': 'start-date', text: formatDate(me.startDate, lang) }))),
    h('section', { class: 'pb-card', 'aria-labelledby': 'pb-arrival' },
      h('h2', { id: 'pb-arrival', text: t.arrival }),
      h('p', { class: 'pb-site', text: site.name }),
      arrival,
      isSafeUrl(site.mapUrl) ? h('a', { class: 'pb-button', href: site.mapUrl, target: '_blank', rel: 'noopener noreferrer', text: t.openMap }) : null),
    me.contacts.length ? h('section', { class: 'pb-card', 'aria-labelledby': 'pb-people' }, h('h2', { id: 'pb-people', text: t.people }), people) : null);
}

function renderMessage(m: TPortalMessage, ctx: ViewContext): HTMLElement {
  const { t, lang, me } = ctx;
  const who = m.kind === 'question' ? t.yourQuestion : m.kind === 'answer' ? t.answer : t.fromUs;
  return h('li', { class: `pb-message pb-message-${m.kind}` },
    h('p', { class: 'pb-message-meta' },
      h('span', { text: who }), ' · ', h('span', { text: t.channel[m.channel] ?? m.channel }), ' · ',
      h('time', { datetime: m.at, text: formatTime(m.at, lang, me.site.timezone) })),
    m.subject ? h('h3', { class: 'pb-message-subject', text: m.subject }) : null,
    h('p', { class: 'pb-message-body', text: m.body }));
}

export function renderMessages(ctx: ViewContext): HTMLElement {
  const list = h('ul', { class: 'pb-messages', 'aria-busy': 'true', 'data-testid': 'messages' });
  const section = h('section', { class: 'pb-card', 'aria-labelledby': 'pb-messages-title' }, h('h1', { id: 'pb-messages-title', text: ctx.t.messagesTitle }), list);
  ctx.api.messages().then(({ items }) => {
    list.replaceChildren(...(items.length ? items.map((m) => renderMessage(m, ctx)) : [h('li', { class: 'pb-muted', text: ctx.t.noMessages })]));
    list.setAttribute('aria-busy', 'false');
  }, ctx.onFailure);
  return section;
}

/** A form that posts once at a time and announces the outcome in a live region. */
function buildStatus() {
  const status = h('p', { class: 'pb-status', role: 'status', 'aria-live': 'polite', 'data-testid': 'form-status' });
  return {
    status,
    show(text: string, kind: 'ok' | 'error') { status.textContent = text; status.className = `pb-status pb-status-${kind}`; },
  };
}

export function renderAsk(ctx: ViewContext): HTMLElement {
  const { t } = ctx;
  const max = 2000;
  const field = h('textarea', { id: 'pb-question', name: 'text', rows: 6, maxlength: max, required: true, 'aria-describedby': 'pb-question-count' });
  const count = h('p', { id: 'pb-question-count', class: 'pb-muted pb-count', text: t.chars(0, max) });
  field.addEventListener('input', () => { count.textContent = t.chars(field.value.length, max); });
  const button = h('button', { type: 'submit', class: 'pb-button', text: t.askSend });
  const { status, show } = buildStatus();
  const form = h('form', { class: 'pb-form', novalidate: true },
    h('label', { for: 'pb-question', text: t.askLabel }), field, count, button, status);
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const text = field.value.trim();
    if (!text) { show(t.askEmpty, 'error'); field.focus(); return; }
    button.disabled = true; button.textContent = t.sending;
    try {
      await ctx.api.ask(text);
      field.value = ''; count.textContent = t.chars(0, max);
      show(t.askSent, 'ok');
    } catch (err) {
      ctx.onFailure(err);
      show(t.failed, 'error');
    } finally {
      button.disabled = false; button.textContent = t.askSend;
    }
  });
  return h('section', { class: 'pb-card', 'aria-labelledby': 'pb-ask-title' },
    h('h1', { id: 'pb-ask-title', text: t.askTitle }), h('p', { text: t.askIntro }), form);
}

export function renderPulse(ctx: ViewContext): HTMLElement {
  const { t } = ctx;
  const options = t.pulseScores.map((label, i) => {
    const id = `pb-score-${i + 1}`;
    return h('div', { class: 'pb-score' },
      h('input', { type: 'radio', name: 'score', id, value: i + 1 }),
      h('label', { for: id }, h('span', { class: 'pb-score-number', text: String(i + 1) }), h('span', { class: 'pb-score-label', text: label })));
  });
  const comment = h('textarea', { id: 'pb-comment', name: 'comment', rows: 3, maxlength: 500 });
  const button = h('button', { type: 'submit', class: 'pb-button', text: t.pulseSend });
  const { status, show } = buildStatus();
  const form = h('form', { class: 'pb-form', novalidate: true },
    h('fieldset', { class: 'pb-scores' }, h('legend', { text: t.pulseLegend }), ...options),
    h('label', { for: 'pb-comment', text: t.pulseComment }), comment, button, status);
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const picked = form.querySelector<HTMLInputElement>('input[name="score"]:checked');
    if (!picked) { show(t.pulsePick, 'error'); form.querySelector<HTMLInputElement>('input[name="score"]')?.focus(); return; }
    button.disabled = true; button.textContent = t.sending;
    try {
      await ctx.api.pulse(Number(picked.value), comment.value.trim());
      show(t.pulseSent, 'ok');
    } catch (err) {
      ctx.onFailure(err);
      show(t.failed, 'error');
    } finally {
      button.disabled = false; button.textContent = t.pulseSend;
    }
  });
  return h('section', { class: 'pb-card', 'aria-labelledby': 'pb-pulse-title' }, h('h1', { id: 'pb-pulse-title', text: t.pulseTitle }), form);
}
