/** The candidate's timeline: every touch, newest first. Candidate text is rendered as text. */
import {
  EnvironmentOutlined, FileTextOutlined, FlagOutlined, MailOutlined, MessageOutlined, PhoneOutlined, TeamOutlined,
} from '@ant-design/icons';
import { Empty, Flex, Tag, Timeline, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { TTouch } from '../../lib/api.js';
import { formatDateTime } from '../format.js';
import '../locales/candidate.js';

const KIND_ICONS: Record<string, ReactNode> = {
  call: <PhoneOutlined />, message: <MessageOutlined />, email: <MailOutlined />,
  meeting: <TeamOutlined />, visit: <EnvironmentOutlined />, note: <FileTextOutlined />, status: <FlagOutlined />,
};
const DIRECTION_COLORS: Record<string, string> = { inbound: 'green', outbound: 'blue', internal: 'gray' };

function TouchContent({ touch }: { touch: TTouch }) {
  const { t, i18n } = useTranslation();
  return (
    <article className="pb-touch" data-testid="touch">
      <Flex gap={8} wrap align="center">
        <Typography.Text strong>{touch.summary}</Typography.Text>
        <Tag bordered={false} color="blue">{t(`kind.${touch.kind}`, { defaultValue: touch.kind })}</Tag>
        <Tag bordered={false}>{t(`channel.${touch.channel}`, { defaultValue: touch.channel })}</Tag>
        {/* antd's light green preset fails WCAG AA contrast; a solid dark green passes. */}
        <Tag bordered={false} color={touch.direction === 'inbound' ? '#237804' : undefined}>
          {t(`direction.${touch.direction}`, { defaultValue: touch.direction })}
        </Tag>
      </Flex>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        <time dateTime={touch.occurredAt}>{formatDateTime(touch.occurredAt, i18n.language)}</time>
        {' · '}
        {touch.author ? t('timeline.by', { name: touch.author.name }) : t('timeline.system')}
        {touch.stepId && <> · {t('timeline.step')}: <code>{touch.stepId}</code></>}
      </Typography.Text>
      {touch.content && <p className="pb-pre">{touch.content}</p>}
      {touch.candidateFeedback && (
        <div className="pb-feedback">
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('timeline.feedback')}</Typography.Text>
          <p className="pb-pre">{touch.candidateFeedback}</p>
        </div>
      )}
    </article>
  );
}

export function TouchTimeline({ touches }: { touches: TTouch[] }) {
  const { t } = useTranslation();
  if (touches.length === 0) return <Empty description={t('timeline.empty')} image={Empty.PRESENTED_IMAGE_SIMPLE} />;
  return (
    <Timeline
      data-testid="timeline"
      items={touches.map((touch) => ({
        key: touch.id,
        color: DIRECTION_COLORS[touch.direction] ?? 'blue',
        icon: KIND_ICONS[touch.kind] ?? <FileTextOutlined />,
        content: <TouchContent touch={touch} />,
      }))}
    />
  );
}
