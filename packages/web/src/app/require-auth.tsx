import type { ReactNode } from 'react';
import { useEffect } from 'react';
import { Navigate, useLocation } from 'react-router';
import { LoadError, Loading } from '../components/query-state';
import { useMe } from '../features/auth/session';
import { applyLang, currentLang, storedLang } from './i18n';

/** Shows the sign-in page when there is no session; otherwise the children. */
export function RequireAuth({ children }: { children: ReactNode }) {
  const me = useMe();
  const location = useLocation();
  const accountLocale = me.data?.locale;

  // A device without a remembered choice follows the account's language.
  useEffect(() => {
    if (accountLocale && !storedLang() && accountLocale !== currentLang())
      void applyLang(accountLocale, false);
  }, [accountLocale]);

  if (me.isPending) return <Loading />;
  if (me.error) return <LoadError error={me.error} onRetry={() => void me.refetch()} />;
  if (!me.data) {
    const next = `${location.pathname}${location.search}`;
    const to = next === '/' ? '/login' : `/login?next=${encodeURIComponent(next)}`;
    return <Navigate to={to} replace />;
  }
  return <>{children}</>;
}
