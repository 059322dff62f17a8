/**
 * Staff channels: WeCom, DingTalk and Feishu group robots that get the daily digest
 * summary and escalations. The webhook URL and secret are write-only: the list shows a hint.
 */
import { PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Form, Input, Modal, Popconfirm, Select, Space, Table, Tag, Typography, type TableProps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  STAFF_CHANNEL_EVENTS, STAFF_CHANNEL_KINDS, ZCreateStaffChannel, type TCreateStaffChannel, type TStaffChannel, type TStaffChannelKind,
} from '../../../../src/contracts/staff-channels.js';
import { request } from '../../../lib/api.js';
import { showIssues, showServerError } from './form-errors.js';

const channelsApi = {
  list: () => request<{ items: TStaffChannel[] }>('GET', '/settings/staff-channels'),
  create: (input: TCreateStaffChannel) => request<TStaffChannel>('POST', '/settings/staff-channels', input),
  remove: (channelId: string) => request<{ ok: true }>('DELETE', `/settings/staff-channels/${encodeURIComponent(channelId)}`),
  test: (channelId: string) => request<{ ok: true }>('POST', `/settings/staff-channels/${encodeURIComponent(channelId)}/test`),
};

interface ChannelFields { kind?: TStaffChannelKind; name?: string; webhookUrl?: string; secret?: string; events?: string[] }
const FIELDS = ['kind', 'name', 'webhookUrl', 'secret', 'events'];

function AddChannelModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [form] = Form.useForm<ChannelFields>();
  const [formError, setFormError] = useState<string | null>(null);
  const kind = Form.useWatch('kind', form);
  const create = useMutation({
    mutationFn: channelsApi.create,
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: ['staff-channels'] });
      form.resetFields();
      onClose();
    },
    onError: (err) => setFormError(showServerError(form, err, FIELDS)),
  });
  const onFinish = (values: ChannelFields) => {
    setFormError(null);
    const parsed = ZCreateStaffChannel.safeParse({
      kind: values.kind, name: values.name ?? '', webhookUrl: values.webhookUrl ?? '', events: values.events ?? [],
      ...(values.secret ? { secret: values.secret } : {}),
    });
    if (!parsed.success) return showIssues(form, t, parsed.error.issues);
    create.mutate(parsed.data);
  };
  return (
    <Modal
      open={open} onCancel={onClose} destroyOnHidden title={t('settings.channels.addTitle')} okText={t('settings.channels.addButton')} cancelText={t('settings.cancel')}
      onOk={() => form.submit()} confirmLoading={create.isPending} okButtonProps={{ 'data-testid': 'channel-submit' } as Record<string, string>}
    >
      {formError && <Alert type="error" showIcon role="alert" title={t('settings.saveFailed')} description={formError} style={{ marginBottom: 16 }} />}
      <Form<ChannelFields>
        form={form} layout="vertical" name="staff-channel" requiredMark="optional" onFinish={onFinish}
        initialValues={{ kind: 'wecom', events: ['digest', 'escalation'] }}
        onValuesChange={(changed) => form.setFields(Object.keys(changed).map((name) => ({ name: name as keyof ChannelFields, errors: [] })))}
      >
        <Form.Item label={t('settings.channels.kind')} name="kind" required>
          <Select options={STAFF_CHANNEL_KINDS.map((k) => ({ value: k, label: t(`settings.channels.kindName.${k}`) }))} />
        </Form.Item>
        <Form.Item label={t('settings.channels.name')} name="name" required>
          <Input maxLength={100} data-testid="channel-name" />
        </Form.Item>
        <Form.Item label={t('settings.channels.webhookUrl')} name="webhookUrl" required extra={t(`settings.channels.webhookHelp.${kind ?? 'wecom'}`)}>
          <Input maxLength={500} autoComplete="off" data-testid="channel-webhook" />
        </Form.Item>
        {kind !== 'wecom' && (
          <Form.Item label={t('settings.channels.secret')} name="secret" required={kind === 'dingtalk'} extra={t('settings.channels.secretHelp')}>
            <Input.Password maxLength={200} autoComplete="new-password" data-testid="channel-secret" />
          </Form.Item>
        )}
        <Form.Item label={t('settings.channels.events')} name="events" required>
          {/* A multi-select rather than checkboxes: a checkbox group cannot carry aria-required. */}
          <Select mode="multiple" options={STAFF_CHANNEL_EVENTS.map((e) => ({ value: e, label: t(`settings.channels.event.${e}`) }))} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export function StaffChannelsSettings() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const client = useQueryClient();
  const channels = useQuery({ queryKey: ['staff-channels'], queryFn: channelsApi.list });
  const [adding, setAdding] = useState(false);
  const remove = useMutation({
    mutationFn: (c: TStaffChannel) => channelsApi.remove(c.id),
    onSuccess: async (_, c) => {
      await client.invalidateQueries({ queryKey: ['staff-channels'] });
      void message.success(t('settings.channels.removed', { name: c.name }));
    },
    onError: (err) => void message.error(err instanceof Error ? err.message : String(err)),
  });
  const test = useMutation({
    mutationFn: (c: TStaffChannel) => channelsApi.test(c.id),
    onSuccess: (_, c) => void message.success(t('settings.channels.testSent', { name: c.name })),
    onError: (err) => void message.error(t('settings.channels.testFailed', { message: err instanceof Error ? err.message : String(err) })),
  });

  const columns: TableProps<TStaffChannel>['columns'] = [
    { title: t('settings.channels.name'), dataIndex: 'name', key: 'name' },
    { title: t('settings.channels.kind'), key: 'kind', render: (_, c) => t(`settings.channels.kindName.${c.kind}`) },
    { title: t('settings.channels.webhookUrl'), key: 'hint', render: (_, c) => <Typography.Text code>{c.webhookHint}</Typography.Text>, responsive: ['md'] },
    { title: t('settings.channels.events'), key: 'events', render: (_, c) => c.events.map((e) => <Tag key={e} bordered={false}>{t(`settings.channels.event.${e}`)}</Tag>) },
    {
      title: t('settings.actions'), key: 'actions', align: 'right',
      render: (_, c) => (
        <Space>
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
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)} data-testid="channel-add">{t('settings.channels.add')}</Button>
        <Typography.Text type="secondary">{t('settings.channels.help')}</Typography.Text>
      </Space>
      <Table<TStaffChannel>
        rowKey="id" columns={columns} dataSource={channels.data?.items ?? []} loading={channels.isFetching} pagination={false} data-testid="channels-table"
        scroll={{ x: 700 }} locale={{ emptyText: <span className="pb-empty">{channels.isError ? t('error.generic') : t('settings.channels.empty')}</span> }}
      />
      <AddChannelModal open={adding} onClose={() => setAdding(false)} />
    </Card>
  );
}
