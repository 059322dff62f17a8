/** General settings: quiet hours, working hours, message caps, call spacing, privacy and access switches. */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Col, Form, Input, InputNumber, Row, Switch, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DATA_REQUEST_SLA_DAYS, RETENTION_DAYS, ZOrgSettingsFields } from '../../../../src/contracts/settings.js';
import { adminApi, type TOrgSettings } from './admin-api.js';
import { showIssues, showServerError } from './form-errors.js';
import '../../locales/settings.js';

const ZGeneral = ZOrgSettingsFields.omit({ calendarOverrides: true });
type General = Omit<TOrgSettings, 'calendarOverrides'>;
const FIELDS = ['quietHours', 'workingHours', 'frequencyCap', 'callSpacing', 'managerSeesSalary', 'retentionDays', 'dataRequestSlaDays'];

export function GeneralSettings({ settings }: { settings: TOrgSettings }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [form] = Form.useForm<General>();
  const [formError, setFormError] = useState<string | null>(null);
  const { calendarOverrides: _ignored, ...initial } = settings;

  const save = useMutation({
    mutationFn: (patch: General) => adminApi.updateSettings(patch),
    onSuccess: (next) => {
      client.setQueryData(['settings'], next);
      // The salary switch changes what managers may see: refresh the session's permissions too.
      void client.invalidateQueries({ queryKey: ['me'] });
      void message.success(t('settings.saved'));
    },
    onError: (err) => setFormError(showServerError(form, err, FIELDS)),
  });

  const onFinish = (values: General) => {
    setFormError(null);
    const parsed = ZGeneral.safeParse(values);
    if (!parsed.success) return showIssues(form, t, parsed.error.issues);
    save.mutate(parsed.data);
  };

  const num = (name: Array<string>, label: string, min: number, max: number, extra?: string) => (
    <Form.Item label={label} name={name} extra={extra}>
      <InputNumber min={min} max={max} precision={0} style={{ width: '100%' }} />
    </Form.Item>
  );

  return (
    <Form<General>
      form={form} layout="vertical" name="general" initialValues={initial} onFinish={onFinish} requiredMark={false}
      onValuesChange={() => setFormError(null)} data-testid="general-settings-form"
    >
      {formError && <Alert type="error" showIcon role="alert" title={t('settings.saveFailed')} description={formError} style={{ marginBottom: 16 }} />}
      <Alert type="info" showIcon title={t('settings.general.appliesNext')} style={{ marginBottom: 16 }} />
      <Card variant="borderless" title={<Typography.Title level={2} style={{ fontSize: 16, margin: 0 }}>{t('settings.general.messaging')}</Typography.Title>} style={{ marginBottom: 16 }}>
        <Row gutter={16}>
          <Col xs={24} md={6}>
            <Form.Item label={t('settings.general.quietStart')} name={['quietHours', 'start']} extra={t('settings.general.quietHelp')}>
              <Input type="time" data-testid="quiet-start" />
            </Form.Item>
          </Col>
          <Col xs={24} md={6}>
            <Form.Item label={t('settings.general.quietEnd')} name={['quietHours', 'end']}>
              <Input type="time" data-testid="quiet-end" />
            </Form.Item>
          </Col>
          <Col xs={24} md={6}>
            <Form.Item label={t('settings.general.workStart')} name={['workingHours', 'start']} extra={t('settings.general.workHelp')}>
              <Input type="time" />
            </Form.Item>
          </Col>
          <Col xs={24} md={6}>
            <Form.Item label={t('settings.general.workEnd')} name={['workingHours', 'end']}>
              <Input type="time" />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={16}>
          <Col xs={24} md={6}>{num(['frequencyCap', 'finalWindowDays'], t('settings.general.finalWindowDays'), 0, 30, t('settings.general.finalWindowHelp'))}</Col>
          <Col xs={24} md={6}>{num(['frequencyCap', 'finalWindowPerDay'], t('settings.general.finalWindowPerDay'), 1, 10)}</Col>
          <Col xs={24} md={6}>{num(['frequencyCap', 'otherwisePerDay'], t('settings.general.otherwisePerDay'), 1, 10)}</Col>
          <Col xs={24} md={6}>{num(['callSpacing', 'minDaysBetweenCalls'], t('settings.general.callSpacing'), 0, 30, t('settings.general.callSpacingHelp'))}</Col>
        </Row>
      </Card>
      <Card variant="borderless" title={<Typography.Title level={2} style={{ fontSize: 16, margin: 0 }}>{t('settings.general.privacy')}</Typography.Title>} style={{ marginBottom: 16 }}>
        <Row gutter={16}>
          <Col xs={24} md={8}>
            {num(['retentionDays'], t('settings.general.retentionDays'), RETENTION_DAYS.min, RETENTION_DAYS.max,
              t('settings.general.retentionHelp', { min: RETENTION_DAYS.min, max: RETENTION_DAYS.max }))}
          </Col>
          <Col xs={24} md={8}>
            {num(['dataRequestSlaDays'], t('settings.general.dataRequestSlaDays'), DATA_REQUEST_SLA_DAYS.min, DATA_REQUEST_SLA_DAYS.max, t('settings.general.dataRequestSlaHelp'))}
          </Col>
          <Col xs={24} md={8}>
            <Form.Item label={t('settings.general.managerSeesSalary')} name="managerSeesSalary" valuePropName="checked" extra={t('settings.general.managerSeesSalaryHelp')}>
              <Switch />
            </Form.Item>
          </Col>
        </Row>
      </Card>
      <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="general-save">{t('settings.save')}</Button>
    </Form>
  );
}
