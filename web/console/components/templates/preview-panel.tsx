/**
 * The live preview: the edited text rendered against a chosen candidate's current record
 * (or a sample), with what keeps it from rendering. Rendered text is shown as text, so
 * candidate-entered values are never interpreted as markup.
 */
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Alert, Card, Flex, Select, Spin, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../lib/api.js';
import type { TTemplatePreview, TTemplateProblem } from '../../../lib/templates-api.js';
import { useDebouncedValue } from './use-debounced-value.js';
import '../../locales/templates.js';

/** A problem in the reader's language, with the engine's own words for the technical detail. */
export function describeProblem(t: (key: string, options?: Record<string, unknown>) => string, p: TTemplateProblem): string {
  const where = t('templates.findings.where', { field: t(`templates.field.${p.field}`), line: p.line ?? 1 });
  return `${where}: ${t(`templates.problem.${p.code}`, { variable: p.variable ?? '' })}`;
}

function CandidatePicker({ value, onChange }: { value: string | undefined; onChange: (id: string | undefined) => void }) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const q = useDebouncedValue(search.trim(), 300);
  const candidates = useQuery({
    queryKey: ['template-preview-candidates', q],
    queryFn: () => api.listCandidates({ q: q || undefined, limit: 20, sort: 'startDate' }),
    placeholderData: keepPreviousData,
  });
  return (
    <Select<string>
      id="template-preview-candidate" aria-label={t('templates.preview.candidate')} allowClear placeholder={t('templates.preview.sample')}
      style={{ width: '100%' }} value={value} onChange={(v?: string) => onChange(v)} loading={candidates.isFetching}
      showSearch={{ filterOption: false, onSearch: setSearch }} data-testid="preview-candidate"
      options={(candidates.data?.items ?? []).map((c) => ({ value: c.id, label: `${c.fullName} · ${c.positionTitle}` }))}
    />
  );
}

export function PreviewPanel({ candidateId, onCandidateChange, preview, pending, failed }: {
  candidateId: string | undefined;
  onCandidateChange: (id: string | undefined) => void;
  preview: TTemplatePreview | undefined;
  pending: boolean;
  failed: boolean;
}) {
  const { t } = useTranslation();
  const notRendered = <Typography.Text type="secondary">{t('templates.preview.notRendered')}</Typography.Text>;
  return (
    <Card size="small" title={<span id="template-preview-title">{t('templates.preview.title')}</span>}
      extra={pending ? <Spin size="small" aria-label={t('templates.preview.updating')} /> : null} data-testid="template-preview">
      <Flex vertical gap={12}>
        <label htmlFor="template-preview-candidate">
          <Typography.Text type="secondary">{t('templates.preview.candidate')}</Typography.Text>
        </label>
        <CandidatePicker value={candidateId} onChange={onCandidateChange} />
        {failed && <Alert type="error" showIcon title={t('templates.preview.failed')} />}
        {preview && (
          <>
            <Typography.Text type="secondary" data-testid="preview-for">
              {preview.candidate ? t('templates.preview.for', { name: preview.candidate.name }) : t('templates.preview.sampleNote')}
            </Typography.Text>
            <div>
              <Typography.Text type="secondary">{t('templates.field.subject')}</Typography.Text>
              <div style={{ fontWeight: 600, marginTop: 4 }} data-testid="preview-subject">{preview.subject ?? notRendered}</div>
            </div>
            <div>
              <Typography.Text type="secondary">{t('templates.field.body')}</Typography.Text>
              <div className="pb-muted-box" style={{ marginTop: 4 }} data-testid="preview-body">{preview.body ?? notRendered}</div>
            </div>
            {preview.problems.length > 0 && (
              <Alert type="warning" showIcon data-testid="preview-problems" title={t('templates.preview.problems')}
                description={(
                  <ul style={{ margin: 0, paddingInlineStart: 18 }}>
                    {preview.problems.map((p, i) => (
                      <li key={i}>
                        {describeProblem(t, p)}
                        <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>{p.message}</Typography.Text>
                      </li>
                    ))}
                  </ul>
                )} />
            )}
          </>
        )}
      </Flex>
    </Card>
  );
}
