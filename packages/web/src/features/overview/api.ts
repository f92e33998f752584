import { ALERT_KINDS, type AlertKind } from '@nennep/core/alerts';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { apiGet, apiPost } from '../../lib/api';

export type { OverviewRow, OverviewState, OverviewSummary } from '@nennep/core/meetings/types';
export { OVERVIEW_STATES } from '@nennep/core/meetings/types';

import type { OverviewRow, OverviewSummary } from '@nennep/core/meetings/types';

export interface MeetingsOverview {
  org: { code: string; name: string };
  month: string;
  items: OverviewRow[];
  summary: OverviewSummary;
}

export { ALERT_KINDS, type AlertKind };

export interface AlertRun {
  date: string;
  raised: number;
  notified: number;
  byKind: Record<AlertKind, number>;
}

export function useMeetingsOverview(org: string | undefined, month: string) {
  return useQuery({
    queryKey: ['meetings-overview', org ?? '', month] as const,
    queryFn: () => apiGet<MeetingsOverview>('/api/meetings-overview', { org, month }),
    placeholderData: keepPreviousData,
  });
}

export const runAlerts = () => apiPost<AlertRun>('/api/alerts/run', {});
