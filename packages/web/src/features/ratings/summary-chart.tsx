import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { EChart } from '../../components/echart';
import { RATING_LEVELS, type RatingSummaryDto } from './api';
import { LEVEL_HEX, ratingLevelLabel } from './parts';

/** The shares by level (as the API gives them, one decimal) for organisations and members: grouped bars. */
export function SummaryChart({ data }: { data: RatingSummaryDto }) {
  const { t } = useTranslation();
  const option = useMemo(
    () => ({
      tooltip: { trigger: 'axis' as const, valueFormatter: (v: unknown) => `${String(v)} %` },
      legend: { top: 0, type: 'scroll' as const },
      grid: { left: 8, right: 8, top: 40, bottom: 8, containLabel: true },
      xAxis: {
        type: 'category' as const,
        data: [t('ratings.summary.organisations'), t('ratings.summary.members')],
      },
      yAxis: { type: 'value' as const, max: 100 },
      series: RATING_LEVELS.map((level) => ({
        name: ratingLevelLabel(level),
        type: 'bar' as const,
        itemStyle: { color: LEVEL_HEX[level] },
        label: { show: true, position: 'top' as const, formatter: '{c}' },
        data: [data.organisations.percent[level], data.members.percent[level]],
      })),
    }),
    [data, t],
  );
  return <EChart option={option} height={300} testId="chart-ratings" />;
}
