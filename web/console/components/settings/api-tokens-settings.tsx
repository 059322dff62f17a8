/** API tokens for integrations (ATS, HRIS): created with scopes, the secret shown once, revocable at once. */
import { KeyOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Checkbox, Form, Input, InputNumber, Modal, Popconfirm, Space, Table, Tag, Typography, type TableProps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { API_SCOPES, ZCreateApiToken } from '../../../../src/contracts/auth.js';
import { formatDateTime } from '../../format.js';
import { ToneTag } from '../tone-tag.js';
import { adminApi, type TApiToken, type TCreatedApiToken } from './admin-api.js';
import { showIssues, showServerError } from './form-errors.js';
import '../../locales/settings.js';

interface TokenFields { name?: string; scopes?: string[]; expiresInDays?: number | null }
const FIELDS = ['name', 'scopes', 'expiresInDays'];

function CreateTokenModal({ open, onClose, onCreated }: { open: boolean; onClose: () => void; onCreated: (token: TCreatedApiToken) => void }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [form] = Form.useForm<TokenFields>();
  const [formError, setFormError] = useState<string | null>(null);
  const create = useMutation({
    mutationFn: adminApi.createApiToken,
    onSuccess: async (token) => {
      await client.invalidateQueries({ queryKey: ['api-tokens'] });
      form.resetFields();
      onCreated(token);
    },
    onError: (err) => setFormError(showServerError(form, err, FIELDS)),
  });
  const onFinish = (values: TokenFields) => {
    setFormError(null);
    const parsed = ZCreateApiToken.safeParse({
      name: values.name ?? '', scopes: values.scopes ?? [], ...(values.expiresInDays ? { expiresInDays: values.expiresInDays } : {}),
    });
    if (!parsed.success) return showIssues(form, t, parsed.error.issues);
    create.mutate(parsed.data);
  };
  return (
    <Modal
      open={open} onCancel={onClose} destroyOnHidden title={t('settings.tokens.createTitle')} okText={t('settings.tokens.createButton')} cancelText={t('settings.cancel')}
      onOk={() => form.submit()} confirmLoading={create.isPending} okButtonProps={{ 'data-testid': 'token-submit' } as Record<string, string>}
    >
      {formError && <Alert type="error" showIcon role="alert" title={t('settings.saveFailed')} description={formError} style={{ marginBottom: 16 }} />}
      <Form<TokenFields>
        form={form} layout="vertical" name="token" requiredMark="optional" onFinish={onFinish} initialValues={{ scopes: ['candidates:read'] }}
        onValuesChange={(changed) => form.setFields(Object.keys(changed).map((name) => ({ name: name as keyof TokenFields, errors: [] })))}
      >
        <Form.Item label={t('settings.tokens.name')} name="name" required extra={t('settings.tokens.nameHelp')}>
          <Input maxLength={100} data-testid="token-name" />
        </Form.Item>
        <Form.Item label={t('settings.tokens.scopes')} name="scopes" required>
          <Checkbox.Group options={API_SCOPES.map((s) => ({ value: s, label: t(`settings.tokens.scope.${s.replace(':', '_')}`) }))} />
        </Form.Item>
        <Form.Item label={t('settings.tokens.expiresInDays')} name="expiresInDays" extra={t('settings.tokens.expiresHelp')}>
          <InputNumber min={1} max={3650} precision={0} style={{ width: 200 }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function ShowOnceModal({ token, onClose }: { token: TCreatedApiToken | null; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal
      open={token !== null} onCancel={onClose} onOk={onClose} okText={t('settings.tokens.done')} cancelButtonProps={{ style: { display: 'none' } }}
      title={t('settings.tokens.createdTitle', { name: token?.name ?? '' })} destroyOnHidden
    >
      <Alert type="warning" showIcon title={t('settings.tokens.shownOnce')} style={{ marginBottom: 16 }} />
      <Typography.Paragraph
        code copyable={{ text: token?.token ?? '', tooltips: [t('settings.tokens.copy'), t('settings.tokens.copied')] }}
        style={{ wordBreak: 'break-all' }} data-testid="token-secret"
      >
        {token?.token}
      </Typography.Paragraph>
    </Modal>
  );
}

export function ApiTokensSettings() {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  const { message } = App.useApp();
  const client = useQueryClient();
  const tokens = useQuery({ queryKey: ['api-tokens'], queryFn: adminApi.apiTokens });
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<TCreatedApiToken | null>(null);
  const revoke = useMutation({
    mutationFn: (tk: TApiToken) => adminApi.revokeApiToken(tk.id),
    onSuccess: async (_, tk) => {
      await client.invalidateQueries({ queryKey: ['api-tokens'] });
      void message.success(t('settings.tokens.revoked', { name: tk.name }));
    },
    onError: (err) => void message.error(err instanceof Error ? err.message : String(err)),
  });
  const when = (iso: string | null) => (iso ? <time dateTime={iso}>{formatDateTime(iso, lng)}</time> : t('settings.tokens.never'));

  const columns: TableProps<TApiToken>['columns'] = [
    { title: t('settings.tokens.name'), dataIndex: 'name', key: 'name' },
    { title: t('settings.tokens.scopes'), key: 'scopes', render: (_, tk) => tk.scopes.map((s) => <Tag key={s} bordered={false}>{s}</Tag>) },
    { title: t('settings.tokens.createdAt'), key: 'createdAt', render: (_, tk) => when(tk.createdAt), responsive: ['md'] },
    { title: t('settings.tokens.lastUsedAt'), key: 'lastUsedAt', render: (_, tk) => when(tk.lastUsedAt), responsive: ['lg'] },
    { title: t('settings.tokens.expiresAt'), key: 'expiresAt', render: (_, tk) => when(tk.expiresAt), responsive: ['lg'] },
    {
      title: t('settings.users.status'), key: 'status',
      render: (_, tk) => <ToneTag tone={tk.revokedAt ? 'muted' : 'success'}>{tk.revokedAt ? t('settings.tokens.revokedState') : t('settings.users.active')}</ToneTag>,
    },
    {
      title: t('settings.actions'), key: 'actions', align: 'right',
      render: (_, tk) => (tk.revokedAt ? null : (
        <Popconfirm title={t('settings.tokens.revokeConfirm', { name: tk.name })} onConfirm={() => revoke.mutate(tk)} okText={t('settings.tokens.revoke')} cancelText={t('settings.cancel')}>
          <Button size="small" danger aria-label={`${t('settings.tokens.revoke')}: ${tk.name}`}>{t('settings.tokens.revoke')}</Button>
        </Popconfirm>
      )),
    },
  ];

  return (
    <Card variant="borderless">
      <Space style={{ marginBottom: 16 }}>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="token-create">{t('settings.tokens.create')}</Button>
        <Typography.Text type="secondary"><KeyOutlined aria-hidden="true" /> {t('settings.tokens.help')}</Typography.Text>
      </Space>
      <Table<TApiToken>
        rowKey="id" columns={columns} dataSource={tokens.data?.items ?? []} loading={tokens.isFetching} pagination={false} data-testid="tokens-table"
        scroll={{ x: 800 }} locale={{ emptyText: <span className="pb-empty">{tokens.isError ? t('error.generic') : t('settings.tokens.empty')}</span> }}
      />
      <CreateTokenModal open={creating} onClose={() => setCreating(false)} onCreated={(tk) => { setCreating(false); setCreated(tk); }} />
      <ShowOnceModal token={created} onClose={() => setCreated(null)} />
    </Card>
  );
}
