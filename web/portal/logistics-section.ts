/** Logistics: where and when to arrive, and how the candidate will come; calendar files for the day and the meeting. */
import type { TPortalLogistics } from '../../src/contracts/portal-extras.js';
import { renderCalendarLinks } from './calendar-links.js';
import { h, isSafeUrl } from './dom.js';
import { buildSelect, buildStatusLine, describeError, formatInstant, formatLocalDate } from './extras-kit.js';
import type { Lang } from './i18n.js';
import type { ViewContext } from './views.js';

const WORDS = {
  'zh-CN': {
    title: '报到安排', when: '报到时间', where: '地点', reception: '接待人', receptionInfo: '前台与接待', parking: '停车', transport: '交通', map: '打开地图',
    confirmTitle: '您打算怎么来？', mode: '出行方式', pick: '请选择', time: '预计到达时间', note: '备注（可选，例如车牌号）',
    modes: { metro_bus: '地铁 / 公交', car: '自驾（需要停车位）', taxi: '打车', walk_bike: '步行 / 骑行', other: '其他' } as Record<string, string>,
    send: '确认', sending: '提交中…', saved: '已确认，谢谢！我们会据此为您做好准备。', pickMode: '请选择出行方式。', pickTime: '请填写预计到达时间。',
    current: (mode: string, time: string, at: string) => `您已确认：${mode}，约 ${time} 到达（${at} 确认）。可以随时修改。`,
    failed: '提交没有成功，请稍后再试。', call: (n: string) => `致电 ${n}`,
  },
  'en-US': {
    title: 'Your first day', when: 'Arrive at', where: 'Where', reception: 'Who meets you', receptionInfo: 'Reception', parking: 'Parking', transport: 'Getting there', map: 'Open map',
    confirmTitle: 'How will you come?', mode: 'How you will travel', pick: 'Please choose', time: 'Expected arrival time', note: 'Note (optional, e.g. licence plate)',
    modes: { metro_bus: 'Metro / bus', car: 'Car (I need parking)', taxi: 'Taxi', walk_bike: 'Walk / bike', other: 'Other' } as Record<string, string>,
    send: 'Confirm', sending: 'Sending…', saved: 'Confirmed, thank you! We will have everything ready.', pickMode: 'Please choose how you will travel.', pickTime: 'Please enter your arrival time.',
    current: (mode: string, time: string, at: string) => `You confirmed: ${mode}, arriving around ${time} (confirmed ${at}). You can change it any time.`,
    failed: 'That did not go through. Please try again.', call: (n: string) => `Call ${n}`,
  },
};

const fact = (label: string, value: string | Node) => [h('dt', { text: label }), h('dd', {}, value)];

function renderConfirm(ctx: ViewContext, data: TPortalLogistics, w: (typeof WORDS)['zh-CN']): HTMLElement {
  const { select, label } = buildSelect('pb-mode', w.mode, Object.entries(w.modes), w.pick);
  const time = h('input', { id: 'pb-arrival-time', name: 'arrivalTime', type: 'time', class: 'pb-input', required: true, value: data.confirmation?.arrivalTime ?? data.site.arrivalTime });
  const note = h('textarea', { id: 'pb-arrival-note', name: 'note', rows: 2, maxlength: 500 });
  if (data.confirmation) { select.value = data.confirmation.mode; note.value = data.confirmation.note; }
  const current = h('p', { class: 'pb-muted', 'data-testid': 'logistics-current' });
  const showCurrent = (c: TPortalLogistics['confirmation']) => {
    current.textContent = c ? w.current(w.modes[c.mode] ?? c.mode, c.arrivalTime, formatInstant(c.confirmedAt, ctx.lang, data.site.timezone)) : '';
  };
  showCurrent(data.confirmation);
  const button = h('button', { type: 'submit', class: 'pb-button', text: w.send });
  const { status, show } = buildStatusLine('logistics-status');
  const form = h('form', { class: 'pb-form', novalidate: true }, label, select, h('label', { for: 'pb-arrival-time', text: w.time }), time,
    h('label', { for: 'pb-arrival-note', text: w.note }), note, button, status);
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    if (!select.value) { show(w.pickMode, 'error'); select.focus(); return; }
    if (!/^\d{2}:\d{2}$/.test(time.value)) { show(w.pickTime, 'error'); time.focus(); return; }
    button.disabled = true; button.textContent = w.sending;
    try {
      const saved = await ctx.api.request<NonNullable<TPortalLogistics['confirmation']>>('POST', '/logistics', { mode: select.value, arrivalTime: time.value, note: note.value.trim() });
      showCurrent(saved);
      show(w.saved, 'ok');
    } catch (err) {
      ctx.onFailure(err);
      show(describeError(err, w.failed), 'error');
    } finally {
      button.disabled = false; button.textContent = w.send;
    }
  });
  return h('section', { class: 'pb-card', 'aria-labelledby': 'pb-confirm-title' }, h('h2', { id: 'pb-confirm-title', text: w.confirmTitle }), current, form);
}

export function renderLogistics(ctx: ViewContext): HTMLElement {
  const w = WORDS[ctx.lang as Lang];
  const root = h('div', { 'aria-busy': 'true', 'data-testid': 'logistics' });
  ctx.api.request<TPortalLogistics>('GET', '/logistics').then((data) => {
    const { site } = data;
    const digits = data.reception?.phone.replace(/[^\d+]/g, '') ?? '';
    const facts = h('dl', { class: 'pb-facts' },
      ...fact(w.when, `${formatLocalDate(data.startDate, ctx.lang)} ${site.arrivalTime}`),
      ...fact(w.where, [site.name, site.address].filter(Boolean).join(' · ')),
      ...(data.reception ? fact(w.reception, h('span', {}, data.reception.name, ' ',
        digits ? h('a', { href: `tel:${digits}`, 'aria-label': w.call(data.reception.name), text: data.reception.phone }) : '')) : []),
      ...(site.receptionInfo ? fact(w.receptionInfo, site.receptionInfo) : []),
      ...(site.parking ? fact(w.parking, site.parking) : []),
      ...(site.transport ? fact(w.transport, site.transport) : []));
    root.replaceChildren(
      h('section', { class: 'pb-card', 'aria-labelledby': 'pb-logistics-title' },
        h('h1', { id: 'pb-logistics-title', text: w.title }), facts,
        isSafeUrl(site.mapUrl) ? h('a', { class: 'pb-button', href: site.mapUrl, target: '_blank', rel: 'noopener noreferrer', text: w.map }) : null),
      renderConfirm(ctx, data, w),
      renderCalendarLinks(ctx, site.timezone));
    root.setAttribute('aria-busy', 'false');
  }, ctx.onFailure);
  return root;
}
