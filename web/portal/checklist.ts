/**
 * The checklist section (入职准备清单): each item with its notes and why it is asked for;
 * "I have it ready", or upload a file for HR's pre-review with progress and clear errors.
 * Sensitive items (ID card, bank card, medical report) open their own consent screen
 * before the first upload; the consent can be withdrawn here, which deletes those files.
 */
import type {
  TChecklistItemView as Item, TChecklistView as View, TSensitiveConsentView as Consent,
} from '../../src/contracts/checklist.js';
import { PortalError } from './api.js';
import { h } from './dom.js';
import type { Lang } from './i18n.js';
import type { ViewContext } from './views.js';
import './checklist.css';

const WORDS = {
  'zh-CN': {
    title: '入职准备清单',
    intro: '报到前请准备好下面的材料。需要提前核对的，可以直接上传，HR 会尽快审核；其余的准备好后点「我已备好」即可。',
    progress: (done: number, all: number) => `已完成 ${done} / ${all} 项`,
    status: { pending: '待准备', ready: '已备好', submitted: '待审核', approved: '已通过', rejected: '需修改' } as Record<string, string>,
    why: '用途：', sensitive: '敏感信息：加密保存，仅负责您入职的 HR 可查看。', requested: 'HR 希望提前看到这份材料。',
    rejected: 'HR 的修改意见：', ready: '我已备好', notReady: '还没备好', upload: '上传文件', uploadMore: '再传一个文件',
    accepts: (types: string, mb: number) => `支持 ${types}，每个文件不超过 ${mb} MB。`,
    uploading: '正在上传', uploaded: '已上传，等待 HR 审核。', saved: '已更新。',
    tooBig: (mb: number) => `文件太大了：这一项每个文件不超过 ${mb} MB。`,
    badType: (types: string) => `这个文件的格式不支持，请上传 ${types} 文件。`,
    failed: '没有成功，请稍后再试。',
    consentTitle: '上传敏感材料前，请先阅读并同意', agree: '我同意并继续上传', notNow: '暂不上传',
    consentGiven: '您已同意处理敏感信息。', withdraw: '撤回同意并删除已上传的敏感材料',
    withdrawConfirm: '撤回后，已上传的身份证、银行卡、体检报告等文件会被删除，您需要在报到当天带纸质材料。确定撤回吗？',
    withdrawn: (n: number) => `已撤回同意，删除了 ${n} 个文件。`,
    files: '已上传的文件',
  },
  'en-US': {
    title: 'Your checklist',
    intro: 'Please have these ready before your first day. Upload what we can check in advance and HR will review it soon; for the rest, tap “I have it ready”.',
    progress: (done: number, all: number) => `${done} of ${all} done`,
    status: { pending: 'To do', ready: 'Ready', submitted: 'Waiting for review', approved: 'Approved', rejected: 'Needs a fix' } as Record<string, string>,
    why: 'Why we ask: ', sensitive: 'Sensitive: stored encrypted; only the HR staff handling your onboarding can open it.', requested: 'HR would like to see this in advance.',
    rejected: 'What HR asks you to fix: ', ready: 'I have it ready', notReady: 'Not ready yet', upload: 'Upload a file', uploadMore: 'Upload another file',
    accepts: (types: string, mb: number) => `${types}; up to ${mb} MB per file.`,
    uploading: 'Uploading', uploaded: 'Uploaded. HR will review it.', saved: 'Saved.',
    tooBig: (mb: number) => `This file is too large: up to ${mb} MB per file for this item.`,
    badType: (types: string) => `This kind of file is not accepted here. Please upload ${types}.`,
    failed: 'That did not work. Please try again.',
    consentTitle: 'Before you upload sensitive documents', agree: 'I agree — continue the upload', notNow: 'Not now',
    consentGiven: 'You have agreed to the processing of sensitive information.', withdraw: 'Withdraw consent and delete my sensitive files',
    withdrawConfirm: 'Your uploaded ID card, bank card and medical report files will be deleted, and you may need to bring paper copies on your first day. Withdraw?',
    withdrawn: (n: number) => `Consent withdrawn; ${n} file(s) deleted.`,
    files: 'Uploaded files',
  },
};
type Words = (typeof WORDS)['zh-CN'];

const TYPE_NAMES: Record<string, string> = { 'application/pdf': 'PDF', 'image/jpeg': 'JPEG', 'image/png': 'PNG', 'image/heic': 'HEIC' };
const typeList = (item: Item) => Object.keys(TYPE_NAMES).filter((t) => item.accept.includes(t)).map((t) => TYPE_NAMES[t]).join(', ');
const mb = (bytes: number) => Math.round(bytes / 1048576);
const size = (bytes: number) => (bytes >= 1048576 ? `${(bytes / 1048576).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`);

