/** FAQ: the organisation's common questions, then the candidate's own questions with HR's answers. */
import type { TPortalFaq } from '../../src/contracts/portal-extras.js';
import { h } from './dom.js';
import { formatInstant } from './extras-kit.js';
import type { Lang } from './i18n.js';
import type { ViewContext } from './views.js';

const WORDS = {
  'zh-CN': { title: '常见问题', mine: '我的提问', none: '您还没有提问。有问题可以在“提问”里问 HR。', waiting: 'HR 会在一个工作日内回复。', answer: 'HR 回复' },
  'en-US': { title: 'Common questions', mine: 'Your questions', none: 'You have not asked anything yet. Use “Ask” to ask HR.', waiting: 'HR will answer within one business day.', answer: 'HR answer' },
};

export function renderFaq(ctx: ViewContext): HTMLElement {
  const w = WORDS[ctx.lang as Lang];
  const tz = ctx.me.site.timezone;
  const common = h('div', { class: 'pb-faq', 'data-testid': 'faq' });
  const mine = h('ul', { class: 'pb-messages', 'data-testid': 'my-questions' });
  ctx.api.request<TPortalFaq>('GET', '/faq').then((data) => {
    common.replaceChildren(...data.items.map((item) => h('details', { class: 'pb-faq-item' },
      h('summary', { text: item.question }), h('p', { class: 'pb-message-body', text: item.answer }))));
    mine.replaceChildren(...(data.questions.length ? data.questions.map((q) => h('li', { class: 'pb-message pb-message-question' },
      h('p', { class: 'pb-message-meta' }, h('time', { datetime: q.at, text: formatInstant(q.at, ctx.lang, tz) })),
      h('p', { class: 'pb-message-body', text: q.text }),
      ...(q.answers.length
        ? q.answers.map((a) => h('div', { class: 'pb-answer' }, h('p', { class: 'pb-message-meta', text: `${w.answer} · ${formatInstant(a.at, ctx.lang, tz)}` }), h('p', { class: 'pb-message-body', text: a.text })))
        : [h('p', { class: 'pb-muted', text: w.waiting })])))
      : [h('li', { class: 'pb-muted', text: w.none })]));
  }, ctx.onFailure);
  return h('div', {},
    h('section', { class: 'pb-card', 'aria-labelledby': 'pb-faq-title' }, h('h1', { id: 'pb-faq-title', text: w.title }), common),
    h('section', { class: 'pb-card', 'aria-labelledby': 'pb-mine-title' }, h('h2', { id: 'pb-mine-title', text: w.mine }), mine));
}
