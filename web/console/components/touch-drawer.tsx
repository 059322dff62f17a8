/**
 * "Record a touch": validated in the browser with the same zod schema the server uses
 * (ZCreateTouch); errors land beside their field, including a field the server names.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, AutoComplete, Button, Col, Drawer, Form, Input, Row, Select, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { TOUCH_CHANNELS, TOUCH_KINDS, ZCreateTouch } from '../../../src/contracts/candidates.js';
import { api, ApiError, type TCreateTouch } from '../../lib/api.js';
import { nowForDateTimeInput } from '../format.js';
import '../locales/candidate.js';

interface TouchFields {
  kind: TCreateTouch['kind'];
  channel: TCreateTouch['channel'];
  direction: TCreateTouch['direction'];
  occurredAt?: string;
  summary?: string;
  content?: string;
  candidateFeedback?: string;
  stepId?: string;
}

const FIELDS: ReadonlyArray<keyof TouchFields> = ['kind', 'channel', 'direction', 'occurredAt', 'summary', 'content', 'candidateFeedback', 'stepId'];
const DIRECTIONS = ['outbound', 'inbound', 'internal'] as const;
const STEP_IDS = [
  'offer.send_package', 'offer.confirmation_call', 'offer.channel_invite', 'prep.checklist', 'prep.relocation_support',
  'prep.manager_intro_call', 'prep.background_check_consent', 'prep.documents_prereview', 'final.daily_care',
  'final.logistics_confirm', 'final.preonboarding_meeting', 'day1.workstation_prep', 'day1.reception', 'day1.checkin',
];
const INITIAL: Partial<TouchFields> = { kind: 'call', channel: 'phone', direction: 'outbound' };

export function TouchDrawer({ candidateId, candidateName, open, onClose }: {
  candidateId: string; candidateName: string; open: boolean; onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [form] = Form.useForm<TouchFields>();
  const [formError, setFormError] = useState<string | null>(null);

  const describeIssue = (issue: z.core.$ZodIssue): string => {
    if (issue.code === 'too_small') return t('validation.required');
    if (issue.code === 'too_big') return t('validation.tooLong', { max: Number(issue.maximum) });
    if (issue.code === 'invalid_format') return t('validation.format');
    return t('validation.invalid');
  };

  const save = useMutation({
    mutationFn: (input: TCreateTouch) => api.recordTouch(candidateId, input),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: ['timeline', candidateId] });
      void message.success(t('touch.saved'));
      form.resetFields();
      onClose();
    },
    onError: (err) => {
      if (err instanceof ApiError && err.field && FIELDS.includes(err.field as keyof TouchFields)) {
        form.setFields([{ name: err.field as keyof TouchFields, errors: [err.message] }]);
      } else {
        setFormError(err instanceof ApiError ? err.message : String(err));
      }
    },
  });

  // Errors set by hand (zod, server) stay until the field changes.
  const onValuesChange = (changed: Partial<TouchFields>) => {
    form.setFields(Object.keys(changed).map((name) => ({ name: name as keyof TouchFields, errors: [] })));
  };

  const onFinish = (values: TouchFields) => {
    setFormError(null);
    form.setFields(FIELDS.map((name) => ({ name, errors: [] })));
    const occurredAt = values.occurredAt ? new Date(values.occurredAt) : undefined;
    const candidate = {
      kind: values.kind, channel: values.channel, direction: values.direction,
      summary: values.summary ?? '', content: values.content ?? '', candidateFeedback: values.candidateFeedback ?? '',
      ...(occurredAt && !Number.isNaN(occurredAt.getTime()) ? { occurredAt: occurredAt.toISOString() } : {}),
      ...(values.stepId?.trim() ? { stepId: values.stepId.trim() } : {}),
    };
    const parsed = ZCreateTouch.safeParse(candidate);
    if (!parsed.success) {
      form.setFields(parsed.error.issues.map((issue) => ({ name: String(issue.path[0]) as keyof TouchFields, errors: [describeIssue(issue)] })));
      return;
    }
    save.mutate(parsed.data);
  };

  return (
    <Drawer
      title={t('touch.title', { name: candidateName })} open={open} onClose={onClose} size={560} destroyOnHidden
      footer={(
        <Space style={{ width: '100%', justifyContent: 'flex-end' }}>
          <Button onClick={onClose}>{t('touch.cancel')}</Button>
          <Button type="primary" onClick={() => form.submit()} loading={save.isPending} data-testid="touch-save">{t('touch.save')}</Button>
        </Space>
      )}
    >
      {formError && <Alert type="error" showIcon role="alert" title={t('touch.failed')} description={formError} style={{ marginBottom: 16 }} />}
      <Form<TouchFields> form={form} layout="vertical" initialValues={INITIAL} onFinish={onFinish} onValuesChange={onValuesChange} requiredMark="optional" data-testid="touch-form">
        <Row gutter={12}>
          <Col span={8}>
            <Form.Item label={t('touch.kind')} name="kind" required>
              <Select options={TOUCH_KINDS.map((k) => ({ value: k, label: t(`kind.${k}`) }))} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item label={t('touch.channel')} name="channel" required>
              <Select options={TOUCH_CHANNELS.map((c) => ({ value: c, label: t(`channel.${c}`) }))} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item label={t('touch.direction')} name="direction" required>
              <Select options={DIRECTIONS.map((d) => ({ value: d, label: t(`direction.${d}`) }))} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item label={t('touch.summary')} name="summary" required>
          <Input maxLength={300} showCount placeholder={t('touch.summaryPlaceholder')} />
        </Form.Item>
        <Form.Item label={t('touch.content')} name="content">
          <Input.TextArea rows={4} maxLength={10_000} />
        </Form.Item>
        <Form.Item label={t('touch.candidateFeedback')} name="candidateFeedback">
          <Input.TextArea rows={3} maxLength={5000} placeholder={t('touch.candidateFeedbackPlaceholder')} />
        </Form.Item>
        <Row gutter={12}>
          <Col span={12}>
            <Form.Item label={t('touch.occurredAt')} name="occurredAt" extra={t('touch.occurredAtHelp')}>
              <Input type="datetime-local" max={nowForDateTimeInput()} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item label={t('touch.stepId')} name="stepId" extra={t('touch.stepIdHelp')}>
              <AutoComplete
                options={STEP_IDS.map((s) => ({ value: s }))} allowClear
                filterOption={(input, option) => String(option?.value ?? '').includes(input.trim())}
              />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Drawer>
  );
}
