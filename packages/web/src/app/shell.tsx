import {
  ApartmentOutlined,
  AuditOutlined,
  CalendarOutlined,
  CarryOutOutlined,
  CloudUploadOutlined,
  ContainerOutlined,
  ControlOutlined,
  DashboardOutlined,
  EyeOutlined,
  FileTextOutlined,
  FundOutlined,
  HomeOutlined,
  KeyOutlined,
  LogoutOutlined,
  MenuOutlined,
  MessageOutlined,
  ReadOutlined,
  SafetyCertificateOutlined,
  TeamOutlined,
  TrophyOutlined,
  UserOutlined,
  UserSwitchOutlined,
  WalletOutlined,
} from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Drawer, Dropdown, Layout, Menu, type MenuProps } from 'antd';
import { Suspense, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation, useNavigate } from 'react-router';
import { LangSwitch } from '../components/lang-switch';
import { Loading } from '../components/query-state';
import { endSession, useCurrentUser } from '../features/auth/session';
import { InboxBell } from '../features/inbox/inbox-bell';
import { useAnyAbilities } from '../features/orgs/api';
import { isDashboardReader } from '../features/recommendations/roles';
import { apiPost } from '../lib/api';
import { makeScrollersFocusable } from '../lib/focusable-scrollers';
import { OfflineHeaderCount } from '../lib/offline/indicator';
import { useIsMobile } from '../lib/use-mobile';

const SECTIONS = [
  '/orgs',
  '/members',
  '/meetings',
  '/overview',
  '/supervision/my-visits',
  '/supervision',
  '/recommendations/dashboard',
  '/recommendations',
  '/reports',
  '/ratings',
  '/four-good',
  '/thematic',
  '/documents',
  '/dues',
  '/inbox',
  '/rule-sets',
  '/imports',
  '/accounts',
  '/audit',
] as const;

/** The menu key for a path: the section it lives in. */
function sectionOf(pathname: string): string {
  // A visit's page belongs with the visitor's list.
  if (pathname.startsWith('/supervision/visits/')) return '/supervision/my-visits';
  return SECTIONS.find((s) => pathname === s || pathname.startsWith(`${s}/`)) ?? '/';
}

