/**
 * "Something changed": ask for a later start date, or tell us you will not join — both
 * from fixed reason lists (no sensitive questions), polite, and never a dead end.
 */
import type { TPortalChanges } from '../../src/contracts/portal-extras.js';
import { h } from './dom.js';
import { buildSelect, buildStatusLine, describeError, formatLocalDate, newRequestId } from './extras-kit.js';
import type { Lang } from './i18n.js';
import type { ViewContext } from './views.js';

const WORDS = {
  'zh-CN': {
    title: '情况有变化？', intro: '计划有变很正常，告诉我们就好，HR 会在一个工作日内和您联系，一起想办法。',
    delayTitle: '希望推迟入职日期', current: (d: string) => `目前的入职日期：${d}`, reason: '原因', pick: '请选择', date: '希望的入职日期', note: '想补充的话（可选）',
    delayReasons: { counteroffer: '原单位挽留', handover: '工作交接需要更多时间', personal: '个人原因', health: '健康原因', other: '其他' } as Record<string, string>,
    delaySend: '提交推迟申请', delayDone: '已收到您的申请，HR 会尽快和您联系确认新的日期。',
    open: (d: string) => `您已申请推迟到 ${d}，HR 正在处理。`,
    declineTitle: '决定不加入了', declineIntro: '谢谢您坦诚告诉我们。如果推迟入职或者和 HR 聊一聊能帮上忙，也可以先试试上面的方式。',
    declineReasons: { salary: '薪资待遇', role: '岗位内容', career: '职业规划', counteroffer: '原单位挽留', location: '工作地点', personal: '个人原因', other: '其他' } as Record<string, string>,
    pool: '我愿意加入人才库（可选）', poolTitle: '人才库说明',
    declineSend: '确认不入职', declineConfirm: '确定吗？再次点击以确认。',
    needReason: '请选择原因。', needDate: '请选择希望的入职日期。', sending: '提交中…', failed: '提交没有成功，请稍后再试。',
    closed: '入职已经开始，如有变化请直接联系 HR。',
  },
  'en-US': {
    title: 'Something changed?', intro: 'Plans change, and that is fine. Tell us and HR will contact you within one business day to work it out together.',
    delayTitle: 'I need a later start date', current: (d: string) => `Current start date: ${d}`, reason: 'Reason', pick: 'Please choose', date: 'Start date you would like', note: 'Anything to add (optional)',
    delayReasons: { counteroffer: 'My current employer asked me to stay', handover: 'My handover needs more time', personal: 'Personal reasons', health: 'Health reasons', other: 'Other' } as Record<string, string>,
    delaySend: 'Ask for a later start', delayDone: 'We have your request; HR will contact you soon to agree a new date.',
    open: (d: string) => `You asked to start on ${d}; HR is on it.`,
    declineTitle: 'I will not join', declineIntro: 'Thank you for telling us openly. If a later start date or a talk with HR could help, you can try that above first.',
    declineReasons: { salary: 'Pay', role: 'The role itself', career: 'Career plans', counteroffer: 'My current employer asked me to stay', location: 'Location', personal: 'Personal reasons', other: 'Other' } as Record<string, string>,
    pool: 'Keep me in the talent pool (optional)', poolTitle: 'About the talent pool',
    declineSend: 'Confirm I will not join', declineConfirm: 'Are you sure? Press again to confirm.',
    needReason: 'Please choose a reason.', needDate: 'Please choose a date.', sending: 'Sending…', failed: 'That did not go through. Please try again.',
    closed: 'You have started; for any change please talk to HR directly.',
  },
};
type Words = (typeof WORDS)['zh-CN'];

