/** Settings (org admins): general policies, calendar overrides, sites, users and roles, staff channels, API tokens. */
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { Alert, Button, Spin, Tabs, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { adminApi } from '../components/settings/admin-api.js';
import { ApiTokensSettings } from '../components/settings/api-tokens-settings.js';
import { CalendarSettings } from '../components/settings/calendar-settings.js';
import { GeneralSettings } from '../components/settings/general-settings.js';
import { RequirePermission } from '../components/settings/require-permission.js';
import { SitesSettings } from '../components/settings/sites-settings.js';
import { StaffChannelsSettings } from '../components/settings/staff-channels-settings.js';
import { UsersSettings } from '../components/settings/users-settings.js';
import '../locales/settings.js';

const TABS = ['general', 'calendar', 'sites', 'users', 'channels', 'tokens'] as const;
type Tab = (typeof TABS)[number];

function SettingsTabs() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const tab: Tab = TABS.find((x) => x === params.get('tab')) ?? 'general';
  const settings = useQuery({ queryKey: ['settings'], queryFn: adminApi.settings });

  const needsSettings = (render: (s: NonNullable<typeof settings.data>) => ReactNode) => {
    if (settings.data) return render(settings.data);
    if (settings.isError) {
      return <Alert type="error" showIcon role="alert" title={t('error.generic')} action={<Button onClick={() => void settings.refetch()}>{t('error.retry')}</Button>} />;
    }
    return <Spin />;
  };

  return (
    <Tabs
      activeKey={tab} destroyOnHidden
      onChange={(key) => setParams(key === 'general' ? {} : { tab: key }, { replace: true })}
      items={[
        { key: 'general', label: t('settings.tab.general'), children: needsSettings((s) => <GeneralSettings settings={s} />) },
        { key: 'calendar', label: t('settings.tab.calendar'), children: needsSettings((s) => <CalendarSettings settings={s} />) },
        { key: 'sites', label: t('settings.tab.sites'), children: <SitesSettings /> },
        { key: 'users', label: t('settings.tab.users'), children: <UsersSettings /> },
        { key: 'channels', label: t('settings.tab.channels'), children: <StaffChannelsSettings /> },
        { key: 'tokens', label: t('settings.tab.tokens'), children: <ApiTokensSettings /> },
      ]}
    />
  );
}

export default function SettingsPage() {
  const { t } = useTranslation();
  return (
    <RequirePermission permission="settings.manage">
      <>
        <div className="pb-page-head">
          <div>
            <Typography.Title level={1} style={{ fontSize: 24 }}>{t('settings.title')}</Typography.Title>
            <Typography.Text type="secondary">{t('settings.subtitle')}</Typography.Text>
          </div>
        </div>
        <SettingsTabs />
      </>
    </RequirePermission>
  );
}
