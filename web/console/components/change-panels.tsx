/**
 * The follow-ups of a recorded change on the candidate page: evaluating and deciding a
 * salary request against the pay band, the prepared messages HR may edit before they go
 * (the thank-you after a decline…), and withdrawal requests waiting for a second person.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Descriptions, Flex, Form, Input, InputNumber, List, Modal, Radio, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, type TCandidate } from '../../lib/api.js';
import { changesApi, type TPreparedMessage, type TWithdrawal } from '../../lib/exception-flows-api.js';
import { formatDateTime } from '../format.js';
import { stepName } from '../labels.js';
import { useMe, usePermissions } from '../session.js';
import '../locales/candidate-changes.js';

/** Every view a change can touch. */
export function useRefreshCandidate(candidateId: string) {
  const client = useQueryClient();
  return () => Promise.all([
    ['plan', candidateId], ['candidate', candidateId], ['timeline', candidateId], ['tasks'], ['candidates'],
    ['prepared', candidateId], ['salary', candidateId], ['withdrawals'], ['talent-pool'], ['offers', candidateId],
  ].map((queryKey) => client.invalidateQueries({ queryKey })));
}

const money = (value: string | null | undefined, currency: string, lng: string) =>
  value == null ? '—' : new Intl.NumberFormat(lng, { style: 'currency', currency, maximumFractionDigits: 0 }).format(Number(value));

export function SalaryEvaluationButton({ candidate }: { candidate: TCandidate }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const evaluation = useQuery({ queryKey: ['salary', candidate.id], queryFn: () => changesApi.salaryEvaluation(candidate.id) });
  if (evaluation.data?.request?.status !== 'open') return null;
  return (
    <>
      <Button type="primary" onClick={() => setOpen(true)} data-testid="salary-evaluate">{t('changes.evaluate.button')}</Button>
      {open && <SalaryEvaluationModal candidate={candidate} onClose={() => setOpen(false)} />}
    </>
  );
}

