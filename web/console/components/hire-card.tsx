/**
 * One incoming hire on the manager's home: who, when (with the countdown), the advisory
 * risk, and the manager's steps with their state and a one-click "Complete".
 */
import { CheckOutlined, ExclamationCircleOutlined } from '@ant-design/icons';
import { Button, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { TTaskView } from '../../lib/api.js';
import type { THireStep, TMyHire } from '../../lib/team-views-api.js';
import { formatDateTime, formatLocalDate, formatRelativeDays } from '../format.js';
import { stepName } from '../labels.js';
import { HireRiskTag } from './hire-risk-tag.js';
import { StatusTag } from './status-tag.js';
import { ToneTag, type Tone } from './tone-tag.js';
import '../locales/team-views.js';

const STATE_TONE: Record<THireStep['state'], Tone> = { open: 'info', done: 'success', cancelled: 'muted', not_planned: 'neutral' };

/** The step as the task API and the completion dialog know it. */
export function toTaskView(hire: TMyHire, s: THireStep): TTaskView {
  return {
    candidateId: hire.id, candidateName: hire.fullName, key: s.taskKey ?? '', stepId: s.stepId, stage: s.stage, kind: 'task',
    action: s.action, ownerRoles: s.ownerRoles, channel: s.channel, preparedMessage: false, detail: '', dueAt: s.dueAt ?? '',
    overdue: s.overdue, status: s.state, completedAt: s.completedAt, outcome: s.outcome, calendarDataMissing: false,
    legalDeadline: null,
  };
}

function StepRow({ hire, step, onComplete }: { hire: TMyHire; step: THireStep; onComplete: (task: TTaskView) => void }) {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  const name = stepName(t, step.stepId);
  const hrRuns = step.state === 'open' && !step.canComplete && !step.ownerRoles.includes('manager');
  return (
    <li className="pb-hire-step" data-testid="hire-step" data-step={step.stepId} data-state={step.state}>
      <div className="pb-hire-step-main">
        <span className="pb-hire-step-name">{name}</span>
        <span>
          <ToneTag tone={STATE_TONE[step.state]} icon={step.state === 'done' ? <CheckOutlined aria-hidden="true" /> : undefined}>
            {t(`myHires.state.${step.state}`)}
          </ToneTag>
          {step.overdue && <> <ToneTag tone="danger" icon={<ExclamationCircleOutlined aria-hidden="true" />}>{t('myHires.overdue')}</ToneTag></>}
        </span>
        {step.state === 'open' && step.dueAt && (
          <span className="pb-hire-step-sub">{t('myHires.due', { when: formatDateTime(step.dueAt, lng) })}</span>
        )}
        {step.state === 'done' && step.completedAt && (
          <span className="pb-hire-step-sub">{t('myHires.doneAt', { when: formatDateTime(step.completedAt, lng) })}</span>
        )}
        {step.outcome && <span className="pb-hire-step-outcome" data-testid="hire-step-outcome">{t('myHires.outcome', { text: step.outcome })}</span>}
        {hrRuns && <span className="pb-hire-step-sub">{t('myHires.hrRuns')}</span>}
      </div>
      {step.canComplete && step.taskKey && (
        <Button
          size="small" type="primary" ghost data-testid="hire-step-complete"
          aria-label={t('myHires.completeLabel', { step: name, name: hire.fullName })}
          onClick={() => onComplete(toTaskView(hire, step))}
        >
          {t('myHires.complete')}
        </Button>
      )}
    </li>
  );
}

export function HireCard({ hire, onComplete }: { hire: TMyHire; onComplete: (task: TTaskView) => void }) {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  const soon = hire.daysToStart >= 0 && hire.daysToStart <= 3;
  return (
    <li
      className={`pb-hire${hire.risk.level !== 'low' ? ` pb-hire-${hire.risk.level}` : ''}`}
      data-testid="hire-card" data-candidate={hire.fullName}
    >
      <h2>
        <Link to={`/candidates/${hire.id}`}>{hire.fullName}</Link>
        <StatusTag status={hire.status} />
        <HireRiskTag risk={hire.risk} />
      </h2>
      <div className="pb-hire-meta">
        <span>{hire.positionTitle} · {hire.department.name}</span>
        <span>
          {t('myHires.startsOn', { date: formatLocalDate(hire.startDate, lng) })} ·{' '}
          <span className={`pb-hire-countdown${soon ? ' is-soon' : ''}`} data-testid="hire-countdown">{formatRelativeDays(hire.daysToStart, lng)}</span>
        </span>
        <span>{hire.site.name}</span>
        <span>{t('myHires.hrOwner')}: {hire.hrOwner?.name ?? '—'}</span>
      </div>
      <ul className="pb-hire-steps" aria-label={t('myHires.steps', { name: hire.fullName })}>
        {hire.steps.map((s) => <StepRow key={s.stepId} hire={hire} step={s} onComplete={onComplete} />)}
      </ul>
      {hire.otherTasks.length > 0 && (
        <>
          <Typography.Paragraph className="pb-hire-other">{t('myHires.otherTasks')}</Typography.Paragraph>
          <ul className="pb-hire-steps">
            {hire.otherTasks.map((s) => <StepRow key={s.taskKey ?? s.stepId} hire={hire} step={s} onComplete={onComplete} />)}
          </ul>
        </>
      )}
    </li>
  );
}
