/** Sites: where new hires start (time zone, calendar, arrival details the portal and messages use). */
import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, AutoComplete, Button, Card, Col, Drawer, Form, Input, Row, Select, Space, Table, Tag, type TableProps } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ZCreateSite } from '../../../../src/contracts/org.js';
import { api } from '../../../lib/api.js';
import { adminApi, type TSite, type TSiteInput } from './admin-api.js';
import { showIssues, showServerError } from './form-errors.js';
import '../../locales/settings.js';

type SiteFields = Partial<Record<keyof TSiteInput, string>>;
const FIELDS: ReadonlyArray<keyof TSiteInput> = ['name', 'address', 'timezone', 'calendar', 'arrivalTime', 'receptionInfo', 'parking', 'transport', 'mapUrl'];
const EMPTY: SiteFields = { timezone: 'Asia/Shanghai', calendar: 'CN', arrivalTime: '09:00', address: '', receptionInfo: '', parking: '', transport: '', mapUrl: '' };

function listTimeZones(): string[] {
  const intl = Intl as typeof Intl & { supportedValuesOf?: (key: 'timeZone') => string[] };
  return intl.supportedValuesOf?.('timeZone') ?? ['Asia/Shanghai', 'Asia/Singapore', 'Asia/Hong_Kong', 'Asia/Tokyo', 'Europe/London', 'America/New_York'];
}

function SiteDrawer({ site, open, onClose }: { site: TSite | null; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [form] = Form.useForm<SiteFields>();
  const [formError, setFormError] = useState<string | null>(null);
  const zones = useMemo(() => listTimeZones().map((z) => ({ value: z })), []);

  const save = useMutation({
    mutationFn: (input: TSiteInput) => (site ? adminApi.updateSite(site.id, input) : adminApi.createSite(input)),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: ['sites'] });
      void message.success(t('settings.saved'));
      onClose();
    },
    onError: (err) => setFormError(showServerError(form, err, FIELDS)),
  });

  const onFinish = (values: SiteFields) => {
    setFormError(null);
    const parsed = ZCreateSite.safeParse(Object.fromEntries(FIELDS.map((f) => [f, values[f] ?? ''])));
    if (!parsed.success) return showIssues(form, t, parsed.error.issues);
    save.mutate(parsed.data);
  };

  const text = (name: keyof TSiteInput, rows = 2) => (
    <Form.Item label={t(`settings.sites.${name}`)} name={name}>
      <Input.TextArea rows={rows} maxLength={2000} />
    </Form.Item>
  );

  return (
    <Drawer
      open={open} onClose={onClose} size={560} destroyOnHidden title={site ? t('settings.sites.editTitle', { name: site.name }) : t('settings.sites.createTitle')}
      footer={(
        <Space style={{ width: '100%', justifyContent: 'flex-end' }}>
          <Button onClick={onClose}>{t('settings.cancel')}</Button>
          <Button type="primary" onClick={() => form.submit()} loading={save.isPending} data-testid="site-save">{t('settings.save')}</Button>
        </Space>
      )}
    >
      {formError && <Alert type="error" showIcon role="alert" title={t('settings.saveFailed')} description={formError} style={{ marginBottom: 16 }} />}
      <Form<SiteFields>
        form={form} layout="vertical" name="site" initialValues={site ? { ...site } : EMPTY} onFinish={onFinish} requiredMark="optional"
        onValuesChange={(changed) => form.setFields(Object.keys(changed).map((name) => ({ name: name as keyof SiteFields, errors: [] })))}
      >
        <Form.Item label={t('settings.sites.name')} name="name" required>
          <Input maxLength={100} />
        </Form.Item>
        <Row gutter={12}>
          <Col span={12}>
            <Form.Item label={t('settings.sites.timezone')} name="timezone" required>
              <AutoComplete options={zones} filterOption={(input, option) => String(option?.value ?? '').toLowerCase().includes(input.toLowerCase())} />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item label={t('settings.sites.calendar')} name="calendar" required>
              <Select options={[{ value: 'CN', label: t('settings.sites.calendarCN') }, { value: 'WEEKEND', label: t('settings.sites.calendarWEEKEND') }]} />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item label={t('settings.sites.arrivalTime')} name="arrivalTime" required>
              <Input type="time" />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item label={t('settings.sites.address')} name="address">
          <Input maxLength={500} />
        </Form.Item>
        {text('receptionInfo')}
        {text('parking')}
        {text('transport')}
        <Form.Item label={t('settings.sites.mapUrl')} name="mapUrl">
          <Input type="url" maxLength={2000} placeholder="https://" />
        </Form.Item>
      </Form>
    </Drawer>
  );
}

export function SitesSettings() {
  const { t } = useTranslation();
  const sites = useQuery({ queryKey: ['sites'], queryFn: api.sites });
  const [editing, setEditing] = useState<{ site: TSite | null } | null>(null);

  const columns: TableProps<TSite>['columns'] = [
    { title: t('settings.sites.name'), dataIndex: 'name', key: 'name' },
    { title: t('settings.sites.timezone'), dataIndex: 'timezone', key: 'timezone' },
    { title: t('settings.sites.calendar'), key: 'calendar', render: (_, s) => <Tag bordered={false}>{t(`settings.sites.calendar${s.calendar}`, { defaultValue: s.calendar })}</Tag> },
    { title: t('settings.sites.arrivalTime'), dataIndex: 'arrivalTime', key: 'arrivalTime', responsive: ['md'] },
    { title: t('settings.sites.address'), dataIndex: 'address', key: 'address', ellipsis: true, responsive: ['lg'] },
    {
      title: t('settings.actions'), key: 'actions', align: 'right',
      render: (_, s) => <Button size="small" icon={<EditOutlined />} onClick={() => setEditing({ site: s })} aria-label={`${t('settings.edit')}: ${s.name}`}>{t('settings.edit')}</Button>,
    },
  ];

  return (
    <Card variant="borderless">
      <Space style={{ marginBottom: 16 }}>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({ site: null })} data-testid="site-create">{t('settings.sites.create')}</Button>
      </Space>
      <Table<TSite>
        rowKey="id" columns={columns} dataSource={sites.data?.items ?? []} loading={sites.isFetching} pagination={false} data-testid="sites-table"
        locale={{ emptyText: <span className="pb-empty">{sites.isError ? t('error.generic') : t('settings.sites.empty')}</span> }}
      />
      <SiteDrawer key={editing?.site?.id ?? 'new'} site={editing?.site ?? null} open={editing !== null} onClose={() => setEditing(null)} />
    </Card>
  );
}
