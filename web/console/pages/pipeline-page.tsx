/**
 * The pipeline board (issue 5): candidates by stage with counts, cards with the start
 * countdown, owner, overdue marker and the advisory risk with its reasons; filters live in
 * the URL and run on the server, each column pages on its own.
 */
import { ClockCircleOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Flex, Input, Popover, Select, Spin, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { PIPELINE_COLUMNS, RISK_LEVELS } from '../../../src/contracts/pipeline.js';
import { api, type TPipelineCard, type TPipelineQuery } from '../../lib/api.js';
import { formatLocalDate, formatRelativeDays } from '../format.js';
import { usePermissions } from '../session.js';
import './pipeline-page.css';
import '../locales/candidates.js';
import '../locales/pipeline.js';

type Stage = (typeof PIPELINE_COLUMNS)[number];
type Risk = (typeof RISK_LEVELS)[number];
const PAGE = 20;
const DAY = 86_400_000;

/** URL parameter → API filter. */
const PARAMS = { q: 'q', dept: 'departmentId', site: 'siteId', hr: 'hrOwnerId', mgr: 'managerId', week: 'startWeek', risk: 'risk' } as const;

function readFilters(params: URLSearchParams): Partial<TPipelineQuery> {
  const f: Record<string, string> = {};
  for (const [key, field] of Object.entries(PARAMS)) {
    const v = params.get(key);
    if (v) f[field] = v;
  }
  if (f.risk && !RISK_LEVELS.includes(f.risk as Risk)) delete f.risk;
  return f as Partial<TPipelineQuery>;
}

/** Mondays from four weeks back to sixteen ahead, as `YYYY-MM-DD`. */
function listWeeks(now = new Date()): string[] {
  const today = Date.UTC(now.getFullYear(), now.getMonth(), now.getDate());
  const monday = today - ((new Date(today).getUTCDay() + 6) % 7) * DAY;
  return Array.from({ length: 21 }, (_, i) => new Date(monday + (i - 4) * 7 * DAY).toISOString().slice(0, 10));
}

function RiskTag({ card }: { card: TPipelineCard }) {
  const { t } = useTranslation();
  const risk = card.risk;
  if (!risk) return null;
  const label = t(`pipeline.risk.${risk.level}`);
  const reasons = risk.reasons.map((r) => t(`pipeline.reason.${r.code}`, r.params));
  const content = reasons.length
    ? <ul className="pb-risk-reasons" data-testid="risk-reasons">{reasons.map((r) => <li key={r}>{r}</li>)}</ul>
    : <Typography.Text>{t('pipeline.noReasons')}</Typography.Text>;
  return (
    <Popover title={t('pipeline.riskWhy', { score: risk.score })} content={<>{content}<Typography.Paragraph type="secondary" style={{ margin: '8px 0 0', fontSize: 12, maxWidth: 320 }}>{t('pipeline.advisory')}</Typography.Paragraph></>} trigger={['hover', 'click']}>
      <button type="button" className="pb-risk-button" aria-label={`${label}: ${reasons.join('; ') || t('pipeline.noReasons')}`} data-testid="risk-tag">
        <Tag bordered={false} className={`pb-risk-${risk.level}`} style={{ marginInlineEnd: 0 }}>{label}</Tag>
      </button>
    </Popover>
  );
}

function BoardCard({ card }: { card: TPipelineCard }) {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  return (
    <li className={`pb-board-card${card.risk && card.risk.level !== 'low' ? ` pb-board-card-${card.risk.level}` : ''}`} data-testid="pipeline-card">
      <Link to={`/candidates/${card.id}`} className="pb-board-name">{card.fullName}</Link>
      <span className="pb-board-meta">{card.positionTitle} · {card.department.name}</span>
      <span className="pb-board-meta">
        {formatLocalDate(card.startDate, lng)} · <span className={card.daysToStart >= 0 && card.daysToStart <= 3 ? 'pb-soon' : undefined}>{formatRelativeDays(card.daysToStart, lng)}</span>
      </span>
      <span className="pb-board-meta">{t('pipeline.owner')}: {card.hrOwner?.name ?? '—'} · {t('pipeline.manager')}: {card.manager?.name ?? '—'}</span>
      <span className="pb-board-tags">
        <RiskTag card={card} />
        {card.overdueTasks > 0 && (
          <Tag bordered={false} className="pb-overdue-tag" icon={<ClockCircleOutlined aria-hidden="true" />} data-testid="overdue-tag">
            {t('pipeline.overdue', { count: card.overdueTasks })}
          </Tag>
        )}
      </span>
    </li>
  );
}

function BoardColumn({ stage, total, first, filters }: { stage: Stage; total: number; first: TPipelineCard[]; filters: Partial<TPipelineQuery> }) {
  const { t } = useTranslation();
  const [more, setMore] = useState<TPipelineCard[]>([]);
  const [loading, setLoading] = useState(false);
  const [failed, setFailed] = useState(false);
  const filterKey = JSON.stringify(filters);
  useEffect(() => { setMore([]); setFailed(false); }, [filterKey, first]);
  const items = [...first, ...more];
  const loadMore = async () => {
    setLoading(true);
    setFailed(false);
    try {
      const page = await api.pipeline({ ...filters, stage, offset: items.length, limit: PAGE });
      setMore((prev) => [...prev, ...(page.columns[0]?.items ?? [])]);
    } catch {
      setFailed(true);
    } finally {
      setLoading(false);
    }
  };
  const headingId = `pipeline-col-${stage}`;
  return (
    <section className="pb-board-col" aria-labelledby={headingId} data-testid={`column-${stage}`}>
      <h2 id={headingId}>
        <span>{t(`pipeline.stage.${stage}`)}</span>
        <span className="pb-tab-count" data-testid="column-count">{total}</span>
      </h2>
      {items.length === 0
        ? <p className="pb-board-empty">{t('pipeline.emptyColumn')}</p>
        : <ul className="pb-board-list">{items.map((c) => <BoardCard key={c.id} card={c} />)}</ul>}
      {items.length < total && (
        <Button onClick={() => void loadMore()} loading={loading} block>
          {t('pipeline.more', { count: total - items.length })}
        </Button>
      )}
      {failed && <Typography.Text type="danger">{t('error.generic')}</Typography.Text>}
    </section>
  );
}

export default function PipelinePage() {
  const { t, i18n } = useTranslation();
  const can = usePermissions();
  const [params, setParams] = useSearchParams();
  const filters = readFilters(params);
  const lng = i18n.language;
  const canSeeUsers = can('user.read');
  const canSeeRisk = can('timeline.read');

  const update = (key: keyof typeof PARAMS, value?: string) => {
    setParams((prev) => {
      const next = new URLSearchParams(prev);
      if (value) next.set(key, value); else next.delete(key);
      return next;
    }, { replace: true });
  };

  const board = useQuery({ queryKey: ['pipeline', filters], queryFn: () => api.pipeline({ ...filters, limit: PAGE }), placeholderData: keepPreviousData });
  const departments = useQuery({ queryKey: ['departments'], queryFn: api.departments, staleTime: 10 * 60_000 });
  const sites = useQuery({ queryKey: ['sites'], queryFn: api.sites, staleTime: 10 * 60_000 });
  const users = useQuery({ queryKey: ['users'], queryFn: api.users, staleTime: 10 * 60_000, enabled: canSeeUsers });
  const people = (role: string) => (users.data?.items ?? []).filter((u) => u.role === role).map((u) => ({ value: u.id, label: u.name }));
  const weekLabel = (monday: string) => {
    const sunday = new Date(Date.parse(`${monday}T00:00:00Z`) + 6 * DAY).toISOString().slice(0, 10);
    return t('pipeline.weekRange', { from: formatLocalDate(monday, lng), to: formatLocalDate(sunday, lng) });
  };
  const weeks = listWeeks();
  if (filters.startWeek && !weeks.includes(filters.startWeek)) weeks.unshift(filters.startWeek);
  const active = Object.keys(filters).length > 0;
  const total = board.data?.columns.reduce((n, c) => n + c.total, 0) ?? 0;

  return (
    <>
      <div className="pb-page-head">
        <div>
          <Typography.Title level={1} style={{ fontSize: 24 }}>{t('pipeline.title')}</Typography.Title>
          <Typography.Text type="secondary">{t('pipeline.subtitle')}</Typography.Text>
        </div>
        {board.data && <Typography.Text data-testid="pipeline-total">{t('pipeline.total', { count: total })}</Typography.Text>}
      </div>
      <Card variant="borderless" style={{ marginBottom: 16 }}>
        <Flex gap={12} wrap role="search" aria-label={t('pipeline.filters')}>
          <Input.Search
            key={`q-${filters.q ?? ''}`} defaultValue={filters.q} allowClear placeholder={t('pipeline.search')} aria-label={t('pipeline.search')}
            style={{ width: 240 }} onSearch={(v) => update('q', v.trim())}
          />
          <Select
            aria-label={t('list.department')} style={{ width: 190 }} allowClear placeholder={t('list.allDepartments')} data-testid="pipeline-department"
            value={filters.departmentId} onChange={(v?: string) => update('dept', v)} loading={departments.isPending}
            options={(departments.data?.items ?? []).map((d) => ({ value: d.id, label: d.name }))}
          />
          <Select
            aria-label={t('pipeline.site')} style={{ width: 190 }} allowClear placeholder={t('pipeline.allSites')} data-testid="pipeline-site"
            value={filters.siteId} onChange={(v?: string) => update('site', v)} loading={sites.isPending}
            options={(sites.data?.items ?? []).map((s) => ({ value: s.id, label: s.name }))}
          />
          {canSeeUsers && (
            <Select
              aria-label={t('pipeline.owner')} style={{ width: 170 }} allowClear placeholder={t('pipeline.allOwners')} data-testid="pipeline-owner"
              value={filters.hrOwnerId} onChange={(v?: string) => update('hr', v)} options={people('hr')} loading={users.isPending}
            />
          )}
          {canSeeUsers && (
            <Select
              aria-label={t('pipeline.manager')} style={{ width: 170 }} allowClear placeholder={t('pipeline.allManagers')} data-testid="pipeline-manager"
              value={filters.managerId} onChange={(v?: string) => update('mgr', v)} options={people('manager')} loading={users.isPending}
            />
          )}
          <Select
            aria-label={t('pipeline.startWeek')} style={{ width: 230 }} allowClear placeholder={t('pipeline.anyWeek')} data-testid="pipeline-week"
            value={filters.startWeek} onChange={(v?: string) => update('week', v)}
            options={weeks.map((w) => ({ value: w, label: weekLabel(w) }))}
          />
          {canSeeRisk && (
            <Select
              aria-label={t('pipeline.riskFilter')} style={{ width: 150 }} allowClear placeholder={t('pipeline.anyRisk')} data-testid="pipeline-risk"
              value={filters.risk} onChange={(v?: string) => update('risk', v)}
              options={[...RISK_LEVELS].reverse().map((r) => ({ value: r, label: t(`pipeline.risk.${r}`) }))}
            />
          )}
          {active && <Button onClick={() => setParams(new URLSearchParams(), { replace: true })}>{t('list.reset')}</Button>}
        </Flex>
        {canSeeRisk && <Typography.Paragraph type="secondary" style={{ margin: '12px 0 0', fontSize: 12 }}>{t('pipeline.advisory')}</Typography.Paragraph>}
      </Card>
      {board.isError && <Alert type="error" showIcon title={t('error.generic')} style={{ marginBottom: 16 }} />}
      {board.isPending ? <Flex justify="center" style={{ padding: 48 }}><Spin /></Flex> : board.data && (
        <div className="pb-board" data-testid="pipeline-board" aria-busy={board.isFetching}>
          {board.data.columns.map((c) => (
            <BoardColumn key={c.stage} stage={c.stage} total={c.total} first={c.items} filters={filters} />
          ))}
        </div>
      )}
    </>
  );
}
