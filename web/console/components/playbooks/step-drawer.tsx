/**
 * Edit one step in a drawer: checked in the browser with the shared ZPlaybookStep schema,
 * and showing beside each field the problems the server named for this step.
 */
import { Alert, AutoComplete, Button, Col, Drawer, Form, Input, InputNumber, Row, Select, Space, Switch, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  DOMAIN_EVENT_TYPES, EXCEPTION_STAGES, MAIN_STAGES, ZCandidateChannel, ZDelayReason, ZOwnerRole, ZPlaybookStep, ZRoleType, ZStepAction,
  type TPlaybookStep,
} from '../../../../src/contracts/playbook.js';
import type { TPlaybookCatalog, TPlaybookProblem } from '../../../lib/playbooks-api.js';
import { actionName, channelName, roleName, stageName, stepName } from '../../labels.js';
import { anchorName, describeProblem, splitField, toProblem } from './playbook-format.js';
import { FORM_FIELDS, toFields, toFormName, toStep, type StepFields } from './step-fields.js';
import '../../locales/candidate-changes.js';
import '../../locales/playbooks.js';

const MAIN: readonly string[] = MAIN_STAGES;
const PLAN_ANCHORS = ['offer_accepted', 'start_date'] as const;
const TRI = ['any', 'yes', 'no'] as const;

export interface StepDrawerProps {
  /** The step being edited (a new one has an empty id); null when closed. */
  step: TPlaybookStep | null;
  isNew: boolean;
  /** Problems the server (or the whole-draft check) named for this step, paths inside the step. */
  problems: readonly TPlaybookProblem[];
  otherStepIds: readonly string[];
  catalog: TPlaybookCatalog;
  sites: ReadonlyArray<{ id: string; name: string }>;
  onApply: (step: TPlaybookStep) => void;
  onClose: () => void;
}

