/**
 * "Add to calendar": the .ics files come from the API with the portal header, so they are
 * fetched and offered as Blob links (a plain href could not carry the credential).
 */
import { h } from './dom.js';
import { formatInstant } from './extras-kit.js';
import type { Lang } from './i18n.js';
import type { ViewContext } from './views.js';

const WORDS = {
  'zh-CN': {
    title: '加入日历', intro: '下载后用手机日历打开即可添加。', kinds: { 'first-day': '入职报到', 'preonboarding-meeting': '预入职沟通会' } as Record<string, string>,
    download: (what: string) => `下载「${what}」日历文件`, preparing: '准备中…', failed: '下载没有成功，请稍后再试。',
  },
  'en-US': {
    title: 'Add to your calendar', intro: 'Download and open with your phone’s calendar to add it.', kinds: { 'first-day': 'First day', 'preonboarding-meeting': 'Pre-onboarding meeting' } as Record<string, string>,
    download: (what: string) => `Download “${what}” calendar file`, preparing: 'Preparing…', failed: 'The download did not work. Please try again.',
  },
};

interface Entry { kind: string; start: string; end: string; title: string }

async function fetchIcs(credential: string, kind: string): Promise<Blob> {
  const res = await fetch(`/api/v1/portal/calendar/${encodeURIComponent(kind)}`, { credentials: 'omit', headers: { authorization: `Portal ${credential}` } });
  if (!res.ok) throw new Error(String(res.status));
  return new Blob([await res.text()], { type: 'text/calendar' });
}

export function renderCalendarLinks(ctx: ViewContext, timeZone: string): HTMLElement {
  const w = WORDS[ctx.lang as Lang];
  const list = h('ul', { class: 'pb-calendar', 'data-testid': 'calendar-links' });
  const status = h('p', { class: 'pb-status', role: 'status', 'aria-live': 'polite' });
  ctx.api.request<{ items: Entry[] }>('GET', '/calendar').then(({ items }) => {
    list.replaceChildren(...items.map((entry) => {
      const name = w.kinds[entry.kind] ?? entry.title;
      const link = h('a', { class: 'pb-button pb-button-quiet', href: '#', 'data-kind': entry.kind, download: `${entry.kind}.ics`, text: w.download(name) });
      // First tap fetches the file and turns the link into a Blob download; later taps reuse it.
      link.addEventListener('click', async (e) => {
        if (link.dataset.ready === 'true') return;
        e.preventDefault();
        link.textContent = w.preparing;
        try {
          link.href = URL.createObjectURL(await fetchIcs(ctx.api.credential, entry.kind));
          link.dataset.ready = 'true';
          link.textContent = w.download(name);
          link.click();
        } catch (err) {
          ctx.onFailure(err);
          link.textContent = w.download(name);
          status.textContent = w.failed;
        }
      });
      return h('li', {}, h('p', { class: 'pb-calendar-when', text: `${name} · ${formatInstant(entry.start, ctx.lang, timeZone)}` }), link);
    }));
  }, ctx.onFailure);
  return h('section', { class: 'pb-card', 'aria-labelledby': 'pb-calendar-title' },
    h('h2', { id: 'pb-calendar-title', text: w.title }), h('p', { class: 'pb-muted', text: w.intro }), list, status);
}