function useMenuItems(): MenuProps['items'] {
  const { t } = useTranslation();
  const abilities = useAnyAbilities();
  const me = useCurrentUser();
  const items: NonNullable<MenuProps['items']> = [
    { key: '/', icon: <HomeOutlined />, label: <Link to="/">{t('nav.home')}</Link> },
    { key: '/orgs', icon: <ApartmentOutlined />, label: <Link to="/orgs">{t('nav.orgs')}</Link> },
    { key: '/members', icon: <TeamOutlined />, label: <Link to="/members">{t('nav.members')}</Link> },
    {
      key: '/meetings',
      icon: <CalendarOutlined />,
      label: (
        <Link to="/meetings" data-testid="nav-meetings">
          {t('nav.meetings')}
        </Link>
      ),
    },
  ];
  if (me.grants.some((g) => g.role === 'admin' || g.role === 'committee_member')) {
    items.push({
      key: '/overview',
      icon: <DashboardOutlined />,
      label: (
        <Link to="/overview" data-testid="nav-overview">
          {t('overview.nav')}
        </Link>
      ),
    });
  }
  const manages = me.grants.some((g) => g.role === 'admin' || g.role === 'committee_member');
  if (manages) {
    items.push({
      key: '/supervision',
      icon: <EyeOutlined />,
      label: (
        <Link to="/supervision" data-testid="nav-supervision">
          {t('supervision.nav')}
        </Link>
      ),
    });
  }
  if (me.visitorOf.length > 0 || me.grants.some((g) => g.role === 'committee_member')) {
    items.push({
      key: '/supervision/my-visits',
      icon: <CarryOutOutlined />,
      label: (
        <Link to="/supervision/my-visits" data-testid="nav-my-visits">
          {t('supervision.navMine')}
        </Link>
      ),
    });
  }
  if (manages) {
    items.push({
      key: '/reports',
      icon: <FileTextOutlined />,
      label: (
        <Link to="/reports" data-testid="nav-reports">
          {t('reports.nav')}
        </Link>
      ),
    });
  }
  items.push({
    key: '/recommendations',
    icon: <MessageOutlined />,
    label: (
      <Link to="/recommendations" data-testid="nav-recommendations">
        {t('recommendations.nav')}
      </Link>
    ),
  });
  items.push({
    key: '/ratings',
    icon: <TrophyOutlined />,
    label: (
      <Link to="/ratings" data-testid="nav-ratings">
        {t('ratings.nav')}
      </Link>
    ),
  });
  if (
    me.grants.some((g) => g.role === 'admin' || g.role === 'committee_member' || g.role === 'cell_secretary')
  ) {
    items.push({
      key: '/four-good',
      icon: <SafetyCertificateOutlined />,
      label: (
        <Link to="/four-good" data-testid="nav-four-good">
          {t('fourGood.nav')}
        </Link>
      ),
    });
    // Superior documents to pass on (issue 17 item 2): registered by a committee, passed on by its cells.
    items.push({
      key: '/documents',
      icon: <ContainerOutlined />,
      label: (
        <Link to="/documents" data-testid="nav-pass-on">
          {t('passOn.nav')}
        </Link>
      ),
    });
  }
  items.push({
    key: '/thematic',
    icon: <ReadOutlined />,
    label: (
      <Link to="/thematic" data-testid="nav-thematic">
        {t('thematic.nav')}
      </Link>
    ),
  });
  items.push({
    key: '/dues',
    icon: <WalletOutlined />,
    label: (
      <Link to="/dues" data-testid="nav-dues">
        {t('dues.nav')}
      </Link>
    ),
  });
  if (isDashboardReader(me)) {
    items.push({
      key: '/recommendations/dashboard',
      icon: <FundOutlined />,
      label: (
        <Link to="/recommendations/dashboard" data-testid="nav-rec-dashboard">
          {t('recommendations.navDashboard')}
        </Link>
      ),
    });
  }
  if (abilities.update) {
    items.push({
      key: '/rule-sets',
      icon: <ControlOutlined />,
      label: <Link to="/rule-sets">{t('nav.ruleSets')}</Link>,
    });
  }
  if (abilities.update || abilities.manageMembers) {
    items.push({
      key: '/imports',
      icon: <CloudUploadOutlined />,
      label: <Link to="/imports">{t('nav.imports')}</Link>,
    });
  }
  if (abilities.manageAccounts) {
    items.push({
      key: '/accounts',
      icon: <UserSwitchOutlined />,
      label: <Link to="/accounts">{t('nav.accounts')}</Link>,
    });
  }
  if (abilities.readAudit) {
    items.push({ key: '/audit', icon: <AuditOutlined />, label: <Link to="/audit">{t('nav.audit')}</Link> });
  }
  return items;
}

function UserMenu({ compact }: { compact: boolean }) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const logout = async () => {
    await apiPost('/api/auth/logout').catch(() => undefined);
    // The sign-in page says so (the shell's antd App, and its messages, leave with the shell).
    endSession(queryClient, { signedOut: true });
    navigate('/login', { replace: true });
  };
  const items: MenuProps['items'] = [
    {
      key: 'password',
      icon: <KeyOutlined />,
      label: t('nav.changePassword'),
      onClick: () => navigate('/password'),
    },
    { key: 'logout', icon: <LogoutOutlined />, label: t('nav.logout'), onClick: logout },
  ];
  return (
    <Dropdown menu={{ items }} trigger={['click']} placement="bottomRight">
      <Button type="text" icon={<UserOutlined />} data-testid="user-menu" aria-label={me.displayName}>
        {compact ? null : <span className="nn-user-name">{me.displayName}</span>}
      </Button>
    </Dropdown>
  );
}

