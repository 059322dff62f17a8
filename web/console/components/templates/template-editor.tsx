/**
 * Edits one template in one language for all role types or one: Liquid source with a
 * variable picker, a debounced live preview against a chosen candidate, the compliance
 * check inline, server errors under their field, saving as a new version, the version
 * history and going back to the built-in text.
 */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Col, Flex, Popconfirm, Row, Spin, Typography } from 'antd';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../lib/api.js';
import { templatesApi, type TemplateKey, type TTemplateDetail } from '../../../lib/templates-api.js';
import { EditorFields, type EditorField, type EditorText, type FieldErrors } from './editor-fields.js';
import { LintFindings } from './lint-findings.js';
import { describeProblem, PreviewPanel } from './preview-panel.js';
import { useDebouncedValue } from './use-debounced-value.js';
import { VersionHistory } from './version-history.js';
import '../../locales/templates.js';

const PREVIEW_DELAY_MS = 400;

/** The server's refusal in the reader's words where we have them; Liquid's own message otherwise. */
function describeSaveError(t: (key: string, o?: Record<string, unknown>) => string, err: ApiError): string {
  if (err.code === 'compliance_refused') return t('templates.error.compliance');
  if (err.code === 'forbidden') return t('error.forbidden');
  return err.message;
}

export function TemplateEditor({ templateKey }: { templateKey: TemplateKey }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const client = useQueryClient();
  const keyId = `${templateKey.templateId}|${templateKey.locale}|${templateKey.roleType ?? ''}`;
  const detail = useQuery({ queryKey: ['template', templateKey], queryFn: () => templatesApi.get(templateKey) });
  const [text, setText] = useState<EditorText>({ subject: '', body: '' });
  const [baseVersion, setBaseVersion] = useState(0);
  const [serverError, setServerError] = useState<{ field?: EditorField; message: string; conflict: boolean } | null>(null);
  const [candidateId, setCandidateId] = useState<string | undefined>();
  const loadedFor = useRef<string | null>(null);

  const load = (d: TTemplateDetail) => {
    setText({ subject: d.subject, body: d.body });
    setBaseVersion(d.version);
    setServerError(null);
  };
  useEffect(() => {
    if (detail.data && loadedFor.current !== keyId) {
      loadedFor.current = keyId;
      load(detail.data);
    }
  }, [detail.data, keyId]);

  const request = useDebouncedValue(useMemo(() => ({ ...text, candidateId }), [text, candidateId]), PREVIEW_DELAY_MS);
  const preview = useQuery({
    queryKey: ['template-preview', templateKey, request],
    queryFn: () => templatesApi.preview(templateKey.templateId, { locale: templateKey.locale, roleType: templateKey.roleType, ...request }),
    // Only once typing has paused (the debounced request caught up with the text); the last preview stays meanwhile.
    enabled: loadedFor.current === keyId && request.subject === text.subject && request.body === text.body && request.candidateId === candidateId,
    placeholderData: keepPreviousData, retry: false,
  });

  const refresh = async (d: TTemplateDetail) => {
    client.setQueryData(['template', templateKey], d);
    await client.invalidateQueries({ queryKey: ['templates'] });
  };
  const save = useMutation({
    mutationFn: () => templatesApi.saveVersion(templateKey.templateId, {
      locale: templateKey.locale, roleType: templateKey.roleType, subject: text.subject, body: text.body, baseVersion,
    }),
    onSuccess: async (saved) => {
      load(saved);
      await refresh(saved);
      void message.success(t('templates.saved', { version: saved.version }));
    },
    onError: (err) => {
      const apiError = err instanceof ApiError ? err : new ApiError(0, 'unknown', String(err));
      const field = apiError.field === 'subject' || apiError.field === 'body' ? apiError.field : undefined;
      setServerError({ field, message: describeSaveError(t, apiError), conflict: apiError.status === 409 });
    },
  });
  const restore = useMutation({
    mutationFn: () => templatesApi.restoreDefault(templateKey),
    onSuccess: async (restored) => {
      load(restored);
      await refresh(restored);
      void message.success(t(restored.applied ? 'templates.restored' : 'templates.alreadyDefault'));
    },
    onError: (err) => setServerError({ message: err instanceof Error ? err.message : String(err), conflict: false }),
  });

  if (detail.isError) {
    return <Alert type="error" showIcon role="alert" title={t('error.generic')} action={<Button onClick={() => void detail.refetch()}>{t('error.retry')}</Button>} />;
  }
  if (!detail.data) return <Spin />;

  const change = (field: EditorField, value: string) => {
    setText((prev) => ({ ...prev, [field]: value }));
    if (serverError && !serverError.conflict) setServerError(null);
  };
  const errors: FieldErrors = {};
  // Data one chosen candidate lacks is about that candidate, not the text: it stays in the preview panel.
  for (const p of preview.data?.problems ?? []) if (p.code !== 'missing_data') errors[p.field] ??= describeProblem(t, p);
  if (serverError?.field) errors[serverError.field] = serverError.message;
  const dirty = text.subject !== detail.data.subject || text.body !== detail.data.body;

  return (
    <Flex vertical gap={24} data-testid="template-editor">
      <Row gutter={24}>
        <Col xs={24} lg={14}>
          <EditorFields text={text} onChange={change} variables={detail.data.variables} errors={errors} />
          <LintFindings findings={preview.data?.findings} pending={preview.isFetching} />
          {serverError && !serverError.field && (
            <Alert type="error" showIcon role="alert" style={{ marginTop: 12 }} title={serverError.message} data-testid="save-error"
              action={serverError.conflict ? <Button size="small" onClick={() => void detail.refetch().then((r) => r.data && load(r.data))}>{t('templates.error.reload')}</Button> : undefined} />
          )}
          <Flex gap={12} align="center" wrap style={{ marginTop: 16 }}>
            <Button type="primary" onClick={() => save.mutate()} loading={save.isPending} disabled={!dirty} data-testid="template-save">
              {t('templates.save')}
            </Button>
            <Popconfirm title={t('templates.restoreConfirm')} okText={t('templates.restoreDefault')} cancelText={t('templates.cancel')}
              onConfirm={() => restore.mutate()} disabled={!detail.data.customised}>
              <Button disabled={!detail.data.customised} loading={restore.isPending} data-testid="template-restore-default">{t('templates.restoreDefault')}</Button>
            </Popconfirm>
            {dirty && <Typography.Text type="secondary" data-testid="template-dirty">{t('templates.dirty')}</Typography.Text>}
          </Flex>
        </Col>
        <Col xs={24} lg={10}>
          <PreviewPanel candidateId={candidateId} onCandidateChange={setCandidateId} preview={preview.data}
            pending={preview.isFetching} failed={preview.isError} />
        </Col>
      </Row>
      <VersionHistory detail={detail.data} onLoad={(loaded, v) => {
        setText(loaded);
        setServerError(null);
        void message.info(t('templates.versions.loaded', { version: v.version }));
      }} />
    </Flex>
  );
}
