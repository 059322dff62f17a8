/**
 * The logistics board: everyone starting in the chosen dates, by start date, with the four
 * first-day preparation items (workstation, badge, computer, welcome kit) and the arrival
 * the candidate confirmed. Filters live in the URL and run on the server, 50 rows a page.
 * An item is marked ready through the task behind it.
 */
import { CheckOutlined, ExclamationCircleOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button, Card, Input, Select, Table, Typography, type TableProps } from 'antd';
import { useState, type HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { PREP_ITEMS } from '../../../src/contracts/team-views.js';
import { api } from '../../lib/api.js';
import { teamViewsApi, type LogisticsBoardQuery, type TLogisticsBoardRow, type TPrepItem } from '../../lib/team-views-api.js';
import { CompletePrepModal, type PrepTarget } from '../components/complete-prep-modal.js';
import { ToneTag, type Tone } from '../components/tone-tag.js';
import { formatLocalDate, formatRelativeDays } from '../format.js';
import './team-views.css';
import '../locales/team-views.js';

const PAGE_SIZE = 50;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const STATE_TONE: Record<TPrepItem['state'], Tone> = { open: 'info', done: 'success', cancelled: 'muted', not_planned: 'neutral' };

function PrepCell({ row, item, onMark }: { row: TLogisticsBoardRow; item: TPrepItem; onMark: (t: PrepTarget) => void }) {
  const { t } = useTranslation();
  const itemName = t(`logisticsBoard.item.${item.item}`);
  return (
    <div className="pb-prep-cell" data-testid="prep-item" data-item={item.item} data-state={item.state}>
      <ToneTag tone={STATE_TONE[item.state]} icon={item.state === 'done' ? <CheckOutlined aria-hidden="true" /> : undefined}>
        {t(`logisticsBoard.state.${item.state}`)}
      </ToneTag>
      {item.overdue && <ToneTag tone="danger" icon={<ExclamationCircleOutlined aria-hidden="true" />}>{t('logisticsBoard.overdue')}</ToneTag>}
      {item.state === 'open' && item.taskKey && (
        <Button
          size="small" data-testid="prep-mark" aria-label={t('logisticsBoard.markDoneLabel', { item: itemName, name: row.fullName })}
          onClick={() => onMark({ candidateId: row.candidateId, candidateName: row.fullName, item })}
        >
          {t('logisticsBoard.markDone')}
        </Button>
      )}
    </div>
  );
}

function ArrivalCell({ row }: { row: TLogisticsBoardRow }) {
  const { t } = useTranslation();
  const c = row.arrival.confirmation;
  return (
    <div className="pb-arrival" data-testid="arrival">
      <span>{t('logisticsBoard.expected', { time: row.arrival.expectedTime })}</span>
      {c ? (
        <>
          <span>{t('logisticsBoard.confirmed', { time: c.arrivalTime, mode: t(`logisticsBoard.mode.${c.mode}`) })}</span>
          {c.needsParking && <span><ToneTag tone="warning">{t('logisticsBoard.parking')}</ToneTag></span>}
          {row.arrival.outdated && <span><ToneTag tone="danger">{t('logisticsBoard.outdated')}</ToneTag></span>}
          {c.note && <span className="pb-arrival-note">{c.note}</span>}
        </>
      ) : <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('logisticsBoard.notConfirmed')}</Typography.Text>}
    </div>
  );
}

/** Rows of the same start date share one date cell (rows arrive sorted by start date). */
function dateSpans(rows: TLogisticsBoardRow[]): number[] {
  return rows.map((r, i) => {
    if (i > 0 && rows[i - 1]!.startDate === r.startDate) return 0;
    let n = 1;
    while (rows[i + n]?.startDate === r.startDate) n += 1;
    return n;
  });
}

