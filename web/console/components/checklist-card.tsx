/**
 * The candidate's checklist for staff (issue 5 "checklist review"): every item with its
 * state, the files uploaded (names only; sensitive ones open for HR and org admins, every
 * download audited), and approve / send back with a reason the candidate will see.
 */
import { CheckOutlined, DownloadOutlined, LockOutlined, RollbackOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Flex, Form, Input, Modal, Skeleton, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, checklistApi, type TStaffChecklistItemView, type TStaffChecklistView } from '../../lib/api.js';
import { formatDateTime } from '../format.js';
import { usePermissions } from '../session.js';
import { ToneTag, type Tone } from './tone-tag.js';
import '../locales/candidate.js';

const STATUS_TONE: Record<string, Tone> = { pending: 'neutral', ready: 'info', submitted: 'warning', approved: 'success', rejected: 'danger' };
const REASON_MAX = 1000;

function RejectModal({ candidateId, item, onClose }: { candidateId: string; item: TStaffChecklistItemView | null; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [form] = Form.useForm<{ reason: string }>();
  const [error, setError] = useState<string | null>(null);
  const send = useMutation({
    mutationFn: (reason: string) => checklistApi.review(candidateId, item!.id, { decision: 'rejected', reason }),
    onSuccess: (view) => {
      client.setQueryData(['checklist', candidateId], view);
      void client.invalidateQueries({ queryKey: ['timeline', candidateId] });
      void message.success(t('checklist.rejected'));
      onClose();
    },
    onError: (err) => {
      if (err instanceof ApiError && err.field === 'reason') form.setFields([{ name: 'reason', errors: [err.message] }]);
      else setError(err instanceof ApiError ? err.message : String(err));
    },
  });
  if (!item) return null;
  const title = i18n.language === 'en-US' ? item.title['en-US'] : item.title['zh-CN'];
  return (
    <Modal
      open title={t('checklist.rejectTitle', { item: title })} onCancel={onClose} onOk={() => form.submit()}
      okText={t('checklist.rejectSubmit')} cancelText={t('checklist.cancel')} confirmLoading={send.isPending} destroyOnHidden
      okButtonProps={{ 'data-testid': 'checklist-reject-submit' } as Record<string, string>}
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical" onFinish={(v) => { setError(null); send.mutate(v.reason.trim()); }}>
        <Form.Item
          name="reason" label={t('checklist.reason')} extra={t('checklist.reasonHint')}
          rules={[{ required: true, whitespace: true, message: t('validation.required') }, { max: REASON_MAX, message: t('validation.tooLong', { max: REASON_MAX }) }]}
        >
          <Input.TextArea rows={4} maxLength={REASON_MAX} showCount data-testid="checklist-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function ItemRow({ candidateId, item, view, onReject }: {
  candidateId: string; item: TStaffChecklistItemView; view: TStaffChecklistView; onReject: (item: TStaffChecklistItemView) => void;
}) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const client = useQueryClient();
  const lang = i18n.language === 'en-US' ? 'en-US' : 'zh-CN';
  const approve = useMutation({
    mutationFn: () => checklistApi.review(candidateId, item.id, { decision: 'approved' }),
    onSuccess: (next) => {
      client.setQueryData(['checklist', candidateId], next);
      void client.invalidateQueries({ queryKey: ['timeline', candidateId] });
      void message.success(t('checklist.approved'));
    },
    onError: (err) => void message.error(err instanceof ApiError ? err.message : String(err)),
  });
  const mayOpen = view.canReadDocuments && (!item.sensitive || view.canReadSensitive);
  return (
    <li className="pb-checklist-row" data-testid={`checklist-item-${item.id}`} style={{ padding: '10px 0', borderTop: '1px solid rgba(5,5,5,0.06)' }}>
      <Flex justify="space-between" gap={12} wrap align="flex-start">
        <Flex vertical gap={2} style={{ minWidth: 0, flex: '1 1 260px' }}>
          <Flex gap={8} wrap align="center">
            <Typography.Text strong>{item.title[lang]}</Typography.Text>
            <ToneTag tone={STATUS_TONE[item.status] ?? 'neutral'} testId={`checklist-status-${item.id}`}>{t(`checklist.status.${item.status}`)}</ToneTag>
            {item.sensitive && <ToneTag tone="teal" icon={<LockOutlined aria-hidden="true" />}>{t('checklist.sensitive')}</ToneTag>}
          </Flex>
          {item.documents.map((d) => (
            <Flex key={d.id} gap={8} wrap align="center">
              {mayOpen ? (
                <Typography.Link href={checklistApi.documentUrl(candidateId, d.id)} download={d.fileName} data-testid={`download-${d.id}`}>
                  <DownloadOutlined aria-hidden="true" /> {d.fileName}
                </Typography.Link>
              ) : (
                <Tooltip title={t('checklist.noAccess')}><Typography.Text type="secondary"><LockOutlined aria-hidden="true" /> {d.fileName}</Typography.Text></Tooltip>
              )}
              <Typography.Text type="secondary">{Math.max(1, Math.round(d.sizeBytes / 1024))} KB · {formatDateTime(d.uploadedAt, i18n.language)}</Typography.Text>
            </Flex>
          ))}
          {item.status === 'ready' && <Typography.Text type="secondary">{t('checklist.readyHint')}</Typography.Text>}
          {item.reviewReason && item.status === 'rejected' && (
            <Typography.Text style={{ color: '#a8071a' }} data-testid={`checklist-reason-${item.id}`}>{t('checklist.reasonShown', { reason: item.reviewReason })}</Typography.Text>
          )}
          {item.reviewedAt && item.reviewedBy && (
            <Typography.Text type="secondary">{t('checklist.reviewedBy', { name: item.reviewedBy.name, at: formatDateTime(item.reviewedAt, i18n.language) })}</Typography.Text>
          )}
        </Flex>
        {/* A pending item has nothing to judge yet; the API still lets HR tick off an original seen in person. */}
        {view.canReview && item.status !== 'pending' && (
          <Flex gap={8} wrap>
            {item.status !== 'approved' && (
              <Button size="small" icon={<CheckOutlined />} loading={approve.isPending} onClick={() => approve.mutate()} data-testid={`approve-${item.id}`}>
                {t('checklist.approve')}
              </Button>
            )}
            <Button size="small" icon={<RollbackOutlined />} onClick={() => onReject(item)} data-testid={`reject-${item.id}`}>
              {t('checklist.reject')}
            </Button>
          </Flex>
        )}
      </Flex>
    </li>
  );
}

