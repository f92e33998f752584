import { type ComponentType, lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { createBrowserRouter, Link, useRouteError } from 'react-router';
import { LazyResult } from '../components/lazy-result';
import { Loading } from '../components/query-state';
import { loadAppTexts } from './i18n';
import { RequireAuth } from './require-auth';

const RELOADED = 'nennep.chunk-reload';

/**
 * `React.lazy` for a named export, so that each page becomes its own chunk. It comes with the texts of
 * the pages past the sign-in page (`loadAppTexts`, issue 18), which the sign-in page itself goes without
 * (`withAppTexts: false`). When a new version was deployed while this tab was open, its old chunk names
 * are gone: reload once to pick up the new ones.
 */
function page<K extends string>(
  load: () => Promise<Record<K, ComponentType>>,
  name: K,
  { withAppTexts = true }: { withAppTexts?: boolean } = {},
) {
  return lazy(async () => {
    try {
      const [module] = await Promise.all([load(), withAppTexts ? loadAppTexts() : undefined]);
      sessionStorage.removeItem(RELOADED);
      return { default: module[name] };
    } catch (error) {
      if (sessionStorage.getItem(RELOADED)) throw error;
      sessionStorage.setItem(RELOADED, '1');
      window.location.reload();
      return new Promise<never>(() => undefined);
    }
  });
}

function RouteError() {
  const { t } = useTranslation();
  const error = useRouteError();
  return (
    <LazyResult
      status="error"
      title={t('common.pageError')}
      subTitle={error instanceof Error ? error.message : undefined}
      extra={<a href="/">{t('nav.home')}</a>}
    />
  );
}

const LoginPage = page(() => import('../features/auth/login-page'), 'LoginPage', { withAppTexts: false });
// The signed-in frame (menu, drawer, inbox bell, their icons) is its own chunk: the sign-in page never
// downloads it (issue 14).
const Shell = page(() => import('./shell'), 'Shell');
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
const MeetingsPage = page(() => import('../features/meetings/meetings-page'), 'MeetingsPage');
const MeetingPage = page(() => import('../features/meetings/meeting-page'), 'MeetingPage');
const OverviewPage = page(() => import('../features/overview/overview-page'), 'OverviewPage');
const InboxPage = page(() => import('../features/inbox/inbox-page'), 'InboxPage');
const RuleSetsPage = page(() => import('../features/rule-sets/rule-sets-page'), 'RuleSetsPage');
const SupervisionPage = page(() => import('../features/supervision/supervision-page'), 'SupervisionPage');
const MyVisitsPage = page(() => import('../features/supervision/my-visits-page'), 'MyVisitsPage');
const VisitPage = page(() => import('../features/supervision/visit-page'), 'VisitPage');
const RecommendationsPage = page(
  () => import('../features/recommendations/recommendations-page'),
  'RecommendationsPage',
);
const RecommendationPage = page(
  () => import('../features/recommendations/recommendation-page'),
  'RecommendationPage',
);
const RecommendationDashboardPage = page(
  () => import('../features/recommendations/dashboard-page'),
  'RecommendationDashboardPage',
);
const RatingsPage = page(() => import('../features/ratings/ratings-page'), 'RatingsPage');
const RatingSelfPage = page(() => import('../features/ratings/self-page'), 'RatingSelfPage');
const RatingCellPage = page(() => import('../features/ratings/cell-page'), 'RatingCellPage');
const RatingDecidePage = page(() => import('../features/ratings/decide-page'), 'RatingDecidePage');
const RatingSummaryPage = page(() => import('../features/ratings/summary-page'), 'RatingSummaryPage');
const RatingByCommunePage = page(() => import('../features/ratings/by-commune-page'), 'RatingByCommunePage');
const RatingImportPage = page(() => import('../features/ratings/import-page'), 'RatingImportPage');
const FourGoodPage = page(() => import('../features/four-good/four-good-page'), 'FourGoodPage');
const ThematicPage = page(() => import('../features/thematic/thematic-page'), 'ThematicPage');
const ThematicRegistrationPage = page(
  () => import('../features/thematic/registration-page'),
  'ThematicRegistrationPage',
);
const ThematicSessionPage = page(() => import('../features/thematic/session-page'), 'ThematicSessionPage');
const PassOnDocumentsPage = page(() => import('../features/pass-on/documents-page'), 'PassOnDocumentsPage');
const PassOnDocumentPage = page(() => import('../features/pass-on/document-page'), 'PassOnDocumentPage');
const ReportsPage = page(() => import('../features/reports/reports-page'), 'ReportsPage');
const DuesPage = page(() => import('../features/dues/dues-page'), 'DuesPage');
const DuesMinePage = page(() => import('../features/dues/mine-page'), 'DuesMinePage');
const DuesPortalPage = page(() => import('../features/dues/portal-page'), 'DuesPortalPage');
const DuesRemittancePage = page(() => import('../features/dues/remittance-page'), 'DuesRemittancePage');
const RuleSetEditorPage = page(
  () => import('../features/rule-sets/rule-set-editor-page'),
  'RuleSetEditorPage',
);

function NotFound() {
  const { t } = useTranslation();
  return (
    <LazyResult
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
    errorElement: <RouteError />,
    element: (
      <Suspense fallback={<Loading />}>
        <LoginPage />
      </Suspense>
    ),
  },
  {
    errorElement: <RouteError />,
    element: (
      <RequireAuth>
        <Suspense fallback={<Loading />}>
          <Shell />
        </Suspense>
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
      { path: 'meetings', element: <MeetingsPage /> },
      { path: 'meetings/:id', element: <MeetingPage /> },
      { path: 'overview', element: <OverviewPage /> },
      { path: 'inbox', element: <InboxPage /> },
      { path: 'rule-sets', element: <RuleSetsPage /> },
      { path: 'rule-sets/new', element: <RuleSetEditorPage /> },
      { path: 'supervision', element: <SupervisionPage /> },
      { path: 'supervision/my-visits', element: <MyVisitsPage /> },
      { path: 'supervision/visits/:id', element: <VisitPage /> },
      { path: 'recommendations', element: <RecommendationsPage /> },
      { path: 'recommendations/dashboard', element: <RecommendationDashboardPage /> },
      { path: 'recommendations/:id', element: <RecommendationPage /> },
      { path: 'ratings', element: <RatingsPage /> },
      { path: 'ratings/self', element: <RatingSelfPage /> },
      { path: 'ratings/cell', element: <RatingCellPage /> },
      { path: 'ratings/decide', element: <RatingDecidePage /> },
      { path: 'ratings/summary', element: <RatingSummaryPage /> },
      { path: 'ratings/by-commune', element: <RatingByCommunePage /> },
      { path: 'ratings/import', element: <RatingImportPage /> },
      { path: 'four-good', element: <FourGoodPage /> },
      { path: 'thematic', element: <ThematicPage /> },
      { path: 'thematic/registrations/:id', element: <ThematicRegistrationPage /> },
      { path: 'thematic/sessions/:id', element: <ThematicSessionPage /> },
      { path: 'documents', element: <PassOnDocumentsPage /> },
      { path: 'documents/:id', element: <PassOnDocumentPage /> },
      { path: 'reports', element: <ReportsPage /> },
      { path: 'dues', element: <DuesPage /> },
      { path: 'dues/mine', element: <DuesMinePage /> },
      { path: 'dues/portal', element: <DuesPortalPage /> },
      { path: 'dues/remittance', element: <DuesRemittancePage /> },
      { path: '*', element: <NotFound /> },
    ],
  },
]);
