import type { ChartOption } from './echart';

/** One part of each bar: its legend name, colour and one value per category. */
export interface BarPart {
  name: string;
  color: string;
  data: number[];
}

/**
 * Horizontal stacked bars, one row per category (a child unit, a recommendation category), the parts laid
 * end to end (visited / to visit; answered / waiting / overdue), legend below, whole numbers on the axis.
 * `labelWidth` cuts long category names to that many pixels.
 */
export function stackedBarOption(categories: string[], parts: BarPart[], labelWidth?: number): ChartOption {
  return {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { bottom: 0 },
    grid: { left: 8, right: 16, top: 8, bottom: 32, containLabel: true },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: {
      type: 'category',
      inverse: true,
      ...(labelWidth ? { axisLabel: { width: labelWidth, overflow: 'truncate' } } : {}),
      data: categories,
    },
    series: parts.map((p) => ({
      name: p.name,
      type: 'bar',
      stack: 'all',
      itemStyle: { color: p.color },
      data: p.data,
    })),
  };
}

/** The chart's height for `rows` bars of `rowHeight` pixels each, with room for the legend. */
export const stackedBarHeight = (rows: number, rowHeight: number) => Math.max(160, rows * rowHeight + 60);
