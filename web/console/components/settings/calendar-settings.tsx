/**
 * Calendar overrides: organisation-wide extra holidays and extra working days, applied on
 * every site's calendar from the next plan computation (business-day steps, SLAs).
 */
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Col, Form, Input, Popconfirm, Row, Select, Table, Typography, type TableProps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ZCalendarOverrideList, ZCalendarOverrideSetting, type TCalendarOverrideSetting } from '../../../../src/contracts/settings.js';
import { ApiError } from '../../../lib/api.js';
import { ToneTag } from '../tone-tag.js';
import { formatLocalDate } from '../../format.js';
import { adminApi, type TOrgSettings } from './admin-api.js';
import { describeIssue } from './form-errors.js';
import { StatutoryDays } from './statutory-days.js';
import '../../locales/settings.js';

interface NewOverride { date?: string; name?: string; working: 'false' | 'true' }
const FIELDS = ['date', 'name', 'working'] as const;

function weekday(date: string, lng: string): string {
  return new Intl.DateTimeFormat(lng, { weekday: 'short', timeZone: 'UTC' }).format(new Date(`${date}T00:00:00Z`));
}

export function CalendarSettings({ settings }: { settings: TOrgSettings }) {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  const { message } = App.useApp();
  const client = useQueryClient();
  const [form] = Form.useForm<NewOverride>();
  const [formError, setFormError] = useState<string | null>(null);
  const list = settings.calendarOverrides;

  const save = useMutation({
    mutationFn: (next: TCalendarOverrideSetting[]) => adminApi.updateSettings({ calendarOverrides: next }),
    onSuccess: (next) => {
      client.setQueryData(['settings'], next);
      void message.success(t('settings.saved'));
    },
  });

  const onAdd = (values: NewOverride) => {
    setFormError(null);
    const entry = { date: values.date ?? '', name: values.name ?? '', working: values.working === 'true' };
    const one = ZCalendarOverrideSetting.safeParse(entry);
    if (!one.success) {
      form.setFields(one.error.issues.map((i) => ({ name: String(i.path[0]) as keyof NewOverride, errors: [describeIssue(t, i)] })));
      return;
    }
    const next = [...list, one.data];
    const all = ZCalendarOverrideList.safeParse(next);
    if (!all.success) {
      form.setFields([{ name: 'date', errors: [t('validation.issue.calendarOverrides_date')] }]);
      return;
    }
    save.mutate(all.data, {
      onSuccess: () => form.resetFields(),
      onError: (err) => {
        const m = err instanceof ApiError && err.field ? /^calendarOverrides\.(\d+)\.(\w+)$/.exec(err.field) : null;
        if (m && Number(m[1]) === list.length && FIELDS.includes(m[2] as (typeof FIELDS)[number])) {
          form.setFields([{ name: m[2] as keyof NewOverride, errors: [err.message] }]);
        } else setFormError(err instanceof Error ? err.message : String(err));
      },
    });
  };

  const remove = (date: string) => save.mutate(list.filter((o) => o.date !== date), {
    onError: (err) => setFormError(err instanceof Error ? err.message : String(err)),
  });

  const columns: TableProps<TCalendarOverrideSetting>['columns'] = [
    {
      title: t('settings.calendar.date'), key: 'date',
      render: (_, o) => <time dateTime={o.date}>{formatLocalDate(o.date, lng)} · {weekday(o.date, lng)}</time>,
    },
    { title: t('settings.calendar.name'), dataIndex: 'name', key: 'name', render: (name: string) => name || <Typography.Text type="secondary">—</Typography.Text> },
    {
      title: t('settings.calendar.kind'), key: 'working',
      render: (_, o) => <ToneTag tone={o.working ? 'info' : 'warning'}>{o.working ? t('settings.calendar.working') : t('settings.calendar.holiday')}</ToneTag>,
    },
    {
      title: t('settings.actions'), key: 'actions', align: 'right',
      render: (_, o) => (
        <Popconfirm title={t('settings.calendar.removeConfirm')} onConfirm={() => remove(o.date)} okText={t('settings.remove')} cancelText={t('settings.cancel')}>
          <Button size="small" danger icon={<DeleteOutlined />} aria-label={`${t('settings.remove')}: ${o.name || o.date}`}>{t('settings.remove')}</Button>
        </Popconfirm>
      ),
    },
  ];

  return (
    <>
      <Alert type="info" showIcon title={t('settings.calendar.help')} style={{ marginBottom: 16 }} />
      {formError && <Alert type="error" showIcon role="alert" title={t('settings.saveFailed')} description={formError} style={{ marginBottom: 16 }} />}
      <Card variant="borderless" style={{ marginBottom: 16 }} title={<Typography.Title level={2} style={{ fontSize: 16, margin: 0 }}>{t('settings.calendar.add')}</Typography.Title>}>
        <Form<NewOverride>
          form={form} layout="vertical" name="override" initialValues={{ working: 'false' }} onFinish={onAdd} requiredMark="optional"
          onValuesChange={(changed) => form.setFields(Object.keys(changed).map((name) => ({ name: name as keyof NewOverride, errors: [] })))}
          data-testid="override-form"
        >
          <Row gutter={12} align="bottom">
            <Col xs={24} md={6}>
              <Form.Item label={t('settings.calendar.date')} name="date" required>
                <Input type="date" data-testid="override-date" />
              </Form.Item>
            </Col>
            <Col xs={24} md={9}>
              <Form.Item label={t('settings.calendar.name')} name="name" required>
                <Input maxLength={100} placeholder={t('settings.calendar.namePlaceholder')} data-testid="override-name" />
              </Form.Item>
            </Col>
            <Col xs={24} md={5}>
              <Form.Item label={t('settings.calendar.kind')} name="working" required>
                <Select
                  data-testid="override-kind"
                  options={[{ value: 'false', label: t('settings.calendar.holiday') }, { value: 'true', label: t('settings.calendar.working') }]}
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={4}>
              <Form.Item>
                <Button type="primary" htmlType="submit" icon={<PlusOutlined />} loading={save.isPending} block data-testid="override-add">{t('settings.calendar.addButton')}</Button>
              </Form.Item>
            </Col>
          </Row>
        </Form>
      </Card>
      <Card variant="borderless">
        <Table<TCalendarOverrideSetting>
          rowKey="date" columns={columns} dataSource={list} pagination={false} size="middle" data-testid="override-table"
          locale={{ emptyText: <span className="pb-empty">{t('settings.calendar.empty')}</span> }}
        />
      </Card>
      <StatutoryDays />
    </>
  );
}
