import { Result } from 'antd';
import { type ComponentType, lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { createBrowserRouter, Link } from 'react-router';
import { Loading } from '../components/query-state';
import { RequireAuth } from './require-auth';
import { Shell } from './shell';

/** `React.lazy` for a named export, so that each page becomes its own chunk. */
function page<K extends string>(load: () => Promise<Record<K, ComponentType>>, name: K) {
  return lazy(async () => ({ default: (await load())[name] }));
}

const LoginPage = page(() => import('../features/auth/login-page'), 'LoginPage');
const ChangePasswordPage = page(() => import('../features/auth/change-password-page'), 'ChangePasswordPage');
const HomePage = page(() => import('../features/home/home-page'), 'HomePage');
const OrgTreePage = page(() => import('../features/orgs/org-tree-page'), 'OrgTreePage');
const OrgPage = page(() => import('../features/orgs/org-page'), 'OrgPage');
const MembersPage = page(() => import('../features/members/members-page'), 'MembersPage');
const MemberCreatePage = page(() => import('../features/members/member-create-page'), 'MemberCreatePage');
const MemberPage = page(() => import('../features/members/member-page'), 'MemberPage');
const ImportsPage = page(() => import('../features/imports/imports-page'), 'ImportsPage');
const AccountsPage = page(() => import('../features/accounts/accounts-page'), 'AccountsPage');
const AuditPage = page(() => import('../features/audit/audit-page'), 'AuditPage');

function NotFound() {
  const { t } = useTranslation();
  return (
    <Result
      status="404"
      title="404"
      subTitle={t('common.notFound')}
      extra={<Link to="/">{t('nav.home')}</Link>}
    />
  );
}

export const router = createBrowserRouter([
  {
    path: '/login',
    element: (
      <Suspense fallback={<Loading />}>
        <LoginPage />
      </Suspense>
    ),
  },
  {
    element: (
      <RequireAuth>
        <Shell />
      </RequireAuth>
    ),
    children: [
      { index: true, element: <HomePage /> },
      { path: 'password', element: <ChangePasswordPage /> },
      { path: 'orgs', element: <OrgTreePage /> },
      { path: 'orgs/:code', element: <OrgPage /> },
      { path: 'members', element: <MembersPage /> },
      { path: 'members/new', element: <MemberCreatePage /> },
      { path: 'members/:code', element: <MemberPage /> },
      { path: 'imports', element: <ImportsPage /> },
      { path: 'accounts', element: <AccountsPage /> },
      { path: 'audit', element: <AuditPage /> },
      { path: '*', element: <NotFound /> },
    ],
  },
]);
