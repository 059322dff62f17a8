/**
 * Audit log (org admins): every change and every read of personal data, newest first,
 * filtered on the server (actor, action, entity, candidate, dates) and paged by cursor.
 * Filters live in the URL, so a filtered view can be bookmarked or shared.
 */
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button, Card, Descriptions, Drawer, Flex, Input, AutoComplete, Select, Space, Table, Tag, Typography, type TableProps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { api } from '../../lib/api.js';
import type { TAuditEntry } from '../../../src/contracts/org.js';
import { adminApi, type TAuditQuery } from '../components/settings/admin-api.js';
import { RequirePermission } from '../components/settings/require-permission.js';
import { WINDOWED_TABLE } from '../components/windowed-body.js';
import { formatDateTime } from '../format.js';
import '../locales/audit.js';

/** Entries a page; longer pages render only the rows near the screen. */
const PAGE_SIZES = [20, 50, 100, 200];
const DEFAULT_SIZE = 50;
const ACTIONS = ['create', 'update', 'read', 'delete', 'revoke', 'login', 'event', 'task', 'issue', 'purge', 'anonymised', 'consent_given', 'consent_withdrawn'];
const ENTITIES = [
  'candidate', 'offer', 'touch', 'timeline', 'task', 'user', 'site', 'department', 'settings', 'api_token', 'session', 'portal_link',
  'document', 'checklist_item', 'consent', 'data_request', 'salary_request', 'pay_band', 'outbound_message', 'logistics',
];
const FILTERS = ['actor', 'action', 'entity', 'candidate', 'from', 'to'] as const;
const isDate = (v: string | null): v is string => v !== null && /^\d{4}-\d{2}-\d{2}$/.test(v);

/** Midnight at the start of a local date in the reader's zone, as an ISO instant. */
function startOfDay(date: string, plusDays = 0): string {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(y!, m! - 1, d! + plusDays).toISOString();
}

/** A free-text filter with suggestions; the query changes on pick, Enter or leaving the field, not per keystroke. */
function FilterText({ label, placeholder, value, suggestions, onCommit, testId }: {
  label: string; placeholder: string; value: string; suggestions: readonly string[]; onCommit: (v: string | undefined) => void; testId: string;
}) {
  const [text, setText] = useState(value);
  const [shown, setShown] = useState(value);
  if (shown !== value) { setShown(value); setText(value); }
  const commit = (v: string) => { if (v.trim() !== value) onCommit(v.trim() || undefined); };
  return (
    <AutoComplete
      aria-label={label} style={{ width: 170 }} allowClear placeholder={placeholder} value={text} data-testid={testId}
      options={suggestions.map((a) => ({ value: a }))} onChange={(v?: string) => { setText(v ?? ''); if (!v) commit(''); }}
      onSelect={(v?: string) => { setText(v ?? ''); commit(v ?? ''); }} onBlur={() => commit(text)}
      onKeyDown={(e) => { if (e.key === 'Enter') commit(text); }}
      filterOption={(input, option) => String(option?.value ?? '').includes(input.trim())}
    />
  );
}

function ActorLabel({ entry }: { entry: TAuditEntry }) {
  const { t } = useTranslation();
  if (entry.actorName) return <span>{entry.actorName}</span>;
  return <Typography.Text type="secondary">{t(`audit.actorKind.${entry.actorKind}`, { defaultValue: entry.actorKind })}</Typography.Text>;
}