function SalaryEvaluationModal({ candidate, onClose }: { candidate: TCandidate; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const can = usePermissions();
  const refresh = useRefreshCandidate(candidate.id);
  const [form] = Form.useForm<{ decision: 'approved' | 'rejected'; salaryMonthly?: number; note?: string }>();
  const decision = Form.useWatch('decision', form);
  const evaluation = useQuery({ queryKey: ['salary', candidate.id], queryFn: () => changesApi.salaryEvaluation(candidate.id) });
  const decide = useMutation({
    mutationFn: (v: { decision: 'approved' | 'rejected'; salaryMonthly?: number; note?: string }) =>
      changesApi.decideSalary(candidate.id, evaluation.data!.request!.id, { decision: v.decision, note: v.note ?? '', ...(v.decision === 'approved' ? { salaryMonthly: v.salaryMonthly } : {}) }),
    onSuccess: async () => { await refresh(); void message.success(t('changes.evaluate.done')); onClose(); },
    onError: (err) => {
      const field = err instanceof ApiError && err.field === 'salaryMonthly' ? 'salaryMonthly' : 'decision';
      form.setFields([{ name: field, errors: [err.message] }]);
    },
  });
  const data = evaluation.data;
  const currency = data?.offer.salary?.currency ?? data?.band?.currency ?? 'CNY';
  const lng = i18n.language;
  return (
    <Modal
      open title={t('changes.evaluate.title', { name: candidate.fullName })} onCancel={onClose} destroyOnHidden width={640}
      okText={t('changes.evaluate.submit')} cancelText={t('changes.cancel')} onOk={() => form.submit()}
      okButtonProps={{ loading: decide.isPending, disabled: !can('salary.decide') }}
    >
      {!data ? null : (
        <Flex vertical gap={12}>
          <Descriptions size="small" column={1} bordered items={[
            { key: 'argument', label: t('changes.evaluate.argument'), children: <Typography.Text style={{ whiteSpace: 'pre-line' }}>{data.request?.argument}</Typography.Text> },
            ...(data.salaryVisible ? [
              { key: 'asked', label: t('changes.evaluate.asked'), children: money(data.request?.requestedMonthly, currency, lng) },
              { key: 'current', label: t('changes.evaluate.current', { version: data.offer.version }), children: `${money(data.offer.salary?.monthly, currency, lng)} × ${Number(data.offer.salary?.months ?? 12)}` },
              {
                key: 'band', label: t('changes.evaluate.band'),
                children: data.band ? `${money(data.band.minMonthly, currency, lng)} – ${money(data.band.midMonthly, currency, lng)} – ${money(data.band.maxMonthly, currency, lng)}` : t('changes.evaluate.noBand'),
              },
            ] : []),
          ]}
          />
          {!data.salaryVisible && <Alert type="info" showIcon title={t('changes.evaluate.hiddenPay')} />}
          {can('salary.decide') ? (
            <Form form={form} layout="vertical" initialValues={{ decision: 'rejected' }} onFinish={(v) => decide.mutate(v)} data-testid="salary-decision-form">
              <Form.Item label={t('changes.evaluate.decision')} name="decision">
                <Radio.Group options={[{ value: 'approved', label: t('changes.evaluate.approve') }, { value: 'rejected', label: t('changes.evaluate.reject') }]} />
              </Form.Item>
              {decision === 'approved' && (
                <Form.Item label={t('changes.evaluate.newMonthly')} name="salaryMonthly" rules={[{ required: true, message: t('validation.required') }]} extra={t('changes.evaluate.approveHint')}>
                  <InputNumber min={1} precision={2} style={{ width: '100%' }} />
                </Form.Item>
              )}
              {decision === 'rejected' && <Typography.Paragraph type="secondary">{t('changes.evaluate.rejectHint')}</Typography.Paragraph>}
              <Form.Item label={t('changes.evaluate.note')} name="note"><Input.TextArea rows={2} maxLength={2000} /></Form.Item>
            </Form>
          ) : <Typography.Paragraph type="secondary">{t('changes.evaluate.managerHint')}</Typography.Paragraph>}
        </Flex>
      )}
    </Modal>
  );
}

function EditMessageModal({ candidateId, message: prepared, onClose }: { candidateId: string; message: TPreparedMessage; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const refresh = useRefreshCandidate(candidateId);
  const [form] = Form.useForm<{ subject: string; body: string }>();
  const save = useMutation({
    mutationFn: (v: { subject: string; body: string }) => changesApi.editPreparedMessage(candidateId, prepared.key, v),
    onSuccess: async () => { await refresh(); void message.success(t('changes.prepared.saved')); onClose(); },
    onError: (err) => form.setFields([{ name: err instanceof ApiError && err.field === 'subject' ? 'subject' : 'body', errors: [err.message] }]),
  });
  return (
    <Modal
      open title={t('changes.prepared.editTitle', { step: stepName(t, prepared.stepId) })} onCancel={onClose} destroyOnHidden width={640}
      okText={t('changes.prepared.save')} cancelText={t('changes.cancel')} onOk={() => form.submit()} okButtonProps={{ loading: save.isPending }}
    >
      <Form form={form} layout="vertical" initialValues={{ subject: prepared.subject, body: prepared.body }} onFinish={(v) => save.mutate(v)} data-testid="prepared-form">
        <Form.Item label={t('changes.prepared.subject')} name="subject" rules={[{ required: true, whitespace: true, message: t('validation.required') }]}>
          <Input maxLength={300} />
        </Form.Item>
        <Form.Item label={t('changes.prepared.body')} name="body" rules={[{ required: true, whitespace: true, message: t('validation.required') }]}>
          <Input.TextArea rows={10} maxLength={20_000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export function PreparedMessages({ candidateId }: { candidateId: string }) {
  const { t, i18n } = useTranslation();
  const [editing, setEditing] = useState<TPreparedMessage | null>(null);
  const prepared = useQuery({ queryKey: ['prepared', candidateId], queryFn: () => changesApi.preparedMessages(candidateId) });
  const items = prepared.data?.items ?? [];
  if (items.length === 0) return null;
  return (
    <section aria-labelledby="pb-prepared-title" data-testid="prepared-messages">
      <Typography.Title level={3} id="pb-prepared-title" style={{ fontSize: 16 }}>{t('changes.prepared.title')}</Typography.Title>
      <List
        size="small" dataSource={items}
        renderItem={(m) => (
          <List.Item actions={[<Button key="edit" size="small" onClick={() => setEditing(m)} data-testid={`edit-${m.stepId}`}>{t('changes.prepared.edit')}</Button>]}>
            <List.Item.Meta
              title={<Flex gap={8} wrap align="center"><span>{stepName(t, m.stepId)}</span>{m.edited && <Tag color="blue">{t('changes.prepared.edited')}</Tag>}</Flex>}
              description={(
                <>
                  <Typography.Text type="secondary">{t('changes.prepared.goesAt', { at: formatDateTime(m.sendAfter, i18n.language) })}</Typography.Text>
                  {m.renderError && <Alert type="warning" showIcon title={m.renderError} />}
                  <Typography.Paragraph ellipsis={{ rows: 2 }} style={{ marginBottom: 0 }}>{m.subject} — {m.body}</Typography.Paragraph>
                </>
              )}
            />
          </List.Item>
        )}
      />
      {editing && <EditMessageModal candidateId={candidateId} message={editing} onClose={() => setEditing(null)} />}
    </section>
  );
}

function Evidence({ w }: { w: TWithdrawal }) {
  const { t, i18n } = useTranslation();
  const at = (v: string | null) => (v ? formatDateTime(v, i18n.language) : t('changes.withdraw.never'));
  return (
    <Descriptions size="small" column={1} items={[
      { key: 'reason', label: t('changes.withdraw.reason'), children: w.reason },
      { key: 'by', label: t('changes.withdraw.requestedBy'), children: `${w.requestedBy.name}, ${formatDateTime(w.requestedAt, i18n.language)}` },
      { key: 'sent', label: t('changes.withdraw.offerSent'), children: at(w.evidence.offerSentAt) },
      { key: 'email', label: t('changes.withdraw.emailSent'), children: at(w.evidence.offerEmailSentAt) },
      { key: 'read', label: t('changes.withdraw.portalOpened'), children: at(w.evidence.portalLastOpenedAt) },
      { key: 'accepted', label: t('changes.withdraw.accepted'), children: at(w.evidence.acceptedAt) },
    ]}
    />
  );
}

export function PendingWithdrawals({ candidateId }: { candidateId: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const me = useMe();
  const refresh = useRefreshCandidate(candidateId);
  const [note, setNote] = useState('');
  const pending = useQuery({ queryKey: ['withdrawals', candidateId], queryFn: () => changesApi.withdrawals({ status: 'pending', candidateId }) });
  const decide = useMutation({
    mutationFn: (v: { id: string; decision: 'approved' | 'rejected' }) => changesApi.decideWithdrawal(v.id, { decision: v.decision, note }),
    onSuccess: async (w) => { await refresh(); void message.success(t(w.status === 'approved' ? 'changes.withdraw.approved' : 'changes.withdraw.refused')); },
    onError: (err) => void message.error(err.message),
  });
  const w = pending.data?.items[0];
  if (!w) return null;
  const mine = me.data?.user.id === w.requestedBy.id;
  return (
    <Alert
      type="warning" showIcon data-testid="pending-withdrawal" title={t('changes.withdraw.pendingTitle')}
      description={(
        <Flex vertical gap={8}>
          <Evidence w={w} />
          {mine ? <Typography.Text type="secondary">{t('changes.withdraw.secondPerson')}</Typography.Text> : (
            <>
              <Input aria-label={t('changes.withdraw.note')} placeholder={t('changes.withdraw.note')} value={note} onChange={(e) => setNote(e.target.value)} maxLength={2000} />
              <Flex gap={8}>
                <Button type="primary" loading={decide.isPending} onClick={() => decide.mutate({ id: w.id, decision: 'approved' })} data-testid="approve-withdrawal">{t('changes.withdraw.approve')}</Button>
                <Button loading={decide.isPending} onClick={() => decide.mutate({ id: w.id, decision: 'rejected' })}>{t('changes.withdraw.refuse')}</Button>
              </Flex>
            </>
          )}
        </Flex>
      )}
    />
  );
}
