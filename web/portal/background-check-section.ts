/** Background-check authorization (DESIGN §5): scope, vendor and items in full; agree with a typed name; withdraw. */
import type { TPortalBackgroundCheck } from '../../src/contracts/portal-extras.js';
import { h } from './dom.js';
import { buildStatusLine, describeError, formatInstant } from './extras-kit.js';
import type { Lang } from './i18n.js';
import type { ViewContext } from './views.js';

const WORDS = {
  'zh-CN': {
    title: '背景调查授权', intro: '我们会在开始背景调查前征得您的书面授权。请完整阅读以下内容。', vendor: '调查机构', items: '调查事项', wording: '授权书全文',
    agree: '我已阅读并同意以上授权内容', name: '请输入您的全名以确认', send: '确认授权', sending: '提交中…',
    needAgree: '请先勾选同意。', needName: '请输入您的全名。', done: '已收到您的授权，谢谢！',
    given: (at: string) => `您已于 ${at} 授权。`, withdrawnAt: (at: string) => `您已于 ${at} 撤回授权，背景调查已停止。`,
    withdraw: '撤回授权', withdrawHint: '撤回后，背景调查将停止；已完成的部分不受影响。', withdrawn: '已撤回授权。', failed: '提交没有成功，请稍后再试。',
  },
  'en-US': {
    title: 'Background check authorization', intro: 'We ask for your written authorization before any background check starts. Please read all of it.', vendor: 'Carried out by', items: 'What is checked', wording: 'Full text of the authorization',
    agree: 'I have read and agree to the authorization above', name: 'Type your full name to confirm', send: 'Authorize', sending: 'Sending…',
    needAgree: 'Please tick the box to agree first.', needName: 'Please type your full name.', done: 'Thank you, we have your authorization.',
    given: (at: string) => `You authorized this on ${at}.`, withdrawnAt: (at: string) => `You withdrew your authorization on ${at}; the check has stopped.`,
    withdraw: 'Withdraw authorization', withdrawHint: 'Withdrawing stops the check; parts already completed are not affected.', withdrawn: 'Your authorization is withdrawn.', failed: 'That did not go through. Please try again.',
  },
};

function render(ctx: ViewContext, data: TPortalBackgroundCheck, root: HTMLElement) {
  const w = WORDS[ctx.lang as Lang];
  const tz = ctx.me.site.timezone;
  const live = data.authorization && !data.authorization.withdrawnAt ? data.authorization : null;
  const { status, show } = buildStatusLine('bgc-status');
  const scope = h('section', { class: 'pb-card', 'aria-labelledby': 'pb-bgc-title' },
    h('h1', { id: 'pb-bgc-title', text: w.title }), h('p', { text: w.intro }),
    h('dl', { class: 'pb-facts' }, h('dt', { text: w.vendor }), h('dd', { 'data-testid': 'bgc-vendor', text: data.vendor }), h('dt', { text: w.items }),
      h('dd', {}, h('ul', { class: 'pb-list' }, ...data.items.map((item) => h('li', { text: item }))))),
    h('h2', { text: w.wording }),
    h('p', { class: 'pb-wording', 'data-testid': 'bgc-wording', text: data.wording }));
  let action: HTMLElement;
  if (live) {
    const button = h('button', { type: 'button', class: 'pb-button pb-button-quiet', text: w.withdraw });
    button.addEventListener('click', async () => {
      button.disabled = true;
      try {
        await ctx.api.request('DELETE', '/background-check');
        show(w.withdrawn, 'ok');
        await load(ctx, root);
      } catch (err) { ctx.onFailure(err); show(describeError(err, w.failed), 'error'); button.disabled = false; }
    });
    action = h('section', { class: 'pb-card' }, h('p', { class: 'pb-status-ok', 'data-testid': 'bgc-given', text: w.given(formatInstant(live.givenAt, ctx.lang, tz)) }),
      h('p', { class: 'pb-muted', text: w.withdrawHint }), button, status);
  } else {
    const agree = h('input', { type: 'checkbox', id: 'pb-bgc-agree', name: 'agree' });
    const name = h('input', { type: 'text', id: 'pb-bgc-name', name: 'typedName', class: 'pb-input', autocomplete: 'name', maxlength: 200 });
    const button = h('button', { type: 'submit', class: 'pb-button', text: w.send });
    const form = h('form', { class: 'pb-form', novalidate: true },
      h('div', { class: 'pb-check' }, agree, h('label', { for: 'pb-bgc-agree', text: w.agree })),
      h('label', { for: 'pb-bgc-name', text: w.name }), name, button, status);
    form.addEventListener('submit', async (e) => {
      e.preventDefault();
      if (!agree.checked) { show(w.needAgree, 'error'); agree.focus(); return; }
      if (!name.value.trim()) { show(w.needName, 'error'); name.focus(); return; }
      button.disabled = true; button.textContent = w.sending;
      try {
        await ctx.api.request('POST', '/background-check', { agree: true, typedName: name.value.trim(), wordingVersion: data.wordingVersion });
        await load(ctx, root);
        root.querySelector<HTMLElement>('[data-testid="bgc-given"]')?.focus();
        root.querySelector('[data-testid="bgc-status"]')?.replaceChildren(w.done);
      } catch (err) {
        ctx.onFailure(err);
        show(describeError(err, w.failed), 'error');
        button.disabled = false; button.textContent = w.send;
      }
    });
    const past = data.authorization?.withdrawnAt ? h('p', { class: 'pb-muted', text: w.withdrawnAt(formatInstant(data.authorization.withdrawnAt, ctx.lang, tz)) }) : null;
    action = h('section', { class: 'pb-card' }, past, form);
  }
  root.replaceChildren(scope, action);
  root.setAttribute('aria-busy', 'false');
}

async function load(ctx: ViewContext, root: HTMLElement) {
  render(ctx, await ctx.api.request<TPortalBackgroundCheck>('GET', '/background-check'), root);
}

export function renderBackgroundCheck(ctx: ViewContext): HTMLElement {
  const root = h('div', { 'aria-busy': 'true', 'data-testid': 'background-check' });
  load(ctx, root).catch(ctx.onFailure);
  return root;
}