export default function LogisticsBoardPage() {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  const [params, setParams] = useSearchParams();
  const [marking, setMarking] = useState<PrepTarget | null>(null);
  const page = Math.max(1, Number(params.get('page')) || 1);
  const pick = (key: string) => (DATE.test(params.get(key) ?? '') ? params.get(key)! : undefined);
  const query: LogisticsBoardQuery = { from: pick('from'), to: pick('to'), site: params.get('site') || undefined, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE };
  const board = useQuery({ queryKey: ['logistics-board', query], queryFn: () => teamViewsApi.logisticsBoard(query), placeholderData: keepPreviousData });
  const sites = useQuery({ queryKey: ['sites'], queryFn: api.sites, staleTime: 10 * 60_000 });

  const update = (patch: Record<string, string | undefined>) => {
    setParams((prev) => {
      const next = new URLSearchParams(prev);
      for (const [k, v] of Object.entries(patch)) if (v) next.set(k, v); else next.delete(k);
      if (!('page' in patch)) next.delete('page');
      return next;
    }, { replace: true });
  };

  const rows = board.data?.items ?? [];
  const spans = dateSpans(rows);
  const columns: TableProps<TLogisticsBoardRow>['columns'] = [
    {
      title: t('logisticsBoard.col.startDate'), key: 'startDate', width: 150, onCell: (_, index) => ({ rowSpan: spans[index ?? 0] ?? 1 }),
      render: (_, r) => (
        <div className="pb-arrival">
          <strong>{formatLocalDate(r.startDate, lng)}</strong>
          <span className={r.daysToStart >= 0 && r.daysToStart <= 1 ? 'pb-hire-countdown is-soon' : undefined}>{formatRelativeDays(r.daysToStart, lng)}</span>
        </div>
      ),
    },
    {
      title: t('logisticsBoard.col.candidate'), key: 'candidate',
      render: (_, r) => (
        <div className="pb-arrival">
          <Link to={`/candidates/${r.candidateId}`}>{r.fullName}</Link>
          <span>{r.positionTitle} · {r.department.name}</span>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>{r.site.name}</Typography.Text>
        </div>
      ),
    },
    { title: t('logisticsBoard.col.arrival'), key: 'arrival', width: 220, render: (_, r) => <ArrivalCell row={r} /> },
    ...PREP_ITEMS.map((kind) => ({
      title: t(`logisticsBoard.item.${kind}`), key: kind, width: 140,
      render: (_: unknown, r: TLogisticsBoardRow) => <PrepCell row={r} item={r.items.find((i) => i.item === kind)!} onMark={setMarking} />,
    })),
  ];

  return (
    <>
      <div className="pb-page-head">
        <div>
          <Typography.Title level={1} style={{ fontSize: 24 }}>{t('logisticsBoard.title')}</Typography.Title>
          <Typography.Text type="secondary">{t('logisticsBoard.subtitle')}</Typography.Text>
        </div>
        {board.data && <Typography.Text data-testid="board-total">{t('logisticsBoard.total', { count: board.data.total })}</Typography.Text>}
      </div>
      <Card variant="borderless">
        <div className="pb-board-filters" role="search">
          <label htmlFor="board-from">{t('logisticsBoard.from')}</label>
          <Input
            id="board-from" type="date" style={{ width: 160 }} value={query.from ?? board.data?.from ?? ''}
            onChange={(e) => update({ from: e.target.value || undefined })}
          />
          <label htmlFor="board-to">{t('logisticsBoard.to')}</label>
          <Input
            id="board-to" type="date" style={{ width: 160 }} value={query.to ?? board.data?.to ?? ''}
            onChange={(e) => update({ to: e.target.value || undefined })}
          />
          <Select
            aria-label={t('logisticsBoard.site')} style={{ width: 220 }} allowClear placeholder={t('logisticsBoard.allSites')}
            value={query.site} onChange={(v?: string) => update({ site: v })} loading={sites.isPending} data-testid="board-site"
            options={(sites.data?.items ?? []).map((s) => ({ value: s.id, label: s.name }))}
          />
        </div>
        <Table<TLogisticsBoardRow>
          rowKey="candidateId" columns={columns} dataSource={rows} loading={board.isFetching} bordered size="middle"
          locale={{ emptyText: board.isError ? t('error.generic') : t('logisticsBoard.empty') }}
          onRow={(r) => ({ 'data-candidate': r.fullName } as HTMLAttributes<HTMLElement>)}
          pagination={{
            current: page, pageSize: PAGE_SIZE, total: board.data?.total ?? 0, showSizeChanger: false, hideOnSinglePage: true,
            onChange: (p) => update({ page: p === 1 ? undefined : String(p) }),
          }}
          scroll={{ x: 1100 }} data-testid="logistics-board"
        />
        <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0, fontSize: 12 }}>{t('logisticsBoard.logisticsOnly')}</Typography.Paragraph>
      </Card>
      <CompletePrepModal target={marking} onClose={() => setMarking(null)} />
    </>
  );
}
