/**
 * Candidate list: search and filters in the URL, paging, sorting and counting on the
 * server. The table holds one page (at most 200 rows) however many candidates there are;
 * a long page renders only the rows near the screen (WINDOWED_TABLE). bench/console.bench.ts
 * times the API at 10 000 candidates.
 */
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button, Card, Flex, Input, Select, Table, Typography, type TableProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { CANDIDATE_STATUSES } from '../../../src/contracts/common.js';
import { api, type CandidateQuery, type TCandidate } from '../../lib/api.js';
import { NewCandidateButton } from '../components/new-candidate-drawer.js';
import { StatusTag } from '../components/status-tag.js';
import { WINDOWED_TABLE } from '../components/windowed-body.js';
import { daysUntil, formatLocalDate, formatRelativeDays } from '../format.js';
import '../locales/candidates.js';

const PAGE_SIZES = [10, 20, 50, 100, 200];
type Sort = NonNullable<CandidateQuery['sort']>;
const SORTS: readonly Sort[] = ['startDate', '-startDate', 'name', '-createdAt'];

function readQuery(params: URLSearchParams) {
  const size = Number(params.get('size')) || 20;
  const page = Math.max(1, Number(params.get('page')) || 1);
  const sort = SORTS.find((s) => s === params.get('sort')) ?? 'startDate';
  return {
    q: params.get('q') ?? '', status: params.get('status') ?? undefined, departmentId: params.get('dept') ?? undefined,
    page, size: PAGE_SIZES.includes(size) ? size : 20, sort,
  };
}

export default function CandidateListPage() {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const q = readQuery(params);
  const lng = i18n.language;

  const update = (patch: Record<string, string | number | undefined>, resetPage = true) => {
    setParams((prev) => {
      const nextParams = new URLSearchParams(prev);
      for (const [k, v] of Object.entries(patch)) {
        if (v === undefined || v === '') nextParams.delete(k); else nextParams.set(k, String(v));
      }
      if (resetPage) nextParams.delete('page');
      return nextParams;
    }, { replace: true });
  };

  const query: CandidateQuery = {
    q: q.q || undefined, status: q.status as CandidateQuery['status'], departmentId: q.departmentId,
    sort: q.sort, limit: q.size, offset: (q.page - 1) * q.size,
  };
  const list = useQuery({ queryKey: ['candidates', query], queryFn: () => api.listCandidates(query), placeholderData: keepPreviousData });
  const departments = useQuery({ queryKey: ['departments'], queryFn: api.departments, staleTime: 10 * 60_000 });

  const columns: TableProps<TCandidate>['columns'] = [
    {
      title: t('list.col.name'), dataIndex: 'fullName', key: 'name', sorter: true,
      sortOrder: q.sort === 'name' ? 'ascend' : null,
      render: (_, c) => <Link to={`/candidates/${c.id}`} onClick={(e) => e.stopPropagation()}>{c.fullName}</Link>,
    },
    { title: t('list.col.position'), dataIndex: 'positionTitle', key: 'position', ellipsis: true },
    { title: t('list.col.department'), key: 'department', render: (_, c) => c.department.name, responsive: ['md'] },
    {
      title: t('list.col.startDate'), key: 'startDate', sorter: true,
      sortOrder: q.sort === 'startDate' ? 'ascend' : q.sort === '-startDate' ? 'descend' : null,
      render: (_, c) => {
        const days = daysUntil(c.startDate);
        return (
          <Flex vertical>
            <span>{formatLocalDate(c.startDate, lng)}</span>
            <Typography.Text type="secondary" className={days >= 0 && days <= 3 ? 'pb-soon' : undefined} style={{ fontSize: 12 }}>
              {formatRelativeDays(days, lng)}
            </Typography.Text>
          </Flex>
        );
      },
    },
    { title: t('list.col.status'), key: 'status', render: (_, c) => <StatusTag status={c.status} /> },
    { title: t('list.col.hrOwner'), key: 'hrOwner', render: (_, c) => c.hrOwner?.name ?? '—', responsive: ['lg'] },
    { title: t('list.col.manager'), key: 'manager', render: (_, c) => c.manager?.name ?? '—', responsive: ['lg'] },
  ];

  const onTableChange: TableProps<TCandidate>['onChange'] = (pagination, _filters, sorter) => {
    const s = Array.isArray(sorter) ? sorter[0] : sorter;
    let sort: Sort = 'startDate';
    if (s?.order && s.columnKey === 'name') sort = 'name';
    else if (s?.order && s.columnKey === 'startDate') sort = s.order === 'descend' ? '-startDate' : 'startDate';
    const sizeChanged = pagination.pageSize !== q.size;
    update({
      sort: sort === 'startDate' ? undefined : sort,
      size: pagination.pageSize === 20 ? undefined : pagination.pageSize,
      page: sizeChanged || pagination.current === 1 ? undefined : pagination.current,
    }, false);
  };

  return (
    <>
      <div className="pb-page-head">
        <div>
          <Typography.Title level={1} style={{ fontSize: 24 }}>{t('list.title')}</Typography.Title>
          <Typography.Text type="secondary">{t('list.subtitle')}</Typography.Text>
        </div>
        <NewCandidateButton />
      </div>
      <Card variant="borderless">
        <Flex gap={12} wrap style={{ marginBottom: 16 }} role="search">
          <Input.Search
            key={`q-${q.q}`} defaultValue={q.q} allowClear placeholder={t('list.search')} aria-label={t('list.search')}
            style={{ width: 300 }} onSearch={(value) => update({ q: value.trim() })}
          />
          <Select
            aria-label={t('list.status')} style={{ width: 180 }} allowClear placeholder={t('list.allStatuses')}
            value={q.status} onChange={(v?: string) => update({ status: v })} data-testid="status-filter"
            options={CANDIDATE_STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) }))}
          />
          <Select
            aria-label={t('list.department')} style={{ width: 200 }} allowClear placeholder={t('list.allDepartments')}
            value={q.departmentId} onChange={(v?: string) => update({ dept: v })} loading={departments.isPending}
            options={(departments.data?.items ?? []).map((d) => ({ value: d.id, label: d.name }))} data-testid="department-filter"
          />
          {(q.q || q.status || q.departmentId) && <Button onClick={() => setParams(new URLSearchParams(), { replace: true })}>{t('list.reset')}</Button>}
        </Flex>
        <Table<TCandidate>
          rowKey="id"
          components={WINDOWED_TABLE}
          columns={columns}
          dataSource={list.data?.items ?? []}
          loading={list.isFetching}
          onChange={onTableChange}
          rowClassName={() => 'pb-clickable-row'}
          onRow={(c) => ({ onClick: () => navigate(`/candidates/${c.id}`) })}
          locale={{ emptyText: list.isError ? t('error.generic') : t('list.empty') }}
          pagination={{
            current: q.page, pageSize: q.size, total: list.data?.total ?? 0, pageSizeOptions: PAGE_SIZES, showSizeChanger: true,
            showTotal: (total) => t('list.total', { count: total }),
          }}
          scroll={{ x: 720 }}
          data-testid="candidate-table"
        />
      </Card>
    </>
  );
}
