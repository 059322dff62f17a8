/**
 * The candidate portal: plain TypeScript and the DOM, no framework, so it stays light on
 * a phone on a slow network (budget: 100 KB of gzipped JS). Works under `script-src 'self'`.
 */
import { createPortalApi, forgetCredential, PortalError, readCredential, type PortalApi, type TPortalMe } from './api.js';
import { h } from './dom.js';
import { DICTS, type Lang } from './i18n.js';
import { renderAsk, renderMessages, renderPulse, renderWelcome, type ViewContext } from './views.js';

type Tab = 'welcome' | 'messages' | 'ask' | 'pulse';
const TABS: Tab[] = ['welcome', 'messages', 'ask', 'pulse'];
const VIEWS = { welcome: renderWelcome, messages: renderMessages, ask: renderAsk, pulse: renderPulse } satisfies Record<Tab, (c: ViewContext) => HTMLElement>;

const main = document.getElementById('pb-main')!;
const tabs = document.getElementById('pb-tabs')!;
const langBox = document.getElementById('pb-lang')!;
const orgName = document.getElementById('pb-org')!;

const browserLang = (): Lang => (navigator.language.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en-US');

const state: { api?: PortalApi; me?: TPortalMe; lang: Lang; tab: Tab } = { lang: browserLang(), tab: 'welcome' };

function showProblem(title: string, text: string, retry?: () => void) {
  tabs.hidden = true;
  langBox.replaceChildren();
  main.replaceChildren(h('section', { class: 'pb-card', role: 'alert' },
    h('h1', { text: title }), h('p', { text }),
    retry ? h('button', { type: 'button', class: 'pb-button', onclick: retry, text: DICTS[state.lang].retry }) : null));
}

function showExpired() {
  forgetCredential();
  const t = DICTS[state.lang];
  showProblem(t.expiredTitle, t.expired);
}

function onFailure(err: unknown) {
  if (err instanceof PortalError && err.status === 401) showExpired();
}

function renderTabs() {
  const t = DICTS[state.lang];
  const labels: Record<Tab, string> = { welcome: t.tabWelcome, messages: t.tabMessages, ask: t.tabAsk, pulse: t.tabPulse };
  tabs.setAttribute('aria-label', t.navLabel);
  tabs.replaceChildren(h('ul', {}, ...TABS.map((tab) => h('li', {},
    h('button', {
      type: 'button', class: 'pb-tab', 'data-tab': tab, 'aria-current': tab === state.tab ? 'page' : undefined, text: labels[tab],
      onclick: () => { state.tab = tab; render(); main.focus(); },
    })))));
  tabs.hidden = false;
}

function renderLanguageSwitch() {
  const t = DICTS[state.lang];
  const other = t.langOtherCode as Lang;
  langBox.replaceChildren(h('button', {
    type: 'button', class: 'pb-lang-button', lang: other, 'aria-label': `${t.langLabel}: ${t.langOther}`, text: t.langOther,
    onclick: async () => {
      state.lang = other;
      render();
      // The choice is also the language of later messages; the page has switched already.
      await state.api?.setLanguage(other).catch(onFailure);
    },
  }));
}

function render() {
  if (!state.api || !state.me) return;
  document.documentElement.lang = state.lang;
  document.title = `${state.me.orgName} · Preboard`;
  orgName.textContent = state.me.orgName;
  renderLanguageSwitch();
  renderTabs();
  main.replaceChildren(VIEWS[state.tab]({ api: state.api, me: state.me, t: DICTS[state.lang], lang: state.lang, onFailure }));
}

async function start() {
  document.documentElement.lang = state.lang;
  const credential = readCredential();
  const t = DICTS[state.lang];
  if (!credential) { showProblem(t.noLinkTitle, t.noLink); return; }
  state.api = createPortalApi(credential);
  try {
    state.me = await state.api.me();
  } catch (err) {
    if (err instanceof PortalError && err.status === 401) showExpired();
    else showProblem(t.failed, t.failed, () => void start());
    return;
  }
  state.lang = state.me.language;
  render();
}

void start();