/** Sends one file with XMLHttpRequest, for its upload progress. */
function sendFile(credential: string, itemId: string, file: File, onProgress: (share: number) => void): Promise<View> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `/api/v1/portal/checklist/${encodeURIComponent(itemId)}/documents`);
    xhr.setRequestHeader('authorization', `Portal ${credential}`);
    xhr.upload.onprogress = (e) => { if (e.lengthComputable) onProgress(e.loaded / e.total); };
    xhr.onerror = () => reject(new PortalError(0, 'network', 'network'));
    xhr.onload = () => {
      let data: { checklist?: View; error?: { code: string; message: string } } = {};
      try { data = JSON.parse(xhr.responseText); } catch { /* not JSON: fall through to the status */ }
      if (xhr.status >= 200 && xhr.status < 300 && data.checklist) resolve(data.checklist);
      else reject(new PortalError(xhr.status, data.error?.code ?? 'error', data.error?.message ?? ''));
    };
    const form = new FormData();
    form.append('file', file, file.name);
    xhr.send(form);
  });
}

export function renderChecklist(ctx: ViewContext): HTMLElement {
  const w: Words = WORDS[ctx.lang as Lang];
  const list = h('ul', { class: 'pb-checklist', 'aria-busy': 'true', 'data-testid': 'checklist' });
  const progress = h('p', { class: 'pb-muted', 'data-testid': 'checklist-progress' });
  const announcer = h('p', { class: 'pb-status', role: 'status', 'aria-live': 'polite', 'data-testid': 'checklist-status' });
  const footer = h('div', { class: 'pb-cl-footer' });
  const section = h('section', { class: 'pb-card', 'aria-labelledby': 'pb-checklist-title' },
    h('h1', { id: 'pb-checklist-title', text: w.title }), h('p', { text: w.intro }), progress, announcer, list, footer);

  const announce = (text: string, kind: 'ok' | 'error') => { announcer.textContent = text; announcer.className = `pb-status pb-status-${kind}`; };
  const explain = (err: unknown, item?: Item): string => {
    ctx.onFailure(err);
    if (!(err instanceof PortalError)) return w.failed;
    if (err.code === 'payload_too_large' && item) return w.tooBig(mb(item.maxBytes));
    if (err.code === 'unsupported_file_type' && item) return w.badType(typeList(item));
    return err.message || w.failed;
  };

  function show(next: View, focusItem?: string) {
    const done = next.items.filter((i) => i.status !== 'pending' && i.status !== 'rejected').length;
    progress.textContent = w.progress(done, next.items.length);
    list.replaceChildren(...next.items.map(renderItem));
    list.setAttribute('aria-busy', 'false');
    footer.replaceChildren(...(next.sensitiveConsent ? [
      h('p', { class: 'pb-muted', text: w.consentGiven }),
      h('button', { type: 'button', class: 'pb-button pb-button-quiet', 'data-testid': 'withdraw-consent', text: w.withdraw, onclick: withdraw }),
    ] : []));
    if (focusItem) document.getElementById(`pb-cl-${focusItem}`)?.focus();
  }

  async function withdraw() {
    if (!confirm(w.withdrawConfirm)) return;
    try {
      const result = await ctx.api.request<{ purgedDocuments: number }>('DELETE', '/checklist/consent');
      show(await ctx.api.request<View>('GET', '/checklist'));
      announce(w.withdrawn(result.purgedDocuments), 'ok');
    } catch (err) { announce(explain(err), 'error'); }
  }

  async function setReady(item: Item, ready: boolean) {
    try {
      show(await ctx.api.request<View>('POST', `/checklist/${encodeURIComponent(item.id)}/ready`, { ready }), item.id);
      announce(w.saved, 'ok');
    } catch (err) { announce(explain(err, item), 'error'); }
  }

  async function uploadFile(item: Item, file: File, bar: HTMLProgressElement) {
    if (file.size > item.maxBytes) { announce(w.tooBig(mb(item.maxBytes)), 'error'); return; }
    bar.hidden = false; bar.value = 0;
    try {
      const next = await sendFile(ctx.api.credential, item.id, file, (share) => { bar.value = Math.round(share * 100); });
      show(next, item.id);
      announce(w.uploaded, 'ok');
    } catch (err) {
      bar.hidden = true;
      if (err instanceof PortalError && err.code === 'consent_required') { await askConsent(item, file); return; }
      announce(explain(err, item), 'error');
    }
  }

  /** The consent screen, in place of the list until the candidate decides. */
  async function askConsent(item: Item, file: File) {
    let consent: Consent;
    try { consent = await ctx.api.request<Consent>('GET', `/checklist/consent?language=${ctx.lang}`); } catch (err) { announce(explain(err), 'error'); return; }
    const back = () => { screen.remove(); list.hidden = false; document.getElementById(`pb-cl-${item.id}`)?.focus(); };
    const agree = h('button', { type: 'button', class: 'pb-button', 'data-testid': 'consent-agree', text: w.agree });
    const screen = h('div', { class: 'pb-consent', role: 'region', 'aria-labelledby': 'pb-consent-title', 'data-testid': 'consent-screen' },
      h('h2', { id: 'pb-consent-title', tabindex: '-1', text: w.consentTitle }),
      h('p', { class: 'pb-consent-text', text: consent.text }),
      h('div', { class: 'pb-cl-actions' }, agree, h('button', { type: 'button', class: 'pb-button pb-button-quiet', text: w.notNow, onclick: back })));
    agree.addEventListener('click', async () => {
      agree.disabled = true;
      try {
        await ctx.api.request('POST', '/checklist/consent', { version: consent.version, language: consent.language });
        screen.remove(); list.hidden = false;
        const bar = document.querySelector<HTMLProgressElement>(`#pb-cl-${item.id}-progress`);
        if (bar) await uploadFile(item, file, bar);
      } catch (err) { agree.disabled = false; announce(explain(err), 'error'); }
    });
    announcer.textContent = '';
    list.hidden = true;
    list.after(screen);
    screen.querySelector<HTMLElement>('h2')?.focus();
  }

  function renderItem(item: Item): HTMLElement {
    const t = (text: { 'zh-CN': string; 'en-US': string }) => text[ctx.lang as Lang];
    const actions = h('div', { class: 'pb-cl-actions' });
    if (item.status === 'pending' || item.status === 'rejected') {
      actions.append(h('button', { type: 'button', class: 'pb-button pb-button-quiet', text: w.ready, onclick: () => setReady(item, true) }));
    } else if (item.status === 'ready') {
      actions.append(h('button', { type: 'button', class: 'pb-button pb-button-quiet', text: w.notReady, onclick: () => setReady(item, false) }));
    }
    let uploadBox: HTMLElement | null = null;
    if (item.kind === 'upload' && item.status !== 'approved') {
      const inputId = `pb-cl-${item.id}-file`;
      const bar = h('progress', { id: `pb-cl-${item.id}-progress`, max: 100, value: 0, 'aria-label': w.uploading, hidden: true });
      const input = h('input', { type: 'file', id: inputId, class: 'pb-cl-file', accept: item.accept.join(','), 'aria-describedby': `pb-cl-${item.id}-types` });
      input.addEventListener('change', () => { const file = input.files?.[0]; if (file) void uploadFile(item, file, bar); input.value = ''; });
      actions.append(input, h('label', { for: inputId, class: 'pb-button', text: item.documents.length ? w.uploadMore : w.upload }));
      uploadBox = h('div', {}, h('p', { id: `pb-cl-${item.id}-types`, class: 'pb-cl-small pb-muted', text: w.accepts(typeList(item), mb(item.maxBytes)) }), bar);
    }
    return h('li', { class: `pb-cl-item pb-cl-${item.status}`, 'data-item': item.id },
      h('div', { class: 'pb-cl-head' },
        h('h2', { id: `pb-cl-${item.id}`, tabindex: '-1', text: t(item.title) }),
        h('span', { class: `pb-cl-badge pb-cl-badge-${item.status}`, 'data-testid': `status-${item.id}`, text: w.status[item.status] ?? item.status })),
      h('p', { text: t(item.notes) }),
      h('p', { class: 'pb-cl-small pb-muted', text: `${w.why}${t(item.purpose)}` }),
      item.sensitive ? h('p', { class: 'pb-cl-small pb-cl-sensitive', text: w.sensitive }) : null,
      item.prereviewRequested && item.status === 'pending' ? h('p', { class: 'pb-cl-small', text: w.requested }) : null,
      item.status === 'rejected' && item.reviewReason
        ? h('p', { class: 'pb-cl-reason', 'data-testid': `reason-${item.id}` }, h('strong', { text: w.rejected }), item.reviewReason) : null,
      item.documents.length ? h('ul', { class: 'pb-cl-files', 'aria-label': w.files },
        ...item.documents.map((d) => h('li', {}, h('span', { class: 'pb-cl-name', text: d.fileName }), h('span', { class: 'pb-muted', text: ` · ${size(d.sizeBytes)}` })))) : null,
      uploadBox, actions);
  }

  ctx.api.request<View>('GET', '/checklist').then((next) => show(next), (err) => announce(explain(err), 'error'));
  return section;
}
