/**
 * Message templates (HR and org admins): every built-in text and the organisation's own
 * wording per language and role type, filterable; a drawer edits one with live preview,
 * the compliance check and its version history. Filters and the open editor live in the URL.
 */
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button, Card, Drawer, Flex, Table, Typography, type TableProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { templatesApi, type TemplateKey, type TemplateListQuery, type TTemplateSummary } from '../../lib/templates-api.js';
import { RequirePermission } from '../components/settings/require-permission.js';
import { LOCALES, ROLE_TYPES, TemplateFilters } from '../components/templates/template-filters.js';
import { roleTypeName, SOURCE_TONES, templateName } from '../components/templates/template-labels.js';
import { TemplateEditor } from '../components/templates/template-editor.js';
import { ToneTag } from '../components/tone-tag.js';
import { formatDateTime, formatRelativeTime } from '../format.js';
import '../locales/templates.js';

const pick = <T extends string>(values: readonly T[], v: string | null): T | undefined => values.find((x) => x === v);

function readQuery(params: URLSearchParams): TemplateListQuery {
  return {
    step: params.get('step') || undefined,
    locale: pick(LOCALES, params.get('locale')),
    roleType: pick(ROLE_TYPES, params.get('roleType')),
    customised: pick(['true', 'false'] as const, params.get('customised')),
  };
}

function readEditing(params: URLSearchParams): TemplateKey | null {
  const templateId = params.get('edit');
  const locale = pick(LOCALES, params.get('editLocale'));
  if (!templateId || !locale) return null;
  return { templateId, locale, roleType: pick(ROLE_TYPES, params.get('editRole')) ?? null };
}

function TemplatesList() {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  const [params, setParams] = useSearchParams();
  const query = readQuery(params);
  const editing = readEditing(params);
  const list = useQuery({ queryKey: ['templates', query], queryFn: () => templatesApi.list(query), placeholderData: keepPreviousData });
  const update = (patch: Record<string, string | undefined>) => {
    setParams((prev) => {
      const next = new URLSearchParams(prev);
      for (const [k, v] of Object.entries(patch)) if (v === undefined) next.delete(k); else next.set(k, v);
      return next;
    }, { replace: true });
  };
  const open = (r: TTemplateSummary) => update({ edit: r.templateId, editLocale: r.locale, editRole: r.roleType ?? undefined });
  const editingRow = editing && list.data?.items.find((r) => r.templateId === editing.templateId);

  const columns: TableProps<TTemplateSummary>['columns'] = [
    {
      title: t('templates.col.template'), key: 'template',
      render: (_, r) => (
        <Flex vertical>
          <span>{templateName(t, r)}</span>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t(`templates.kind.${r.kind}`)} · <code>{r.templateId}</code></Typography.Text>
        </Flex>
      ),
    },
    { title: t('templates.col.subject'), key: 'subject', ellipsis: true, responsive: ['xl'], render: (_, r) => <Typography.Text ellipsis={{ tooltip: r.subject }}>{r.subject}</Typography.Text> },
    { title: t('templates.col.locale'), key: 'locale', render: (_, r) => t(`lang.${r.locale}`) },
    { title: t('templates.col.roleType'), key: 'roleType', render: (_, r) => roleTypeName(t, r.roleType) },
    { title: t('templates.col.source'), key: 'source', render: (_, r) => <ToneTag tone={SOURCE_TONES[r.source]} testId="template-source">{t(`templates.source.${r.source}`)}</ToneTag> },
    { title: t('templates.col.version'), key: 'version', align: 'right', render: (_, r) => (r.version ? r.version : '—') },
    {
      title: t('templates.col.updated'), key: 'updated', responsive: ['lg'],
      render: (_, r) => (r.updatedAt
        ? <Flex vertical><span>{r.updatedBy?.name ?? ''}</span><Typography.Text type="secondary" style={{ fontSize: 12 }}><time dateTime={r.updatedAt} title={formatDateTime(r.updatedAt, lng)}>{formatRelativeTime(r.updatedAt, lng)}</time></Typography.Text></Flex>
        : '—'),
    },
    {
      title: t('templates.col.actions'), key: 'actions', align: 'right',
      render: (_, r) => (
        <Button size="small" onClick={() => open(r)} data-testid="template-edit"
          aria-label={t('templates.editRow', { name: templateName(t, r), locale: t(`lang.${r.locale}`), roleType: roleTypeName(t, r.roleType) })}>
          {t('templates.edit')}
        </Button>
      ),
    },
  ];

  return (
    <>
      <Card variant="borderless">
        <TemplateFilters query={query} steps={list.data?.steps ?? []} onChange={update} />
        <Table<TTemplateSummary>
          rowKey={(r) => `${r.templateId}|${r.locale}|${r.roleType ?? ''}`} columns={columns} dataSource={list.data?.items ?? []}
          loading={list.isFetching} pagination={{ pageSize: 50, showTotal: (total) => t('templates.total', { count: total }) }}
          locale={{ emptyText: <span className="pb-empty">{list.isError ? t('error.generic') : t('templates.empty')}</span> }}
          scroll={{ x: 900 }} data-testid="template-table"
        />
      </Card>
      <Drawer
        open={editing !== null} onClose={() => update({ edit: undefined, editLocale: undefined, editRole: undefined })} size={1200} destroyOnHidden
        title={editing && (
          <Flex vertical>
            <span>{t('templates.editTitle', { name: editingRow ? templateName(t, editingRow) : editing.templateId })}</span>
            <Typography.Text type="secondary" style={{ fontSize: 13, fontWeight: 400 }} data-testid="editor-key">
              {t(`lang.${editing.locale}`)} · {roleTypeName(t, editing.roleType)}
            </Typography.Text>
          </Flex>
        )}
      >
        {editing && <TemplateEditor key={`${editing.templateId}|${editing.locale}|${editing.roleType ?? ''}`} templateKey={editing} />}
      </Drawer>
    </>
  );
}

export default function TemplatesPage() {
  const { t } = useTranslation();
  return (
    <RequirePermission permission="template.manage">
      <>
        <div className="pb-page-head">
          <div>
            <Typography.Title level={1} style={{ fontSize: 24 }}>{t('templates.title')}</Typography.Title>
            <Typography.Text type="secondary">{t('templates.subtitle')}</Typography.Text>
          </div>
        </div>
        <TemplatesList />
      </>
    </RequirePermission>
  );
}
