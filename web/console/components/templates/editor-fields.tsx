/**
 * Subject and body of a template (monospace, Liquid source) with the variable picker. The
 * picker inserts `{{ path }}` where the cursor last was in either field; errors show under
 * the field they concern.
 */
import { Form, Input, type GetRef, type InputRef } from 'antd';
import { useRef, type SyntheticEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { TTemplateVariableInfo } from '../../../lib/templates-api.js';
import { VariablePicker } from './variable-picker.js';
import '../../locales/templates.js';

type TextAreaRef = GetRef<typeof Input.TextArea>;

export type EditorField = 'subject' | 'body';
export type EditorText = Record<EditorField, string>;
/** What to show under a field: its error, or nothing. */
export type FieldErrors = Partial<Record<EditorField, string>>;

const MONO = { fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, "Liberation Mono", monospace', fontSize: 13 };

export function EditorFields({ text, onChange, variables, errors }: {
  text: EditorText;
  onChange: (field: EditorField, value: string) => void;
  variables: readonly TTemplateVariableInfo[];
  errors: FieldErrors;
}) {
  const { t } = useTranslation();
  const subjectRef = useRef<InputRef>(null);
  const bodyRef = useRef<TextAreaRef>(null);
  // Where a picked variable goes: the last cursor position (the body's end until the user clicks somewhere).
  const caret = useRef<{ field: EditorField; start: number; end: number } | null>(null);

  const remember = (field: EditorField) => (e: SyntheticEvent<HTMLInputElement | HTMLTextAreaElement>) => {
    const el = e.currentTarget;
    caret.current = { field, start: el.selectionStart ?? el.value.length, end: el.selectionEnd ?? el.value.length };
  };
  const tracking = (field: EditorField) => ({ onSelect: remember(field), onKeyUp: remember(field), onClick: remember(field), onBlur: remember(field) });

  const insert = (path: string) => {
    const token = `{{ ${path} }}`;
    const at = caret.current ?? { field: 'body' as const, start: text.body.length, end: text.body.length };
    const value = text[at.field];
    const start = Math.min(at.start, value.length);
    const end = Math.min(Math.max(at.end, start), value.length);
    onChange(at.field, value.slice(0, start) + token + value.slice(end));
    const cursor = start + token.length;
    caret.current = { field: at.field, start: cursor, end: cursor };
    requestAnimationFrame(() => {
      const el = at.field === 'subject' ? subjectRef.current?.input : bodyRef.current?.resizableTextArea?.textArea;
      el?.focus();
      el?.setSelectionRange(cursor, cursor);
    });
  };

  return (
    <Form layout="vertical" component="div" requiredMark={false}>
      <Form.Item label={t('templates.field.subject')} htmlFor="template-subject" validateStatus={errors.subject ? 'error' : undefined}
        help={errors.subject && <span data-testid="subject-error">{errors.subject}</span>}>
        <Input id="template-subject" ref={subjectRef} value={text.subject} style={MONO} maxLength={300}
          onChange={(e) => onChange('subject', e.target.value)} {...tracking('subject')} data-testid="template-subject" />
      </Form.Item>
      <Form.Item label={t('templates.variableLabel')} htmlFor="template-variable" extra={t('templates.variableHint', { token: '{{ offer.startDate }}' })}>
        <VariablePicker id="template-variable" variables={variables} onPick={insert} />
      </Form.Item>
      <Form.Item label={t('templates.field.body')} htmlFor="template-body" validateStatus={errors.body ? 'error' : undefined}
        help={errors.body && <span data-testid="body-error">{errors.body}</span>}>
        <Input.TextArea id="template-body" ref={bodyRef} value={text.body} style={MONO} autoSize={{ minRows: 12, maxRows: 28 }} maxLength={20_000}
          onChange={(e) => onChange('body', e.target.value)} {...tracking('body')} spellCheck={false} data-testid="template-body" />
      </Form.Item>
    </Form>
  );
}
