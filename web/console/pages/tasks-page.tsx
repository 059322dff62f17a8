/** My tasks: overdue, today (next 24 h), upcoming and done, for the signed-in role. */
import { keepPreviousData, useQueries, useQuery } from '@tanstack/react-query';
import { Card, Flex, Skeleton, Switch, Tabs, Typography, type TableProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { api, type TaskQuery, type TTaskView } from '../../lib/api.js';
import { TaskTable } from '../components/task-table.js';
import { useMe } from '../session.js';
import '../locales/tasks.js';

const TABS = ['overdue', 'today', 'upcoming', 'done'] as const;
type Tab = (typeof TABS)[number];
const PAGE_SIZES = [10, 20, 50, 100, 200];

const tabQuery = (tab: Tab): TaskQuery => (tab === 'done' ? { status: 'done', due: 'all' } : { status: 'open', due: tab });

export default function TasksPage() {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const [params, setParams] = useSearchParams();
  const isHr = me?.user.role === 'hr';
  const mine = isHr && params.get('mine') === '1';
  const size = PAGE_SIZES.includes(Number(params.get('size'))) ? Number(params.get('size')) : 20;
  const page = Math.max(1, Number(params.get('page')) || 1);
  const scope: TaskQuery = mine ? { mine: 'true' } : {};

  // One cheap count per tab (limit 1); they refresh together after a completion.
  const counts = useQueries({
    queries: TABS.map((tab) => {
      const q = { ...tabQuery(tab), ...scope, limit: 1 };
      return { queryKey: ['tasks', 'count', q], queryFn: () => api.listTasks(q) };
    }),
  });
  const countOf = (tab: Tab) => counts[TABS.indexOf(tab)]?.data?.total;
  const requested = TABS.find((x) => x === params.get('tab'));
  const countsReady = counts.every((c) => c.data !== undefined || c.isError);
  // Without a choice in the URL, open the first group that has work in it.
  const tab: Tab | undefined = requested ?? (countsReady ? (TABS.slice(0, 3).find((x) => (countOf(x) ?? 0) > 0) ?? 'today') : undefined);

  const query: TaskQuery = { ...tabQuery(tab ?? 'overdue'), ...scope, limit: size, offset: (page - 1) * size };
  const list = useQuery({
    queryKey: ['tasks', 'list', query], queryFn: () => api.listTasks(query), enabled: tab !== undefined, placeholderData: keepPreviousData,
  });

  const update = (patch: Record<string, string | undefined>) => {
    setParams((prev) => {
      const next = new URLSearchParams(prev);
      for (const [k, v] of Object.entries(patch)) if (v === undefined) next.delete(k); else next.set(k, v);
      return next;
    }, { replace: true });
  };
  const onTableChange: TableProps<TTaskView>['onChange'] = (pagination) => {
    const sizeChanged = pagination.pageSize !== size;
    update({
      size: pagination.pageSize === 20 ? undefined : String(pagination.pageSize),
      page: sizeChanged || pagination.current === 1 ? undefined : String(pagination.current),
    });
  };

  const label = (x: Tab) => {
    const n = countOf(x);
    return (
      <span data-testid={`tab-${x}`}>
        {t(`tasks.tab.${x}`)}
        {n !== undefined && <span className={`pb-tab-count${x === 'overdue' && n > 0 ? ' pb-tab-count-alert' : ''}`}>{n}</span>}
      </span>
    );
  };

  return (
    <>
      <div className="pb-page-head">
        <div>
          <Typography.Title level={1} style={{ fontSize: 24 }}>{t('tasks.title')}</Typography.Title>
          <Typography.Text type="secondary">{t('tasks.subtitle')}</Typography.Text>
        </div>
        {isHr && (
          <Flex align="center" gap={8}>
            <Switch id="only-mine" checked={mine} onChange={(v) => update({ mine: v ? '1' : undefined, page: undefined })} />
            <label htmlFor="only-mine">{t('tasks.onlyMine')}</label>
          </Flex>
        )}
      </div>
      <Card variant="borderless">
        {tab === undefined ? <Skeleton active /> : (
          <>
            <Tabs
              activeKey={tab} onChange={(key) => update({ tab: key, page: undefined })} aria-label={t('tasks.tabsLabel')}
              items={TABS.map((x) => ({ key: x, label: label(x) }))}
            />
            {tab === 'today' && <Typography.Paragraph type="secondary" style={{ marginTop: -4 }}>{t('tasks.todayHint')}</Typography.Paragraph>}
            <TaskTable
              tasks={list.data?.items ?? []} loading={list.isFetching} testId="task-table"
              emptyText={list.isError ? t('error.generic') : t(`tasks.empty.${tab}`)} onChange={onTableChange}
              pagination={{
                current: page, pageSize: size, total: list.data?.total ?? 0, pageSizeOptions: PAGE_SIZES, showSizeChanger: true,
                hideOnSinglePage: true, showTotal: (total) => t('tasks.total', { count: total }),
              }}
            />
          </>
        )}
      </Card>
    </>
  );
}
