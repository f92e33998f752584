import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFourGood } from './api';

/**
 * The four-good result of a cell beside its rating (ratings pages): nothing when the cell has not registered
 * for the year, or when the account may not read the registrations.
 */
export function FourGoodBadge({ org, year }: { org: string | undefined; year: number }) {
  const { t } = useTranslation();
  const query = useFourGood(org, year);
  const item = query.data?.items.find((i) => i.org.code === org && i.status === 'registered');
  if (!item) return null;
  return (
    <Link
      to={`/four-good?org=${encodeURIComponent(item.org.code)}&year=${year}`}
      data-testid="four-good-badge"
    >
      <Tag color={item.result === 'achieved' ? 'green' : item.result === 'not_achieved' ? 'red' : 'default'}>
        {t('fourGood.badge', { result: t(`fourGood.result.${item.result}`) })}
      </Tag>
    </Link>
  );
}
