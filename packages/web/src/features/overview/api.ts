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

export const ALERT_KINDS = [
  'absent3',
  'nomeeting',
  'materials',
  'thematic',
  'visit_soon',
  'visit_report',
  'rec_escalated',
  'rec_overdue',
] as const;
export type AlertKind = (typeof ALERT_KINDS)[number];

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
