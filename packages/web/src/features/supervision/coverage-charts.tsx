import { QUALITY_LEVELS } from '@nennep/core/meetings/types';
import { useTranslation } from 'react-i18next';
import { type ChartOption, EChart } from '../../components/echart';
import { LEVEL_HEX } from '../../components/meeting-tags';
import { stackedBarHeight, stackedBarOption } from '../../components/stacked-bars';
import type { CoverageDto } from './api';

const shortName = (name: string) => name.replace(/^(Đảng bộ|Chi bộ)\s+/i, '');

/** Visited and still to visit, stacked, per child unit. */
export function CoverageBarChart({ data }: { data: CoverageDto }) {
  const { t } = useTranslation();
  const rows = data.children;
  const option = stackedBarOption(
    rows.map((c) => shortName(c.orgName)),
    [
      { name: t('supervision.coverage.chartVisited'), color: '#389e0d', data: rows.map((c) => c.visited) },
      { name: t('supervision.coverage.chartToVisit'), color: '#faad14', data: rows.map((c) => c.toVisit) },
    ],
  );
  return <EChart option={option} height={stackedBarHeight(rows.length, 28)} testId="chart-coverage" />;
}

/** The cells' own ratings beside the visitors', grouped by level. */
export function LevelsChart({ data }: { data: CoverageDto }) {
  const { t } = useTranslation();
  const option: ChartOption = {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { bottom: 0 },
    grid: { left: 8, right: 16, top: 16, bottom: 32, containLabel: true },
    xAxis: { type: 'category', axisLabel: { interval: 0 }, data: QUALITY_LEVELS.map((l) => t(`level.${l}`)) },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      {
        name: t('supervision.coverage.cellLevel'),
        type: 'bar',
        itemStyle: { color: '#8c8c8c' },
        data: QUALITY_LEVELS.map((l) => data.levels.cell[l]),
      },
      {
        name: t('supervision.coverage.visitorLevel'),
        type: 'bar',
        itemStyle: { color: '#b71c1c' },
        data: QUALITY_LEVELS.map((l) => ({
          value: data.levels.visitor[l],
          itemStyle: { color: LEVEL_HEX[l] },
        })),
      },
    ],
  };
  return <EChart option={option} height={240} testId="chart-levels" />;
}

/** Target cells by state: visited, scheduled, not arranged, overdue. */
export function StatePie({ data }: { data: CoverageDto }) {
  const { t } = useTranslation();
  // From the totals: at a province's root the list of cells still to visit stops at the server's limit.
  const { planned, overdue, toVisit } = data.totals;
  const count = (state: 'planned' | 'unplanned' | 'overdue') =>
    state === 'planned' ? planned : state === 'overdue' ? overdue : toVisit - planned - overdue;
  const option: ChartOption = {
    tooltip: { trigger: 'item' },
    legend: { bottom: 0 },
    series: [
      {
        type: 'pie',
        radius: ['35%', '65%'],
        center: ['50%', '42%'],
        label: { show: false },
        data: [
          {
            name: t('supervision.coverage.visited'),
            value: data.totals.visited,
            itemStyle: { color: '#389e0d' },
          },
          { name: t('pendingState.planned'), value: count('planned'), itemStyle: { color: '#1677ff' } },
          { name: t('pendingState.unplanned'), value: count('unplanned'), itemStyle: { color: '#faad14' } },
          { name: t('pendingState.overdue'), value: count('overdue'), itemStyle: { color: '#cf1322' } },
        ],
      },
    ],
  };
  return <EChart option={option} height={240} testId="chart-states" />;
}
