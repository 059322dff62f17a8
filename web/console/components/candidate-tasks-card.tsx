/** The open tasks of one candidate visible to the viewer's role, with "Complete". */
import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../../lib/api.js';
import { usePermissions } from '../session.js';
import { TaskTable } from './task-table.js';

export function CandidateTasksCard({ candidateId }: { candidateId: string }) {
  const { t } = useTranslation();
  const can = usePermissions();
  const query = { candidateId, status: 'open', limit: 50 } as const;
  const tasks = useQuery({ queryKey: ['tasks', 'candidate', query], queryFn: () => api.listTasks(query), enabled: can('task.read') });
  if (!can('task.read')) return null;
  return (
    <Card title={<h2 className="pb-card-title">{t('tasks.forCandidate')}</h2>} variant="borderless" data-testid="candidate-tasks">
      {tasks.isError
        ? <Alert type="error" showIcon title={t('error.generic')} description={tasks.error.message} />
        : tasks.data?.items.length === 0
          ? <Typography.Text type="secondary" data-testid="candidate-tasks-empty">{t('tasks.noneForCandidate')}</Typography.Text>
          : <TaskTable compact tasks={tasks.data?.items ?? []} loading={tasks.isPending} emptyText={t('tasks.noneForCandidate')} testId="candidate-task-table" />}
    </Card>
  );
}