function renderDelay(ctx: ViewContext, data: TPortalChanges, w: Words): HTMLElement {
  const { select, label } = buildSelect('pb-delay-reason', w.reason, Object.entries(w.delayReasons), w.pick);
  const date = h('input', { id: 'pb-delay-date', name: 'proposedStartDate', type: 'date', class: 'pb-input', required: true, min: data.startDate });
  const note = h('textarea', { id: 'pb-delay-note', name: 'note', rows: 3, maxlength: 1000 });
  const button = h('button', { type: 'submit', class: 'pb-button', text: w.delaySend });
  const { status, show } = buildStatusLine('delay-status');
  const requestId = newRequestId();
  const form = h('form', { class: 'pb-form', novalidate: true }, label, select, h('label', { for: 'pb-delay-date', text: w.date }), date,
    h('label', { for: 'pb-delay-note', text: w.note }), note, button, status);
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    if (!select.value) { show(w.needReason, 'error'); select.focus(); return; }
    if (!date.value) { show(w.needDate, 'error'); date.focus(); return; }
    button.disabled = true; button.textContent = w.sending;
    try {
      await ctx.api.request('POST', '/changes/delay', { reason: select.value, proposedStartDate: date.value, note: note.value.trim(), requestId });
      show(w.delayDone, 'ok');
      button.textContent = w.delaySend;
    } catch (err) {
      ctx.onFailure(err);
      show(describeError(err, w.failed), 'error');
      button.disabled = false; button.textContent = w.delaySend;
    }
  });
  return h('section', { class: 'pb-card', 'aria-labelledby': 'pb-delay-title' }, h('h2', { id: 'pb-delay-title', text: w.delayTitle }),
    h('p', { class: 'pb-muted', text: w.current(formatLocalDate(data.startDate, ctx.lang)) }),
    data.openDelay ? h('p', { class: 'pb-status-ok', text: w.open(formatLocalDate(data.openDelay.proposedStartDate, ctx.lang)) }) : null, form);
}

function renderDecline(ctx: ViewContext, data: TPortalChanges, w: Words): HTMLElement {
  const { select, label } = buildSelect('pb-decline-reason', w.reason, Object.entries(w.declineReasons), w.pick);
  const note = h('textarea', { id: 'pb-decline-note', name: 'note', rows: 3, maxlength: 1000 });
  const pool = h('input', { type: 'checkbox', id: 'pb-pool', name: 'talentPool', 'aria-describedby': 'pb-pool-wording' });
  const button = h('button', { type: 'submit', class: 'pb-button pb-button-quiet', text: w.declineSend });
  const { status, show } = buildStatusLine('decline-status');
  const requestId = newRequestId();
  let armed = false;
  const form = h('form', { class: 'pb-form', novalidate: true }, label, select, h('label', { for: 'pb-decline-note', text: w.note }), note,
    h('div', { class: 'pb-check' }, pool, h('label', { for: 'pb-pool', text: w.pool })),
    h('details', { class: 'pb-faq-item' }, h('summary', { text: w.poolTitle }), h('p', { id: 'pb-pool-wording', class: 'pb-wording', text: data.talentPool.wording })),
    button, status);
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    if (!select.value) { show(w.needReason, 'error'); select.focus(); return; }
    // A decision like this gets a second press, so a stray tap never ends the process.
    if (!armed) { armed = true; show(w.declineConfirm, 'error'); return; }
    button.disabled = true; button.textContent = w.sending;
    try {
      await ctx.api.request('POST', '/changes/decline', {
        reason: select.value, note: note.value.trim(), talentPool: pool.checked, requestId,
        ...(pool.checked ? { talentPoolWordingVersion: data.talentPool.wordingVersion } : {}),
      });
      ctx.refresh?.();
    } catch (err) {
      ctx.onFailure(err);
      show(describeError(err, w.failed), 'error');
      button.disabled = false; button.textContent = w.declineSend;
    }
  });
  return h('section', { class: 'pb-card', 'aria-labelledby': 'pb-decline-title' }, h('h2', { id: 'pb-decline-title', text: w.declineTitle }),
    h('p', { text: w.declineIntro }), form);
}

export function renderChanges(ctx: ViewContext): HTMLElement {
  const w = WORDS[ctx.lang as Lang];
  const root = h('div', { 'aria-busy': 'true', 'data-testid': 'changes' },
    h('section', { class: 'pb-card', 'aria-labelledby': 'pb-changes-title' }, h('h1', { id: 'pb-changes-title', text: w.title }), h('p', { text: w.intro })));
  ctx.api.request<TPortalChanges>('GET', '/changes').then((data) => {
    if (!data.canChange) root.append(h('section', { class: 'pb-card' }, h('p', { text: w.closed })));
    else root.append(...(data.accepted ? [renderDelay(ctx, data, w)] : []), renderDecline(ctx, data, w));
    root.setAttribute('aria-busy', 'false');
  }, ctx.onFailure);
  return root;
}
