/**
 * "Record a change" on the candidate page (issue 6): a delay request or counter-offer, a
 * new start date (showing the steps that moved), a salary request, a decline or renege
 * with the talent-pool opt-in, a day-one issue, the arrival, and a request to withdraw the
 * offer. Each form keeps one idempotency key while it is open, so a double click records
 * one event; afterwards the plan, tasks and timeline are refreshed.
 */
import { useMutation, useQuery } from '@tanstack/react-query';
import { Alert, App, Button, Card, Checkbox, Flex, Form, Input, InputNumber, List, Modal, Select, Typography } from 'antd';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, newIdempotencyKey, type TCandidate } from '../../lib/api.js';
import {
  changesApi, DECLINE_REASONS, DELAY_REASONS, type TAgreeStartDateResult, type TDeclineReason, type TDelayReason,
} from '../../lib/exception-flows-api.js';
import { formatDateTime, formatLocalDate } from '../format.js';
import { stepName } from '../labels.js';
import { usePermissions } from '../session.js';
import { PendingWithdrawals, PreparedMessages, SalaryEvaluationButton, useRefreshCandidate } from './change-panels.js';
import '../locales/candidate-changes.js';

type Action = 'delay' | 'startDate' | 'salary' | 'decline' | 'issue' | 'arrived' | 'withdraw';

const RUNNING = ['offer_accepted', 'preboarding', 'delayed'];
/** After arrival a hire can still leave (recorded as reneged; the unsigned labour contract is cancelled). */
const ARRIVED = ['started', 'onboarded'];

/** Which actions fit the candidate's status, and the role's permissions. */
function listActions(status: string, can: (p: string) => boolean): Action[] {
  const out: Action[] = [];
  if (can('event.create') && RUNNING.includes(status)) out.push('delay');
  if (can('event.create') && can('offer.create') && RUNNING.includes(status)) out.push('startDate');
  if (can('event.create') && RUNNING.includes(status)) out.push('salary');
  if (can('event.create') && (status === 'offer_sent' || RUNNING.includes(status) || ARRIVED.includes(status))) out.push('decline');
  if (can('event.create') && ['offer_accepted', 'preboarding'].includes(status)) out.push('arrived');
  if (can('event.create') && status === 'started') out.push('issue');
  if (can('offer.withdraw') && (status === 'offer_sent' || RUNNING.includes(status))) out.push('withdraw');
  return out;
}

interface Fields {
  reason?: string;
  proposedStartDate?: string;
  startDate?: string;
  note?: string;
  requestedMonthly?: number;
  argument?: string;
  declineReason?: TDeclineReason;
  talentPool?: boolean;
  issue?: string;
}