/**
 * The installable app's service worker (issue 18), registered once signed in: lazily, so the sign-in
 * page's JavaScript does not grow. A new version is offered, never forced on a meeting in progress.
 */
function useServiceWorker() {
  // i18n.t, not t: the update may come after a change of language.
  const { i18n } = useTranslation();
  const { notification } = App.useApp();
  useEffect(() => {
    if (!import.meta.env.PROD) return;
    void import('../lib/offline/register-sw').then(({ registerServiceWorker }) =>
      registerServiceWorker((reload) =>
        notification.info({
          key: 'sw-update',
          title: i18n.t('offline.updateTitle'),
          description: i18n.t('offline.updateBody'),
          duration: 0,
          actions: (
            <Button type="primary" onClick={reload} data-testid="sw-reload">
              {i18n.t('offline.reload')}
            </Button>
          ),
        }),
      ),
    );
  }, [notification, i18n]);
}

/**
 * Side menu on desktop, drawer menu on phones; the routed page goes in the content area. The antd App
 * (messages, notifications, modals of `App.useApp()`) lives here, not in the providers: the sign-in page
 * needs none of them, so their code comes with this lazy chunk (issue 14).
 */
export function Shell() {
  return (
    <App>
      <ShellLayout />
    </App>
  );
}

function ShellLayout() {
  const { t } = useTranslation();
  useServiceWorker();
  // Tables that scroll sideways take the keyboard's focus (lib/focusable-scrollers.ts).
  useEffect(() => makeScrollersFocusable(), []);
  const isMobile = useIsMobile();
  const location = useLocation();
  const [drawerOpen, setDrawerOpen] = useState(false);
  const [collapsed, setCollapsed] = useState(false);
  const items = useMenuItems();
  const selected = [sectionOf(location.pathname)];
  const brand = (
    <Link to="/" className="nn-brand">
      <span className="nn-brand-star" aria-hidden>
        ★
      </span>
      <span>{t('app.name')}</span>
    </Link>
  );

  return (
    <Layout className="nn-shell">
      {isMobile ? null : (
        <Layout.Sider
          collapsible
          collapsed={collapsed}
          onCollapse={setCollapsed}
          theme="light"
          width={232}
          className="nn-sider"
          style={{ position: 'sticky', top: 0, height: '100vh', overflow: 'auto' }}
        >
          <div className="nn-sider-brand">{collapsed ? <span className="nn-brand-star">★</span> : brand}</div>
          <Menu mode="inline" selectedKeys={selected} items={items} data-testid="nav-menu" />
        </Layout.Sider>
      )}
      <Layout>
        <Layout.Header className="nn-header">
          {isMobile ? (
            <>
              <Button
                type="text"
                icon={<MenuOutlined />}
                onClick={() => setDrawerOpen(true)}
                aria-label={t('nav.menu')}
                data-testid="nav-toggle"
              />
              {brand}
            </>
          ) : (
            <span />
          )}
          <div className="nn-header-actions">
            <OfflineHeaderCount />
            <InboxBell />
            <LangSwitch compact={isMobile} />
            <UserMenu compact={isMobile} />
          </div>
        </Layout.Header>
        <Layout.Content className="nn-content">
          <Suspense fallback={<Loading />}>
            <Outlet />
          </Suspense>
        </Layout.Content>
      </Layout>
      {isMobile ? (
        <Drawer
          placement="left"
          open={drawerOpen}
          onClose={() => setDrawerOpen(false)}
          size={260}
          title={brand}
          styles={{ body: { padding: 0 } }}
        >
          <Menu
            mode="inline"
            selectedKeys={selected}
            items={items}
            onClick={() => setDrawerOpen(false)}
            data-testid="nav-menu"
          />
        </Drawer>
      ) : null}
    </Layout>
  );
}
