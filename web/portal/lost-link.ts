/**
 * Lost link: the email or mobile on file gets a six-digit code; the code opens a fresh
 * link. The page says the same whether or not the contact is known.
 */
import { h } from './dom.js';
import { buildStatusLine } from './extras-kit.js';
import type { Lang } from './i18n.js';

const WORDS = {
  'zh-CN': {
    title: '找不到链接了？', intro: '输入您留给我们的邮箱或手机号，我们会发送一个 6 位验证码。', contact: '邮箱或手机号', send: '发送验证码',
    sent: (m: number) => `如果这个邮箱或手机号在我们这里登记过，验证码已经发出，${m} 分钟内有效。`,
    code: '6 位验证码', open: '打开我的入职门户', needContact: '请输入邮箱或手机号。', needCode: '请输入 6 位数字验证码。',
    wrong: '验证码错误或已过期，请重新获取。', tooMany: '请求太频繁了，请稍后再试。', failed: '网络出了点问题，请稍后再试。', sending: '发送中…',
  },
  'en-US': {
    title: 'Lost your link?', intro: 'Enter the email or mobile number you gave us and we will send you a 6-digit code.', contact: 'Email or mobile number', send: 'Send code',
    sent: (m: number) => `If this email or number is on file with us, a code is on its way. It is valid for ${m} minutes.`,
    code: '6-digit code', open: 'Open my portal', needContact: 'Please enter your email or mobile number.', needCode: 'Please enter the 6-digit code.',
    wrong: 'The code is wrong or has expired. Please ask for a new one.', tooMany: 'Too many tries. Please wait a little and try again.', failed: 'Something went wrong with the connection. Please try again.', sending: 'Sending…',
  },
};

async function post(path: string, body: unknown): Promise<{ status: number; data: any }> {
  const res = await fetch(`/api/v1/portal-access/${path}`, {
    method: 'POST', credentials: 'omit', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body),
  });
  return { status: res.status, data: await res.json().catch(() => ({})) };
}

export function renderLostLink(lang: Lang, onCredential: (credential: string) => void): HTMLElement {
  const w = WORDS[lang];
  const contact = h('input', { id: 'pb-lost-contact', name: 'contact', class: 'pb-input', autocomplete: 'email', inputmode: 'email', maxlength: 200 });
  const code = h('input', { id: 'pb-lost-code', name: 'code', class: 'pb-input', autocomplete: 'one-time-code', inputmode: 'numeric', maxlength: 6, pattern: '[0-9]{6}' });
  const sendButton = h('button', { type: 'submit', class: 'pb-button', text: w.send });
  const openButton = h('button', { type: 'submit', class: 'pb-button', text: w.open });
  const { status, show } = buildStatusLine('lost-link-status');
  const step2 = h('form', { class: 'pb-form', novalidate: true, hidden: true }, h('label', { for: 'pb-lost-code', text: w.code }), code, openButton);
  const step1 = h('form', { class: 'pb-form', novalidate: true }, h('label', { for: 'pb-lost-contact', text: w.contact }), contact, sendButton);
  step1.addEventListener('submit', async (e) => {
    e.preventDefault();
    if (contact.value.trim().length < 3) { show(w.needContact, 'error'); contact.focus(); return; }
    sendButton.disabled = true; sendButton.textContent = w.sending;
    try {
      const res = await post('code', { contact: contact.value.trim() });
      if (res.status === 202) { show(w.sent(res.data.expiresInMinutes ?? 10), 'ok'); step2.hidden = false; code.focus(); }
      else show(res.status === 429 ? w.tooMany : res.data?.error?.message ?? w.failed, 'error');
    } catch { show(w.failed, 'error'); } finally { sendButton.disabled = false; sendButton.textContent = w.send; }
  });
  step2.addEventListener('submit', async (e) => {
    e.preventDefault();
    if (!/^\d{6}$/.test(code.value.trim())) { show(w.needCode, 'error'); code.focus(); return; }
    openButton.disabled = true;
    try {
      const res = await post('link', { contact: contact.value.trim(), code: code.value.trim() });
      if (res.status === 201 && typeof res.data.credential === 'string') { onCredential(res.data.credential); return; }
      show(res.status === 429 ? w.tooMany : w.wrong, 'error');
    } catch { show(w.failed, 'error'); } finally { openButton.disabled = false; }
  });
  return h('section', { class: 'pb-card', 'aria-labelledby': 'pb-lost-title', 'data-testid': 'lost-link' },
    h('h2', { id: 'pb-lost-title', text: w.title }), h('p', { text: w.intro }), step1, step2, status);
}
