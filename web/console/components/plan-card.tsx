/**
 * The candidate's plan from the engine, grouped by stage: each step with its owners,
 * channel, due time in the candidate's site zone and its state (and, for the labour
 * contract, its legal deadline). Before the offer is accepted it is a preview, and HR can
 * record the acceptance from here.
 */
import {
  CalendarOutlined, CheckCircleOutlined, ClockCircleOutlined, CloseCircleOutlined, ExclamationCircleOutlined, MailOutlined,
  MinusCircleOutlined, SendOutlined, WarningOutlined,
} from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Empty, Flex, Popconfirm, Skeleton, Timeline, Typography } from 'antd';
import { useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { EXCEPTION_STAGES, MAIN_STAGES } from '../../../src/contracts/playbook.js';
import { api, ApiError, newIdempotencyKey, type TCandidate, type TPlanItemView } from '../../lib/api.js';
import { formatInZone, formatRelativeTime } from '../format.js';
import { channelName, roleName, stageName, stepName } from '../labels.js';
import { usePermissions } from '../session.js';
import { refreshAfterTaskChange } from './complete-task-modal.js';
import { LegalDeadlineTag } from './legal-deadline-note.js';
import { ToneTag, type Tone } from './tone-tag.js';
import '../locales/candidate.js';
import '../locales/tasks.js';

const STAGE_ORDER: readonly string[] = [...MAIN_STAGES, ...EXCEPTION_STAGES];
const STATE_LOOK: Record<TPlanItemView['state'], { tone: Tone; icon: ReactNode; dot: string }> = {
  done: { tone: 'success', icon: <CheckCircleOutlined />, dot: '#389e0d' },
  sent: { tone: 'teal', icon: <SendOutlined />, dot: '#08979c' },
  open: { tone: 'info', icon: <ClockCircleOutlined />, dot: '#1f5fcc' },
  planned: { tone: 'neutral', icon: <CalendarOutlined />, dot: '#8c8c8c' },
  cancelled: { tone: 'muted', icon: <MinusCircleOutlined />, dot: '#bfbfbf' },
  outbox: { tone: 'warning', icon: <MailOutlined />, dot: '#d46b08' },
  failed: { tone: 'danger', icon: <CloseCircleOutlined />, dot: '#cf1322' },
};

const isOverdue = (item: TPlanItemView, now: number) => (item.state === 'open' || item.state === 'planned') && Date.parse(item.dueAt) < now;

/** Items grouped by stage: the main stages in playbook order, then exception stages. */
function groupByStage(items: TPlanItemView[]): Array<[string, TPlanItemView[]]> {
  const groups = new Map<string, TPlanItemView[]>();
  for (const item of items) groups.set(item.stage || 'other', [...(groups.get(item.stage || 'other') ?? []), item]);
  const rank = (s: string) => (STAGE_ORDER.includes(s) ? STAGE_ORDER.indexOf(s) : STAGE_ORDER.length);
  return [...groups.entries()].sort(([a], [b]) => rank(a) - rank(b));
}

/** "2/3" for steps that repeat (daily care on S−3, S−2, S−1); empty for one-off steps. */
function repeatIndex(item: TPlanItemView, items: TPlanItemView[]): string {
  const same = items.filter((i) => i.stepId === item.stepId);
  return same.length > 1 ? ` ${same.indexOf(item) + 1}/${same.length}` : '';
}

function PlanItem({ item, timeZone, now, byKey }: { item: TPlanItemView; timeZone: string; now: number; byKey: Map<string, TPlanItemView> }) {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  const overdue = isOverdue(item, now);
  const look = STATE_LOOK[item.state];
  const merged = item.mergedInto ? byKey.get(item.mergedInto) : undefined;
  return (
    <div
      className={`pb-plan-item${item.state === 'cancelled' ? ' is-cancelled' : ''}${overdue ? ' is-overdue' : ''}`}
      data-testid="plan-item" data-step={item.stepId} data-state={item.state}
    >
      <Flex gap={8} wrap align="center">
        <Typography.Text strong className="pb-plan-step">{stepName(t, item.stepId)}{repeatIndex(item, [...byKey.values()])}</Typography.Text>
        <ToneTag tone={look.tone} icon={look.icon} testId="plan-state">{t(`planState.${item.state}`)}</ToneTag>
        {overdue && <ToneTag tone="danger" icon={<ExclamationCircleOutlined />}>{t('tasks.overdue')}</ToneTag>}
        {item.slaBreached && <ToneTag tone="danger" icon={<WarningOutlined />}>{t('plan.slaBreached')}</ToneTag>}
        {item.calendarDataMissing && <ToneTag tone="warning" icon={<WarningOutlined />}>{t('tasks.calendarMissing')}</ToneTag>}
        {item.legalDeadline && <LegalDeadlineTag deadline={item.legalDeadline} open={item.state === 'open' || item.state === 'planned'} />}
      </Flex>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        <time dateTime={item.dueAt}>{formatInZone(item.at ?? item.dueAt, lng, timeZone)}</time>
        {' · '}{formatRelativeTime(item.at ?? item.dueAt, lng, now)}
        {' · '}{item.owners.map((r) => roleName(t, r)).join(' + ')}
        {item.channel && <>{' · '}{channelName(t, item.channel)}</>}
        {item.action !== 'message' && <>{' · '}{t(`action.${item.action}`, { defaultValue: item.action })}</>}
      </Typography.Text>
      {item.mergedInto && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('plan.mergedInto', { step: stepName(t, merged?.stepId ?? item.mergedInto.split('#')[0]!) })}
        </Typography.Text>
      )}
    </div>
  );
}

