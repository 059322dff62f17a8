/** One candidate: key facts, people, open tasks, the plan, and the timeline with "Record a touch". */
import { ArrowLeftOutlined, PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Col, Flex, Result, Row, Skeleton, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api, ApiError } from '../../lib/api.js';
import { CandidateFacts } from '../components/candidate-facts.js';
import { CandidateTasksCard } from '../components/candidate-tasks-card.js';
import { ChangeActions } from '../components/change-actions.js';
import { ChecklistCard } from '../components/checklist-card.js';
import { LogisticsCard } from '../components/logistics-card.js';
import { OfferVersionsCard } from '../components/offer-versions-card.js';
import { PortalQuestionsCard } from '../components/portal-questions-card.js';
import { PlanCard } from '../components/plan-card.js';
import { StatusTag } from '../components/status-tag.js';
import { TouchDrawer } from '../components/touch-drawer.js';
import { TouchTimeline } from '../components/touch-timeline.js';
import { usePermissions } from '../session.js';
import '../locales/candidate.js';

const PAGE = 20;

function TimelineCard({ candidateId, candidateName }: { candidateId: string; candidateName: string }) {
  const { t } = useTranslation();
  const can = usePermissions();
  const [limit, setLimit] = useState(PAGE);
  const [drawerOpen, setDrawerOpen] = useState(false);
  const timeline = useQuery({
    queryKey: ['timeline', candidateId, limit],
    queryFn: () => api.timeline(candidateId, { limit }),
    enabled: can('timeline.read'),
    placeholderData: (prev) => prev,
  });
  const title = <h2 className="pb-card-title">{t('timeline.title')}</h2>;

  if (!can('timeline.read') || (timeline.error instanceof ApiError && timeline.error.status === 403)) {
    return (
      <Card title={title} variant="borderless">
        <Alert type="info" showIcon title={t('timeline.noAccess')} description={t('timeline.noAccessHint')} data-testid="timeline-no-access" />
      </Card>
    );
  }
  const total = timeline.data?.total ?? 0;
  return (
    <Card
      title={title} variant="borderless"
      extra={can('touch.create') && (
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setDrawerOpen(true)} data-testid="record-touch">{t('touch.record')}</Button>
      )}
    >
      {timeline.isPending ? <Skeleton active /> : timeline.isError ? (
        <Alert type="error" showIcon title={t('error.generic')} description={timeline.error.message} />
      ) : (
        <>
          <Typography.Paragraph type="secondary">{t('timeline.total', { count: total })}</Typography.Paragraph>
          <TouchTimeline touches={timeline.data.items} />
          {total > timeline.data.items.length && (
            <Button block onClick={() => setLimit((l) => l + PAGE)} loading={timeline.isFetching}>{t('timeline.more')}</Button>
          )}
        </>
      )}
      {can('touch.create') && (
        <TouchDrawer candidateId={candidateId} candidateName={candidateName} open={drawerOpen} onClose={() => setDrawerOpen(false)} />
      )}
    </Card>
  );
}

export default function CandidatePage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const candidate = useQuery({ queryKey: ['candidate', id], queryFn: () => api.getCandidate(id) });
  const back = <Link to="/candidates"><ArrowLeftOutlined aria-hidden="true" /> {t('candidate.back')}</Link>;

  if (candidate.isPending) return <Card variant="borderless"><Skeleton active paragraph={{ rows: 8 }} /></Card>;
  if (candidate.isError) {
    const missing = candidate.error instanceof ApiError && [400, 403, 404].includes(candidate.error.status);
    return (
      <Result
        status={missing ? '404' : 'error'}
        title={missing ? t('candidate.notFound') : t('candidate.loadFailed')}
        subTitle={missing ? undefined : candidate.error.message}
        extra={back}
      />
    );
  }
  const c = candidate.data;
  return (
    <>
      <div style={{ marginBottom: 8 }}>{back}</div>
      <div className="pb-page-head">
        <div>
          <Flex align="center" gap={12} wrap>
            <Typography.Title level={1} style={{ fontSize: 24 }} data-testid="candidate-name">{c.fullName}</Typography.Title>
            <StatusTag status={c.status} />
          </Flex>
          <Typography.Text type="secondary">{c.positionTitle} · {c.department.name} · {c.site.name}</Typography.Text>
        </div>
      </div>
      <Row gutter={[16, 16]}>
        <Col xs={24} xxl={10}>
          <Flex vertical gap={16}>
            <CandidateFacts candidate={c} />
            <OfferVersionsCard candidate={c} />
            <CandidateTasksCard candidateId={c.id} />
            <ChecklistCard candidateId={c.id} />
            <LogisticsCard candidateId={c.id} />
            <PortalQuestionsCard candidateId={c.id} />
          </Flex>
        </Col>
        <Col xs={24} xxl={14}>
          <Flex vertical gap={16}>
            <ChangeActions candidate={c} />
            <PlanCard candidate={c} />
            <TimelineCard candidateId={c.id} candidateName={c.fullName} />
          </Flex>
        </Col>
      </Row>
    </>
  );
}
