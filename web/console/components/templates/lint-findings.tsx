/** The compliance check of the edited text (DESIGN §5), under the editor: what was found, where, and why it matters. */
import { Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TTemplateFinding } from '../../../lib/templates-api.js';
import { ToneTag, type Tone } from '../tone-tag.js';
import '../../locales/templates.js';

const TONES: Record<TTemplateFinding['severity'], Tone> = { error: 'danger', warning: 'warning', info: 'muted' };

export function LintFindings({ findings, pending }: { findings: readonly TTemplateFinding[] | undefined; pending: boolean }) {
  const { t, i18n } = useTranslation();
  const zh = i18n.language.startsWith('zh');
  return (
    <section aria-labelledby="lint-findings-title" data-testid="lint-findings" aria-busy={pending}>
      <Typography.Text strong id="lint-findings-title">{t('templates.findings.title')}</Typography.Text>
      {findings && findings.length === 0 && (
        <Typography.Paragraph type="secondary" style={{ margin: '4px 0 0' }} data-testid="lint-clean">{t('templates.findings.none')}</Typography.Paragraph>
      )}
      <ul style={{ listStyle: 'none', padding: 0, margin: '8px 0 0' }}>
        {findings?.map((f) => (
          <li key={`${f.field}-${f.offset}-${f.rule}`} data-testid="lint-finding" data-rule={f.rule} data-severity={f.severity} style={{ marginBottom: 8 }}>
            <Flex gap={8} align="baseline" wrap>
              <ToneTag tone={TONES[f.severity]}>{t(`templates.findings.severity.${f.severity}`)}</ToneTag>
              <Typography.Text type="secondary">
                {t('templates.findings.where', { field: t(`templates.field.${f.field}`), line: f.line })}
              </Typography.Text>
              <Typography.Text code>{f.excerpt}</Typography.Text>
            </Flex>
            <Typography.Paragraph style={{ margin: '4px 0 0' }}>{zh ? f.message.zh : f.message.en}</Typography.Paragraph>
          </li>
        ))}
      </ul>
    </section>
  );
}
