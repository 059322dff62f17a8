/** Outbox: every outbound message with its delivery state, retries and failures; a drawer shows the text. */
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button, Card, Descriptions, Drawer, Flex, Select, Table, Tag, Typography, type TableProps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { api, type OutboxQuery, type TOutboxMessage } from '../../lib/api.js';
import { ToneTag, type Tone } from '../components/tone-tag.js';
import { WINDOWED_TABLE } from '../components/windowed-body.js';
import { formatDateTime, formatRelativeTime } from '../format.js';
import { channelName, stepName } from '../labels.js';
import '../locales/outbox.js';

const STATUSES = ['scheduled', 'sending', 'sent', 'failed', 'dead', 'cancelled', 'outbox'] as const;
type Status = (typeof STATUSES)[number];
const TONES: Record<string, Tone> = {
  scheduled: 'neutral', sending: 'info', sent: 'success', failed: 'warning', dead: 'danger', cancelled: 'muted', outbox: 'teal',
};
const PAGE_SIZES = [20, 50, 100, 200];

function OutboxStatusTag({ status }: { status: string }) {
  const { t } = useTranslation();
  return <ToneTag tone={TONES[status] ?? 'neutral'} testId="outbox-status">{t(`outboxStatus.${status}`, { defaultValue: status })}</ToneTag>;
}

