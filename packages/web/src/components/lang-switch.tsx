import { GlobalOutlined } from '@ant-design/icons';
import type { MeDto } from '@nennep/core/accounts/types';
import { useQueryClient } from '@tanstack/react-query';
import { Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { applyLang, currentLang } from '../app/i18n';
import { meKey } from '../features/auth/session';
import { apiPut } from '../lib/api';

/** Toggles Vietnamese / English; remembered on the device and, when signed in, on the account. */
export function LangSwitch({ compact = false }: { compact?: boolean }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const next = currentLang() === 'vi' ? 'en' : 'vi';
  const onClick = async () => {
    await applyLang(next);
    const me = queryClient.getQueryData<MeDto | null>(meKey);
    if (me) {
      queryClient.setQueryData<MeDto | null>(meKey, (prev) => (prev ? { ...prev, locale: next } : prev));
      apiPut('/api/auth/locale', { locale: next }).catch(() => undefined);
    }
  };
  const label = compact ? next.toUpperCase() : t(`lang.${next}`);
  return (
    <Button
      type="text"
      icon={<GlobalOutlined />}
      onClick={onClick}
      data-testid="lang-switch"
      // The spoken name starts with the visible text (WCAG 2.5.3, label in name).
      aria-label={`${label}: ${t('lang.switchTo')}`}
      title={t('lang.switchTo')}
    >
      {label}
    </Button>
  );
}
