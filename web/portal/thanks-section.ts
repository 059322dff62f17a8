/** After the candidate told us they will not join: a thank-you, the way back to HR, and the messages stay readable. */
import { h } from './dom.js';
import type { Lang } from './i18n.js';
import type { ViewContext } from './views.js';

const WORDS = {
  'zh-CN': {
    title: '谢谢您告诉我们', body: (org: string) => `感谢您对 ${org} 的信任和这段时间的沟通。祝您一切顺利！`,
    keep: '之前的消息仍然可以在“消息”里查看。如果想法有变，或者有任何问题，欢迎直接联系 HR：', call: (n: string) => `致电 ${n}`,
    closedTitle: '这个职位的录用流程已结束', closedBody: (org: string) => `感谢您对 ${org} 的关注。如有任何疑问，请联系 HR。`,
    closedKeep: '之前的消息仍然可以在“消息”里查看。HR 的联系方式：',
  },
  'en-US': {
    title: 'Thank you for letting us know', body: (org: string) => `Thank you for your trust in ${org} and for the time you spent with us. We wish you all the best!`,
    keep: 'Your messages stay readable under “Messages”. If anything changes, or you have a question, you are welcome to contact HR directly:', call: (n: string) => `Call ${n}`,
    closedTitle: 'This offer is no longer open', closedBody: (org: string) => `Thank you for your interest in ${org}. If you have any questions, please contact HR.`,
    closedKeep: 'Your messages stay readable under “Messages”. HR can be reached at:',
  },
};

export const EXITED = ['declined', 'reneged', 'withdrawn'];

export function renderThanks(ctx: ViewContext): HTMLElement {
  const w = WORDS[ctx.lang as Lang];
  const hr = ctx.me.contacts.find((c) => c.role === 'hr');
  const digits = hr?.phone.replace(/[^\d+]/g, '') ?? '';
  // Withdrawn is the employer's decision: no thanks for "letting us know".
  const byEmployer = ctx.me.status === 'withdrawn';
  return h('section', { class: 'pb-card pb-hero', 'aria-labelledby': 'pb-thanks-title', 'data-testid': 'thanks' },
    h('h1', { id: 'pb-thanks-title', text: byEmployer ? w.closedTitle : w.title }),
    h('p', { text: byEmployer ? w.closedBody(ctx.me.orgName) : w.body(ctx.me.orgName) }), h('p', { text: byEmployer ? w.closedKeep : w.keep }),
    hr ? h('p', {}, h('strong', { text: hr.name }), ' ', digits ? h('a', { class: 'pb-button pb-button-quiet', href: `tel:${digits}`, 'aria-label': w.call(hr.name), text: hr.phone }) : null) : null);
}
