import type {
  CreateRecommendationInput,
  ForwardRecommendationInput,
  MeetingRecommendationInput,
} from '@nennep/core/recommendations/schemas';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { currentLang } from '../../app/i18n';
import { apiGet, apiPost, apiPut, toQueryString } from '../../lib/api';
import { useRuleSets } from '../../lib/rule-sets';

export type {
  RecommendationCategory,
  RecommendationDashboardDto,
  RecommendationDetailDto,
  RecommendationDto,
  RecommendationEventDto,
  RecommendationEventKind,
  RecommendationLevel,
  RecommendationStatus,
} from '@nennep/core/recommendations/types';
// Plain data from core (a file without dependencies, so no zod reaches the bundle).
export {
  DEFAULT_RECOMMENDATION_RULES,
  OPEN_RECOMMENDATION_STATUSES,
  RECOMMENDATION_LEVELS,
  RECOMMENDATION_STATUSES,
} from '@nennep/core/recommendations/types';

import {
  DEFAULT_RECOMMENDATION_RULES,
  type RecommendationCategory,
  type RecommendationDashboardDto,
  type RecommendationDetailDto,
  type RecommendationDto,
  type RecommendationStatus,
} from '@nennep/core/recommendations/types';

export interface RecommendationFilters {
  org?: string;
  status?: RecommendationStatus;
  mine?: boolean;
  inbox?: boolean;
  /** Passed on by a level the account answers for, answered elsewhere, not yet reported back. */
  passed?: boolean;
  overdue?: boolean;
  q?: string;
  from?: string;
  to?: string;
}

export interface MeetingRecommendations {
  raised: RecommendationDto[];
  toAnswer: RecommendationDto[];
}

export const recommendationKeys = {
  all: ['recommendations'] as const,
  lists: ['recommendations', 'list'] as const,
  list: (filters: RecommendationFilters) => ['recommendations', 'list', filters] as const,
  detail: (id: number) => ['recommendations', 'detail', id] as const,
  dashboard: (org: string, from: string, to: string) =>
    ['recommendations', 'dashboard', org, from, to] as const,
  meeting: (meetingId: number) => ['recommendations', 'meeting', meetingId] as const,
};

const R = '/api/recommendations';
const flag = (value: boolean | undefined) => (value ? 'true' : undefined);

export function useRecommendations(filters: RecommendationFilters, enabled = true) {
  return useQuery({
    queryKey: recommendationKeys.list(filters),
    queryFn: () =>
      apiGet<{ items: RecommendationDto[] }>(R, {
        ...filters,
        mine: flag(filters.mine),
        inbox: flag(filters.inbox),
        passed: flag(filters.passed),
        overdue: flag(filters.overdue),
      }).then((r) => r.items),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useRecommendation(id: number) {
  return useQuery({
    queryKey: recommendationKeys.detail(id),
    queryFn: () => apiGet<RecommendationDetailDto>(`${R}/${id}`),
    enabled: Number.isInteger(id) && id > 0,
  });
}

export function useRecommendationDashboard(org: string | undefined, from: string, to: string) {
  return useQuery({
    queryKey: recommendationKeys.dashboard(org ?? '', from, to),
    queryFn: () => apiGet<RecommendationDashboardDto>('/api/recommendations-dashboard', { org, from, to }),
    enabled: !!org && from <= to,
    placeholderData: keepPreviousData,
  });
}

export function useMeetingRecommendations(meetingId: number) {
  return useQuery({
    queryKey: recommendationKeys.meeting(meetingId),
    queryFn: () => apiGet<MeetingRecommendations>(`/api/meetings/${meetingId}/recommendations`),
  });
}

/**
 * The categories of the rule set in force for an organisation on a day (the server checks against the
 * same list); the default list when the rule set has none or cannot be read.
 */
export function useCategories(org: string | undefined, date?: string): RecommendationCategory[] {
  const ruleSets = useRuleSets(org, date);
  const effective = ruleSets.data?.items.find((r) => r.id === ruleSets.data?.effectiveId);
  return effective?.content.recommendations?.categories ?? DEFAULT_RECOMMENDATION_RULES.categories;
}

/** Select options for categories, labelled in the UI language. */
export const categoryOptions = (categories: RecommendationCategory[]) =>
  categories.map((c) => ({ value: c.id, label: c.label[currentLang()] }));

export const recommendationCommands = {
  create: (body: CreateRecommendationInput) => apiPost<RecommendationDetailDto>(R, body),
  forward: (id: number, body: ForwardRecommendationInput) =>
    apiPost<RecommendationDetailDto>(`${R}/${id}/forward`, body),
  start: (id: number, note: string | null) => apiPost<RecommendationDetailDto>(`${R}/${id}/start`, { note }),
  answer: (id: number, answer: string) => apiPost<RecommendationDetailDto>(`${R}/${id}/answer`, { answer }),
  decline: (id: number, reason: string) => apiPost<RecommendationDetailDto>(`${R}/${id}/decline`, { reason }),
  merge: (id: number, intoId: number) => apiPost<RecommendationDetailDto>(`${R}/${id}/merge`, { intoId }),
  raiseInMeeting: (meetingId: number, body: MeetingRecommendationInput) =>
    apiPost<MeetingRecommendations>(`/api/meetings/${meetingId}/recommendations`, body),
  answerGiven: (meetingId: number, recId: number, given: boolean) =>
    apiPut<MeetingRecommendations>(`/api/meetings/${meetingId}/recommendations/${recId}/answer-given`, {
      given,
    }),
};

export const attachmentUrl = (id: number, fileId: number) => `${R}/${id}/attachments/${fileId}`;
export const attachmentUploadUrl = (id: number) => `${R}/${id}/attachments`;
export const exportUrl = (org: string, from: string, to: string) =>
  `/api/recommendations-export${toQueryString({ org, from, to })}`;