function ActionModal({ action, candidate, onClose, onMoved }: {
  action: Action; candidate: TCandidate; onClose: () => void; onMoved: (r: TAgreeStartDateResult) => void;
}) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const refresh = useRefreshCandidate(candidate.id);
  const [form] = Form.useForm<Fields>();
  const [key] = useState(newIdempotencyKey);
  const [error, setError] = useState<string | null>(null);
  const language = candidate.language === 'en-US' ? 'en-US' : 'zh-CN';
  const wording = useQuery({ queryKey: ['pool-wording', language], queryFn: () => changesApi.poolWording(language), enabled: action === 'decline' });
  const optIn = Form.useWatch('talentPool', form);
  const id = candidate.id;

  const save = useMutation({
    mutationFn: async (v: Fields): Promise<unknown> => {
      switch (action) {
        case 'delay':
          return changesApi.recordEvent(id, { type: 'delay_requested', reason: v.reason as TDelayReason, ...(v.proposedStartDate ? { proposedStartDate: v.proposedStartDate } : {}) }, key);
        case 'startDate':
          return changesApi.agreeStartDate(id, { startDate: v.startDate ?? '', reason: v.note ?? '' });
        case 'salary':
          return changesApi.requestSalary(id, { argument: v.argument ?? '', ...(v.requestedMonthly ? { requestedMonthly: v.requestedMonthly } : {}) }, key);
        case 'decline':
          return changesApi.decline(id, {
            type: candidate.status === 'offer_sent' ? 'offer_declined' : 'reneged', reason: v.declineReason ?? 'other',
            ...(v.talentPool && wording.data ? { talentPool: { wordingVersion: wording.data.version, language } } : {}),
          }, key);
        case 'issue':
          return changesApi.recordEvent(id, { type: 'day_one_issue_reported', issue: v.issue ?? '' }, key);
        case 'arrived':
          return changesApi.recordEvent(id, { type: 'arrived' }, key);
        case 'withdraw':
          return changesApi.requestWithdrawal(id, v.note ?? '');
      }
    },
    onSuccess: async (result) => {
      await refresh();
      if (action === 'startDate') onMoved(result as TAgreeStartDateResult);
      void message.success(t(`changes.${action}.done`));
      onClose();
    },
    onError: (err) => {
      const field = err instanceof ApiError ? err.field : undefined;
      const name = ({ reason: action === 'decline' ? 'declineReason' : action === 'withdraw' ? 'note' : 'reason', proposedStartDate: 'proposedStartDate', startDate: 'startDate', argument: 'argument', requestedMonthly: 'requestedMonthly', issue: 'issue' } as Record<string, keyof Fields>)[field ?? ''];
      if (name) form.setFields([{ name, errors: [err.message] }]);
      else setError(err instanceof Error ? err.message : String(err));
    },
  });

  const required = [{ required: true, whitespace: true, message: t('validation.required') }];
  const body: Record<Action, ReactNode> = {
    delay: (
      <>
        <Form.Item label={t('changes.delay.reason')} name="reason" rules={[{ required: true, message: t('validation.required') }]}>
          <Select options={DELAY_REASONS.map((r) => ({ value: r, label: t(`changes.delayReason.${r}`) }))} />
        </Form.Item>
        <Form.Item label={t('changes.delay.proposed')} name="proposedStartDate" extra={t('changes.delay.proposedHint')}>
          <Input type="date" />
        </Form.Item>
      </>
    ),
    startDate: (
      <>
        <Form.Item label={t('changes.startDate.date')} name="startDate" rules={required} extra={t('changes.startDate.current', { date: formatLocalDate(candidate.startDate, i18n.language) })}>
          <Input type="date" data-testid="new-start-date" />
        </Form.Item>
        <Form.Item label={t('changes.startDate.reason')} name="note" rules={required}>
          <Input maxLength={500} />
        </Form.Item>
      </>
    ),
    salary: (
      <>
        <Form.Item label={t('changes.salary.amount')} name="requestedMonthly">
          <InputNumber min={1} max={100_000_000} precision={2} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item label={t('changes.salary.argument')} name="argument" rules={required} extra={t('changes.salary.argumentHint')}>
          <Input.TextArea rows={4} maxLength={4000} showCount />
        </Form.Item>
      </>
    ),
    decline: (
      <>
        <Typography.Paragraph type="secondary">{t(candidate.status === 'offer_sent' ? 'changes.decline.declineHint' : ARRIVED.includes(candidate.status) ? 'changes.decline.leftHint' : 'changes.decline.renegeHint')}</Typography.Paragraph>
        <Form.Item label={t('changes.decline.reason')} name="declineReason" rules={[{ required: true, message: t('validation.required') }]} extra={t('changes.decline.reasonHint')}>
          <Select data-testid="decline-reason" options={DECLINE_REASONS.map((r) => ({ value: r, label: t(`changes.declineReason.${r}`) }))} />
        </Form.Item>
        <Form.Item name="talentPool" valuePropName="checked">
          <Checkbox data-testid="talent-pool-opt-in">{t('changes.decline.optIn')}</Checkbox>
        </Form.Item>
        {optIn && (
          <Alert
            type="info" data-testid="pool-wording"
            title={t('changes.decline.wordingTitle', { version: wording.data?.version ?? '…' })}
            description={<Typography.Paragraph style={{ whiteSpace: 'pre-line', marginBottom: 0 }}>{wording.data?.text ?? ''}</Typography.Paragraph>}
          />
        )}
      </>
    ),
    issue: (
      <Form.Item label={t('changes.issue.text')} name="issue" rules={required} extra={t('changes.issue.hint')}>
        <Input.TextArea rows={3} maxLength={2000} showCount />
      </Form.Item>
    ),
    arrived: <Typography.Paragraph>{t('changes.arrived.confirm', { name: candidate.fullName })}</Typography.Paragraph>,
    withdraw: (
      <>
        <Alert type="warning" showIcon title={t('changes.withdraw.hint')} style={{ marginBottom: 16 }} />
        <Form.Item label={t('changes.withdraw.reason')} name="note" rules={[...required, { min: 5, message: t('validation.required') }]}>
          <Input.TextArea rows={3} maxLength={2000} showCount />
        </Form.Item>
      </>
    ),
  };

  return (
    <Modal
      open title={t(`changes.${action}.title`, { name: candidate.fullName })} onCancel={onClose} destroyOnHidden
      okText={t(`changes.${action}.submit`)} cancelText={t('changes.cancel')}
      okButtonProps={{ loading: save.isPending, disabled: action === 'decline' && optIn && !wording.data, ...({ 'data-testid': 'change-submit' } as object) }}
      onOk={() => form.submit()}
    >
      {error && <Alert type="error" showIcon role="alert" title={t('changes.failed')} description={error} style={{ marginBottom: 16 }} />}
      <Form<Fields> form={form} layout="vertical" requiredMark="optional" onFinish={(v) => { setError(null); save.mutate(v); }} data-testid={`change-form-${action}`}>
        {body[action]}
      </Form>
    </Modal>
  );
}