function EntryDrawer({ entry, onClose }: { entry: TAuditEntry | null; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  return (
    <Drawer open={entry !== null} onClose={onClose} size={600} destroyOnHidden title={entry && `${entry.action} · ${entry.entity}`}>
      {entry && (
        <Flex vertical gap={16} data-testid="audit-drawer">
          <Descriptions
            size="small" column={1} bordered
            items={[
              { key: 'at', label: t('audit.col.at'), children: <time dateTime={entry.at}>{formatDateTime(entry.at, i18n.language)}</time> },
              { key: 'actor', label: t('audit.col.actor'), children: <ActorLabel entry={entry} /> },
              { key: 'kind', label: t('audit.actorKindLabel'), children: t(`audit.actorKind.${entry.actorKind}`, { defaultValue: entry.actorKind }) },
              { key: 'action', label: t('audit.col.action'), children: entry.action },
              { key: 'entity', label: t('audit.col.entity'), children: entry.entity },
              ...(entry.entityId ? [{ key: 'entityId', label: t('audit.entityId'), children: <code>{entry.entityId}</code> }] : []),
              ...(entry.candidateId ? [{ key: 'candidate', label: t('audit.col.candidate'), children: <Link to={`/candidates/${entry.candidateId}`}>{entry.candidateName ?? t('audit.openCandidate')}</Link> }] : []),
              { key: 'ip', label: t('audit.ip'), children: entry.ip ?? '—' },
            ]}
          />
          <div>
            <Typography.Title level={2} style={{ fontSize: 14 }}>{t('audit.detail')}</Typography.Title>
            <pre className="pb-muted-box" style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word', margin: 0 }} data-testid="audit-detail" tabIndex={0}>
              {JSON.stringify(entry.detail, null, 2)}
            </pre>
          </div>
        </Flex>
      )}
    </Drawer>
  );
}

function AuditLog() {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  const [params, setParams] = useSearchParams();
  const [open, setOpen] = useState<TAuditEntry | null>(null);
  const [previous, setPrevious] = useState<string[]>([]);
  const [candidateSearch, setCandidateSearch] = useState('');
  const [candidatePicker, setCandidatePicker] = useState(false);
  const from = params.get('from');
  const to = params.get('to');
  const cursor = params.get('cursor') ?? undefined;
  const size = PAGE_SIZES.includes(Number(params.get('size'))) ? Number(params.get('size')) : DEFAULT_SIZE;
  const query: Partial<TAuditQuery> = {
    actorId: params.get('actor') ?? undefined,
    action: params.get('action') ?? undefined,
    entity: params.get('entity') ?? undefined,
    candidateId: params.get('candidate') ?? undefined,
    from: isDate(from) ? startOfDay(from) : undefined,
    to: isDate(to) ? startOfDay(to, 1) : undefined,
    limit: size,
    cursor,
  };
  const list = useQuery({ queryKey: ['audit', query], queryFn: () => adminApi.audit(query), placeholderData: keepPreviousData, retry: false });
  const users = useQuery({ queryKey: ['users'], queryFn: api.users });
  const candidateId = params.get('candidate');
  const candidates = useQuery({
    queryKey: ['audit-candidates', candidateSearch],
    queryFn: () => api.listCandidates({ q: candidateSearch || undefined, limit: 20 }),
    // Listing candidates is itself audited: only look them up when the picker is used.
    enabled: candidatePicker,
  });
  const chosenCandidate = useQuery({ queryKey: ['candidate', candidateId], queryFn: () => api.getCandidate(candidateId!), enabled: !!candidateId, retry: false });

  const update = (patch: Partial<Record<(typeof FILTERS)[number], string | undefined>>) => {
    setPrevious([]);
    setParams((prev) => {
      const next = new URLSearchParams(prev);
      next.delete('cursor');
      for (const [k, v] of Object.entries(patch)) if (v === undefined || v === '') next.delete(k); else next.set(k, v);
      return next;
    }, { replace: true });
  };
  const goTo = (c: string | undefined) => setParams((prev) => {
    const next = new URLSearchParams(prev);
    if (c) next.set('cursor', c); else next.delete('cursor');
    return next;
  });
  // A new page size starts again from the newest entry.
  const setPageSize = (n: number) => {
    setPrevious([]);
    setParams((prev) => {
      const next = new URLSearchParams(prev);
      next.delete('cursor');
      if (n === DEFAULT_SIZE) next.delete('size'); else next.set('size', String(n));
      return next;
    }, { replace: true });
  };
  const nextPage = () => {
    if (!list.data?.nextCursor) return;
    setPrevious((p) => [...p, cursor ?? '']);
    goTo(list.data.nextCursor);
  };
  const previousPage = () => {
    const back = previous.at(-1);
    setPrevious((p) => p.slice(0, -1));
    goTo(back || undefined);
  };

  const candidateOptions = [
    ...(chosenCandidate.data && !candidates.data?.items.some((c) => c.id === chosenCandidate.data.id)
      ? [{ value: chosenCandidate.data.id, label: chosenCandidate.data.fullName }] : []),
    ...(candidates.data?.items ?? []).map((c) => ({ value: c.id, label: c.fullName })),
  ];

  const columns: TableProps<TAuditEntry>['columns'] = [
    {
      title: t('audit.col.at'), key: 'at', width: 190,
      render: (_, e) => <time dateTime={e.at}>{formatDateTime(e.at, lng)}</time>,
    },
    { title: t('audit.col.actor'), key: 'actor', render: (_, e) => <ActorLabel entry={e} /> },
    { title: t('audit.col.action'), key: 'action', render: (_, e) => <Tag bordered={false}>{e.action}</Tag> },
    { title: t('audit.col.entity'), dataIndex: 'entity', key: 'entity' },
    {
      title: t('audit.col.candidate'), key: 'candidate', responsive: ['md'],
      render: (_, e) => (e.candidateId ? <Link to={`/candidates/${e.candidateId}`}>{e.candidateName ?? t('audit.openCandidate')}</Link> : '—'),
    },
    {
      title: t('audit.col.details'), key: 'details', align: 'right',
      render: (_, e) => <Button size="small" onClick={() => setOpen(e)} aria-label={`${t('audit.view')}: ${e.action} ${e.entity}`}>{t('audit.view')}</Button>,
    },
  ];

  return (
    <>
      <div className="pb-page-head">
        <div>
          <Typography.Title level={1} style={{ fontSize: 24 }}>{t('audit.title')}</Typography.Title>
          <Typography.Text type="secondary">{t('audit.subtitle')}</Typography.Text>
        </div>
      </div>
      <Card variant="borderless">
        <Flex gap={12} wrap style={{ marginBottom: 16 }} role="search" aria-label={t('audit.filters')}>
          <Select
            aria-label={t('audit.col.actor')} style={{ width: 200 }} allowClear showSearch optionFilterProp="label" placeholder={t('audit.anyActor')}
            value={params.get('actor') ?? undefined} onChange={(v?: string) => update({ actor: v })} data-testid="audit-actor"
            options={(users.data?.items ?? []).map((u) => ({ value: u.id, label: u.name }))}
          />
          <FilterText
            label={t('audit.col.action')} placeholder={t('audit.anyAction')} value={params.get('action') ?? ''} suggestions={ACTIONS}
            onCommit={(v) => update({ action: v })} testId="audit-action"
          />
          <FilterText
            label={t('audit.col.entity')} placeholder={t('audit.anyEntity')} value={params.get('entity') ?? ''} suggestions={ENTITIES}
            onCommit={(v) => update({ entity: v })} testId="audit-entity"
          />
          <Select
            aria-label={t('audit.col.candidate')} style={{ width: 200 }} allowClear showSearch filterOption={false} placeholder={t('audit.anyCandidate')}
            value={candidateId ?? undefined} onSearch={setCandidateSearch} onOpenChange={(open) => { if (open) setCandidatePicker(true); }} onChange={(v?: string) => update({ candidate: v })}
            options={candidateOptions} data-testid="audit-candidate"
          />
          <Space.Compact>
            <Input type="date" aria-label={t('audit.from')} value={isDate(from) ? from : ''} onChange={(e) => update({ from: e.target.value })} style={{ width: 160 }} data-testid="audit-from" />
            <Input type="date" aria-label={t('audit.to')} value={isDate(to) ? to : ''} onChange={(e) => update({ to: e.target.value })} style={{ width: 160 }} data-testid="audit-to" />
          </Space.Compact>
          {FILTERS.some((f) => params.get(f)) && <Button onClick={() => update(Object.fromEntries(FILTERS.map((f) => [f, undefined])))}>{t('audit.clear')}</Button>}
        </Flex>
        {list.isError && <Typography.Text type="danger" role="alert">{list.error instanceof Error ? list.error.message : t('error.generic')}</Typography.Text>}
        <Table<TAuditEntry>
          rowKey="id" columns={columns} dataSource={list.data?.items ?? []} loading={list.isFetching} pagination={false} components={WINDOWED_TABLE}
          scroll={{ x: 800 }} data-testid="audit-table" size="middle"
          locale={{ emptyText: <span className="pb-empty">{list.isError ? t('error.generic') : t('audit.empty')}</span> }}
        />
        <Flex justify="flex-end" gap={8} style={{ marginTop: 16 }}>
          <Select
            aria-label={t('audit.pageSize')} style={{ width: 130 }} value={size} data-testid="audit-size"
            onChange={(v: number) => setPageSize(v)} options={PAGE_SIZES.map((n) => ({ value: n, label: t('audit.perPage', { count: n }) }))}
          />
          <Button onClick={previousPage} disabled={!cursor} data-testid="audit-prev">{t('audit.previous')}</Button>
          <Button onClick={nextPage} disabled={!list.data?.nextCursor} data-testid="audit-next">{t('audit.next')}</Button>
        </Flex>
      </Card>
      <EntryDrawer entry={open} onClose={() => setOpen(null)} />
    </>
  );
}

export default function AuditPage() {
  return <RequirePermission permission="audit.read"><AuditLog /></RequirePermission>;
}
