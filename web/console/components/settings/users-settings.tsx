/** Users and roles: add staff with a role and departments, change a role, disable (which signs them out everywhere). */
import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Col, Drawer, Form, Input, Popconfirm, Row, Select, Space, Table, Tag, type TableProps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LANGUAGES, STAFF_ROLES } from '../../../../src/contracts/common.js';
import { ZCreateUser, ZUpdateUser } from '../../../../src/contracts/org.js';
import { api } from '../../../lib/api.js';
import { useMe } from '../../session.js';
import { ToneTag } from '../tone-tag.js';
import { adminApi, type TCreateUser, type TUser, type TUserPatch } from './admin-api.js';
import { showIssues, showServerError } from './form-errors.js';
import '../../locales/settings.js';

interface UserFields {
  email?: string; name?: string; phone?: string; role?: string; locale?: string; password?: string; departmentIds?: string[];
}
const FIELDS = ['email', 'name', 'phone', 'role', 'locale', 'password', 'departmentIds'];

/**
 * Only what changed goes to the server: a role sent unchanged would still sign the user
 * out everywhere (any role change does).
 */
function changedFields(user: TUser, values: UserFields): Record<string, unknown> {
  const next = { name: values.name ?? '', phone: values.phone ?? '', role: values.role, locale: values.locale, departmentIds: values.departmentIds ?? [] };
  const before: Record<string, unknown> = { name: user.name, phone: user.phone, role: user.role, locale: user.locale, departmentIds: user.departmentIds };
  return Object.fromEntries(Object.entries(next).filter(([k, v]) => JSON.stringify(v) !== JSON.stringify(before[k])));
}

function UserDrawer({ user, open, onClose }: { user: TUser | null; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [form] = Form.useForm<UserFields>();
  const [formError, setFormError] = useState<string | null>(null);
  const departments = useQuery({ queryKey: ['departments'], queryFn: api.departments });

  const save = useMutation({
    mutationFn: (input: TCreateUser | TUserPatch) => (user ? adminApi.updateUser(user.id, input as TUserPatch) : adminApi.createUser(input as TCreateUser)),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: ['users'] });
      void message.success(t('settings.saved'));
      onClose();
    },
    onError: (err) => setFormError(showServerError(form, err, FIELDS)),
  });

  const onFinish = (values: UserFields) => {
    setFormError(null);
    const parsed = user
      ? ZUpdateUser.safeParse(changedFields(user, values))
      : ZCreateUser.safeParse({ ...values, email: values.email ?? '', name: values.name ?? '', password: values.password ?? '', phone: values.phone ?? '', departmentIds: values.departmentIds ?? [] });
    if (!parsed.success) return showIssues(form, t, parsed.error.issues);
    if (user && Object.keys(parsed.data).length === 0) return onClose();
    save.mutate(parsed.data);
  };

  return (
    <Drawer
      open={open} onClose={onClose} size={520} destroyOnHidden title={user ? t('settings.users.editTitle', { name: user.name }) : t('settings.users.createTitle')}
      footer={(
        <Space style={{ width: '100%', justifyContent: 'flex-end' }}>
          <Button onClick={onClose}>{t('settings.cancel')}</Button>
          <Button type="primary" onClick={() => form.submit()} loading={save.isPending} data-testid="user-save">{t('settings.save')}</Button>
        </Space>
      )}
    >
      {formError && <Alert type="error" showIcon role="alert" title={t('settings.saveFailed')} description={formError} style={{ marginBottom: 16 }} />}
      {user && <Alert type="info" showIcon title={t('settings.users.roleChangeSignsOut')} style={{ marginBottom: 16 }} />}
      <Form<UserFields>
        form={form} layout="vertical" name="user" requiredMark="optional" onFinish={onFinish}
        initialValues={user ? { name: user.name, phone: user.phone, role: user.role, locale: user.locale, departmentIds: user.departmentIds } : { role: 'hr', locale: 'zh-CN', departmentIds: [] }}
        onValuesChange={(changed) => form.setFields(Object.keys(changed).map((name) => ({ name: name as keyof UserFields, errors: [] })))}
      >
        {!user && (
          <Form.Item label={t('settings.users.email')} name="email" required>
            <Input type="email" autoComplete="off" maxLength={254} />
          </Form.Item>
        )}
        <Form.Item label={t('settings.users.name')} name="name" required>
          <Input maxLength={100} />
        </Form.Item>
        <Row gutter={12}>
          <Col span={12}>
            <Form.Item label={t('settings.users.role')} name="role" required>
              <Select options={STAFF_ROLES.map((r) => ({ value: r, label: t(`role.${r}`) }))} data-testid="user-role" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item label={t('settings.users.locale')} name="locale" required>
              <Select options={LANGUAGES.map((l) => ({ value: l, label: t(`lang.${l}`) }))} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item label={t('settings.users.departments')} name="departmentIds" extra={t('settings.users.departmentsHelp')}>
          <Select mode="multiple" allowClear options={(departments.data?.items ?? []).map((d) => ({ value: d.id, label: d.name }))} />
        </Form.Item>
        <Form.Item label={t('settings.users.phone')} name="phone">
          <Input maxLength={32} />
        </Form.Item>
        {!user && (
          <Form.Item label={t('settings.users.password')} name="password" required extra={t('settings.users.passwordHelp')}>
            <Input.Password autoComplete="new-password" maxLength={200} />
          </Form.Item>
        )}
      </Form>
    </Drawer>
  );
}

