import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { currentLang } from '../../app/i18n';
import { type ChartOption, EChart } from '../../components/echart';
import type { RecommendationDashboardDto } from './api';

/** Per category: answered, waiting within the time limit, overdue — stacked bars. */
export function CategoryChart({ data }: { data: RecommendationDashboardDto }) {
  const { t } = useTranslation();
  const rows = data.byCategory;
  const option = useMemo<ChartOption>(
    () => ({
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      legend: { bottom: 0 },
      grid: { left: 8, right: 16, top: 8, bottom: 32, containLabel: true },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: {
        type: 'category',
        inverse: true,
        axisLabel: { width: 110, overflow: 'truncate' },
        data: rows.map((c) => c.label[currentLang()]),
      },
      series: [
        {
          name: t('recommendations.dashboard.answered'),
          type: 'bar',
          stack: 'all',
          itemStyle: { color: '#389e0d' },
          data: rows.map((c) => c.answered),
        },
        {
          name: t('recommendations.dashboard.open'),
          type: 'bar',
          stack: 'all',
          itemStyle: { color: '#1677ff' },
          data: rows.map((c) => c.open - c.overdue),
        },
        {
          name: t('recommendations.dashboard.overdue'),
          type: 'bar',
          stack: 'all',
          itemStyle: { color: '#cf1322' },
          data: rows.map((c) => c.overdue),
        },
      ],
    }),
    [rows, t],
  );
  return (
    <EChart option={option} height={Math.max(160, rows.length * 32 + 60)} testId="chart-rec-categories" />
  );
}
