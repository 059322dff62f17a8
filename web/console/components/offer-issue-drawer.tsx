/**
 * "Issue new version" of the offer: the terms `POST /candidates/:id/offers` accepts
 * (ZCreateOfferVersion), checked in the browser with that same schema; a field the server
 * refuses shows under that field. Only changed terms are sent, the rest carry over. The
 * server keeps an accepted offer accepted when only the start date or site moves (and
 * re-plans the follow-up); a change of pay, position or role type asks the candidate to
 * accept again in the portal. The drawer says which of the two the current changes cause.
 */
import { useMutation, useQuery } from '@tanstack/react-query';
import { Alert, App, Button, Col, Drawer, Form, Input, InputNumber, Row, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ZCreateOfferVersion } from '../../../src/contracts/candidates.js';
import { ROLE_TYPES, type TRoleType } from '../../../src/contracts/common.js';
import { api, type TCandidate } from '../../lib/api.js';
import { candidateApi, type TCreateOfferVersion, type TOffer } from '../../lib/candidate-api.js';
import { useRefreshCandidate } from './change-panels.js';
import { showIssues, showServerError } from './settings/form-errors.js';
import '../locales/candidate-changes.js';

interface Fields {
  startDate?: string; siteId?: string; positionTitle?: string; roleType?: TRoleType;
  salaryMonthly?: number | null; salaryMonths?: number | null; currency?: string; reason?: string;
}

const FIELDS: readonly string[] = ['startDate', 'siteId', 'positionTitle', 'roleType', 'salaryMonthly', 'salaryMonths', 'currency', 'reason'];

function readInitialValues(o: TOffer): Fields {
  return {
    startDate: o.startDate, siteId: o.siteId, positionTitle: o.positionTitle, roleType: o.roleType,
    salaryMonthly: o.salary?.monthly != null ? Number(o.salary.monthly) : null,
    salaryMonths: o.salary?.months != null ? Number(o.salary.months) : null,
    currency: o.salary?.currency, reason: '',
  };
}

const toNumber = (v: string | null | undefined) => (v == null ? null : Number(v));

/** The terms that differ from the current version, and the reason; an emptied field keeps its current value. */
function buildInput(current: TOffer, v: Fields): Record<string, unknown> {
  const out: Record<string, unknown> = { reason: v.reason?.trim() ?? '' };
  if (v.startDate && v.startDate !== current.startDate) out.startDate = v.startDate;
  if (v.siteId && v.siteId !== current.siteId) out.siteId = v.siteId;
  if (v.positionTitle !== undefined && v.positionTitle.trim() !== current.positionTitle) out.positionTitle = v.positionTitle.trim();
  if (v.roleType && v.roleType !== current.roleType) out.roleType = v.roleType;
  if (current.salary) {
    if (v.salaryMonthly != null && v.salaryMonthly !== toNumber(current.salary.monthly)) out.salaryMonthly = v.salaryMonthly;
    if (v.salaryMonths != null && v.salaryMonths !== toNumber(current.salary.months)) out.salaryMonths = v.salaryMonths;
    if (v.currency && v.currency.trim() !== current.salary.currency) out.currency = v.currency.trim();
  }
  return out;
}

/** The server's rule (services/candidates/offers.ts): pay, position or role type changed → accept again. */
function needsReacceptance(current: TOffer, input: Record<string, unknown>): boolean {
  if (current.status !== 'accepted') return false;
  return ['salaryMonthly', 'salaryMonths', 'positionTitle', 'roleType'].some((k) => k in input)
    || ('currency' in input && current.salary?.monthly != null);
}