export function UsersSettings() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const client = useQueryClient();
  const { data: me } = useMe();
  const users = useQuery({ queryKey: ['users'], queryFn: api.users });
  const departments = useQuery({ queryKey: ['departments'], queryFn: api.departments });
  const [editing, setEditing] = useState<{ user: TUser | null } | null>(null);
  const deptName = new Map((departments.data?.items ?? []).map((d) => [d.id, d.name]));

  const toggle = useMutation({
    mutationFn: (u: TUser) => adminApi.updateUser(u.id, { disabled: !u.disabled }),
    onSuccess: async (u) => {
      await client.invalidateQueries({ queryKey: ['users'] });
      void message.success(u.disabled ? t('settings.users.disabledDone', { name: u.name }) : t('settings.users.enabledDone', { name: u.name }));
    },
    onError: (err) => void message.error(err instanceof Error ? err.message : String(err)),
  });

  const columns: TableProps<TUser>['columns'] = [
    { title: t('settings.users.name'), dataIndex: 'name', key: 'name' },
    { title: t('settings.users.email'), dataIndex: 'email', key: 'email', responsive: ['md'] },
    { title: t('settings.users.role'), key: 'role', render: (_, u) => <Tag color="blue" bordered={false}>{t(`role.${u.role}`)}</Tag> },
    {
      title: t('settings.users.departments'), key: 'departments', responsive: ['lg'],
      render: (_, u) => (u.departmentIds.length ? u.departmentIds.map((d) => deptName.get(d) ?? d).join(', ') : t('settings.users.allDepartments')),
    },
    {
      title: t('settings.users.status'), key: 'status',
      render: (_, u) => <ToneTag tone={u.disabled ? 'muted' : 'success'}>{u.disabled ? t('settings.users.disabled') : t('settings.users.active')}</ToneTag>,
    },
    {
      title: t('settings.actions'), key: 'actions', align: 'right',
      render: (_, u) => (
        <Space>
          <Button size="small" icon={<EditOutlined />} onClick={() => setEditing({ user: u })} aria-label={`${t('settings.edit')}: ${u.name}`}>{t('settings.edit')}</Button>
          {u.id !== me?.user.id && (
            <Popconfirm
              title={u.disabled ? t('settings.users.enableConfirm', { name: u.name }) : t('settings.users.disableConfirm', { name: u.name })}
              onConfirm={() => toggle.mutate(u)} okText={u.disabled ? t('settings.users.enable') : t('settings.users.disable')} cancelText={t('settings.cancel')}
            >
              <Button size="small" danger={!u.disabled} aria-label={`${u.disabled ? t('settings.users.enable') : t('settings.users.disable')}: ${u.name}`}>
                {u.disabled ? t('settings.users.enable') : t('settings.users.disable')}
              </Button>
            </Popconfirm>
          )}
        </Space>
      ),
    },
  ];

  return (
    <Card variant="borderless">
      <Space style={{ marginBottom: 16 }}>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({ user: null })} data-testid="user-create">{t('settings.users.create')}</Button>
      </Space>
      <Table<TUser>
        rowKey="id" columns={columns} dataSource={users.data?.items ?? []} loading={users.isFetching} pagination={{ pageSize: 50, hideOnSinglePage: true }}
        data-testid="users-table" scroll={{ x: 800 }}
        locale={{ emptyText: <span className="pb-empty">{users.isError ? t('error.generic') : t('settings.users.empty')}</span> }}
      />
      <UserDrawer key={editing?.user?.id ?? 'new'} user={editing?.user ?? null} open={editing !== null} onClose={() => setEditing(null)} />
    </Card>
  );
}
