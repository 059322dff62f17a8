/**
 * "My data" (DESIGN §5): what the company holds, downloads (JSON and a readable page),
 * contact corrections applied at once, other corrections and deletion as requests to HR
 * (with the SLA), and consents with a withdraw button. Every destructive action asks
 * first, inline (no browser dialogs), and everything shown goes in as text.
 */
import type { TPortalMyData } from '../../src/contracts/privacy.js';
import { h } from './dom.js';
import { buildStatusLine, describeError, formatInstant } from './extras-kit.js';
import type { Lang } from './i18n.js';
import type { ViewContext } from './views.js';

const WORDS = {
  'zh-CN': {
    title: '我的数据', intro: '这里可以查看、下载和更正我们保存的您的个人信息，撤回同意，或要求删除。',
    heldTitle: '我们保存了什么', name: '姓名', email: '邮箱', phone: '手机',
    held: { offers: 'Offer 版本', touches: '沟通记录', messages: '发给您的消息', consents: '同意记录', documents: '上传的材料', pulses: '心情反馈', tasks: '与您有关的待办', auditEntries: '访问与修改记录' } as Record<string, string>,
    downloadTitle: '下载我的数据', downloadIntro: '下载后的文件包含我们保存的全部信息。', json: '下载 JSON', html: '下载可读网页（HTML）', downloaded: '已开始下载。',
    correctTitle: '更正联系方式', correctIntro: '保存后立即生效，之后的消息会使用新的信息。', save: '保存', saved: '已保存。', unchanged: '没有需要保存的变化。',
    otherTitle: '更正其他信息', otherLabel: '需要更正什么？', otherSend: '发给 HR', otherSent: (d: string) => `已收到，HR 会在 ${d} 前处理。`, otherEmpty: '请写下需要更正的内容。',
    wording: '同意内容', consentsTitle: '我的同意', noConsents: '您目前没有有效的同意。', withdraw: '撤回', withdrawn: '已撤回。', until: (d: string) => `有效期至 ${d}`,
    kinds: { sensitive_info: '敏感个人信息处理', background_check: '背景调查授权', talent_pool: '人才库' } as Record<string, string>,
    confirmWithdraw: (k: string) => `确定撤回「${k}」吗？撤回后相关处理将停止。`,
    sensitiveNote: '撤回后，已上传的敏感材料将被删除。',
    deleteTitle: '删除我的数据',
    deleteIntro: (sla: number, keep: number) => `提出后，HR 会在 ${sla} 天内答复。同意删除后，我们会把您的姓名、联系方式和所有文字内容匿名化，删除上传的材料，您的门户链接也将失效；只保留不能识别您的统计数字。已入职员工的员工名册等法律要求保存的信息可能无法删除，HR 会说明理由。未入职的候选人信息在流程结束 ${keep} 天后也会自动匿名化。`,
    deleteAsk: '要求删除', confirmDelete: '确定要求删除您的个人信息吗？', yes: '确定', cancel: '取消',
    deleteSent: (d: string) => `已收到您的删除请求，HR 会在 ${d} 前答复。`,
    requestsTitle: '我的请求', kindNames: { export: '导出', correction: '更正', deletion: '删除' } as Record<string, string>,
    statusNames: { open: '处理中', done: '已完成', refused: '未执行' } as Record<string, string>, due: (d: string) => `答复期限 ${d}`,
    failed: '出了点问题，请稍后再试。',
  },
  'en-US': {
    title: 'My data', intro: 'See, download and correct the personal data we hold about you, withdraw consents, or ask us to delete it.',
    heldTitle: 'What we hold', name: 'Name', email: 'Email', phone: 'Phone',
    held: { offers: 'Offer versions', touches: 'Timeline entries', messages: 'Messages sent to you', consents: 'Consent records', documents: 'Uploaded documents', pulses: 'Feedback', tasks: 'Tasks about you', auditEntries: 'Access and change records' } as Record<string, string>,
    downloadTitle: 'Download my data', downloadIntro: 'The file holds everything we keep about you.', json: 'Download JSON', html: 'Download readable page (HTML)', downloaded: 'Your download has started.',
    correctTitle: 'Correct my contact details', correctIntro: 'Saved at once; our next messages use them.', save: 'Save', saved: 'Saved.', unchanged: 'Nothing changed.',
    otherTitle: 'Correct something else', otherLabel: 'What should we correct?', otherSend: 'Send to HR', otherSent: (d: string) => `Received. HR will handle it by ${d}.`, otherEmpty: 'Please say what should be corrected.',
    wording: 'What you agreed to', consentsTitle: 'My consents', noConsents: 'You have no consent in force.', withdraw: 'Withdraw', withdrawn: 'Withdrawn.', until: (d: string) => `Valid until ${d}`,
    kinds: { sensitive_info: 'Sensitive personal information', background_check: 'Background-check authorization', talent_pool: 'Talent pool' } as Record<string, string>,
    confirmWithdraw: (k: string) => `Withdraw “${k}”? The processing that depends on it stops.`,
    sensitiveNote: 'Your uploaded sensitive documents will be deleted.',
    deleteTitle: 'Delete my data',
    deleteIntro: (sla: number, keep: number) => `HR will answer within ${sla} days. If they agree, we anonymise your name, contact details and every text about you, delete your uploaded documents and your portal link stops working; only statistics that cannot identify you remain. Records the law requires us to keep (such as the employee register once you have started) may be kept, and HR will tell you why. Candidates who do not join are anonymised automatically ${keep} days after the process ends.`,
    deleteAsk: 'Ask for deletion', confirmDelete: 'Ask us to delete your personal data?', yes: 'Yes', cancel: 'Cancel',
    deleteSent: (d: string) => `We have your deletion request; HR will answer by ${d}.`,
    requestsTitle: 'My requests', kindNames: { export: 'Export', correction: 'Correction', deletion: 'Deletion' } as Record<string, string>,
    statusNames: { open: 'In progress', done: 'Done', refused: 'Not carried out' } as Record<string, string>, due: (d: string) => `Answer due ${d}`,
    failed: 'Something went wrong. Please try again.',
  },
};
type Words = (typeof WORDS)['en-US'];
const ACTIONS_STYLE = 'display:flex;flex-wrap:wrap;gap:8px;margin:8px 0';
const COUNTS_STYLE = 'display:grid;grid-template-columns:1fr 1fr;gap:4px 12px;list-style:none;padding:0;font-size:0.9375rem';