export function OfferIssueDrawer({ candidate, current, open, onClose }: {
  candidate: TCandidate; current: TOffer; open: boolean; onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const refresh = useRefreshCandidate(candidate.id);
  const [form] = Form.useForm<Fields>();
  const [formError, setFormError] = useState<string | null>(null);
  const sites = useQuery({ queryKey: ['sites'], queryFn: api.sites, staleTime: 10 * 60_000, enabled: open });
  const values = Form.useWatch([], form) as Fields | undefined;
  const pending = values ? buildInput(current, values) : {};
  const reaccept = needsReacceptance(current, pending);
  const moves = 'startDate' in pending || 'siteId' in pending;

  const issue = useMutation({
    mutationFn: (input: TCreateOfferVersion) => candidateApi.issueOffer(candidate.id, input),
    onSuccess: async (offer) => {
      await refresh();
      void message.success(t('offers.issuedDone', { version: offer.version }));
      onClose();
    },
    onError: (err) => setFormError(showServerError(form, err, FIELDS)),
  });

  const onFinish = (v: Fields) => {
    setFormError(null);
    const parsed = ZCreateOfferVersion.safeParse(buildInput(current, v));
    if (!parsed.success) return showIssues(form, t, parsed.error.issues);
    issue.mutate(parsed.data);
  };

  return (
    <Drawer
      open={open} onClose={onClose} size={600} destroyOnHidden title={t('offers.issueTitle', { name: candidate.fullName })}
      footer={(
        <Space style={{ width: '100%', justifyContent: 'flex-end' }}>
          <Button onClick={onClose}>{t('offers.cancel')}</Button>
          <Button type="primary" onClick={() => form.submit()} loading={issue.isPending} data-testid="offer-issue-submit">{t('offers.submit')}</Button>
        </Space>
      )}
    >
      <Typography.Paragraph type="secondary">{t('offers.issueIntro', { version: current.version })}</Typography.Paragraph>
      <Alert type="info" showIcon title={t('offers.reacceptNote')} style={{ marginBottom: 16 }} data-testid="offer-reaccept-note" />
      {formError && <Alert type="error" showIcon role="alert" title={t('offers.failed')} description={formError} style={{ marginBottom: 16 }} />}
      <Form<Fields>
        form={form} layout="vertical" name="offer-issue" requiredMark="optional" data-testid="offer-issue-form"
        initialValues={readInitialValues(current)} onFinish={onFinish}
        onValuesChange={(changed) => form.setFields(Object.keys(changed).map((name) => ({ name: name as keyof Fields, errors: [] })))}
      >
        <Row gutter={12}>
          <Col span={12}>
            <Form.Item label={t('offers.startDate')} name="startDate"><Input type="date" /></Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item label={t('offers.site')} name="siteId">
              <Select loading={sites.isPending} options={(sites.data?.items ?? [{ id: current.siteId, name: candidate.site.name }]).map((s) => ({ value: s.id, label: s.name }))} />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={12}>
          <Col span={14}>
            <Form.Item label={t('offers.positionTitle')} name="positionTitle"><Input maxLength={200} /></Form.Item>
          </Col>
          <Col span={10}>
            <Form.Item label={t('offers.roleType')} name="roleType">
              <Select options={ROLE_TYPES.map((r) => ({ value: r, label: t(`roleType.${r}`) }))} />
            </Form.Item>
          </Col>
        </Row>
        {current.salary && (
          <Row gutter={12}>
            <Col span={10}>
              <Form.Item label={t('offers.salaryMonthly')} name="salaryMonthly">
                <InputNumber min={0} max={100_000_000} step={500} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col span={7}>
              <Form.Item label={t('offers.salaryMonths')} name="salaryMonths">
                <InputNumber min={1} max={24} step={0.5} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col span={7}>
              <Form.Item label={t('offers.currency')} name="currency"><Input maxLength={3} /></Form.Item>
            </Col>
          </Row>
        )}
        <Form.Item label={t('offers.reason')} name="reason" required>
          <Input.TextArea rows={2} maxLength={500} placeholder={t('offers.reasonPlaceholder')} />
        </Form.Item>
      </Form>
      {reaccept && <Alert type="warning" showIcon title={t('offers.reacceptWarning')} data-testid="offer-reaccept-warning" />}
      {!reaccept && moves && current.status === 'accepted' && <Alert type="success" showIcon title={t('offers.keepsAcceptance')} data-testid="offer-keeps-acceptance" />}
    </Drawer>
  );
}
