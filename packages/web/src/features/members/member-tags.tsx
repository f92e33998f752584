import type { MemberStatus } from '@nennep/core/members/types';
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';

const STATUS_COLORS: Record<MemberStatus, string> = {
  official: 'green',
  probationary: 'gold',
  removed: 'default',
  expelled: 'red',
  deceased: 'default',
};

export function StatusTag({ status }: { status: MemberStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={STATUS_COLORS[status]} style={{ marginInlineEnd: 4 }}>
      {t(`status.${status}`)}
    </Tag>
  );
}

export function ExemptTag({ exempt }: { exempt: boolean }) {
  const { t } = useTranslation();
  return exempt ? (
    <Tag color="purple" style={{ marginInlineEnd: 4 }}>
      {t('members.exempt')}
    </Tag>
  ) : null;
}

export const memberLink = (code: string) => `/members/${encodeURIComponent(code)}`;
