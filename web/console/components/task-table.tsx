/**
 * Tasks as a table, with "Complete" (or "Prepared text" + "Mark sent" for hand-sent
 * messages). Used by My tasks and, compact, on the candidate page.
 */
import { CheckOutlined, ClockCircleOutlined, CopyOutlined, ExclamationCircleOutlined, SendOutlined } from '@ant-design/icons';
import { Button, Flex, Table, Tooltip, Typography, type TableProps } from 'antd';
import { useState, type HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { TTaskView } from '../../lib/api.js';
import { formatDateTime, formatRelativeTime } from '../format.js';
import { roleName, stageName, stepName } from '../labels.js';
import { usePermissions } from '../session.js';
import { CompleteTaskModal } from './complete-task-modal.js';
import { PreparedTextModal } from './prepared-text-modal.js';
import { ToneTag } from './tone-tag.js';
import { WINDOWED_TABLE } from './windowed-body.js';
import '../locales/tasks.js';

export interface TaskTableProps {
  tasks: TTaskView[];
  loading?: boolean;
  /** Hide the candidate column (on the candidate's own page). */
  compact?: boolean;
  emptyText: string;
  pagination?: TableProps<TTaskView>['pagination'];
  onChange?: TableProps<TTaskView>['onChange'];
  testId?: string;
}

function DueCell({ task }: { task: TTaskView }) {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  return (
    <Flex vertical>
      <Typography.Text className={task.overdue ? 'pb-overdue-text' : undefined}>
        {task.overdue && <ExclamationCircleOutlined aria-hidden="true" />} {formatRelativeTime(task.dueAt, lng)}
      </Typography.Text>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        <time dateTime={task.dueAt}>{formatDateTime(task.dueAt, lng)}</time>
      </Typography.Text>
      {task.calendarDataMissing && (
        <Tooltip title={t('tasks.calendarMissingHint')}>
          <span tabIndex={0}><ToneTag tone="warning">{t('tasks.calendarMissing')}</ToneTag></span>
        </Tooltip>
      )}
    </Flex>
  );
}

function StatusCell({ task }: { task: TTaskView }) {
  const { t, i18n } = useTranslation();
  if (task.status === 'done') {
    return (
      <Flex vertical gap={2}>
        <ToneTag tone="success" icon={<CheckOutlined aria-hidden="true" />}>{t('tasks.done')}</ToneTag>
        {task.completedAt && <Typography.Text type="secondary" style={{ fontSize: 12 }}>{formatDateTime(task.completedAt, i18n.language)}</Typography.Text>}
        {task.outcome && <Typography.Text style={{ fontSize: 12 }} ellipsis={{ tooltip: task.outcome }}>{task.outcome}</Typography.Text>}
      </Flex>
    );
  }
  if (task.status === 'cancelled') return <ToneTag tone="muted">{t('tasks.cancelled')}</ToneTag>;
  return (
    <Flex gap={4} wrap>
      {task.overdue
        ? <ToneTag tone="danger" icon={<ExclamationCircleOutlined aria-hidden="true" />} testId="overdue-tag">{t('tasks.overdue')}</ToneTag>
        : <ToneTag tone="info" icon={<ClockCircleOutlined aria-hidden="true" />}>{t('planState.open')}</ToneTag>}
      {task.kind === 'escalation' && <ToneTag tone="warning">{t('tasks.escalation')}</ToneTag>}
    </Flex>
  );
}

/** The withdrawal approval is decided on the candidate page (evidence, approve or refuse), not ticked off. */
const DECIDED_ON_CANDIDATE_PAGE = 'offer.approve_withdrawal';

export function TaskTable({ tasks, loading, compact, emptyText, pagination, onChange, testId }: TaskTableProps) {
  const { t } = useTranslation();
  const can = usePermissions();
  const [completing, setCompleting] = useState<{ task: TTaskView; mode: 'complete' | 'sent' } | null>(null);
  const [preparing, setPreparing] = useState<TTaskView | null>(null);
  const canComplete = can('task.complete');

  const columns: TableProps<TTaskView>['columns'] = [
    ...(compact ? [] : [{
      title: t('tasks.col.candidate'), key: 'candidate',
      render: (_: unknown, task: TTaskView) => <Link to={`/candidates/${task.candidateId}`}>{task.candidateName}</Link>,
    }]),
    {
      title: t('tasks.col.step'), key: 'step',
      render: (_, task) => (
        <Flex vertical>
          <Typography.Text strong data-testid="task-step">{stepName(t, task.stepId)}</Typography.Text>
          {task.detail && (
            <Typography.Text ellipsis={{ tooltip: task.detail }} style={{ maxWidth: 360 }} data-testid="task-detail">{task.detail}</Typography.Text>
          )}
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {stageName(t, task.stage)} · {t(`action.${task.action}`, { defaultValue: task.action })}
          </Typography.Text>
        </Flex>
      ),
    },
    { title: t('tasks.col.due'), key: 'due', render: (_, task) => <DueCell task={task} /> },
    {
      title: t('tasks.col.owners'), key: 'owners', responsive: compact ? ['xl'] : ['md'],
      render: (_, task) => <Flex gap={4} wrap>{task.ownerRoles.map((r) => <ToneTag key={r} tone="neutral">{roleName(t, r)}</ToneTag>)}</Flex>,
    },
    { title: t('tasks.col.status'), key: 'status', render: (_, task) => <StatusCell task={task} /> },
    ...(canComplete ? [{
      title: t('tasks.col.actions'), key: 'actions', align: 'right' as const,
      render: (_: unknown, task: TTaskView) => task.status !== 'open' ? null : task.preparedMessage ? (
        <Flex gap={8} justify="flex-end" wrap>
          <Button size="small" icon={<CopyOutlined aria-hidden="true" />} onClick={() => setPreparing(task)} data-testid="task-prepared">
            {t('tasks.preparedText')}
          </Button>
          <Button size="small" type="primary" icon={<SendOutlined aria-hidden="true" />} onClick={() => setCompleting({ task, mode: 'sent' })} data-testid="task-mark-sent">
            {t('tasks.markSent')}
          </Button>
        </Flex>
      ) : task.stepId === DECIDED_ON_CANDIDATE_PAGE ? (
        // The decision itself closes this task: it is taken where the evidence is shown.
        <Link to={`/candidates/${task.candidateId}`} data-testid="task-decide">{t('tasks.decide')}</Link>
      ) : (
        <Button
          size="small" type="primary" icon={<CheckOutlined aria-hidden="true" />} onClick={() => setCompleting({ task, mode: 'complete' })}
          aria-label={t('tasks.completeFor', { step: stepName(t, task.stepId), name: task.candidateName })} data-testid="task-complete"
        >
          {t('tasks.complete')}
        </Button>
      ),
    }] : []),
  ];

  return (
    <>
      <Table<TTaskView>
        rowKey={(task) => `${task.candidateId}/${task.key}`}
        components={WINDOWED_TABLE}
        columns={columns}
        dataSource={tasks}
        loading={loading}
        size={compact ? 'small' : 'middle'}
        pagination={pagination ?? false}
        onChange={onChange}
        rowClassName={(task) => (task.overdue ? 'pb-overdue-row' : '')}
        onRow={(task) => ({ 'data-step': task.stepId, 'data-candidate': task.candidateName } as HTMLAttributes<HTMLElement>)}
        locale={{ emptyText: <span className="pb-empty">{emptyText}</span> }}
        scroll={{ x: compact ? undefined : 760 }}
        data-testid={testId}
      />
      <PreparedTextModal
        task={preparing} onClose={() => setPreparing(null)}
        onMarkSent={(task) => { setPreparing(null); setCompleting({ task, mode: 'sent' }); }}
      />
      <CompleteTaskModal key={completing ? `${completing.task.candidateId}/${completing.task.key}` : 'none'} task={completing?.task ?? null} mode={completing?.mode ?? 'complete'} onClose={() => setCompleting(null)} />
    </>
  );
}
