/**
 * The talent pool: people who declined or reneged and opted in. Search, filter by tag or
 * by "we write to them soon", tag and keep notes, and withdraw someone on their request
 * (their entry is deleted and no further nurture goes out).
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Flex, Form, Input, Modal, Popconfirm, Select, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { changesApi, type TTalentPoolEntry } from '../../lib/exception-flows-api.js';
import { WINDOWED_TABLE } from '../components/windowed-body.js';
import { formatDateTime } from '../format.js';
import { usePermissions } from '../session.js';
import '../locales/talent-pool.js';

/** Entries a page; longer pages render only the rows near the screen. */
const PAGE_SIZES = [20, 50, 100, 200];

function TagModal({ entry, allTags, onClose }: { entry: TTalentPoolEntry; allTags: string[]; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [form] = Form.useForm<{ tags: string[]; notes: string }>();
  const save = useMutation({
    mutationFn: (v: { tags: string[]; notes: string }) => changesApi.tagPoolEntry(entry.candidateId, { tags: v.tags ?? [], notes: v.notes ?? '' }),
    onSuccess: async () => { await client.invalidateQueries({ queryKey: ['talent-pool'] }); void message.success(t('talentPool.saved')); onClose(); },
    onError: (err) => form.setFields([{ name: 'tags', errors: [err.message] }]),
  });
  return (
    <Modal
      open title={t('talentPool.tagTitle', { name: entry.fullName })} onCancel={onClose} destroyOnHidden
      okText={t('talentPool.save')} cancelText={t('talentPool.cancel')} onOk={() => form.submit()} okButtonProps={{ loading: save.isPending }}
    >
      <Form form={form} layout="vertical" initialValues={{ tags: entry.tags, notes: entry.notes }} onFinish={(v) => save.mutate(v)} data-testid="pool-tag-form">
        <Form.Item label={t('talentPool.tags')} name="tags" extra={t('talentPool.tagsHint')}>
          <Select mode="tags" maxCount={20} options={allTags.map((tag) => ({ value: tag, label: tag }))} aria-label={t('talentPool.tags')} />
        </Form.Item>
        <Form.Item label={t('talentPool.notes')} name="notes">
          <Input.TextArea rows={4} maxLength={2000} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export default function TalentPoolPage() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const can = usePermissions();
  const client = useQueryClient();
  const [q, setQ] = useState('');
  const [tag, setTag] = useState<string | undefined>();
  const [soon, setSoon] = useState<number | undefined>();
  const [page, setPage] = useState(1);
  const [size, setSize] = useState(PAGE_SIZES[0]!);
  const [editing, setEditing] = useState<TTalentPoolEntry | null>(null);
  const query = { q: q || undefined, tag, nextWithinDays: soon, limit: size, offset: (page - 1) * size };
  const pool = useQuery({ queryKey: ['talent-pool', query], queryFn: () => changesApi.talentPool(query), enabled: can('talent_pool.manage'), placeholderData: (prev) => prev });
  const withdraw = useMutation({
    mutationFn: (candidateId: string) => changesApi.withdrawFromPool(candidateId),
    onSuccess: async () => { await client.invalidateQueries({ queryKey: ['talent-pool'] }); void message.success(t('talentPool.withdrawn')); },
    onError: (err) => void message.error(err.message),
  });

  if (!can('talent_pool.manage')) return <Alert type="info" showIcon title={t('error.forbidden')} />;
  const lng = i18n.language;
  const columns: TableColumnsType<TTalentPoolEntry> = [
    {
      title: t('talentPool.name'), key: 'name',
      render: (_, e) => (
        <Flex vertical>
          <Link to={`/candidates/${e.candidateId}`}>{e.fullName}</Link>
          <Typography.Text type="secondary">{e.positionTitle} · {e.department}</Typography.Text>
        </Flex>
      ),
    },
    { title: t('talentPool.status'), key: 'status', render: (_, e) => t(`status.${e.status}`, { defaultValue: e.status }) },
    { title: t('talentPool.tags'), key: 'tags', render: (_, e) => <Space wrap size={4}>{e.tags.map((x) => <Tag key={x}>{x}</Tag>)}</Space> },
    {
      title: t('talentPool.nextContact'), key: 'next',
      render: (_, e) => (e.nextNurtureAt ? formatDateTime(e.nextNurtureAt, lng) : <Typography.Text type="secondary">{t('talentPool.noNext')}</Typography.Text>),
    },
    { title: t('talentPool.lastContact'), key: 'last', render: (_, e) => (e.lastNurturedAt ? formatDateTime(e.lastNurturedAt, lng) : '—') },
    { title: t('talentPool.consentUntil'), key: 'consent', render: (_, e) => (e.consent.expiresAt ? formatDateTime(e.consent.expiresAt, lng) : '—') },
    {
      title: t('talentPool.actions'), key: 'actions',
      render: (_, e) => (
        <Space>
          <Button size="small" onClick={() => setEditing(e)} aria-label={t('talentPool.tagFor', { name: e.fullName })}>{t('talentPool.tag')}</Button>
          <Popconfirm
            title={t('talentPool.withdrawConfirm', { name: e.fullName })} okText={t('talentPool.withdraw')} cancelText={t('talentPool.cancel')}
            onConfirm={() => withdraw.mutateAsync(e.candidateId).catch(() => undefined)}
          >
            <Button size="small" aria-label={t('talentPool.withdrawFor', { name: e.fullName })}>{t('talentPool.withdraw')}</Button>
          </Popconfirm>
        </Space>
      ),
    },
  ];
  return (
    <>
      <div className="pb-page-head">
        <div>
          <Typography.Title level={1} style={{ fontSize: 24 }}>{t('talentPool.title')}</Typography.Title>
          <Typography.Text type="secondary">{t('talentPool.subtitle')}</Typography.Text>
        </div>
      </div>
      <Card variant="borderless">
        <Flex wrap gap={12} style={{ marginBottom: 16 }} role="search">
          <Input.Search
            allowClear placeholder={t('talentPool.search')} aria-label={t('talentPool.search')} style={{ maxWidth: 320 }}
            onSearch={(v) => { setQ(v.trim()); setPage(1); }} data-testid="pool-search"
          />
          <Select
            allowClear placeholder={t('talentPool.filterTag')} aria-label={t('talentPool.filterTag')} style={{ minWidth: 180 }} value={tag}
            options={(pool.data?.tags ?? []).map((x) => ({ value: x, label: x }))} onChange={(v) => { setTag(v); setPage(1); }}
          />
          <Select
            allowClear placeholder={t('talentPool.filterSoon')} aria-label={t('talentPool.filterSoon')} style={{ minWidth: 200 }} value={soon}
            options={[30, 90].map((d) => ({ value: d, label: t('talentPool.within', { count: d }) }))} onChange={(v) => { setSoon(v); setPage(1); }}
          />
        </Flex>
        {pool.isError && <Alert type="error" showIcon title={t('error.generic')} description={pool.error.message} />}
        <Table<TTalentPoolEntry>
          rowKey="candidateId" columns={columns} dataSource={pool.data?.items ?? []} loading={pool.isFetching} data-testid="talent-pool-table"
          locale={{ emptyText: t('talentPool.empty') }} scroll={{ x: 900 }} components={WINDOWED_TABLE}
          pagination={{
            current: page, pageSize: size, total: pool.data?.total ?? 0, pageSizeOptions: PAGE_SIZES, showSizeChanger: true,
            onChange: (next, nextSize) => { setPage(nextSize === size ? next : 1); setSize(nextSize); },
          }}
        />
      </Card>
      {editing && <TagModal entry={editing} allTags={pool.data?.tags ?? []} onClose={() => setEditing(null)} />}
    </>
  );
}
