/** The saved versions, newest first: who saved what and when, how many candidates follow each. */
import { Button, Table, Typography, type TableProps } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TPlaybookVersionInfo } from '../../../lib/playbooks-api.js';
import { formatDateTime } from '../../format.js';
import { ToneTag } from '../tone-tag.js';
import '../../locales/playbooks.js';

export function VersionHistory({ versions, latest, loadingVersion, onLoad }: {
  versions: readonly TPlaybookVersionInfo[];
  latest: number;
  loadingVersion: number | null;
  /** Starts a new draft from this version's steps. */
  onLoad: (version: number) => void;
}) {
  const { t, i18n } = useTranslation();
  const columns: TableProps<TPlaybookVersionInfo>['columns'] = [
    {
      key: 'version', title: t('playbooks.history.version'), width: 110,
      render: (_, v) => <>v{v.version} {v.version === latest && <ToneTag tone="success">{t('playbooks.history.current')}</ToneTag>}</>,
    },
    { key: 'name', title: t('playbooks.history.name'), dataIndex: 'name' },
    {
      key: 'changes', title: t('playbooks.history.changes'),
      render: (_, v) => (v.version === 1 && !v.createdBy
        ? t('playbooks.history.seeded')
        : t('playbooks.history.changeSummary', { added: v.changes.added.length, removed: v.changes.removed.length, changed: v.changes.changed.length })),
    },
    { key: 'by', title: t('playbooks.history.by'), render: (_, v) => v.createdBy?.name ?? t('playbooks.history.system') },
    { key: 'at', title: t('playbooks.history.at'), render: (_, v) => <time dateTime={v.createdAt}>{formatDateTime(v.createdAt, i18n.language)}</time> },
    { key: 'candidates', title: t('playbooks.history.candidates'), render: (_, v) => t('playbooks.history.candidateCount', { count: v.candidateCount }) },
    {
      key: 'load', title: <span className="pb-visually-hidden">{t('playbooks.history.load')}</span>,
      render: (_, v) => (
        <Button size="small" onClick={() => onLoad(v.version)} loading={loadingVersion === v.version} data-testid="version-load">
          {t('playbooks.history.load')}
        </Button>
      ),
    },
  ];
  return (
    <>
      <Typography.Paragraph type="secondary">{t('playbooks.history.help')}</Typography.Paragraph>
      <Table<TPlaybookVersionInfo> rowKey="version" size="small" columns={columns} dataSource={[...versions]} pagination={false} data-testid="version-history" />
    </>
  );
}