export function StepDrawer({ step, isNew, problems, otherStepIds, catalog, sites, onApply, onClose }: StepDrawerProps) {
  const { t } = useTranslation();
  const [form] = Form.useForm<StepFields>();
  const [formError, setFormError] = useState<string[]>([]);
  const stage = Form.useWatch('stage', form);
  const action = Form.useWatch('action', form);
  const anchor = Form.useWatch('anchor', form);

  const place = (list: readonly TPlaybookProblem[]) => {
    const outside: string[] = [];
    const byName = new Map<string, { name: string[]; errors: string[] }>();
    for (const p of list) {
      const name = toFormName(splitField(p.field).path);
      if (!name) { outside.push(describeProblem(t, p)); continue; }
      const key = name.join('.');
      const entry = byName.get(key) ?? { name, errors: [] };
      entry.errors.push(describeProblem(t, p));
      byName.set(key, entry);
    }
    form.setFields([...byName.values()] as never);
    setFormError(outside);
  };

  const onFinish = (values: StepFields) => {
    form.setFields(FORM_FIELDS.map((name) => ({ name, errors: [] })) as never);
    const next = toStep(values, step!);
    const parsed = ZPlaybookStep.safeParse(next);
    const issues = parsed.success ? [] : parsed.error.issues.map((issue) => toProblem(issue));
    if (otherStepIds.includes(next.id)) issues.push({ field: 'id', code: 'duplicate_id', message: 'duplicate', params: { id: next.id } });
    if (issues.length) return place(issues);
    onApply(parsed.data!);
  };

  const exception = stage !== undefined && !MAIN.includes(stage);
  const anchorOptions = exception ? DOMAIN_EVENT_TYPES : PLAN_ANCHORS;
  const num = (name: string[], label: string, min?: number) => (
    <Form.Item label={label} name={name}><InputNumber precision={0} min={min} style={{ width: '100%' }} /></Form.Item>
  );
  const tri = (name: 'relocation' | 'backgroundCheck', label: string) => (
    <Form.Item label={label} name={name}>
      <Select options={TRI.map((v) => ({ value: v, label: t(`playbooks.form.tri.${v}`) }))} />
    </Form.Item>
  );

  return (
    <Drawer
      open={step !== null} onClose={onClose} size={640} destroyOnHidden
      afterOpenChange={(open) => { if (open) place(problems); }}
      title={isNew ? t('playbooks.form.addTitle') : t('playbooks.form.editTitle', { step: step ? stepName(t, step.id) : '' })}
      footer={(
        <Space style={{ width: '100%', justifyContent: 'flex-end' }}>
          <Button onClick={onClose}>{t('playbooks.form.cancel')}</Button>
          <Button type="primary" onClick={() => form.submit()} data-testid="step-apply">{t('playbooks.form.apply')}</Button>
        </Space>
      )}
    >
      {formError.length > 0 && (
        <Alert type="error" showIcon role="alert" title={t('playbooks.form.otherProblems')} description={formError.join('；')} style={{ marginBottom: 16 }} />
      )}
      <Form<StepFields> form={form} layout="vertical" initialValues={step ? toFields(step) : undefined} onFinish={onFinish} requiredMark="optional" data-testid="step-form">
        <Row gutter={12}>
          <Col span={12}>
            <Form.Item label={t('playbooks.col.id')} name="id" required extra={t('playbooks.form.idHelp')}>
              <AutoComplete options={exception ? catalog.engineSteps.map((e) => ({ value: e.id })) : []} disabled={!isNew && exception} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item label={t('playbooks.col.stage')} name="stage" required>
              <Select options={[...MAIN_STAGES, ...EXCEPTION_STAGES].map((s) => ({ value: s, label: stageName(t, s) }))} />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={12}>
          <Col span={12}>
            <Form.Item label={t('playbooks.col.action')} name="action" required>
              <Select options={ZStepAction.options.map((a) => ({ value: a, label: actionName(t, a) }))} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item label={t('playbooks.col.owners')} name="owners" required>
              <Select mode="multiple" options={ZOwnerRole.options.map((r) => ({ value: r, label: roleName(t, r) }))} />
            </Form.Item>
          </Col>
        </Row>
        {action === 'message' && (
          <Form.Item label={t('playbooks.col.channels')} name="channels" required extra={t('playbooks.form.channelsHelp')}>
            <Select mode="multiple" options={ZCandidateChannel.options.map((c) => ({ value: c, label: channelName(t, c) }))} />
          </Form.Item>
        )}
        <Typography.Title level={3} style={{ fontSize: 14 }}>{t('playbooks.form.when')}</Typography.Title>
        <Row gutter={12}>
          <Col span={12}>
            <Form.Item label={t('playbooks.col.anchor')} name="anchor" required>
              <Select options={anchorOptions.map((a) => ({ value: a, label: anchorName(t, a) }))} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item label={t('playbooks.form.at')} name={['offset', 'at']} extra={t('playbooks.form.atHelp')}>
              <Input type="time" allowClear />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={12}>
          <Col span={8}>{num(['offset', 'days'], t('playbooks.form.days'))}</Col>
          <Col span={8}>{num(['offset', 'hours'], t('playbooks.form.hours'))}</Col>
          <Col span={8}>{num(['offset', 'minutes'], t('playbooks.form.minutes'))}</Col>
        </Row>
        <Row gutter={12}>
          <Col span={8}>{num(['offset', 'businessDays'], t('playbooks.form.businessDays'), 0)}</Col>
          <Col span={8}>{num(['offset', 'workingHours'], t('playbooks.form.workingHours'), 0)}</Col>
        </Row>
        {anchor === 'start_date' && (
          <Row gutter={12}>
            <Col span={8}>{num(['repeatTimes'], t('playbooks.form.repeatTimes'), 2)}</Col>
            <Col span={8}>{num(['repeatEveryDays'], t('playbooks.form.repeatEveryDays'), 1)}</Col>
          </Row>
        )}
        <Typography.Title level={3} style={{ fontSize: 14 }}>{t('playbooks.col.sla')}</Typography.Title>
        <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>{t('playbooks.form.slaHelp')}</Typography.Paragraph>
        <Row gutter={12}>
          <Col span={8}>{num(['sla', 'days'], t('playbooks.form.days'))}</Col>
          <Col span={8}>{num(['sla', 'hours'], t('playbooks.form.hours'))}</Col>
          <Col span={8}>{num(['sla', 'businessDays'], t('playbooks.form.businessDays'), 0)}</Col>
        </Row>
        <Typography.Title level={3} style={{ fontSize: 14 }}>{t('playbooks.col.conditions')}</Typography.Title>
        <Row gutter={12}>
          <Col span={12}>{tri('relocation', t('playbooks.form.relocation'))}</Col>
          <Col span={12}>{tri('backgroundCheck', t('playbooks.form.backgroundCheck'))}</Col>
        </Row>
        <Row gutter={12}>
          <Col span={12}>
            <Form.Item label={t('playbooks.form.roleTypes')} name="roleTypes" extra={t('playbooks.form.anyIfEmpty')}>
              <Select mode="multiple" allowClear options={ZRoleType.options.map((r) => ({ value: r, label: t(`roleType.${r}`) }))} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item label={t('playbooks.form.sites')} name="siteIds" extra={t('playbooks.form.anyIfEmpty')}>
              <Select mode="multiple" allowClear options={sites.map((s) => ({ value: s.id, label: s.name }))} />
            </Form.Item>
          </Col>
        </Row>
        {anchor === 'delay_requested' && (
          <Form.Item label={t('playbooks.form.eventReasons')} name="eventReasons" extra={t('playbooks.form.anyIfEmpty')}>
            <Select mode="multiple" allowClear options={ZDelayReason.options.map((r) => ({ value: r, label: t(`changes.delayReason.${r}`) }))} />
          </Form.Item>
        )}
        {anchor === 'salary_adjustment_decided' && (
          <Form.Item label={t('playbooks.form.decision')} name="decision">
            <Select options={(['any', 'approved', 'rejected'] as const).map((d) => ({ value: d, label: t(`playbooks.form.decisionOption.${d}`) }))} />
          </Form.Item>
        )}
        <Typography.Title level={3} style={{ fontSize: 14 }}>{t('playbooks.form.more')}</Typography.Title>
        <Form.Item label={t('playbooks.form.templateKey')} name="templateKey" extra={t('playbooks.form.templateKeyHelp')}>
          <AutoComplete allowClear options={[...new Set(catalog.templates.map((x) => x.key))].map((k) => ({ value: k }))} />
        </Form.Item>
        <Form.Item label={t('playbooks.form.summary')} name="summary">
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
        {action === 'message' && (
          <Form.Item label={t('playbooks.form.mayMergeWith')} name="mayMergeWith" extra={t('playbooks.form.mayMergeWithHelp')}>
            <Select mode="multiple" allowClear options={[{ value: '*', label: t('playbooks.form.mergeAny') }, ...otherStepIds.map((s) => ({ value: s, label: s }))]} />
          </Form.Item>
        )}
        <Row gutter={12}>
          <Col span={12}>
            <Form.Item label={t('playbooks.form.escalation')} name="escalation" valuePropName="checked"><Switch /></Form.Item>
          </Col>
          {action === 'message' && (
            <Col span={12}>
              <Form.Item label={t('playbooks.form.capExempt')} name="capExempt" valuePropName="checked"><Switch /></Form.Item>
            </Col>
          )}
        </Row>
      </Form>
    </Drawer>
  );
}
