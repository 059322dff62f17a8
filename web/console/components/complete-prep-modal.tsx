/**
 * "Mark ready" for a first-day preparation item: completes the admin task behind it (the
 * task API records the touch and the audit) and says which other items that task covers.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Form, Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../../lib/api.js';
import type { TPrepItem } from '../../lib/team-views-api.js';
import { refreshAfterTaskChange } from './complete-task-modal.js';
import '../locales/team-views.js';

export interface PrepTarget {
  candidateId: string;
  candidateName: string;
  item: TPrepItem;
}

export function CompletePrepModal({ target, onClose }: { target: PrepTarget | null; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [form] = Form.useForm<{ outcome?: string }>();
  const [error, setError] = useState<string | null>(null);

  const finish = async (candidateId: string) => {
    onClose();
    await Promise.all([client.invalidateQueries({ queryKey: ['logistics-board'] }), refreshAfterTaskChange(client, candidateId)]);
  };
  const save = useMutation({
    mutationFn: ({ to, outcome }: { to: PrepTarget; outcome: string }) => api.completeTask(to.candidateId, to.item.taskKey!, { outcome }),
    onSuccess: async (_done, { to }) => {
      void message.success(t('logisticsBoard.dialog.done'));
      await finish(to.candidateId);
    },
    onError: async (err, { to }) => {
      if (err instanceof ApiError && err.status === 409) {
        void message.warning(t('logisticsBoard.dialog.conflict'));
        await finish(to.candidateId);
        return;
      }
      setError(err instanceof ApiError ? err.message : String(err));
    },
  });

  if (!target?.item.taskKey) return null;
  const covered = new Intl.ListFormat(i18n.language, { type: 'conjunction' })
    .format([target.item.item, ...target.item.sharedWith].map((i) => t(`logisticsBoard.item.${i}`)));

  return (
    <Modal
      open title={t('logisticsBoard.dialog.title', { name: target.candidateName })} onCancel={onClose} onOk={() => form.submit()}
      okText={t('logisticsBoard.dialog.submit')} cancelText={t('logisticsBoard.dialog.cancel')} confirmLoading={save.isPending} destroyOnHidden
      okButtonProps={{ 'data-testid': 'prep-submit' } as Record<string, string>}
    >
      {error && <Alert type="error" showIcon role="alert" title={t('logisticsBoard.dialog.failed')} description={error} style={{ marginBottom: 16 }} />}
      {target.item.sharedWith.length > 0 && (
        <Typography.Paragraph data-testid="prep-covers">{t('logisticsBoard.dialog.covers', { items: covered })}</Typography.Paragraph>
      )}
      <Form form={form} layout="vertical" data-testid="prep-form" onFinish={(v) => { setError(null); save.mutate({ to: target, outcome: v.outcome?.trim() ?? '' }); }}>
        <Form.Item label={t('logisticsBoard.dialog.outcome')} name="outcome">
          <Input.TextArea rows={3} maxLength={2000} showCount placeholder={t('logisticsBoard.dialog.outcomePlaceholder')} autoFocus />
        </Form.Item>
      </Form>
    </Modal>
  );
}
