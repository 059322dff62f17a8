/**
 * "Complete" a task (or "Mark sent" for a hand-sent message): outcome, the candidate's
 * feedback and how they were reached; the server records the touch on the timeline.
 */
import { useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { Alert, App, Descriptions, Form, Input, Modal, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError, type TCompleteTask, type TTaskView } from '../../lib/api.js';
import { formatDateTime } from '../format.js';
import { stepName } from '../labels.js';
import '../locales/tasks.js';

const CHANNELS = ['phone', 'wechat', 'wecom', 'email', 'video', 'in_person', 'other'] as const;
type CompleteChannel = (typeof CHANNELS)[number];

interface Fields { outcome?: string; candidateFeedback?: string; channel?: CompleteChannel; signedOn?: string }

/** The labour-contract task records the day the contract was signed (劳动合同法 Art.10). */
const SIGNING_STEP = 'contract.sign_labour_contract';
const todayLocal = () => {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};

/** Whether the task talks to the candidate (so feedback and channel make sense). */
export const reachesCandidate = (task: TTaskView) => task.preparedMessage || ['call', 'meeting', 'message'].includes(task.action);

function defaultChannel(task: TTaskView): CompleteChannel | undefined {
  if (task.channel && (CHANNELS as readonly string[]).includes(task.channel)) return task.channel as CompleteChannel;
  if (task.action === 'call') return 'phone';
  return undefined;
}

/** Everything a completion can change: task lists, the candidate's status, plan and timeline. */
export async function refreshAfterTaskChange(client: QueryClient, candidateId: string): Promise<void> {
  await Promise.all([
    client.invalidateQueries({ queryKey: ['tasks'] }),
    client.invalidateQueries({ queryKey: ['candidate', candidateId] }),
    client.invalidateQueries({ queryKey: ['plan', candidateId] }),
    client.invalidateQueries({ queryKey: ['timeline', candidateId] }),
    client.invalidateQueries({ queryKey: ['candidates'] }),
  ]);
}

export function CompleteTaskModal({ task, mode, onClose }: { task: TTaskView | null; mode: 'complete' | 'sent'; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [form] = Form.useForm<Fields>();
  const [error, setError] = useState<string | null>(null);

  const save = useMutation({
    mutationFn: ({ target, input }: { target: TTaskView; input: TCompleteTask }) => api.completeTask(target.candidateId, target.key, input),
    onSuccess: async (_done, { target }) => {
      void message.success(t('completeTask.done'));
      onClose();
      await refreshAfterTaskChange(client, target.candidateId);
    },
    onError: async (err, { target }) => {
      if (err instanceof ApiError && err.status === 409) {
        void message.warning(t('completeTask.conflict'));
        onClose();
        await refreshAfterTaskChange(client, target.candidateId);
        return;
      }
      if (err instanceof ApiError && err.field === 'signedOn') {
        form.setFields([{ name: 'signedOn', errors: [err.message] }]);
        return;
      }
      setError(err instanceof ApiError ? err.message : String(err));
    },
  });

  if (!task) return null;
  const talks = reachesCandidate(task);
  const signing = task.stepId === SIGNING_STEP;
  const step = stepName(t, task.stepId);
  const onFinish = (v: Fields) => {
    setError(null);
    save.mutate({
      target: task,
      input: {
        outcome: v.outcome?.trim() ?? '', candidateFeedback: v.candidateFeedback ?? '',
        ...(v.channel ? { channel: v.channel } : {}), ...(signing && v.signedOn ? { signedOn: v.signedOn } : {}),
      },
    });
  };

  return (
    <Modal
      open title={mode === 'sent' ? t('prepared.title', { step }) : t('completeTask.title', { step })}
      onCancel={onClose} onOk={() => form.submit()} okText={mode === 'sent' ? t('tasks.markSent') : t('completeTask.submit')}
      cancelText={t('completeTask.cancel')} confirmLoading={save.isPending} destroyOnHidden width={560}
      okButtonProps={{ 'data-testid': 'complete-submit' } as Record<string, string>}
    >
      {error && <Alert type="error" showIcon role="alert" title={t('completeTask.failed')} description={error} style={{ marginBottom: 16 }} />}
      <Descriptions
        size="small" column={1} style={{ marginBottom: 16 }}
        items={[
          { key: 'candidate', label: t('completeTask.candidate'), children: task.candidateName },
          { key: 'due', label: t('completeTask.due'), children: <time dateTime={task.dueAt}>{formatDateTime(task.dueAt, i18n.language)}</time> },
          // What this task is about in words: the reported day-one issue, the question, the reason.
          ...(task.detail ? [{ key: 'detail', label: t('completeTask.detail'), children: <span data-testid="complete-detail">{task.detail}</span> }] : []),
        ]}
      />
      <Form<Fields> form={form} layout="vertical" onFinish={onFinish} initialValues={{ channel: defaultChannel(task), signedOn: todayLocal() }} data-testid="complete-form">
        {signing && (
          <Form.Item label={t('completeTask.signedOn')} name="signedOn" extra={t('completeTask.signedOnHint')} rules={[{ required: true, message: t('validation.required') }]}>
            <Input type="date" data-testid="signed-on" />
          </Form.Item>
        )}
        <Form.Item label={t('completeTask.outcome')} name="outcome">
          <Input.TextArea rows={3} maxLength={2000} showCount placeholder={t('completeTask.outcomePlaceholder')} autoFocus />
        </Form.Item>
        {talks && (
          <>
            <Form.Item label={t('completeTask.candidateFeedback')} name="candidateFeedback">
              <Input.TextArea rows={2} maxLength={2000} placeholder={t('completeTask.candidateFeedbackPlaceholder')} />
            </Form.Item>
            <Form.Item label={t('completeTask.channel')} name="channel">
              <Select allowClear options={CHANNELS.map((c) => ({ value: c, label: t(`channel.${c}`) }))} />
            </Form.Item>
          </>
        )}
      </Form>
    </Modal>
  );
}
