import { ArrowDownOutlined, ArrowUpOutlined, RightOutlined } from '@ant-design/icons';
import type { RatingByCommuneDto, RatingByCommuneRowDto } from '@nennep/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button, Card, Empty, Flex, Segmented, Table } from 'antd';
import { type HTMLAttributes, lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Loading, QueryState } from '../../components/query-state';
import { apiGet } from '../../lib/api';
import { formatNumber } from '../../lib/format';
import { useUrlParams } from '../../lib/use-url-params';
import { useCurrentUser } from '../auth/session';
import { grantOrgs, RATING_LEVELS, type RatingLevel, type RatingPeriod, useRatingRules } from './api';
import { LEVEL_TEXT_HEX, periodFrom, ratingLevelLabel } from './parts';
import { RatingsTop } from './top';

export type { RatingByCommuneDto };
export type ByCommuneSubject = 'members' | 'organisations';

// ECharts is its own chunk, loaded once the figures are in (like summary-chart.tsx).
const ByCommuneChart = lazy(async () => ({ default: (await import('./by-commune-chart')).ByCommuneChart }));

function useRatingsByCommune(org: string | undefined, year: number, period: RatingPeriod) {
  return useQuery({
    queryKey: ['ratings', 'by-commune', org ?? '', year, period],
    queryFn: () => apiGet<RatingByCommuneDto>('/api/ratings/by-commune', { org, year, period }),
    enabled: !!org,
    placeholderData: keepPreviousData,
  });
}

/** A rise of the better levels is good news (green), of the lower ones bad news (red). */
const GOOD_UP: Record<RatingLevel, boolean> = {
  excellent: true,
  good: true,
  completed: false,
  failed: false,
};

/** A change in percentage points with its arrow and colour; nothing when it is zero or unknown. */
function Delta({ value, goodUp, testId }: { value: number | null; goodUp: boolean; testId?: string }) {
  if (value === null || value === 0) return null;
  const up = value > 0;
  const color = up === goodUp ? '#237804' : '#cf1322';
  return (
    <span style={{ color, whiteSpace: 'nowrap' }} data-testid={testId} data-value={value}>
      {up ? <ArrowUpOutlined /> : <ArrowDownOutlined />} {formatNumber(Math.abs(value))}
    </span>
  );
}

/** The change of the share rated good or better, in percentage points (one decimal, from the API's figures). */
const goodOrBetterChange = (pair: RatingByCommuneRowDto['members']) =>
  pair.change === null ? null : Math.round((pair.change.excellent + pair.change.good) * 10) / 10;

function ByCommuneTable({
  data,
  subject,
  onDrill,
}: {
  data: RatingByCommuneDto;
  subject: ByCommuneSubject;
  onDrill: (code: string) => void;
}) {
  const { t } = useTranslation();
  return (
    <Table<RatingByCommuneRowDto>
      size="small"
      rowKey="code"
      data-testid="by-commune-table"
      pagination={data.items.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
      // Wider than a phone: the table scrolls sideways, the unit's name stays in view.
      scroll={{ x: 640 }}
      dataSource={data.items}
      onRow={(row) => ({ 'data-testid': `by-commune-row-${row.code}` }) as HTMLAttributes<HTMLElement>}
      columns={[
        {
          key: 'unit',
          title: t('ratings.byCommune.unit'),
          fixed: 'left',
          width: 140,
          render: (_, row) =>
            row.hasChildren ? (
              <Button
                type="link"
                size="small"
                style={{ padding: 0, height: 'auto', whiteSpace: 'normal', textAlign: 'left' }}
                onClick={() => onDrill(row.code)}
                title={t('ratings.byCommune.drill')}
                data-testid={`by-commune-drill-${row.code}`}
              >
                {row.name} <RightOutlined />
              </Button>
            ) : (
              row.name
            ),
        },
        {
          key: 'rated',
          title: t('ratings.byCommune.rated'),
          align: 'right',
          width: 80,
          render: (_, row) => formatNumber(row[subject].current.rated),
        },
        ...RATING_LEVELS.map((level) => ({
          key: level,
          title: <span style={{ color: LEVEL_TEXT_HEX[level] }}>% {ratingLevelLabel(level)}</span>,
          align: 'right' as const,
          width: 100,
          render: (_: unknown, row: RatingByCommuneRowDto) => {
            const pair = row[subject];
            return (
              <Flex vertical align="end">
                <span data-testid={`by-commune-${row.code}-${level}`}>
                  {formatNumber(pair.current.percent[level])} %
                </span>
                <Delta value={pair.change?.[level] ?? null} goodUp={GOOD_UP[level]} />
              </Flex>
            );
          },
        })),
        {
          key: 'change',
          title: (
            <span title={t('ratings.byCommune.changeHint')}>
              {t('ratings.byCommune.change', { year: data.previousYear })}
            </span>
          ),
          align: 'right',
          width: 110,
          render: (_, row) => {
            const change = goodOrBetterChange(row[subject]);
            if (change === null) return <span className="nn-muted">—</span>;
            return change === 0 ? (
              '0'
            ) : (
              <Delta value={change} goodUp testId={`by-commune-change-${row.code}`} />
            );
          },
        },
      ]}
    />
  );
}

/**
 * The year's review per unit (`?org=&year=&period=&subject=`, issue 15 point 5): for each unit under the
 * organisation the shares by level this year and the change from last year; clicking a unit drills into it.
 */
export function RatingByCommunePage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const { params, update } = useUrlParams();
  const { year, period } = periodFrom(params);
  const subject: ByCommuneSubject = params.get('subject') === 'organisations' ? 'organisations' : 'members';
  const org = params.get('org') ?? grantOrgs(me, ['admin', 'committee_member', 'cell_secretary'])[0];
  const rules = useRatingRules(org, `${year}-12-31`);
  const query = useRatingsByCommune(org, year, period);
  return (
    <>
      <RatingsTop
        title={t('ratings.byCommune.title')}
        chooseOrg={t('ratings.byCommune.chooseOrg')}
        org={org}
        year={year}
        period={period}
        quarters={rules.quarters}
        update={update}
      />
      <Flex vertical gap={12} style={{ marginTop: 12 }}>
        <Segmented<ByCommuneSubject>
          aria-label={t('ratings.byCommune.subject')}
          data-testid="by-commune-subject"
          value={subject}
          onChange={(value) => update({ subject: value === 'members' ? undefined : value })}
          options={(['members', 'organisations'] as const).map((value) => ({
            value,
            label: t(`ratings.byCommune.subjects.${value}`),
          }))}
        />
        {org ? (
          <QueryState query={query}>
            {(data) =>
              data.items.length === 0 ? (
                <Empty description={t('ratings.byCommune.empty')} />
              ) : (
                <>
                  <ByCommuneTable data={data} subject={subject} onDrill={(code) => update({ org: code })} />
                  <Card size="small" title={t('ratings.byCommune.chart', { year: data.year })}>
                    <Suspense fallback={<Loading />}>
                      <ByCommuneChart data={data} subject={subject} />
                    </Suspense>
                  </Card>
                </>
              )
            }
          </QueryState>
        ) : null}
      </Flex>
    </>
  );
}
