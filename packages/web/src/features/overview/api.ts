import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { apiGet, apiPost } from '../../lib/api';
import type { QualityLevel } from '../../lib/types';

export const OVERVIEW_STATES = ['on_time', 'late', 'not_held', 'planned', 'upcoming'] as const;
export type OverviewState = (typeof OVERVIEW_STATES)[number];

/** One active cell's regular meeting of the month, as the committee sees it. */
export interface OverviewRow {
  orgCode: string;
  orgName: string;
  parentName: string | null;
  meetingId: number | null;
  date: string | null;
  state: OverviewState;
  level: QualityLevel | null;
  total: number | null;
  attendancePercent: number | null;
  speakingPercent: number | null;
}

export interface OverviewSummary {
  cells: number;
  onTime: number;
  late: number;
  notHeld: number;
  byLevel: Record<QualityLevel, number>;
}

export interface MeetingsOverview {
  org: { code: string; name: string };
  month: string;
  items: OverviewRow[];
  summary: OverviewSummary;
}

export const ALERT_KINDS = ['absent3', 'nomeeting', 'materials', 'thematic'] as const;
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
