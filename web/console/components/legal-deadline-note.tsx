/**
 * The legal deadline of the written labour contract (劳动合同法 Art.10), shown wherever its
 * task is: the date, the days left while it is open (warning under 5, danger once passed),
 * and why it matters (double wages from the next day, Art.82).
 */
import { SafetyCertificateOutlined } from '@ant-design/icons';
import { Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import { daysUntil, formatLocalDate } from '../format.js';
import { ToneTag, type Tone } from './tone-tag.js';
import '../locales/candidate.js';

/** `YYYY-MM-DD` + 1 day: the first day double wages would be owed. */
export function nextLocalDate(date: string): string {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y!, m! - 1, d! + 1)).toISOString().slice(0, 10);
}

function pickTone(open: boolean, days: number): Tone {
  if (!open) return 'neutral';
  if (days < 0) return 'danger';
  return days < 5 ? 'warning' : 'info';
}

/** The deadline as a tag; `open` adds the days left and the colour of urgency. */
export function LegalDeadlineTag({ deadline, open }: { deadline: string; open: boolean }) {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  const days = daysUntil(deadline);
  const left = days < 0 ? t('contract.passed') : days === 0 ? t('contract.dueToday') : t('contract.daysLeft', { count: days });
  return (
    <Tooltip title={t('contract.hint', { date: formatLocalDate(nextLocalDate(deadline), lng) })}>
      <span tabIndex={0} data-testid="legal-deadline" data-deadline={deadline}>
        <ToneTag tone={pickTone(open, days)} icon={<SafetyCertificateOutlined aria-hidden="true" />}>
          {t('contract.legalDeadline', { date: formatLocalDate(deadline, lng) })}{open ? ` · ${left}` : ''}
        </ToneTag>
      </span>
    </Tooltip>
  );
}