/** An inline "are you sure?" that replaces the trigger until answered. */
function confirmInline(w: Words, trigger: HTMLButtonElement, question: string, onYes: () => Promise<void>) {
  const box = h('div', { class: 'pb-confirm', role: 'group', 'aria-label': question },
    h('p', { text: question }));
  const yes = h('button', { type: 'button', class: 'pb-button', text: w.yes });
  const no = h('button', { type: 'button', class: 'pb-button pb-button-quiet', text: w.cancel });
  const close = () => { box.replaceWith(trigger); trigger.focus(); };
  yes.addEventListener('click', async () => { yes.disabled = true; no.disabled = true; await onYes(); if (box.isConnected) box.replaceWith(trigger); });
  no.addEventListener('click', close);
  box.append(h('div', { class: 'pb-actions', style: ACTIONS_STYLE }, yes, no));
  trigger.replaceWith(box);
  yes.focus();
}

async function download(ctx: ViewContext, format: 'json' | 'html') {
  const res = await fetch(`/api/v1/portal/my-data/export?format=${format}`, { credentials: 'omit', headers: { authorization: `Portal ${ctx.api.credential}` } });
  if (!res.ok) throw Object.assign(new Error(res.statusText), { status: res.status });
  const name = /filename="([^"]+)"/.exec(res.headers.get('content-disposition') ?? '')?.[1] ?? `my-data.${format}`;
  const url = URL.createObjectURL(await res.blob());
  const a = h('a', { href: url, download: name, hidden: true });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

function card(id: string, title: string, ...children: (Node | null)[]) {
  return h('section', { class: 'pb-card', 'aria-labelledby': id }, h('h2', { id, text: title }), ...children);
}

function field(id: string, label: string, value: string, type: string) {
  return [h('label', { for: id, text: label }), h('input', { id, name: id, class: 'pb-input', type, value, autocomplete: id === 'pb-md-email' ? 'email' : id === 'pb-md-phone' ? 'tel' : 'name' })];
}

