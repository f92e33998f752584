import { Empty } from 'antd';
import { useMemo } from 'react';
import { EChart } from '../../components/echart';
import { RATING_LEVELS } from './api';
import type { ByCommuneSubject, RatingByCommuneDto } from './by-commune-page';
import { LEVEL_HEX, ratingLevelLabel } from './parts';

/** This year's shares by level of each unit (as the API gives them, one decimal): one stacked bar per unit. */
export function ByCommuneChart({ data, subject }: { data: RatingByCommuneDto; subject: ByCommuneSubject }) {
  const items = data.items.filter((r) => r[subject].current.rated > 0);
  const option = useMemo(
    () => ({
      tooltip: {
        trigger: 'axis' as const,
        axisPointer: { type: 'shadow' as const },
        valueFormatter: (v: unknown) => `${String(v)} %`,
      },
      legend: { top: 0, type: 'scroll' as const },
      grid: { left: 8, right: 16, top: 36, bottom: 8, containLabel: true },
      xAxis: { type: 'value' as const, max: 100 },
      yAxis: {
        type: 'category' as const,
        inverse: true,
        data: items.map((r) => r.name),
        axisLabel: { width: 110, overflow: 'truncate' as const },
      },
      series: RATING_LEVELS.map((level) => ({
        name: ratingLevelLabel(level),
        type: 'bar' as const,
        stack: 'share',
        itemStyle: { color: LEVEL_HEX[level] },
        data: items.map((r) => r[subject].current.percent[level]),
      })),
    }),
    [items, subject],
  );
  if (items.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />;
  return <EChart option={option} height={Math.max(160, 60 + items.length * 28)} testId="chart-by-commune" />;
}
