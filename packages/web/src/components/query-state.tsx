import { Button, Spin } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../lib/api';
import { LazyResult } from './lazy-result';

/** Centered spinner for a page or a card that is loading. */
export function Loading({ tip }: { tip?: string }) {
  const { t } = useTranslation();
  return (
    <div className="nn-loading" role="status" aria-live="polite">
      <Spin />
      <span className="nn-muted">{tip ?? t('common.loading')}</span>
    </div>
  );
}

/** A failed load: the server's message, with a retry button. */
export function LoadError({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  const status = error instanceof ApiError ? error.status : 0;
  const resultStatus = status === 404 ? '404' : status === 403 ? '403' : 'error';
  return (
    <LazyResult
      status={resultStatus}
      title={error instanceof Error ? error.message : t('common.unknownError', { status })}
      extra={
        onRetry && status !== 404 && status !== 403 ? (
          <Button onClick={onRetry}>{t('common.retry')}</Button>
        ) : null
      }
    />
  );
}

interface QueryLike<T> {
  data: T | undefined;
  error: unknown;
  isPending: boolean;
  refetch: () => unknown;
}

/** Renders loading / error / data for one query. */
export function QueryState<T>({
  query,
  children,
}: {
  query: QueryLike<T>;
  children: (data: T) => ReactNode;
}) {
  if (query.data !== undefined) return <>{children(query.data)}</>;
  if (query.error) return <LoadError error={query.error} onRetry={() => void query.refetch()} />;
  return <Loading />;
}