function MessageDrawer({ message, onClose }: { message: TOutboxMessage | null; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  const none = <Typography.Text type="secondary">{t('outbox.notRendered')}</Typography.Text>;
  return (
    <Drawer open={message !== null} onClose={onClose} size={560} destroyOnHidden title={message && t('outbox.drawerTitle', { name: message.candidateName })}>
      {message && (
        <Flex vertical gap={16} data-testid="outbox-drawer">
          <Descriptions
            size="small" column={1} bordered
            items={[
              { key: 'status', label: t('outbox.col.status'), children: <OutboxStatusTag status={message.status} /> },
              { key: 'channel', label: t('outbox.col.channel'), children: channelName(t, message.channel) },
              { key: 'recipient', label: t('outbox.recipient'), children: message.recipient || none },
              { key: 'steps', label: t('outbox.col.steps'), children: message.stepIds.map((s) => stepName(t, s)).join(' + ') },
              { key: 'sendAfter', label: t('outbox.col.sendAfter'), children: formatDateTime(message.sendAfter, lng) },
              ...(message.sentAt ? [{ key: 'sentAt', label: t('outbox.sentAt'), children: formatDateTime(message.sentAt, lng) }] : []),
              { key: 'attempts', label: t('outbox.col.attempts'), children: message.attempts },
              ...(message.lastError ? [{ key: 'lastError', label: t('outbox.col.lastError'), children: <span className="pb-pre">{message.lastError}</span> }] : []),
            ]}
          />
          <div>
            <Typography.Text type="secondary">{t('outbox.subject')}</Typography.Text>
            <Typography.Title level={2} style={{ fontSize: 16, marginTop: 4 }} data-testid="outbox-subject">{message.subject || none}</Typography.Title>
          </div>
          <div>
            <Typography.Text type="secondary">{t('outbox.body')}</Typography.Text>
            <div className="pb-muted-box" style={{ marginTop: 4 }} data-testid="outbox-body">{message.bodyText || none}</div>
          </div>
        </Flex>
      )}
    </Drawer>
  );
}

export default function OutboxPage() {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  const [params, setParams] = useSearchParams();
  const [open, setOpen] = useState<TOutboxMessage | null>(null);
  const status = STATUSES.find((s) => s === params.get('status'));
  const size = PAGE_SIZES.includes(Number(params.get('size'))) ? Number(params.get('size')) : 20;
  const page = Math.max(1, Number(params.get('page')) || 1);
  const query: OutboxQuery = { status, limit: size, offset: (page - 1) * size };
  const list = useQuery({ queryKey: ['outbox', query], queryFn: () => api.listOutbox(query), placeholderData: keepPreviousData });

  const update = (patch: Record<string, string | undefined>) => {
    setParams((prev) => {
      const next = new URLSearchParams(prev);
      for (const [k, v] of Object.entries(patch)) if (v === undefined) next.delete(k); else next.set(k, v);
      return next;
    }, { replace: true });
  };

  const columns: TableProps<TOutboxMessage>['columns'] = [
    { title: t('outbox.col.candidate'), key: 'candidate', render: (_, m) => <Link to={`/candidates/${m.candidateId}`}>{m.candidateName}</Link> },
    {
      title: t('outbox.col.steps'), key: 'steps',
      render: (_, m) => <Flex vertical>{m.stepIds.map((s) => <span key={s}>{stepName(t, s)}</span>)}</Flex>,
    },
    { title: t('outbox.col.channel'), key: 'channel', render: (_, m) => <Tag bordered={false}>{channelName(t, m.channel)}</Tag>, responsive: ['md'] },
    { title: t('outbox.col.status'), key: 'status', render: (_, m) => <OutboxStatusTag status={m.status} /> },
    {
      title: t('outbox.col.sendAfter'), key: 'sendAfter',
      render: (_, m) => {
        const at = m.sentAt ?? m.sendAfter;
        return (
          <Flex vertical>
            <span>{formatRelativeTime(at, lng)}</span>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}><time dateTime={at}>{formatDateTime(at, lng)}</time></Typography.Text>
          </Flex>
        );
      },
    },
    { title: t('outbox.col.attempts'), dataIndex: 'attempts', key: 'attempts', align: 'right', responsive: ['lg'] },
    {
      title: t('outbox.col.lastError'), key: 'lastError', ellipsis: true, responsive: ['lg'],
      render: (_, m) => (m.lastError ? <Typography.Text type="danger" ellipsis={{ tooltip: m.lastError }}>{m.lastError}</Typography.Text> : t('outbox.none')),
    },
    {
      title: t('outbox.col.actions'), key: 'actions', align: 'right',
      render: (_, m) => <Button size="small" onClick={() => setOpen(m)} aria-label={`${t('outbox.view')}: ${m.candidateName}`}>{t('outbox.view')}</Button>,
    },
  ];

  return (
    <>
      <div className="pb-page-head">
        <div>
          <Typography.Title level={1} style={{ fontSize: 24 }}>{t('outbox.title')}</Typography.Title>
          <Typography.Text type="secondary">{t('outbox.subtitle')}</Typography.Text>
        </div>
      </div>
      <Card variant="borderless">
        <Flex gap={12} wrap style={{ marginBottom: 16 }} role="search">
          <Select<Status>
            aria-label={t('outbox.status')} style={{ width: 220 }} allowClear placeholder={t('outbox.allStatuses')} value={status}
            onChange={(v?: Status) => update({ status: v, page: undefined })} data-testid="outbox-status-filter"
            options={STATUSES.map((s) => ({ value: s, label: t(`outboxStatus.${s}`) }))}
          />
        </Flex>
        <Table<TOutboxMessage>
          rowKey="id" columns={columns} dataSource={list.data?.items ?? []} loading={list.isFetching} components={WINDOWED_TABLE}
          locale={{ emptyText: <span className="pb-empty">{list.isError ? t('error.generic') : t('outbox.empty')}</span> }}
          onChange={(pagination) => update({
            size: pagination.pageSize === 20 ? undefined : String(pagination.pageSize),
            page: pagination.pageSize !== size || pagination.current === 1 ? undefined : String(pagination.current),
          })}
          pagination={{
            current: page, pageSize: size, total: list.data?.total ?? 0, pageSizeOptions: PAGE_SIZES, showSizeChanger: true,
            showTotal: (total) => t('outbox.total', { count: total }),
          }}
          scroll={{ x: 900 }} data-testid="outbox-table"
        />
      </Card>
      <MessageDrawer message={open} onClose={() => setOpen(null)} />
    </>
  );
}