function OfferAcceptedButton({ candidate }: { candidate: TCandidate }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const client = useQueryClient();
  // One key per intent: a double click or a retry of the same confirmation changes nothing twice.
  const key = useRef(newIdempotencyKey());
  const accept = useMutation({
    mutationFn: () => api.recordEvent(candidate.id, { type: 'offer_accepted' }, key.current),
    onSuccess: async () => {
      key.current = newIdempotencyKey();
      void message.success(t('plan.offerAcceptedDone'));
      await refreshAfterTaskChange(client, candidate.id);
    },
    onError: async (err) => {
      void message.error(err instanceof ApiError ? err.message : String(err));
      if (err instanceof ApiError && err.status === 409) await refreshAfterTaskChange(client, candidate.id);
    },
  });
  return (
    <Popconfirm
      title={t('plan.offerAcceptedConfirm', { name: candidate.fullName })} okText={t('plan.confirm')} cancelText={t('plan.cancel')}
      onConfirm={() => accept.mutateAsync().catch(() => undefined)} okButtonProps={{ loading: accept.isPending }}
    >
      <Button type="primary" loading={accept.isPending} data-testid="offer-accepted">{t('plan.offerAccepted')}</Button>
    </Popconfirm>
  );
}

export function PlanCard({ candidate }: { candidate: TCandidate }) {
  const { t } = useTranslation();
  const can = usePermissions();
  const plan = useQuery({ queryKey: ['plan', candidate.id], queryFn: () => api.plan(candidate.id), enabled: can('plan.read') });
  if (!can('plan.read')) return null;
  const title = <h2 className="pb-card-title">{t('plan.title')}</h2>;
  const timeZone = candidate.site.timezone;
  const now = Date.now();

  let body: ReactNode;
  if (plan.isPending) body = <Skeleton active />;
  else if (plan.isError) {
    body = plan.error instanceof ApiError && plan.error.status === 403
      ? <Alert type="info" showIcon title={t('plan.noAccess')} />
      : <Alert type="error" showIcon title={t('error.generic')} description={plan.error.message} />;
  } else {
    const { items, warnings, started } = plan.data;
    const byKey = new Map(items.map((i) => [i.key, i]));
    const done = items.filter((i) => i.state === 'done' || i.state === 'sent').length;
    const active = items.filter((i) => i.state !== 'cancelled').length;
    body = (
      <Flex vertical gap={12}>
        {!started && (
          <Alert
            type="info" showIcon title={t('plan.preview')} description={t('plan.previewHint')} data-testid="plan-preview"
            action={can('event.create') && ['offer_sent', 'offer_accepted'].includes(candidate.status) ? <OfferAcceptedButton candidate={candidate} /> : undefined}
          />
        )}
        {warnings.map((w) => (
          <Alert key={w.code} type="warning" showIcon title={t(`plan.warning.${w.code}`, { defaultValue: w.message })} />
        ))}
        <Flex justify="space-between" wrap gap={8}>
          {started && <Typography.Text data-testid="plan-progress">{t('plan.progress', { done, total: active })}</Typography.Text>}
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('plan.siteTime', { zone: timeZone })}</Typography.Text>
        </Flex>
        {items.length === 0 ? <Empty description={t('plan.empty')} image={Empty.PRESENTED_IMAGE_SIMPLE} /> : groupByStage(items).map(([stage, stageItems]) => (
          <section key={stage} className="pb-plan-stage" aria-label={stageName(t, stage)} data-testid={`plan-stage-${stage}`}>
            <Flex align="baseline" gap={8} style={{ marginBottom: 12 }}>
              <h3>{stageName(t, stage)}</h3>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('plan.stepCount', { count: stageItems.length })}</Typography.Text>
            </Flex>
            <Timeline
              items={stageItems.map((item) => {
                const look = STATE_LOOK[item.state];
                return {
                  key: item.key,
                  color: isOverdue(item, now) ? '#cf1322' : look.dot,
                  content: <PlanItem item={item} timeZone={timeZone} now={now} byKey={byKey} />,
                };
              })}
            />
          </section>
        ))}
      </Flex>
    );
  }
  return <Card title={title} variant="borderless" data-testid="plan-card">{body}</Card>;
}