function render(ctx: ViewContext, root: HTMLElement, data: TPortalMyData) {
  const w = WORDS[ctx.lang as Lang];
  const tz = ctx.me.site.timezone;
  const when = (iso: string) => formatInstant(iso, ctx.lang, tz);
  const reload = () => load(ctx, root);

  const held = h('div', { 'data-testid': 'my-data-held' },
    h('dl', { class: 'pb-facts' },
      ...[[w.name, data.fullName], [w.email, data.email || '—'], [w.phone, data.phone || '—']].flatMap(([k, v]) => [h('dt', { text: k! }), h('dd', { text: v! })])),
    h('ul', { class: 'pb-list', style: COUNTS_STYLE },
      ...Object.entries(data.held).map(([k, n]) => h('li', {}, h('span', { class: 'pb-muted', text: `${w.held[k] ?? k}: ` }), h('strong', { text: String(n) })))));

  const dl = buildStatusLine('my-data-download-status');
  const dlButton = (format: 'json' | 'html', text: string) => h('button', {
    type: 'button', class: 'pb-button pb-button-quiet', 'data-testid': `download-${format}`, text,
    onclick: async () => {
      try { await download(ctx, format); dl.show(w.downloaded, 'ok'); } catch (err) { ctx.onFailure(err); dl.show(w.failed, 'error'); }
    },
  });

  const contact = buildStatusLine('my-data-contact-status');
  const contactForm = h('form', { class: 'pb-form', novalidate: true, 'data-testid': 'my-data-contact' },
    ...field('pb-md-name', w.name, data.fullName, 'text'), ...field('pb-md-email', w.email, data.email, 'email'),
    ...field('pb-md-phone', w.phone, data.phone, 'tel'),
    h('button', { type: 'submit', class: 'pb-button', text: w.save }), contact.status);
  contactForm.addEventListener('submit', async (e) => {
    e.preventDefault();
    const value = (id: string) => (contactForm.querySelector<HTMLInputElement>(`#${id}`)!.value).trim();
    const patch: Record<string, string> = {};
    if (value('pb-md-name') !== data.fullName) patch.fullName = value('pb-md-name');
    if (value('pb-md-email') !== data.email) patch.email = value('pb-md-email');
    if (value('pb-md-phone') !== data.phone) patch.phone = value('pb-md-phone');
    if (!Object.keys(patch).length) { contact.show(w.unchanged, 'ok'); return; }
    try {
      await ctx.api.request('POST', '/my-data/contact', patch);
      contact.show(w.saved, 'ok');
      Object.assign(data, { fullName: value('pb-md-name'), email: value('pb-md-email'), phone: value('pb-md-phone') });
    } catch (err) {
      ctx.onFailure(err);
      contact.show(describeError(err, w.failed), 'error');
    }
  });

  const other = buildStatusLine('my-data-other-status');
  const otherText = h('textarea', { id: 'pb-md-other', name: 'detail', rows: 3, maxlength: 2000 });
  const otherForm = h('form', { class: 'pb-form', novalidate: true },
    h('label', { for: 'pb-md-other', text: w.otherLabel }), otherText, h('button', { type: 'submit', class: 'pb-button pb-button-quiet', text: w.otherSend }), other.status);
  otherForm.addEventListener('submit', async (e) => {
    e.preventDefault();
    if (!otherText.value.trim()) { other.show(w.otherEmpty, 'error'); otherText.focus(); return; }
    try {
      const r = await ctx.api.request<{ dueAt: string }>('POST', '/my-data/requests', { kind: 'correction', detail: otherText.value.trim() });
      otherText.value = '';
      other.show(w.otherSent(when(r.dueAt)), 'ok');
    } catch (err) { ctx.onFailure(err); other.show(describeError(err, w.failed), 'error'); }
  });

  const consentStatus = buildStatusLine('my-data-consent-status');
  const live = data.consents.filter((c) => c.active);
  const consents = h('ul', { class: 'pb-messages', 'data-testid': 'my-data-consents' }, ...(live.length ? live.map((c) => {
    const kind = w.kinds[c.kind] ?? c.kind;
    const button = h('button', { type: 'button', class: 'pb-button pb-button-quiet', 'data-testid': `withdraw-${c.kind}`, text: w.withdraw });
    button.addEventListener('click', () => confirmInline(w, button, `${w.confirmWithdraw(kind)}${c.kind === 'sensitive_info' ? ` ${w.sensitiveNote}` : ''}`, async () => {
      try { await ctx.api.request('POST', `/my-data/consents/${c.kind}/withdraw`); consentStatus.show(w.withdrawn, 'ok'); reload(); } catch (err) { ctx.onFailure(err); consentStatus.show(w.failed, 'error'); }
    }));
    return h('li', { class: 'pb-message' },
      h('h3', { class: 'pb-message-subject', text: kind }),
      h('p', { class: 'pb-message-meta', text: c.expiresAt ? w.until(when(c.expiresAt)) : when(c.givenAt) }),
      h('details', {}, h('summary', { text: w.wording }), h('p', { class: 'pb-wording', text: c.wordingText })),
      button);
  }) : [h('li', { class: 'pb-muted', text: w.noConsents })]));

  const del = buildStatusLine('my-data-delete-status');
  const openDeletion = data.requests.find((r) => r.kind === 'deletion' && r.status === 'open');
  const deleteButton = h('button', { type: 'button', class: 'pb-button', 'data-testid': 'ask-deletion', text: w.deleteAsk, disabled: Boolean(openDeletion) });
  deleteButton.addEventListener('click', () => confirmInline(w, deleteButton, w.confirmDelete, async () => {
    try {
      const r = await ctx.api.request<{ dueAt: string }>('POST', '/my-data/requests', { kind: 'deletion' });
      deleteButton.disabled = true;
      del.show(w.deleteSent(when(r.dueAt)), 'ok');
    } catch (err) { ctx.onFailure(err); del.show(describeError(err, w.failed), 'error'); }
  }));

  const requests = data.requests.filter((r) => r.kind !== 'export' || r.status !== 'done').length
    ? h('ul', { class: 'pb-messages', 'data-testid': 'my-data-requests' }, ...data.requests.filter((r) => r.kind !== 'export').map((r) => h('li', { class: 'pb-message' },
      h('p', { class: 'pb-message-meta', text: `${w.kindNames[r.kind]} · ${w.statusNames[r.status]} · ${r.status === 'open' ? w.due(when(r.dueAt)) : when(r.resolvedAt ?? r.requestedAt)}` }),
      r.resolutionNote ? h('p', { class: 'pb-message-body', text: r.resolutionNote }) : null)))
    : null;

  root.replaceChildren(
    h('section', { class: 'pb-card pb-hero', 'aria-labelledby': 'pb-md-title' }, h('h1', { id: 'pb-md-title', text: w.title }), h('p', { text: w.intro })),
    card('pb-md-held', w.heldTitle, held),
    card('pb-md-download', w.downloadTitle, h('p', { text: w.downloadIntro }), h('div', { class: 'pb-actions', style: ACTIONS_STYLE }, dlButton('json', w.json), dlButton('html', w.html)), dl.status),
    card('pb-md-correct', w.correctTitle, h('p', { class: 'pb-muted', text: w.correctIntro }), contactForm),
    card('pb-md-other-title', w.otherTitle, otherForm),
    card('pb-md-consents', w.consentsTitle, consents, consentStatus.status),
    card('pb-md-delete', w.deleteTitle, h('p', { text: w.deleteIntro(data.slaDays, data.retentionDays) }),
      openDeletion ? h('p', { class: 'pb-status pb-status-ok', text: w.deleteSent(when(openDeletion.dueAt)) }) : null, deleteButton, del.status),
    ...(requests ? [card('pb-md-requests', w.requestsTitle, requests)] : []),
  );
}

function load(ctx: ViewContext, root: HTMLElement) {
  root.setAttribute('aria-busy', 'true');
  ctx.api.request<TPortalMyData>('GET', '/my-data').then((data) => {
    render(ctx, root, data);
    root.setAttribute('aria-busy', 'false');
  }, ctx.onFailure);
}

export function renderMyData(ctx: ViewContext): HTMLElement {
  const root = h('div', { 'data-testid': 'my-data' });
  load(ctx, root);
  return root;
}
