/**
 * The open tasks of one candidate visible to the viewer's role, with "Complete". An open
 * labour-contract task is announced above them with its legal deadline (劳动合同法 Art.10).
 */
import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { api, type TTaskView } from '../../lib/api.js';
import { daysUntil, formatDateTime, formatLocalDate } from '../format.js';
import { usePermissions } from '../session.js';
import { LegalDeadlineTag, nextLocalDate } from './legal-deadline-note.js';
import { TaskTable } from './task-table.js';
import '../locales/candidate.js';
import '../locales/tasks.js';

/** The open labour-contract task (not its escalations), when there is one. */
const findContractTask = (tasks: readonly TTaskView[]) => tasks.find((task) => task.kind === 'task' && task.legalDeadline);

function ContractNotice({ task }: { task: TTaskView }) {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  const deadline = task.legalDeadline!;
  const days = daysUntil(deadline);
  return (
    <Alert
      type={days < 5 ? 'warning' : 'info'} showIcon data-testid="contract-notice" style={{ marginBottom: 12 }}
      title={t('contract.signBy', { due: formatDateTime(task.dueAt, lng) })}
      description={(
        <Flex vertical gap={4} align="flex-start">
          <LegalDeadlineTag deadline={deadline} open />
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('contract.hint', { date: formatLocalDate(nextLocalDate(deadline), lng) })}</Typography.Text>
        </Flex>
      )}
    />
  );
}

export function CandidateTasksCard({ candidateId }: { candidateId: string }) {
  const { t } = useTranslation();
  const can = usePermissions();
  const query = { candidateId, status: 'open', limit: 50 } as const;
  const tasks = useQuery({ queryKey: ['tasks', 'candidate', query], queryFn: () => api.listTasks(query), enabled: can('task.read') });
  if (!can('task.read')) return null;
  const contract = findContractTask(tasks.data?.items ?? []);
  return (
    <Card title={<h2 className="pb-card-title">{t('tasks.forCandidate')}</h2>} variant="borderless" data-testid="candidate-tasks">
      {contract && <ContractNotice task={contract} />}
      {tasks.isError
        ? <Alert type="error" showIcon title={t('error.generic')} description={tasks.error.message} />
        : tasks.data?.items.length === 0
          ? <Typography.Text type="secondary" data-testid="candidate-tasks-empty">{t('tasks.noneForCandidate')}</Typography.Text>
          : <TaskTable compact tasks={tasks.data?.items ?? []} loading={tasks.isPending} emptyText={t('tasks.noneForCandidate')} testId="candidate-task-table" />}
    </Card>
  );
}
