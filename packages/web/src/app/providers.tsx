import { QueryClient, QueryClientProvider, useQueryClient } from '@tanstack/react-query';
import { ConfigProvider, type ThemeConfig } from 'antd';
import viVN from 'antd/locale/vi_VN';
import { type ReactNode, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { endSession } from '../features/auth/session';
import { ApiError, setUnauthorizedHandler } from '../lib/api';
import { useIsMobile } from '../lib/use-mobile';
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
      // Offline, a write outside the run screen's queue (lib/offline) fails at once with "no network"
      // instead of waiting, paused, to be sent whenever the network returns — maybe hours later, after the
      // page changed under it (issue 18: only the queue sends later, each write once, under its key).
      mutations: { networkMode: 'always' },
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

const token = {
  colorPrimary: '#b71c1c',
  colorLink: '#b71c1c',
  borderRadius: 6,
  // antd's tertiary grey (45 % black, 3.4 : 1 on white) is below WCAG AA's 4.5 : 1 for text: 60 % reaches 5.7 : 1.
  colorTextTertiary: 'rgba(0, 0, 0, 0.6)',
  colorTextDescription: 'rgba(0, 0, 0, 0.6)',
  // Select placeholders are text (axe checks them): 56 % black is 4.9 : 1.
  colorTextPlaceholder: 'rgba(0, 0, 0, 0.56)',
  // White on antd's #ff4d4f (danger buttons) is 3.3 : 1; red 7 gives 5.6 : 1.
  colorError: '#cf1322',
  // Success and warning text (Typography, Statistic) reach 4.5 : 1 on white with green 8 and orange 8.
  colorSuccess: '#237804',
  colorWarning: '#ad4e00',
  fontFamily:
    "-apple-system, 'Segoe UI', Roboto, 'Noto Sans', 'Helvetica Neue', Arial, sans-serif, 'Apple Color Emoji'",
};

const desktopTheme: ThemeConfig = { token };

/**
 * On a phone every control one taps is at least 44 × 44 px (issue 18, WCAG 2.5.5): buttons, inputs, selects,
 * pickers and number steppers of every size, menu items and page numbers. Checkboxes and radios get their
 * height from their label (styles.css).
 */
const phoneTheme: ThemeConfig = {
  token: { ...token, controlHeight: 44, controlHeightSM: 44, controlHeightLG: 48 },
  components: {
    Menu: { itemHeight: 44 },
    Pagination: { itemSize: 44, itemSizeSM: 44 },
  },
};

export function Providers({ children }: { children: ReactNode }) {
  const [queryClient] = useState(createQueryClient);
  const { i18n } = useTranslation();
  const locale = (i18n.language === 'en' && antdEnglishLocale()) || viVN;
  const theme = useIsMobile() ? phoneTheme : desktopTheme;
  return (
    <QueryClientProvider client={queryClient}>
      <ConfigProvider locale={locale} theme={theme}>
        <SessionWatcher />
        {children}
      </ConfigProvider>
    </QueryClientProvider>
  );
}
