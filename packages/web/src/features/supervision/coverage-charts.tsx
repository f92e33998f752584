import { BarChart, PieChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { QUALITY_LEVELS } from '../../lib/types';
import { LEVEL_HEX } from '../meetings/meeting-tags';
import type { CoverageDto } from './api';

// Only what the two charts need, so that this chunk stays small.
echarts.use([BarChart, PieChart, GridComponent, TooltipComponent, LegendComponent, CanvasRenderer]);

type Option = Parameters<echarts.ECharts['setOption']>[0];

/** One ECharts canvas that follows its container's width. */
function Chart({ option, height, testId }: { option: Option; height: number; testId: string }) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  useEffect(() => {
    if (!box.current) return;
    const instance = echarts.init(box.current, undefined, { renderer: 'canvas' });
    chart.current = instance;
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(box.current);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);
  useEffect(() => {
    chart.current?.setOption(option, true);
  }, [option]);
  return <div ref={box} style={{ width: '100%', height }} data-testid={testId} />;
}

const shortName = (name: string) => name.replace(/^(Đảng bộ|Chi bộ)\s+/i, '');

/** Visited and still to visit, stacked, per child unit. */
export function CoverageBarChart({ data }: { data: CoverageDto }) {
  const { t } = useTranslation();
  const rows = data.children;
  const option: Option = {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { bottom: 0 },
    grid: { left: 8, right: 16, top: 8, bottom: 32, containLabel: true },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', inverse: true, data: rows.map((c) => shortName(c.orgName)) },
    series: [
      {
        name: t('supervision.coverage.chartVisited'),
        type: 'bar',
        stack: 'cells',
        itemStyle: { color: '#389e0d' },
        data: rows.map((c) => c.visited),
      },
      {
        name: t('supervision.coverage.chartToVisit'),
        type: 'bar',
        stack: 'cells',
        itemStyle: { color: '#faad14' },
        data: rows.map((c) => c.toVisit),
      },
    ],
  };
  return <Chart option={option} height={Math.max(160, rows.length * 28 + 60)} testId="chart-coverage" />;
}

/** The cells' own ratings beside the visitors', grouped by level. */
export function LevelsChart({ data }: { data: CoverageDto }) {
  const { t } = useTranslation();
  const option: Option = {
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
  return <Chart option={option} height={240} testId="chart-levels" />;
}

/** Target cells by state: visited, scheduled, not arranged, overdue. */
export function StatePie({ data }: { data: CoverageDto }) {
  const { t } = useTranslation();
  const count = (state: string) => data.pending.filter((p) => p.state === state).length;
  const option: Option = {
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
  return <Chart option={option} height={240} testId="chart-states" />;
}
