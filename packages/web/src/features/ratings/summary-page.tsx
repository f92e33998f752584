import { Card, Flex, Table } from 'antd';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Loading, QueryState } from '../../components/query-state';
import { formatNumber } from '../../lib/format';
import { useUrlParams } from '../../lib/use-url-params';
import { useCurrentUser } from '../auth/session';
import { grantOrgs, RATING_LEVELS, type RatingLevel, useRatingRules, useRatingSummary } from './api';
import { periodFrom, RatingLevelTag } from './parts';
import { RatingsTop } from './top';

// ECharts is its own chunk, loaded once the figures are in (like the other dashboards).
const SummaryChart = lazy(async () => ({ default: (await import('./summary-chart')).SummaryChart }));

interface Counts {
  rated: number;
  byLevel: Record<RatingLevel, number>;
  percent: Record<RatingLevel, number>;
}

function CountsCard({ title, counts, testId }: { title: string; counts: Counts; testId: string }) {
  const { t } = useTranslation();
  return (
    <Card
      size="small"
      title={title}
      extra={
        <span data-testid={`${testId}-rated`}>{t('ratings.summary.rated', { count: counts.rated })}</span>
      }
      data-testid={testId}
    >
      <Table
        size="small"
        pagination={false}
        rowKey="level"
        dataSource={RATING_LEVELS.map((level) => ({
          level,
          count: counts.byLevel[level],
          percent: counts.percent[level],
        }))}
        columns={[
          {
            key: 'level',
            title: t('ratings.summary.level'),
            render: (_, row) => <RatingLevelTag level={row.level} />,
          },
          { key: 'count', title: t('ratings.summary.count'), dataIndex: 'count', align: 'right' },
          {
            key: 'percent',
            title: t('ratings.summary.percent'),
            align: 'right',
            // One decimal, as the API computed it (QĐ 366-QĐ/TW reports; issue 15 point 5).
            render: (_, row) => (
              <span data-testid={`${testId}-percent-${row.level}`}>{formatNumber(row.percent)} %</span>
            ),
          },
        ]}
      />
    </Card>
  );
}

/** The results of a subtree (`?org=&year=&period=`): organisations and members by level, and a bar chart. */
export function RatingSummaryPage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const { params, update } = useUrlParams();
  const { year, period } = periodFrom(params);
  const org = params.get('org') ?? grantOrgs(me, ['admin', 'committee_member', 'cell_secretary'])[0];
  const rules = useRatingRules(org, `${year}-12-31`);
  const summary = useRatingSummary(org, year, period);
  return (
    <>
      <RatingsTop
        title={t('ratings.summary.title')}
        chooseOrg={t('ratings.summary.chooseOrg')}
        org={org}
        year={year}
        period={period}
        quarters={rules.quarters}
        update={update}
      />
      <Flex vertical gap={12}>
        {org ? (
          <Link
            to={`/ratings/by-commune?${new URLSearchParams({ org, year: String(year), ...(period === 'year' ? {} : { period }) })}`}
            data-testid="sum-by-commune"
          >
            {t('ratings.hub.byCommune')}
          </Link>
        ) : null}
        {org ? (
          <QueryState query={summary}>
            {(data) => (
              <>
                <CountsCard
                  title={t('ratings.summary.organisations')}
                  counts={data.organisations}
                  testId="sum-orgs"
                />
                <CountsCard title={t('ratings.summary.members')} counts={data.members} testId="sum-members" />
                <Card size="small" title={t('ratings.summary.chart')}>
                  <Suspense fallback={<Loading />}>
                    <SummaryChart data={data} />
                  </Suspense>
                </Card>
              </>
            )}
          </QueryState>
        ) : null}
      </Flex>
    </>
  );
}
