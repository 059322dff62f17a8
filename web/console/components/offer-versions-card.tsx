/**
 * Every offer version of the candidate, newest first (the history is kept, never
 * overwritten): start date, site, position, pay where the API sends it for the reader's
 * role, status with the acceptance time, and who issued it. HR issue a new version here.
 */
import { PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Descriptions, Flex, List, Skeleton, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type TCandidate } from '../../lib/api.js';
import { candidateApi, type TOffer } from '../../lib/candidate-api.js';
import { formatDateTime, formatLocalDate, formatMoney } from '../format.js';
import { usePermissions } from '../session.js';
import { OfferIssueDrawer } from './offer-issue-drawer.js';
import { ToneTag, type Tone } from './tone-tag.js';
import '../locales/candidate.js';
import '../locales/candidate-changes.js';

/** Candidate statuses whose offer can no longer change (the server refuses a new version). */
const CLOSED = ['declined', 'reneged', 'withdrawn', 'started', 'onboarded'];
const STATUS_TONE: Record<string, Tone> = { sent: 'warning', accepted: 'success', superseded: 'muted', withdrawn: 'danger' };

function OfferItem({ offer: o, current, siteName }: { offer: TOffer; current: boolean; siteName: string }) {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  const pay = o.salary?.monthly != null ? o.salary : undefined;
  const items = [
    { key: 'startDate', label: t('offers.startDate'), children: formatLocalDate(o.startDate, lng) },
    { key: 'site', label: t('offers.site'), children: siteName },
    { key: 'position', label: t('offers.positionTitle'), children: `${o.positionTitle} · ${t(`roleType.${o.roleType}`, { defaultValue: o.roleType })}` },
    ...(pay ? [{
      key: 'salary', label: t('offers.salary'),
      children: (
        <span data-testid="offer-salary">
          {pay.months != null
            ? t('candidate.salaryValue', { monthly: formatMoney(pay.monthly!, pay.currency, lng), months: Number(pay.months) })
            : t('offers.salaryMonthlyOnly', { monthly: formatMoney(pay.monthly!, pay.currency, lng) })}
        </span>
      ),
    }] : []),
    ...(o.acceptedAt ? [{ key: 'acceptedAt', label: t('offers.acceptedAt'), children: formatDateTime(o.acceptedAt, lng) }] : []),
    {
      key: 'issued', label: t('offers.issued'),
      children: t('offers.issuedValue', { name: o.issuedBy?.name ?? t('offers.bySystem'), at: formatDateTime(o.createdAt, lng) }),
    },
    { key: 'reason', label: t('offers.reason'), children: o.reason },
  ];
  return (
    <List.Item data-testid="offer-version" data-version={o.version}>
      <Flex vertical gap={8} style={{ width: '100%' }}>
        <Flex align="center" gap={8} wrap>
          <Typography.Text strong>{t('offers.version', { version: o.version })}</Typography.Text>
          <ToneTag tone={STATUS_TONE[o.status] ?? 'neutral'} testId="offer-status">{t(`offers.status.${o.status}`, { defaultValue: o.status })}</ToneTag>
          {current && <ToneTag tone="info">{t('offers.current')}</ToneTag>}
        </Flex>
        <Descriptions column={{ xs: 1, sm: 2 }} size="small" items={items} />
      </Flex>
    </List.Item>
  );
}

export function OfferVersionsCard({ candidate: c }: { candidate: TCandidate }) {
  const { t } = useTranslation();
  const can = usePermissions();
  const [open, setOpen] = useState(false);
  const offers = useQuery({ queryKey: ['offers', c.id], queryFn: () => candidateApi.listOffers(c.id), enabled: can('offer.read') });
  const sites = useQuery({ queryKey: ['sites'], queryFn: api.sites, staleTime: 10 * 60_000, enabled: can('offer.read') && can('org.read') });
  if (!can('offer.read')) return null;
  const siteNames = new Map((sites.data?.items ?? []).map((s) => [s.id, s.name]));
  siteNames.set(c.site.id, c.site.name);
  const items = offers.data?.items ?? [];
  const current = items[0];
  const canIssue = can('offer.create') && !CLOSED.includes(c.status) && current !== undefined;

  return (
    <Card
      title={<h2 className="pb-card-title">{t('offers.title')}</h2>} variant="borderless" data-testid="offer-versions"
      extra={canIssue && (
        <Button icon={<PlusOutlined />} onClick={() => setOpen(true)} data-testid="offer-issue">{t('offers.issue')}</Button>
      )}
    >
      {offers.isPending ? <Skeleton active /> : offers.isError ? (
        <Alert type="error" showIcon title={t('error.generic')} description={offers.error.message} />
      ) : (
        <List
          dataSource={items} rowKey="version" locale={{ emptyText: t('offers.empty') }}
          renderItem={(o, i) => <OfferItem offer={o} current={i === 0} siteName={siteNames.get(o.siteId) ?? t('offers.unknownSite')} />}
        />
      )}
      {canIssue && current && <OfferIssueDrawer candidate={c} current={current} open={open} onClose={() => setOpen(false)} />}
    </Card>
  );
}
