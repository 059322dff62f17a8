/**
 * The hiring manager's home: their incoming hires, soonest start first, with the countdown,
 * the advisory risk and their steps — intro call, pre-onboarding meeting, day-one check —
 * each completed in one click with an outcome note. Scoped and paged on the server.
 */
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Card, Empty, Pagination, Skeleton, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type { TTaskView } from '../../lib/api.js';
import { teamViewsApi } from '../../lib/team-views-api.js';
import { CompleteTaskModal } from '../components/complete-task-modal.js';
import { HireCard } from '../components/hire-card.js';
import './team-views.css';
import '../locales/team-views.js';

const PAGE_SIZE = 50;

export default function ManagerPage() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [params, setParams] = useSearchParams();
  const page = Math.max(1, Number(params.get('page')) || 1);
  const [completing, setCompleting] = useState<TTaskView | null>(null);
  const query = { limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE };
  const hires = useQuery({ queryKey: ['my-hires', query], queryFn: () => teamViewsApi.myHires(query), placeholderData: keepPreviousData });

  const onClose = () => {
    setCompleting(null);
    void client.invalidateQueries({ queryKey: ['my-hires'] });
  };
  const items = hires.data?.items ?? [];

  return (
    <>
      <div className="pb-page-head">
        <div>
          <Typography.Title level={1} style={{ fontSize: 24 }}>{t('myHires.title')}</Typography.Title>
          <Typography.Text type="secondary">{t('myHires.subtitle')}</Typography.Text>
        </div>
        {hires.data && <Typography.Text data-testid="hires-total">{t('myHires.total', { count: hires.data.total })}</Typography.Text>}
      </div>
      {hires.isError && <Alert type="error" showIcon role="alert" title={t('error.generic')} style={{ marginBottom: 16 }} />}
      {hires.isPending ? <Card variant="borderless"><Skeleton active /></Card> : items.length === 0 ? (
        <Card variant="borderless"><Empty description={t('myHires.empty')} /></Card>
      ) : (
        <ul className="pb-hires" data-testid="hire-list">
          {items.map((hire) => <HireCard key={hire.id} hire={hire} onComplete={setCompleting} />)}
        </ul>
      )}
      {(hires.data?.total ?? 0) > PAGE_SIZE && (
        <Pagination
          style={{ marginTop: 16 }} current={page} pageSize={PAGE_SIZE} total={hires.data?.total ?? 0} showSizeChanger={false}
          onChange={(p) => setParams(p === 1 ? {} : { page: String(p) }, { replace: true })}
        />
      )}
      <CompleteTaskModal task={completing} mode="complete" onClose={onClose} />
    </>
  );
}
