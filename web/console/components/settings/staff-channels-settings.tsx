/**
 * Staff channels: WeCom, DingTalk and Feishu group robots that get the daily digest
 * summary and escalations, each in its group's language. The webhook URL and secret are
 * write-only: the list shows a hint, and editing leaves them as saved unless replaced.
 */
import { PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Popconfirm, Space, Table, Tag, Typography, type TableProps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { adminApi, type TStaffChannel } from './admin-api.js';
import { StaffChannelModal } from './staff-channel-modal.js';
import '../../locales/settings.js';

export function StaffChannelsSettings() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const client = useQueryClient();
  const channels = useQuery({ queryKey: ['staff-channels'], queryFn: adminApi.staffChannels });
  // null: adding a robot; a robot: editing it; undefined: no form open.
  const [editing, setEditing] = useState<TStaffChannel | null | undefined>(undefined);
  const remove = useMutation({
    mutationFn: (c: TStaffChannel) => adminApi.removeStaffChannel(c.id),
    onSuccess: async (_, c) => {
      await client.invalidateQueries({ queryKey: ['staff-channels'] });
      void message.success(t('settings.channels.removed', { name: c.name }));
    },
    onError: (err) => void message.error(err instanceof Error ? err.message : String(err)),
  });
  const test = useMutation({
    mutationFn: (c: TStaffChannel) => adminApi.testStaffChannel(c.id),
    onSuccess: (_, c) => void message.success(t('settings.channels.testSent', { name: c.name })),
    onError: (err) => void message.error(t('settings.channels.testFailed', { message: err instanceof Error ? err.message : String(err) })),
  });

  const columns: TableProps<TStaffChannel>['columns'] = [
    { title: t('settings.channels.name'), dataIndex: 'name', key: 'name' },
    { title: t('settings.channels.kind'), key: 'kind', render: (_, c) => t(`settings.channels.kindName.${c.kind}`) },
    { title: t('settings.channels.webhookUrl'), key: 'hint', render: (_, c) => <Typography.Text code>{c.webhookHint}</Typography.Text>, responsive: ['md'] },
    { title: t('settings.channels.events'), key: 'events', render: (_, c) => c.events.map((e) => <Tag key={e} bordered={false}>{t(`settings.channels.event.${e}`)}</Tag>) },
    { title: t('settings.channels.language'), key: 'language', render: (_, c) => t(`lang.${c.language}`), responsive: ['lg'] },
    {
      title: t('settings.actions'), key: 'actions', align: 'right',
      render: (_, c) => (
        <Space wrap>
          <Button size="small" onClick={() => setEditing(c)} aria-label={`${t('settings.channels.edit')}: ${c.name}`}>{t('settings.channels.edit')}</Button>
          <Button size="small" onClick={() => test.mutate(c)} loading={test.isPending && test.variables?.id === c.id} aria-label={`${t('settings.channels.test')}: ${c.name}`}>
            {t('settings.channels.test')}
          </Button>
          <Popconfirm title={t('settings.channels.removeConfirm', { name: c.name })} onConfirm={() => remove.mutate(c)} okText={t('settings.channels.remove')} cancelText={t('settings.cancel')}>
            <Button size="small" danger aria-label={`${t('settings.channels.remove')}: ${c.name}`}>{t('settings.channels.remove')}</Button>
          </Popconfirm>
        </Space>
      ),
    },
  ];

  return (
    <Card variant="borderless">
      <Space style={{ marginBottom: 16 }} wrap>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing(null)} data-testid="channel-add">{t('settings.channels.add')}</Button>
        <Typography.Text type="secondary">{t('settings.channels.help')}</Typography.Text>
      </Space>
      <Table<TStaffChannel>
        rowKey="id" columns={columns} dataSource={channels.data?.items ?? []} loading={channels.isFetching} pagination={false} data-testid="channels-table"
        scroll={{ x: 760 }} locale={{ emptyText: <span className="pb-empty">{channels.isError ? t('error.generic') : t('settings.channels.empty')}</span> }}
      />
      {editing !== undefined && <StaffChannelModal key={editing?.id ?? 'new'} channel={editing} onClose={() => setEditing(undefined)} />}
    </Card>
  );
}
