import type { ResultProps } from 'antd';
import { lazy, Suspense } from 'react';

const ResultView = lazy(async () => ({ default: (await import('./result-view')).ResultView }));

/**
 * antd's Result (a failed load, a page that is not there), fetched when first shown: its 403/404/500
 * pictures are large and the first page (the sign-in page) shows none of them (issue 14).
 */
export function LazyResult(props: ResultProps) {
  return (
    <Suspense fallback={null}>
      <ResultView {...props} />
    </Suspense>
  );
}