export function ChecklistCard({ candidateId }: { candidateId: string }) {
  const { t } = useTranslation();
  const can = usePermissions();
  const [rejecting, setRejecting] = useState<TStaffChecklistItemView | null>(null);
  const checklist = useQuery({ queryKey: ['checklist', candidateId], queryFn: () => checklistApi.get(candidateId), enabled: can('checklist.read') });
  if (!can('checklist.read')) return null;
  const view = checklist.data;
  const waiting = view?.items.filter((i) => i.status === 'submitted').length ?? 0;
  return (
    <Card
      title={<h2 className="pb-card-title">{t('checklist.title')}</h2>} variant="borderless" data-testid="checklist-card"
      extra={view && <Typography.Text type="secondary">{t('checklist.waiting', { count: waiting })}</Typography.Text>}
    >
      {checklist.isError ? <Alert type="error" showIcon title={t('error.generic')} description={checklist.error.message} /> : (
        <>
          {view && !view.sensitiveConsent && <Alert type="info" showIcon title={t('checklist.noConsent')} style={{ marginBottom: 12 }} />}
          {checklist.isPending ? <Skeleton active /> : view && (
            <ul style={{ listStyle: 'none', margin: 0, padding: 0 }} aria-label={t('checklist.title')}>
              {view.items.map((item) => <ItemRow key={item.id} candidateId={candidateId} item={item} view={view} onReject={setRejecting} />)}
            </ul>
          )}
        </>
      )}
      <RejectModal candidateId={candidateId} item={rejecting} onClose={() => setRejecting(null)} />
    </Card>
  );
}
