/** China's statutory holidays and make-up working days of a year, grouped by holiday (read-only). */
import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Select, Table, Typography, type TableProps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { request } from '../../../lib/api.js';
import type { TStatutoryDays } from '../../../../src/contracts/settings.js';
import { formatLocalDate } from '../../format.js';
import '../../locales/settings.js';

interface HolidayGroup { key: string; name: string; off: string[]; working: string[] }

/**
 * One row per holiday with its days off and its make-up working days (a make-up Sunday may
 * come weeks before the break, with another holiday in between); rows in order of the break.
 */
function groupDays(days: TStatutoryDays['days'], lng: string): HolidayGroup[] {
  const groups = new Map<string, HolidayGroup>();
  for (const d of days) {
    const name = lng === 'zh-CN' ? d.nameZh : d.nameEn;
    const g = groups.get(name) ?? { key: d.date, name, off: [], working: [] };
    groups.set(name, g);
    (d.working ? g.working : g.off).push(d.date);
  }
  const first = (g: HolidayGroup) => g.off[0] ?? g.working[0] ?? '';
  return [...groups.values()].sort((a, b) => first(a).localeCompare(first(b)));
}

export function StatutoryDays() {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  const [year, setYear] = useState(new Date().getFullYear());
  const data = useQuery({
    queryKey: ['statutory-days', year],
    queryFn: () => request<TStatutoryDays>('GET', `/settings/statutory-days?year=${year}`),
  });
  const fmt = (date: string) => formatLocalDate(date, lng);
  const span = (dates: string[]) => {
    if (!dates.length) return '—';
    return dates.length === 1 ? fmt(dates[0]!) : `${fmt(dates[0]!)} – ${fmt(dates.at(-1)!)} (${t('settings.calendar.dayCount', { count: dates.length })})`;
  };
  const columns: TableProps<HolidayGroup>['columns'] = [
    { title: t('settings.calendar.holidayName'), dataIndex: 'name', key: 'name' },
    { title: t('settings.calendar.daysOff'), key: 'off', render: (_, g) => span(g.off) },
    { title: t('settings.calendar.makeUpDays'), key: 'working', render: (_, g) => (g.working.length ? g.working.map(fmt).join('、') : '—') },
  ];
  const years = data.data ? Array.from({ length: data.data.lastYear - data.data.firstYear + 2 }, (_, i) => data.data.firstYear + i).reverse() : [year];

  return (
    <Card
      variant="borderless" style={{ marginTop: 16 }} data-testid="statutory-days"
      title={<Typography.Title level={2} style={{ fontSize: 16, margin: 0 }}>{t('settings.calendar.statutoryTitle')}</Typography.Title>}
      extra={<Select aria-label={t('settings.calendar.year')} value={year} onChange={setYear} style={{ width: 110 }} options={years.map((y) => ({ value: y, label: String(y) }))} />}
    >
      {data.data && !data.data.covered && (
        <Alert type="warning" showIcon title={t('settings.calendar.notCovered', { year })} style={{ marginBottom: 16 }} />
      )}
      <Table<HolidayGroup>
        rowKey="key" columns={columns} dataSource={groupDays(data.data?.days ?? [], lng)} loading={data.isFetching} pagination={false} size="small"
        locale={{ emptyText: <span className="pb-empty">{data.isError ? t('error.generic') : t('settings.calendar.noStatutory')}</span> }}
      />
    </Card>
  );
}
