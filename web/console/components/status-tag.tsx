import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';

// antd's light green preset fails WCAG AA contrast; a solid dark green passes (as on the timeline).
const COLORS: Record<string, string> = {
  offer_sent: 'default', offer_accepted: 'blue', preboarding: 'processing', started: '#237804', onboarded: 'cyan',
  declined: 'red', reneged: 'volcano', withdrawn: 'default', delayed: 'orange',
};

/** The lifecycle status as a coloured, translated tag. */
export function StatusTag({ status }: { status: string }) {
  const { t } = useTranslation();
  return <Tag color={COLORS[status] ?? 'default'} bordered={false}>{t(`status.${status}`, { defaultValue: status })}</Tag>;
}
