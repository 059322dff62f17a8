/** The signed-in frame: side menu, header (org, language, user, sign-out) and the page. */
import { AuditOutlined, SettingOutlined } from '@ant-design/icons';
import { SafetyCertificateOutlined } from '@ant-design/icons';
import { CheckSquareOutlined, LogoutOutlined, SendOutlined, TeamOutlined, UserOutlined } from '@ant-design/icons';
import { ContactsOutlined } from '@ant-design/icons';
import { ProjectOutlined } from '@ant-design/icons';
import { ApartmentOutlined } from '@ant-design/icons';
import { DesktopOutlined, UsergroupAddOutlined } from '@ant-design/icons';
import { FileTextOutlined } from '@ant-design/icons';
import { Avatar, Button, Flex, Layout, Menu, Spin, Tag, Typography, type MenuProps } from 'antd';
import { Suspense, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, Outlet, useLocation, useNavigate } from 'react-router';
import { LanguageSwitch } from './components/language-switch.js';
import { useMe, usePermissions, useSignOut } from './session.js';

export function PageSpinner() {
  return <Flex align="center" justify="center" style={{ minHeight: '40vh' }}><Spin size="large" /></Flex>;
}

/** Renders its children for a signed-in user; otherwise sends them to /login and back after. */
export function RequireSession({ children }: { children: ReactNode }) {
  const { data, isPending, isError, refetch } = useMe();
  const location = useLocation();
  const { t } = useTranslation();
  if (isPending) return <PageSpinner />;
  if (isError) {
    return (
      <Flex vertical align="center" gap={12} style={{ marginTop: '20vh' }}>
        <Typography.Text>{t('error.generic')}</Typography.Text>
        <Button onClick={() => void refetch()}>{t('error.retry')}</Button>
      </Flex>
    );
  }
  if (!data) {
    const next = location.pathname + location.search;
    return <Navigate to={next === '/' ? '/login' : `/login?next=${encodeURIComponent(next)}`} replace />;
  }
  return children;
}

/**
 * The first page after sign-in: hiring managers land on their incoming hires, admin staff
 * on the logistics board, everyone else on the candidate list.
 */
export function HomeRedirect() {
  const { data: me } = useMe();
  const role = me?.user.role;
  return <Navigate to={role === 'manager' ? '/my-hires' : role === 'admin' ? '/logistics' : '/candidates'} replace />;
}

interface NavItem { key: string; path: string; icon: ReactNode; label: string; permission: string }

export function AppShell() {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const can = usePermissions();
  const navigate = useNavigate();
  const location = useLocation();
  const signOut = useSignOut();
  const nav: NavItem[] = [
    { key: 'my-hires', path: '/my-hires', icon: <UsergroupAddOutlined />, label: t('nav.myHires'), permission: 'hires.read' },
    { key: 'tasks', path: '/tasks', icon: <CheckSquareOutlined />, label: t('nav.tasks'), permission: 'task.read' },
    { key: 'candidates', path: '/candidates', icon: <TeamOutlined />, label: t('nav.candidates'), permission: 'candidate.read' },
    { key: 'pipeline', path: '/pipeline', icon: <ProjectOutlined />, label: t('nav.pipeline'), permission: 'candidate.read' },
    { key: 'logistics', path: '/logistics', icon: <DesktopOutlined />, label: t('nav.logisticsBoard'), permission: 'logistics.board' },
    { key: 'outbox', path: '/outbox', icon: <SendOutlined />, label: t('nav.outbox'), permission: 'outbox.read' },
    { key: 'talent-pool', path: '/talent-pool', icon: <ContactsOutlined />, label: t('nav.talentPool'), permission: 'talent_pool.manage' },
    { key: 'privacy', path: '/privacy', icon: <SafetyCertificateOutlined />, label: t('nav.privacy'), permission: 'privacy.manage' },
    { key: 'audit', path: '/audit', icon: <AuditOutlined />, label: t('nav.audit'), permission: 'audit.read' },
    { key: 'templates', path: '/templates', icon: <FileTextOutlined />, label: t('nav.templates'), permission: 'template.manage' },
    { key: 'playbooks', path: '/playbooks', icon: <ApartmentOutlined />, label: t('nav.playbooks'), permission: 'playbook.read' },
    { key: 'settings', path: '/settings', icon: <SettingOutlined />, label: t('nav.settings'), permission: 'settings.manage' },
  ];
  const visible = nav.filter((n) => can(n.permission));
  const selected = visible.filter((n) => location.pathname.startsWith(n.path)).map((n) => n.key);
  const items: MenuProps['items'] = visible.map((n) => ({ key: n.key, icon: n.icon, label: n.label, onClick: () => navigate(n.path) }));
  if (!me) return null;
  const onSignOut = () => signOut.mutate(undefined, { onSuccess: () => navigate('/login', { replace: true }) });

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Sider breakpoint="lg" collapsedWidth={0} width={220} className="pb-sider" theme="light">
        <div className="pb-brand">
          <span className="pb-brand-mark" aria-hidden="true">P</span>
          <span className="pb-brand-name">{t('app.name')}</span>
        </div>
        <nav aria-label={t('nav.mainMenu')}>
          <Menu mode="inline" selectedKeys={selected} items={items} style={{ borderInlineEnd: 'none' }} />
        </nav>
      </Layout.Sider>
      <Layout>
        <Layout.Header className="pb-header">
          <Typography.Text strong className="pb-org" data-testid="org-name">{me.user.orgName}</Typography.Text>
          <Flex align="center" gap={16}>
            <LanguageSwitch />
            <Flex align="center" gap={8} data-testid="current-user">
              <Avatar size="small" icon={<UserOutlined />} style={{ backgroundColor: '#1f5fcc' }} aria-hidden="true" />
              <Typography.Text>{me.user.name}</Typography.Text>
              <Tag color="blue" bordered={false}>{t(`role.${me.user.role}`)}</Tag>
            </Flex>
            <Button type="text" icon={<LogoutOutlined />} onClick={onSignOut} loading={signOut.isPending}>
              {t('header.signOut')}
            </Button>
          </Flex>
        </Layout.Header>
        {/* antd's Content is the page's one <main> landmark. */}
        <Layout.Content className="pb-content">
          <Suspense fallback={<PageSpinner />}>
            <Outlet />
          </Suspense>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
