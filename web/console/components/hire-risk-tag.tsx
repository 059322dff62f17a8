/**
 * The advisory risk of one hire as a tag that opens its reasons (DESIGN §5: the score
 * explains itself and never acts by itself). Same words as the pipeline board.
 */
import { Popover, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TRiskAssessment } from '../../../src/contracts/pipeline.js';
import { ToneTag, type Tone } from './tone-tag.js';
import '../locales/pipeline.js';

const TONE: Record<TRiskAssessment['level'], Tone> = { high: 'danger', medium: 'warning', low: 'success' };

export function HireRiskTag({ risk }: { risk: TRiskAssessment }) {
  const { t } = useTranslation();
  const label = t(`pipeline.risk.${risk.level}`);
  const reasons = risk.reasons.map((r) => t(`pipeline.reason.${r.code}`, r.params));
  const content = (
    <>
      {reasons.length
        ? <ul style={{ margin: 0, paddingInlineStart: 18, maxWidth: 320 }} data-testid="risk-reasons">{reasons.map((r) => <li key={r}>{r}</li>)}</ul>
        : <Typography.Text>{t('pipeline.noReasons')}</Typography.Text>}
      <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0', fontSize: 12, maxWidth: 320 }}>{t('pipeline.advisory')}</Typography.Paragraph>
    </>
  );
  return (
    <Popover title={t('pipeline.riskWhy', { score: risk.score })} content={content} trigger={['hover', 'click']}>
      <button
        type="button" className="pb-tv-plain-button" data-testid="hire-risk" data-level={risk.level}
        aria-label={`${label}: ${reasons.join('; ') || t('pipeline.noReasons')}`}
      >
        <ToneTag tone={TONE[risk.level]}>{label}</ToneTag>
      </button>
    </Popover>
  );
}
