/**
 * A message step whose channel needs a person (personal WeChat, WeCom external contact,
 * phone): explains that it is sent by hand and offers "Mark sent". The copy-ready text
 * arrives with message templates.
 */
import { Alert, Button, Descriptions, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TTaskView } from '../../lib/api.js';
import { formatDateTime } from '../format.js';
import { channelName, stepName } from '../labels.js';
import '../locales/tasks.js';

export function PreparedTextModal({ task, onClose, onMarkSent }: { task: TTaskView | null; onClose: () => void; onMarkSent: (task: TTaskView) => void }) {
  const { t, i18n } = useTranslation();
  if (!task) return null;
  const step = stepName(t, task.stepId);
  return (
    <Modal
      open title={t('prepared.title', { step })} onCancel={onClose} destroyOnHidden width={560}
      footer={[
        <Button key="close" onClick={onClose}>{t('prepared.close')}</Button>,
        task.status === 'open' && (
          <Button key="sent" type="primary" onClick={() => onMarkSent(task)} data-testid="prepared-mark-sent">{t('tasks.markSent')}</Button>
        ),
      ]}
    >
      <Alert type="info" showIcon title={t('prepared.explain')} style={{ marginBottom: 16 }} />
      <Descriptions
        size="small" column={1} bordered
        items={[
          { key: 'candidate', label: t('prepared.candidate'), children: task.candidateName },
          { key: 'step', label: t('prepared.step'), children: step },
          { key: 'channel', label: t('prepared.channel'), children: task.channel ? channelName(t, task.channel) : '—' },
          { key: 'due', label: t('prepared.due'), children: <time dateTime={task.dueAt}>{formatDateTime(task.dueAt, i18n.language)}</time> },
        ]}
      />
      <p className="pb-muted-box">{task.detail || t('prepared.textLater')}</p>
    </Modal>
  );
}