function MovedSteps({ result, onClose }: { result: TAgreeStartDateResult; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  return (
    <Alert
      type="success" showIcon closable onClose={onClose} data-testid="moved-steps"
      title={t('changes.startDate.moved', { date: formatLocalDate(result.startDate, i18n.language), count: result.moved.length })}
      description={result.moved.length + result.cancelled.length === 0 ? undefined : (
        <List
          size="small" dataSource={[...result.moved.map((m) => ({ ...m, cancelled: false })), ...result.cancelled.map((c) => ({ ...c, from: '', to: '', cancelled: true }))]}
          renderItem={(m) => (
            <List.Item>
              <Typography.Text strong>{stepName(t, m.stepId)}</Typography.Text>
              {m.cancelled ? <Typography.Text type="secondary">{t('changes.startDate.cancelledStep')}</Typography.Text> : (
                <Typography.Text>{formatDateTime(m.from, i18n.language)} → {formatDateTime(m.to, i18n.language)}</Typography.Text>
              )}
            </List.Item>
          )}
        />
      )}
    />
  );
}

export function ChangeActions({ candidate }: { candidate: TCandidate }) {
  const { t } = useTranslation();
  const can = usePermissions();
  const [open, setOpen] = useState<Action | null>(null);
  const [moved, setMoved] = useState<TAgreeStartDateResult | null>(null);
  const actions = listActions(candidate.status, can);
  const panels = can('salary.evaluate') || can('message.edit') || can('offer.withdraw.approve');
  if (actions.length === 0 && !panels) return null;
  return (
    <Card title={<h2 className="pb-card-title">{t('changes.title')}</h2>} variant="borderless" data-testid="change-actions">
      <Flex vertical gap={12}>
        {actions.length > 0 && (
          <Flex wrap gap={8}>
            {actions.map((a) => (
              <Button key={a} onClick={() => setOpen(a)} data-testid={`change-${a}`}>{t(`changes.${a}.button`)}</Button>
            ))}
            {can('salary.evaluate') && <SalaryEvaluationButton candidate={candidate} />}
          </Flex>
        )}
        {moved && <MovedSteps result={moved} onClose={() => setMoved(null)} />}
        {can('message.edit') && <PreparedMessages candidateId={candidate.id} />}
        {can('offer.withdraw.approve') && <PendingWithdrawals candidateId={candidate.id} />}
      </Flex>
      {open && <ActionModal action={open} candidate={candidate} onClose={() => setOpen(null)} onMoved={setMoved} />}
    </Card>
  );
}
