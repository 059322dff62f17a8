/**
 * Puts validation errors beside their fields: zod issues from the shared contracts (checked
 * in the browser before sending) and the field the server names in its error answer.
 */
import type { FormInstance } from 'antd';
import type { TFunction } from 'i18next';
import type { z } from 'zod';
import { ApiError } from '../../../lib/api.js';

type NamePath = Array<string | number>;

/** A zod issue in the reader's language. */
export function describeIssue(t: TFunction, issue: z.core.$ZodIssue): string {
  const field = issue.path.filter((p) => typeof p === 'string').join('.');
  if (issue.code === 'custom') return t(`validation.issue.${field.replace(/\./g, '_')}`, { defaultValue: t('validation.invalid') });
  if (issue.code === 'too_small') {
    if (issue.origin === 'string' && Number(issue.minimum) > 1) return t('validation.issue.minLength', { min: Number(issue.minimum) });
    if (issue.origin === 'string' || issue.origin === 'array') return t('validation.required');
    return t('validation.issue.min', { min: Number(issue.minimum) });
  }
  if (issue.code === 'too_big') {
    if (issue.origin === 'string') return t('validation.tooLong', { max: Number(issue.maximum) });
    return t('validation.issue.max', { max: Number(issue.maximum) });
  }
  if (issue.code === 'invalid_format') return t('validation.format');
  if (issue.code === 'invalid_type' && issue.input === undefined) return t('validation.required');
  return t('validation.invalid');
}

/** Shows every zod issue on its field (path as the antd name path); returns false when there were any. */
export function showIssues(form: FormInstance, t: TFunction, issues: readonly z.core.$ZodIssue[], prefix: NamePath = []): void {
  const byField = new Map<string, { name: NamePath; errors: string[] }>();
  for (const issue of issues) {
    const name = [...prefix, ...issue.path.map((p) => (typeof p === 'number' ? p : String(p)))];
    const key = JSON.stringify(name);
    const entry = byField.get(key) ?? { name, errors: [] };
    entry.errors.push(describeIssue(t, issue));
    byField.set(key, entry);
  }
  form.setFields([...byField.values()]);
}

/**
 * Shows a server error on the field it names when the form has that field (`a.b.0` →
 * `['a','b',0]`); otherwise returns the message for a form-level alert.
 */
export function showServerError(form: FormInstance, err: unknown, fields: readonly string[]): string | null {
  if (err instanceof ApiError && err.field) {
    const top = err.field.split('.')[0]!;
    if (fields.includes(top)) {
      const name = err.field.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p));
      form.setFields([{ name, errors: [err.message] }]);
      return null;
    }
  }
  return err instanceof Error ? err.message : String(err);
}
