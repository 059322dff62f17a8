/**
 * Every saved version of one template, language and role type, newest first. "Load into
 * editor" puts an old version's text back in the editor, where it is previewed and linted
 * again before it is saved as the newest version.
 */
import { Button, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TTemplateDetail, TTemplateVersion } from '../../../lib/templates-api.js';
import { formatDateTime } from '../../format.js';
import { ToneTag } from '../tone-tag.js';
import '../../locales/templates.js';

export function VersionHistory({ detail, onLoad }: { detail: TTemplateDetail; onLoad: (text: { subject: string; body: string }, version: TTemplateVersion) => void }) {
  const { t, i18n } = useTranslation();
  return (
    <section aria-labelledby="template-versions-title" data-testid="template-versions">
      <Typography.Title level={2} style={{ fontSize: 16 }} id="template-versions-title">{t('templates.versions.title')}</Typography.Title>
      {detail.versions.length === 0 && <Typography.Paragraph type="secondary">{t('templates.versions.none')}</Typography.Paragraph>}
      <ol style={{ listStyle: 'none', padding: 0, margin: 0 }}>
        {detail.versions.map((v, i) => {
          const text = v.restoresDefault || v.subject === null || v.body === null ? detail.defaultText : { subject: v.subject, body: v.body };
          return (
            <li key={v.version} data-testid="template-version" data-version={v.version}
              style={{ padding: '8px 0', borderBottom: '1px solid #f0f0f0' }}>
              <Flex justify="space-between" align="center" gap={12} wrap>
                <Flex vertical gap={2} style={{ minWidth: 0, flex: 1 }}>
                  <Flex gap={8} align="center" wrap>
                    <Typography.Text strong>{t('templates.versions.version', { version: v.version })}</Typography.Text>
                    {i === 0 && <ToneTag tone="success">{t('templates.versions.current')}</ToneTag>}
                    {v.restoresDefault && <ToneTag tone="muted">{t('templates.versions.restoredDefault')}</ToneTag>}
                  </Flex>
                  <Typography.Text ellipsis={{ tooltip: text.subject }}>{text.subject}</Typography.Text>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {t('templates.versions.by', { name: v.createdBy?.name ?? t('templates.versions.someone'), at: formatDateTime(v.createdAt, i18n.language) })}
                  </Typography.Text>
                </Flex>
                <Button size="small" onClick={() => onLoad(text, v)} aria-label={t('templates.versions.loadVersion', { version: v.version })}
                  data-testid="version-load">
                  {t('templates.versions.load')}
                </Button>
              </Flex>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
