/**
 * How the candidate will come on the first day (admin staff prepare parking and badges
 * from it), and — for HR, HRBP and org admins — the consents with the exact wording agreed.
 * Candidate-entered notes are rendered as text by React.
 */
import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Descriptions, Empty, List, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { ZStaffConsents, ZStaffLogistics } from '../../../src/contracts/portal-extras.js';
import { request } from '../../lib/api.js';
import { formatDateTime } from '../format.js';
import { usePermissions } from '../session.js';

type TStaffLogistics = z.infer<typeof ZStaffLogistics>;
type TStaffConsents = z.infer<typeof ZStaffConsents>;

const WORDS = {
  'zh-CN': {
    title: '报到安排与授权', none: '候选人还没有确认到达方式。', mode: '到达方式', arrival: '预计到达', expected: '规定报到时间', note: '备注', confirmedAt: '确认时间',
    parking: '需要停车位', outdated: '这是针对之前入职日期的确认，请候选人重新确认。',
    modes: { metro_bus: '地铁 / 公交', car: '自驾', taxi: '打车', walk_bike: '步行 / 骑行', other: '其他' } as Record<string, string>,
    consents: '授权与同意', noConsents: '还没有授权记录。', active: '有效', withdrawn: '已撤回', expired: '已过期',
    kinds: { background_check: '背景调查授权', talent_pool: '人才库', sensitive_info: '敏感信息' } as Record<string, string>,
    given: (at: string, name: string | null) => `${at} 同意${name ? `（签名：${name}）` : ''}`, wording: '同意的原文', ip: 'IP',
  },
  'en-US': {
    title: 'Arrival and consents', none: 'The candidate has not confirmed how they will come yet.', mode: 'Coming by', arrival: 'Expected at', expected: 'Arrival time set', note: 'Note', confirmedAt: 'Confirmed',
    parking: 'Needs parking', outdated: 'Confirmed for an earlier start date: ask the candidate to confirm again.',
    modes: { metro_bus: 'Metro / bus', car: 'Car', taxi: 'Taxi', walk_bike: 'Walk / bike', other: 'Other' } as Record<string, string>,
    consents: 'Consents', noConsents: 'No consent records yet.', active: 'Active', withdrawn: 'Withdrawn', expired: 'Expired',
    kinds: { background_check: 'Background check', talent_pool: 'Talent pool', sensitive_info: 'Sensitive data' } as Record<string, string>,
    given: (at: string, name: string | null) => `Agreed ${at}${name ? ` (signed: ${name})` : ''}`, wording: 'Exact wording agreed', ip: 'IP',
  },
};

function Consents({ candidateId, w, lng }: { candidateId: string; w: (typeof WORDS)['zh-CN']; lng: string }) {
  const consents = useQuery({ queryKey: ['consents', candidateId], queryFn: () => request<TStaffConsents>('GET', `/candidates/${encodeURIComponent(candidateId)}/consents`) });
  if (consents.isError) return <Alert type="error" showIcon title={String(consents.error)} />;
  const items = consents.data?.items ?? [];
  return (
    <div data-testid="consents">
      <Typography.Title level={3} style={{ fontSize: 15, marginTop: 16 }}>{w.consents}</Typography.Title>
      {items.length === 0 ? <Typography.Text type="secondary">{w.noConsents}</Typography.Text> : (
        <List
          size="small" dataSource={items} loading={consents.isPending}
          renderItem={(c) => (
            <List.Item>
              <Space direction="vertical" size={2} style={{ width: '100%' }}>
                <Space wrap>
                  <Typography.Text strong>{w.kinds[c.kind] ?? c.kind}</Typography.Text>
                  <Tag>{c.active ? w.active : c.withdrawnAt ? w.withdrawn : w.expired}</Tag>
                  <Typography.Text type="secondary">{c.wordingVersion}</Typography.Text>
                </Space>
                <Typography.Text type="secondary">
                  {w.given(formatDateTime(c.givenAt, lng), c.typedName)}{c.givenIp ? ` · ${w.ip} ${c.givenIp}` : ''}
                  {c.withdrawnAt ? ` · ${w.withdrawn} ${formatDateTime(c.withdrawnAt, lng)}` : ''}
                </Typography.Text>
                <details>
                  <summary>{w.wording}</summary>
                  <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>{c.wordingText}</Typography.Paragraph>
                </details>
              </Space>
            </List.Item>
          )}
        />
      )}
    </div>
  );
}

export function LogisticsCard({ candidateId }: { candidateId: string }) {
  const { i18n } = useTranslation();
  const can = usePermissions();
  const w = WORDS[i18n.language === 'en-US' ? 'en-US' : 'zh-CN'];
  const logistics = useQuery({
    queryKey: ['logistics', candidateId], enabled: can('logistics.read'),
    queryFn: () => request<TStaffLogistics>('GET', `/candidates/${encodeURIComponent(candidateId)}/logistics`),
  });
  if (!can('logistics.read')) return null;
  const c = logistics.data?.confirmation;
  return (
    <Card title={w.title} variant="borderless" loading={logistics.isPending} data-testid="logistics-card">
      {logistics.isError && <Alert type="error" showIcon title={String(logistics.error)} />}
      {logistics.data && !c && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={w.none} />}
      {logistics.data?.outdated && <Alert type="warning" showIcon title={w.outdated} style={{ marginBottom: 12 }} />}
      {c && (
        <Descriptions
          size="small" column={1}
          items={[
            { key: 'mode', label: w.mode, children: <Space wrap>{w.modes[c.mode] ?? c.mode}{c.needsParking && <Tag>{w.parking}</Tag>}</Space> },
            { key: 'arrival', label: w.arrival, children: `${c.startDate} ${c.arrivalTime}` },
            { key: 'expected', label: w.expected, children: logistics.data!.expectedArrival },
            ...(c.note ? [{ key: 'note', label: w.note, children: <span style={{ whiteSpace: 'pre-wrap' }}>{c.note}</span> }] : []),
            { key: 'at', label: w.confirmedAt, children: formatDateTime(c.confirmedAt, i18n.language) },
          ]}
        />
      )}
      {can('consent.read') && <Consents candidateId={candidateId} w={w} lng={i18n.language} />}
    </Card>
  );
}
