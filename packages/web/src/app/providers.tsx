import { QueryClient, QueryClientProvider, useQueryClient } from '@tanstack/react-query';
import { ConfigProvider } from 'antd';
import viVN from 'antd/locale/vi_VN';
import { type ReactNode, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { endSession } from '../features/auth/session';
import { ApiError, setUnauthorizedHandler } from '../lib/api';
import { antdEnglishLocale } from './i18n';

function createQueryClient() {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        refetchOnWindowFocus: false,
        // 4xx answers do not get better by asking again.
        retry: (count, error) =>
          !(error instanceof ApiError && error.status >= 400 && error.status < 500) && count < 2,
      },
    },
  });
}

/** A 401 on any call means the session ended: drop the cache and let the gate show the sign-in page. */
function SessionWatcher() {
  const queryClient = useQueryClient();
  useEffect(() => {
    setUnauthorizedHandler(() => endSession(queryClient));
    return () => setUnauthorizedHandler(null);
  }, [queryClient]);
  return null;
}

const theme = {
  token: {
    colorPrimary: '#b71c1c',
    colorLink: '#b71c1c',
    borderRadius: 6,
    fontFamily:
      "-apple-system, 'Segoe UI', Roboto, 'Noto Sans', 'Helvetica Neue', Arial, sans-serif, 'Apple Color Emoji'",
  },
};

export function Providers({ children }: { children: ReactNode }) {
  const [queryClient] = useState(createQueryClient);
  const { i18n } = useTranslation();
  const locale = (i18n.language === 'en' && antdEnglishLocale()) || viVN;
  return (
    <QueryClientProvider client={queryClient}>
      <ConfigProvider locale={locale} theme={theme}>
        <SessionWatcher />
        {children}
      </ConfigProvider>
    </QueryClientProvider>
  );
}
