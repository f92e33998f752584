import { BarChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { currentLang } from '../../app/i18n';
import type { RecommendationDashboardDto } from './api';

// Only what the bar chart needs; the same ECharts chunks as the supervision dashboard.
echarts.use([BarChart, GridComponent, TooltipComponent, LegendComponent, CanvasRenderer]);

type Option = Parameters<echarts.ECharts['setOption']>[0];

/** Per category: answered, waiting within the time limit, overdue — stacked bars. */
export function CategoryChart({ data }: { data: RecommendationDashboardDto }) {
  const { t } = useTranslation();
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  const rows = data.byCategory;
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
    const option: Option = {
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
    };
    chart.current?.setOption(option, true);
  }, [rows, t]);
  return (
    <div
      ref={box}
      style={{ width: '100%', height: Math.max(160, rows.length * 32 + 60) }}
      data-testid="chart-rec-categories"
    />
  );
}
