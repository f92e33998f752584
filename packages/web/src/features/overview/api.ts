import { ALERT_KINDS, type AlertKind } from '@nennep/core/alerts';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { apiGet, apiPost } from '../../lib/api';

export type {
  OverviewDto,
  OverviewRow,
  OverviewState,
  OverviewSummary,
  QualityFiguresDto,
  QualityLine,
} from '@nennep/core/meetings/types';
export { OVERVIEW_STATES } from '@nennep/core/meetings/types';

import type { OverviewDto, QualityFiguresDto } from '@nennep/core/meetings/types';

/** Cells one request lists at most (the server's page limit); above it the list waits for a drill-down. */
export const CELL_PAGE = 500;

export { ALERT_KINDS, type AlertKind };

export interface AlertRun {
  date: string;
  raised: number;
  notified: number;
  byKind: Record<AlertKind, number>;
}

export function useMeetingsOverview(org: string | undefined, month: string, offset = 0) {
  return useQuery({
    queryKey: ['meetings-overview', org ?? '', month, offset] as const,
    queryFn: () => apiGet<OverviewDto>('/api/meetings-overview', { org, month, offset, limit: CELL_PAGE }),
    placeholderData: keepPreviousData,
  });
}

/** Quality and attendance figures per child node (drill down by choosing one). */
export function useQualityFigures(org: string | undefined, month: string) {
  return useQuery({
    queryKey: ['meetings-overview', 'figures', org ?? '', month] as const,
    queryFn: () => apiGet<QualityFiguresDto>('/api/meetings-overview/figures', { org, month }),
    placeholderData: keepPreviousData,
  });
}

export const runAlerts = () => apiPost<AlertRun>('/api/alerts/run', {});
