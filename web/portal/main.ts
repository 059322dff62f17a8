/**
 * The candidate portal: plain TypeScript and the DOM, no framework, so it stays light on
 * a phone on a slow network (budget: 100 KB of gzipped JS). Works under `script-src 'self'`.
 */
import { createPortalApi, forgetCredential, PortalError, readCredential, type PortalApi, type TPortalMe } from './api.js';
import { h } from './dom.js';
import { DICTS, type Lang } from './i18n.js';
import { SECTIONS } from './sections.js';
import { renderLostLink } from './lost-link.js';
import { EXITED } from './thanks-section.js';

const main = document.getElementById('pb-main')!;
const tabs = document.getElementById('pb-tabs')!;
const langBox = document.getElementById('pb-lang')!;
const orgName = document.getElementById('pb-org')!;

const browserLang = (): Lang => (navigator.language.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en-US');

const state: { api?: PortalApi; me?: TPortalMe; lang: Lang; tab: string } = { lang: browserLang(), tab: 'welcome' };

// Once the candidate has said they will not join, only the read-only sections stay.
const visibleSections = () => SECTIONS.filter((s) => !state.me
  || ((!EXITED.includes(state.me.status) || s.keepsAfterExit) && (!s.shows || s.shows(state.me))));

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
  offerLostLink();
}

/** The no-link and expired pages offer a new link by one-time code. */
function offerLostLink() {
  main.append(renderLostLink(state.lang, (credential) => {
    location.hash = `t=${encodeURIComponent(credential)}`;
    void start();
  }));
}

function onFailure(err: unknown) {
  if (err instanceof PortalError && err.status === 401) showExpired();
  // The process ended while this page was open (declined elsewhere, or the offer was
  // withdrawn): re-read the record, so the page closes to its read-only view.
  else if (err instanceof PortalError && err.code === 'process_closed') void reload();
}

function renderTabs() {
  const t = DICTS[state.lang];
  tabs.setAttribute('aria-label', t.navLabel);
  tabs.replaceChildren(h('ul', {}, ...visibleSections().map((section) => h('li', {},
    h('button', {
      type: 'button', class: 'pb-tab', 'data-tab': section.id, 'aria-current': section.id === state.tab ? 'page' : undefined,
      text: section.label[state.lang],
      onclick: () => { state.tab = section.id; render(); main.focus(); },
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
  const section = visibleSections().find((s) => s.id === state.tab) ?? visibleSections()[0] ?? SECTIONS[0]!;
  state.tab = section.id;
  main.replaceChildren(section.render({ api: state.api, me: state.me, t: DICTS[state.lang], lang: state.lang, onFailure, refresh: () => void reload() }));
}

/**
 * The record and every section's data, requested together: on a slow mobile link each
 * sequential request costs a round trip. A section that fails to load shows its own state.
 */
async function loadAll(api: PortalApi): Promise<TPortalMe> {
  const [me] = await Promise.all([api.me(), ...SECTIONS.map((s) => s.prepare?.(api).catch(() => undefined))]);
  return me;
}

async function start() {
  document.documentElement.lang = state.lang;
  const credential = readCredential();
  const t = DICTS[state.lang];
  if (!credential) { showProblem(t.noLinkTitle, t.noLink); offerLostLink(); return; }
  state.api = createPortalApi(credential);
  try {
    state.me = await loadAll(state.api);
  } catch (err) {
    if (err instanceof PortalError && err.status === 401) showExpired();
    else showProblem(t.failed, t.failed, () => void start());
    return;
  }
  state.lang = state.me.language;
  render();
}

/** Re-reads the record after a change of status (declining hides the action sections). */
async function reload() {
  if (!state.api) return;
  try {
    state.me = await loadAll(state.api);
    render();
    main.focus();
  } catch (err) {
    onFailure(err);
  }
}

void start();
