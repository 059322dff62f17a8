/**
 * The draft's steps as a table (id, anchor and offset, owner, action, channel, conditions,
 * SLA), with the changes against the saved version and the problems of each step marked.
 */
import { DeleteOutlined, EditOutlined, WarningOutlined } from '@ant-design/icons';
import { Button, Flex, Popconfirm, Space, Table, Typography, type TableProps } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TPlaybookStep } from '../../../../src/contracts/playbook.js';
import type { TPlaybookProblem } from '../../../lib/playbooks-api.js';
import { actionName, channelName, roleName, stageName, stepName } from '../../labels.js';
import { ToneTag } from '../tone-tag.js';
import { describeConditions, describeProblem, formatOffset, formatSla } from './playbook-format.js';
import '../../locales/playbooks.js';

export type StepChange = 'added' | 'changed' | null;

interface Row {
  index: number;
  step: TPlaybookStep;
  change: StepChange;
  problems: TPlaybookProblem[];
}

export function StepsTable({ steps, changes, problems, siteNames, onEdit, onRemove }: {
  steps: readonly TPlaybookStep[];
  /** Per step index: new or edited since the saved version. */
  changes: readonly StepChange[];
  problems: ReadonlyMap<number, TPlaybookProblem[]>;
  siteNames: ReadonlyMap<string, string>;
  onEdit: (index: number) => void;
  onRemove: (index: number) => void;
}) {
  const { t } = useTranslation();
  const rows: Row[] = steps.map((step, index) => ({ index, step, change: changes[index] ?? null, problems: problems.get(index) ?? [] }));
  const columns: TableProps<Row>['columns'] = [
    {
      key: 'id', title: t('playbooks.col.id'), width: 260,
      render: (_, r) => (
        <Flex vertical gap={2}>
          <Typography.Text strong>{stepName(t, r.step.id || '—')}</Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12 }} code>{r.step.id || '—'}</Typography.Text>
          <Flex gap={4} wrap>
            <ToneTag tone="neutral">{stageName(t, r.step.stage)}</ToneTag>
            {r.change === 'added' && <ToneTag tone="success" testId="step-change">{t('playbooks.change.added')}</ToneTag>}
            {r.change === 'changed' && <ToneTag tone="info" testId="step-change">{t('playbooks.change.changed')}</ToneTag>}
          </Flex>
          {r.problems.length > 0 && (
            <ul className="pb-playbook-problems" data-testid="step-problems">
              {r.problems.map((p) => <li key={`${p.field}-${p.code}`}><WarningOutlined aria-hidden="true" /> {describeProblem(t, p)}</li>)}
            </ul>
          )}
        </Flex>
      ),
    },
    { key: 'when', title: t('playbooks.col.when'), render: (_, r) => <span data-testid="step-when">{formatOffset(t, r.step.anchor, r.step.offset)}</span> },
    { key: 'owners', title: t('playbooks.col.owners'), render: (_, r) => r.step.owners.map((o) => roleName(t, o)).join(' + ') },
    { key: 'action', title: t('playbooks.col.action'), render: (_, r) => actionName(t, r.step.action) },
    { key: 'channels', title: t('playbooks.col.channels'), render: (_, r) => (r.step.channels ?? []).map((c) => channelName(t, c)).join(' › ') || '—' },
    {
      key: 'conditions', title: t('playbooks.col.conditions'),
      render: (_, r) => {
        const list = describeConditions(t, r.step.conditions, siteNames);
        return list.length ? <Flex gap={4} wrap>{list.map((c) => <ToneTag key={c} tone="teal">{c}</ToneTag>)}</Flex> : t('playbooks.cond.always');
      },
    },
    { key: 'sla', title: t('playbooks.col.sla'), render: (_, r) => <span style={{ whiteSpace: 'nowrap' }}>{formatSla(t, r.step.anchor, r.step.sla) || '—'}</span> },
    {
      key: 'actions', title: <span className="pb-visually-hidden">{t('playbooks.col.actions')}</span>, width: 96,
      render: (_, r) => (
        <Space size={0}>
          <Button type="text" icon={<EditOutlined />} onClick={() => onEdit(r.index)} aria-label={t('playbooks.edit', { step: r.step.id })} data-testid="step-edit" />
          <Popconfirm
            title={t('playbooks.removeConfirm', { step: r.step.id })} okText={t('playbooks.remove')} cancelText={t('playbooks.form.cancel')}
            onConfirm={() => onRemove(r.index)}
          >
            <Button type="text" danger icon={<DeleteOutlined />} aria-label={t('playbooks.remove') + ' ' + r.step.id} data-testid="step-remove" />
          </Popconfirm>
        </Space>
      ),
    },
  ];
  return (
    <Table<Row>
      rowKey="index" size="small" columns={columns} dataSource={rows} pagination={false} data-testid="steps-table"
      rowClassName={(r) => (r.problems.length ? 'pb-playbook-row-problem' : '')} scroll={{ x: 1000 }}
    />
  );
}
