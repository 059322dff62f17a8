/**
 * Privacy: data-subject requests with their due time (overdue first among the open ones)
 * and HR's decision, and — for org admins — the retention dry run: who the nightly job
 * would anonymise, and why, before anything is purged.
 */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Flex, Form, Input, Modal, Radio, Segmented, Table, Tag, Typography, type TableProps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, privacyApi, type TDataRequest, type TRetentionPreview } from '../../lib/api.js';
import { ToneTag, type Tone } from '../components/tone-tag.js';
import { formatDateTime } from '../format.js';
import { usePermissions } from '../session.js';
import '../locales/privacy.js';

const STATUSES = ['open', 'done', 'refused', 'all'] as const;
type StatusFilter = (typeof STATUSES)[number];
const TONES: Record<string, Tone> = { open: 'info', done: 'success', refused: 'muted' };

function ResolveDialog({ request, onClose }: { request: TDataRequest | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [form] = Form.useForm<{ decision: 'approve' | 'refuse'; text: string }>();
  const decision = Form.useWatch('decision', form) ?? 'approve';
  const resolve = useMutation({
    mutationFn: (v: { decision: 'approve' | 'refuse'; text: string }) => privacyApi.resolve(request!.id,
      v.decision === 'approve' ? { decision: 'approve', note: v.text ?? '' } : { decision: 'refuse', reason: v.text ?? '' }),
    onSuccess: (r) => {
      void message.success(t(r.status === 'done' ? 'privacy.resolvedDone' : 'privacy.resolvedRefused'));
      void client.invalidateQueries({ queryKey: ['privacy'] });
      onClose();
    },
    onError: (err) => {
      if (err instanceof ApiError && err.field === 'reason') form.setFields([{ name: 'text', errors: [t('privacy.reasonRequired')] }]);
      else void message.error(err instanceof ApiError ? err.message : t('error.generic'));
    },
  });
  return (
    <Modal
      open={request !== null} onCancel={onClose} destroyOnHidden title={request && t('privacy.resolveTitle', { kind: t(`privacy.kind.${request.kind}`), name: request.candidateName })}
      okText={decision === 'approve' ? t('privacy.approve') : t('privacy.refuse')} okButtonProps={{ loading: resolve.isPending }}
      cancelText={t('privacy.cancel')} onOk={() => form.submit()}
    >
      {request && (
        <Form form={form} layout="vertical" initialValues={{ decision: 'approve', text: '' }} onFinish={(v) => resolve.mutate(v)} requiredMark={false}>
          {request.detail && <Typography.Paragraph className="pb-muted-box" data-testid="privacy-request-detail">{request.detail}</Typography.Paragraph>}
          <Form.Item name="decision" label={t('privacy.decision')}>
            <Radio.Group optionType="button" options={[{ value: 'approve', label: t('privacy.approve') }, { value: 'refuse', label: t('privacy.refuse') }]} />
          </Form.Item>
          {decision === 'approve' && request.kind === 'deletion' && <Alert type="warning" showIcon message={t('privacy.deletionWarning')} style={{ marginBottom: 16 }} />}
          <Form.Item
            name="text" label={decision === 'approve' ? t('privacy.note') : t('privacy.reason')} extra={t('privacy.candidateSees')}
            rules={decision === 'refuse' ? [{ required: true, whitespace: true, message: t('privacy.reasonRequired') }] : []}
          >
            <Input.TextArea rows={3} maxLength={1000} showCount />
          </Form.Item>
        </Form>
      )}
    </Modal>
  );
}

function RequestsCard() {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  const [status, setStatus] = useState<StatusFilter>('open');
  const [open, setOpen] = useState<TDataRequest | null>(null);
  const list = useQuery({ queryKey: ['privacy', 'requests', status], queryFn: () => privacyApi.listRequests({ status, limit: 200 }), placeholderData: keepPreviousData });
  const columns: TableProps<TDataRequest>['columns'] = [
    { title: t('privacy.col.candidate'), key: 'candidate', render: (_, r) => r.candidateName },
    { title: t('privacy.col.kind'), key: 'kind', render: (_, r) => <Tag bordered={false}>{t(`privacy.kind.${r.kind}`)}</Tag> },
    {
      title: t('privacy.col.status'), key: 'status',
      render: (_, r) => (
        <Flex gap={4} wrap>
          <ToneTag tone={TONES[r.status] ?? 'neutral'}>{t(`privacy.status.${r.status}`)}</ToneTag>
          {r.overdue && <ToneTag tone="danger" testId="privacy-overdue">{t('privacy.overdue')}</ToneTag>}
        </Flex>
      ),
    },
    { title: t('privacy.col.requested'), key: 'requested', render: (_, r) => <time dateTime={r.requestedAt}>{formatDateTime(r.requestedAt, lng)}</time>, responsive: ['md'] },
    { title: t('privacy.col.due'), key: 'due', render: (_, r) => <time dateTime={r.dueAt}>{formatDateTime(r.dueAt, lng)}</time> },
    { title: t('privacy.col.detail'), key: 'detail', ellipsis: true, render: (_, r) => r.resolutionNote || r.detail || '—', responsive: ['lg'] },
    {
      title: t('privacy.col.actions'), key: 'actions', align: 'right',
      render: (_, r) => (
        <Flex gap={8} justify="end" wrap>
          {!(r.kind === 'deletion' && r.status === 'done') && (
            <Button size="small" href={privacyApi.exportUrl(r.candidateId, 'html')} download aria-label={`${t('privacy.export')}: ${r.candidateName}`}>{t('privacy.export')}</Button>
          )}
          {r.status === 'open' && (
            <Button size="small" type="primary" onClick={() => setOpen(r)} aria-label={`${t('privacy.resolve')}: ${r.candidateName}`} data-testid="privacy-resolve">{t('privacy.resolve')}</Button>
          )}
        </Flex>
      ),
    },
  ];
  return (
    <Card variant="borderless" title={<Typography.Title level={2} style={{ fontSize: 18, margin: 0 }}>{t('privacy.requestsTitle')}</Typography.Title>}>
      <Segmented<StatusFilter>
        aria-label={t('privacy.col.status')} value={status} onChange={setStatus} style={{ marginBottom: 16 }}
        options={STATUSES.map((s) => ({ value: s, label: t(`privacy.filter.${s}`) }))}
      />
      <Table<TDataRequest>
        rowKey="id" columns={columns} dataSource={list.data?.items ?? []} loading={list.isFetching} pagination={false}
        locale={{ emptyText: <span className="pb-empty">{list.isError ? t('error.generic') : t('privacy.noRequests')}</span> }}
        scroll={{ x: 800 }} data-testid="privacy-requests"
      />
      <ResolveDialog request={open} onClose={() => setOpen(null)} />
    </Card>
  );
}

function RetentionCard() {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  const preview = useQuery({ queryKey: ['privacy', 'retention'], queryFn: () => privacyApi.retentionPreview() });
  type Item = TRetentionPreview['items'][number];
  const columns: TableProps<Item>['columns'] = [
    { title: t('privacy.col.candidate'), key: 'candidate', render: (_, i) => i.candidateName },
    { title: t('privacy.col.status'), key: 'status', render: (_, i) => t(`status.${i.status}`, { defaultValue: i.status }) },
    { title: t('privacy.col.ended'), key: 'ended', render: (_, i) => <time dateTime={i.endedAt}>{formatDateTime(i.endedAt, lng)}</time> },
    {
      title: t('privacy.col.action'), key: 'action',
      render: (_, i) => <ToneTag tone={i.action === 'anonymise' ? 'danger' : 'warning'}>{t(`privacy.action.${i.action}`)}</ToneTag>,
    },
    { title: t('privacy.col.why'), key: 'why', render: (_, i) => i.reasons.map((r) => t(`privacy.reasonCode.${r}`)).join(' · ') },
  ];
  return (
    <Card variant="borderless" title={<Typography.Title level={2} style={{ fontSize: 18, margin: 0 }}>{t('privacy.retentionTitle')}</Typography.Title>}>
      <Typography.Paragraph type="secondary">{t('privacy.retentionIntro', { days: preview.data?.retentionDays ?? 180 })}</Typography.Paragraph>
      <Table<Item>
        rowKey="candidateId" columns={columns} dataSource={preview.data?.items ?? []} loading={preview.isFetching} pagination={false}
        locale={{ emptyText: <span className="pb-empty">{preview.isError ? t('error.generic') : t('privacy.retentionEmpty')}</span> }}
        scroll={{ x: 700 }} data-testid="privacy-retention"
      />
    </Card>
  );
}

export default function PrivacyPage() {
  const { t } = useTranslation();
  const can = usePermissions();
  return (
    <>
      <div className="pb-page-head">
        <div>
          <Typography.Title level={1} style={{ fontSize: 24 }}>{t('privacy.title')}</Typography.Title>
          <Typography.Text type="secondary">{t('privacy.subtitle')}</Typography.Text>
        </div>
      </div>
      <Flex vertical gap={16}>
        {can('privacy.manage') ? <RequestsCard /> : <Alert type="info" message={t('error.forbidden')} />}
        {can('retention.manage') && <RetentionCard />}
      </Flex>
    </>
  );
}
