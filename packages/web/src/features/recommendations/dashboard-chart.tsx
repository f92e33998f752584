import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { currentLang } from '../../app/i18n';
import { EChart } from '../../components/echart';
import { stackedBarHeight, stackedBarOption } from '../../components/stacked-bars';
import type { RecommendationDashboardDto } from './api';

/** Per category: answered, waiting within the time limit, overdue — stacked bars. */
export function CategoryChart({ data }: { data: RecommendationDashboardDto }) {
  const { t } = useTranslation();
  const rows = data.byCategory;
  const option = useMemo(
    () =>
      stackedBarOption(
        rows.map((c) => c.label[currentLang()]),
        [
          {
            name: t('recommendations.dashboard.answered'),
            color: '#389e0d',
            data: rows.map((c) => c.answered),
          },
          {
            name: t('recommendations.dashboard.open'),
            color: '#1677ff',
            data: rows.map((c) => c.open - c.overdue),
          },
          {
            name: t('recommendations.dashboard.overdue'),
            color: '#cf1322',
            data: rows.map((c) => c.overdue),
          },
        ],
        110,
      ),
    [rows, t],
  );
  return <EChart option={option} height={stackedBarHeight(rows.length, 32)} testId="chart-rec-categories" />;
}
