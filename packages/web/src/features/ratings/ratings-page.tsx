import { Card, Flex } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageHeader } from '../../components/page-header';
import { useCurrentUser } from '../auth/session';
import { isRatingDecider, isRatingReader } from './roles';

/** The year's review (domain.md §8): the steps each account takes part in, one card each. */
export function RatingsPage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const links: {
    to: string;
    key: 'self' | 'cell' | 'decide' | 'summary' | 'byCommune' | 'import';
  }[] = [];
  if (me.memberCode) links.push({ to: '/ratings/self', key: 'self' });
  if (me.grants.some((g) => g.role === 'cell_secretary' || g.role === 'admin'))
    links.push({ to: '/ratings/cell', key: 'cell' });
  if (isRatingDecider(me)) links.push({ to: '/ratings/decide', key: 'decide' });
  if (isRatingReader(me)) links.push({ to: '/ratings/summary', key: 'summary' });
  if (isRatingReader(me)) links.push({ to: '/ratings/by-commune', key: 'byCommune' });
  // Results rated on paper are imported by the deciders (the server's assertMayImportRatings).
  if (isRatingDecider(me)) links.push({ to: '/ratings/import', key: 'import' });
  return (
    <>
      <PageHeader title={t('ratings.title')} />
      <Flex vertical gap={12}>
        {links.map((l) => (
          <Link key={l.key} to={l.to} data-testid={`ratings-hub-${l.key}`}>
            <Card size="small" hoverable title={t(`ratings.hub.${l.key}`)}>
              <span className="nn-muted">{t(`ratings.hub.${l.key}Hint`)}</span>
            </Card>
          </Link>
        ))}
      </Flex>
    </>
  );
}
