/** Small helpers the portal-extras sections share: form status line, labelled fields, dates. */
import { h } from './dom.js';
import type { Lang } from './i18n.js';

/** A live region announcing the outcome of a form. */
export function buildStatusLine(testId = 'form-status') {
  const status = h('p', { class: 'pb-status', role: 'status', 'aria-live': 'polite', 'data-testid': testId });
  return {
    status,
    show(text: string, kind: 'ok' | 'error') { status.textContent = text; status.className = `pb-status pb-status-${kind}`; },
  };
}

/** A select with its label; options are [value, text]. */
export function buildSelect(id: string, label: string, options: Array<[string, string]>, placeholder: string) {
  const select = h('select', { id, name: id, class: 'pb-input', required: true },
    h('option', { value: '', text: placeholder }),
    ...options.map(([value, text]) => h('option', { value, text })));
  return { select, label: h('label', { for: id, text: label }) };
}

export const formatLocalDate = (localDate: string, lang: Lang) =>
  new Intl.DateTimeFormat(lang, { dateStyle: 'full', timeZone: 'UTC' }).format(new Date(`${localDate}T00:00:00Z`));

export const formatInstant = (iso: string, lang: Lang, timeZone: string) =>
  new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(new Date(iso));

/** The server's message for a refused field, shown next to the form (never as HTML). */
export function describeError(err: unknown, fallback: string): string {
  const e = err as { status?: number; message?: string };
  return e && typeof e.status === 'number' && e.status >= 400 && e.status < 500 && e.message ? e.message : fallback;
}

/** A random id per form, so a double click is one request on the server. */
export const newRequestId = () => crypto.randomUUID();
