import type { MeDto } from '@nennep/core/accounts/types';
import type { RuleSetDto } from '@nennep/core/meetings/api-types';
import { DEFAULT_RATING_RULES } from '@nennep/core/ratings/default-rules';
import type {
  NotRatedReason,
  RatingDto,
  RatingLevel,
  RatingListDto,
  RatingPeriod,
  RatingQuotaDto,
  RatingRules,
  RatingSheet,
  RatingSubject,
  RatingSuggestionDto,
  RatingSummaryDto,
} from '@nennep/core/ratings/types';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { apiGet, apiPost } from '../../lib/api';
import { useRuleSets } from '../../lib/rule-sets';

// Plain data from core (files without zod, so the bundle stays small).
export {
  NOT_RATED_REASON_LABELS,
  NOT_RATED_REASONS,
  RATING_LEVEL_LABELS,
  RATING_LEVELS,
  RATING_PERIODS,
} from '@nennep/core/ratings/types';
export type {
  NotRatedReason,
  RatingDto,
  RatingLevel,
  RatingPeriod,
  RatingQuotaDto,
  RatingRules,
  RatingSheet,
  RatingSubject,
  RatingSuggestionDto,
  RatingSummaryDto,
};

export const ratingKeys = {
  all: ['ratings'] as const,
  list: (org: string, year: number, period?: RatingPeriod, subject?: RatingSubject) =>
    ['ratings', 'list', org, year, period ?? '', subject ?? ''] as const,
  summary: (org: string, year: number, period: RatingPeriod) =>
    ['ratings', 'summary', org, year, period] as const,
  quota: (org: string, year: number, period: RatingPeriod) =>
    ['ratings', 'quota', org, year, period] as const,
  suggested: (subject: RatingSubject, id: string, year: number, period: RatingPeriod) =>
    ['ratings', 'suggested', subject, id, year, period] as const,
};

/** The "xuất sắc" quota of each comparison group the subtree touches, counted by the server. */
export function useRatingQuota(org: string | undefined, year: number, period: RatingPeriod) {
  return useQuery({
    queryKey: ratingKeys.quota(org ?? '', year, period),
    queryFn: () => apiGet<RatingQuotaDto>('/api/ratings/quota', { org, year, period }),
    enabled: !!org,
    placeholderData: keepPreviousData,
  });
}

/** The suggested points per sheet group from the period's records (meetings, visits, tasks …). */
export function useSuggestedPoints(subject: RatingSubject, id: string, year: number, period: RatingPeriod) {
  return useQuery({
    queryKey: ratingKeys.suggested(subject, id, year, period),
    queryFn: () => apiGet<RatingSuggestionDto>('/api/ratings/suggested', { subject, id, year, period }),
  });
}

/** The ratings of a subtree the account sees in a year (a member: his or her own only). */
export function useRatings(
  org: string | undefined,
  year: number,
  period?: RatingPeriod,
  subject?: RatingSubject,
) {
  return useQuery({
    queryKey: ratingKeys.list(org ?? '', year, period, subject),
    queryFn: () => apiGet<RatingListDto>('/api/ratings', { org, year, period, subject }),
    enabled: !!org,
    placeholderData: keepPreviousData,
  });
}

export function useRatingSummary(org: string | undefined, year: number, period: RatingPeriod) {
  return useQuery({
    queryKey: ratingKeys.summary(org ?? '', year, period),
    queryFn: () => apiGet<RatingSummaryDto>('/api/ratings/summary', { org, year, period }),
    enabled: !!org,
    placeholderData: keepPreviousData,
  });
}

/** The rating rules in force for an organisation at a date (the rule set's `ratings`, else QĐ 366's default). */
export function useRatingRules(org: string | undefined, date?: string): RatingRules {
  const sets = useRuleSets(org, date);
  const items: RuleSetDto[] = sets.data?.items ?? [];
  const effective = items.find((r) => r.id === sets.data?.effectiveId);
  return effective?.content.ratings ?? DEFAULT_RATING_RULES;
}

export interface SelfAssessBody {
  year: number;
  period: RatingPeriod;
  score: number | null;
  sheet?: RatingSheet | null;
  level: RatingLevel;
  text: string | null;
  subject?: RatingSubject;
  code?: string;
}
export interface ProposeBody {
  year: number;
  period: RatingPeriod;
  subject: RatingSubject;
  code: string;
  score: number | null;
  sheet?: RatingSheet | null;
  level: RatingLevel;
  text?: string | null;
  meetingId?: number | null;
}
export interface DecideBody {
  year: number;
  period: RatingPeriod;
  subject: RatingSubject;
  code: string;
  score: number | null;
  sheet?: RatingSheet | null;
  level: RatingLevel;
  reason?: string | null;
}
export interface NotRatedBody {
  year: number;
  period: RatingPeriod;
  subject: RatingSubject;
  code: string;
  reason: NotRatedReason | null;
  note?: string | null;
}

export const selfAssess = (body: SelfAssessBody) => apiPost<RatingDto>('/api/ratings/self-assess', body);
export const proposeRating = (body: ProposeBody) => apiPost<RatingDto>('/api/ratings/propose', body);
export const decideRating = (body: DecideBody) => apiPost<RatingDto>('/api/ratings/decide', body);
export const setNotRated = (body: NotRatedBody) => apiPost<RatingDto>('/api/ratings/not-rated', body);

/** The level a total gives on the rule set's bounds (QĐ 366-QĐ/TW art. 11): the rater may give less. */
export function levelOfScore(score: number, levels: RatingRules['levels']): RatingLevel {
  if (score >= levels.excellent) return 'excellent';
  if (score >= levels.good) return 'good';
  if (score >= levels.completed) return 'completed';
  return 'failed';
}

/** The organisations an account answers for with a role, first the nearest. */
export const grantOrgs = (me: MeDto, roles: readonly string[]) =>
  me.grants.filter((g) => roles.includes(g.role)).map((g) => g.orgCode);

/** The current year in Vietnam (UTC+7), from the browser's clock: only the default of a picker. */
export function thisYear(): number {
  return new Date(Date.now() + 7 * 3600_000).getUTCFullYear();
}
