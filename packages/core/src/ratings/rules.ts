import { daysInMonth, isoDate } from '../meetings/calendar.ts';
import type { OrgKind } from '../orgs/types.ts';
import type { RuleSetContent } from '../rule-set-content.ts';
import { DEFAULT_RATING_RULES } from './default-rules.ts';
import {
  type NotRatedReason,
  RATING_LEVELS,
  type RatingCountsDto,
  type RatingLevel,
  type RatingPeriod,
  type RatingRules,
} from './types.ts';

/** The rating rules of a rule set; rule sets written before them get the default (QĐ 366-QĐ/TW). */
export function ratingRulesOf(content: RuleSetContent): RatingRules {
  return content.ratings ?? DEFAULT_RATING_RULES;
}

/**
 * The organisations the summary counts (issue 15 point 5; domain.md §1, §8): the grassroots organisations
 * (TCCSĐ = đảng bộ cơ sở ∪ chi bộ cơ sở) and the cells under grassroots committees.
 */
export const RATED_ORG_KINDS: readonly OrgKind[] = ['grassroots_committee', 'grassroots_cell', 'cell'];

/**
 * The level a total gives (QĐ 366-QĐ/TW art. 11): ≥ 90 excellent, 70–< 90 good, 50–< 70 completed, < 50 or a
 * disqualifying condition not completed. Excellent also asks conditions beyond the score (≥ 30 % of tasks
 * exceeded for collectives) and a place within the quota: the rater may give less, never more.
 */
export function ratingLevelOf(
  score: number,
  disqualified: boolean,
  levels: RatingRules['levels'] = DEFAULT_RATING_RULES.levels,
): RatingLevel {
  if (disqualified) return 'failed';
  if (score >= levels.excellent) return 'excellent';
  if (score >= levels.good) return 'good';
  if (score >= levels.completed) return 'completed';
  return 'failed';
}

/** The scores a level covers: [min, max) on the 100-point scale (max 100 included for excellent). */
export function levelBounds(level: RatingLevel, levels: RatingRules['levels']): { min: number; max: number } {
  switch (level) {
    case 'excellent':
      return { min: levels.excellent, max: 100 };
    case 'good':
      return { min: levels.good, max: levels.excellent };
    case 'completed':
      return { min: levels.completed, max: levels.good };
    default:
      return { min: 0, max: levels.completed };
  }
}

/**
 * Does a score fit the level given (the same check in the app and the import)? The score must reach the
 * level's bound; it may exceed the level's band only for `good` (an excellent score kept at good for the
 * conditions or the quota, QĐ 366-QĐ/TW art. 11) and for `failed` when a disqualifying condition holds.
 * Null score: nothing to check (results kept on paper with the level only).
 */
export function scoreFitsLevel(
  score: number | null,
  level: RatingLevel,
  levels: RatingRules['levels'],
  disqualified = false,
): boolean {
  if (score === null) return true;
  if (level === 'failed' && disqualified) return true;
  const { min, max } = levelBounds(level, levels);
  if (score < min) return false;
  if (level === 'excellent' || level === 'good') return true;
  return score < max;
}

export interface QuotaCheck {
  ok: boolean;
  excellent: number;
  /** Those rated good or better: excellent + good. */
  base: number;
  /** The most that may be excellent: ⌊base × percent / 100⌋. */
  max: number;
  percent: number;
}

/**
 * The "xuất sắc" quota (QĐ 366-QĐ/TW art. 11; the 2023 rule QĐ 124-QĐ/TW): in one comparison group those
 * rated excellent may not exceed `percent` % of those rated good or better (`base` = excellent + good).
 * Integer arithmetic, so 20 % of 47 allows 9 and 20 % of 45 allows exactly 9. The refusal carries the numbers.
 */
export function checkExcellentQuota(
  counts: { excellent: number; good: number },
  percent: number,
): QuotaCheck {
  const base = counts.excellent + counts.good;
  const max = Math.floor((base * percent) / 100);
  const ok = counts.excellent * 100 <= base * percent;
  return { ok, excellent: counts.excellent, base, max, percent };
}

/** The last day of a period: 31/12 for the year (the fourth quarter merged into it), else the quarter's end. */
export function ratingPeriodEnd(year: number, period: RatingPeriod): string {
  if (period === 'Q1') return isoDate(year, 3, 31);
  if (period === 'Q2') return isoDate(year, 6, 30);
  if (period === 'Q3') return isoDate(year, 9, 30);
  return isoDate(year, 12, 31);
}

/**
 * The day a period's rating is to be finished, as an ISO date (HD 43-HD/BTCTW, the dates marked `verify` in the
 * rule data): the year's rating by `yearBy` (mm-dd) of the following year; a quarter's `quarterDaysAfter` days
 * after the quarter's last day.
 */
export function ratingDeadline(rules: RatingRules, year: number, period: RatingPeriod): string {
  const { yearBy, quarterDaysAfter } = rules.deadlines;
  if (period === 'year') {
    const [month, day] = yearBy.split('-').map(Number) as [number, number];
    return isoDate(year + 1, month, Math.min(day, daysInMonth(year + 1, month)));
  }
  const [y, m, d] = ratingPeriodEnd(year, period).split('-').map(Number) as [number, number, number];
  const at = new Date(Date.UTC(y, m - 1, d + quarterDaysAfter));
  return isoDate(at.getUTCFullYear(), at.getUTCMonth() + 1, at.getUTCDate());
}

/** The first day of a period. */
export function ratingPeriodStart(year: number, period: RatingPeriod): string {
  if (period === 'Q2') return isoDate(year, 4, 1);
  if (period === 'Q3') return isoDate(year, 7, 1);
  return isoDate(year, 1, 1);
}

/** The day a number of months after an ISO date, clamped to the month's last day (31/8 + 6 months = 28/2). */
export function addMonthsIso(iso: string, months: number): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  return isoDate(year, month, Math.min(d, daysInMonth(year, month)));
}

/** What the records say of a member, for `notRatedReasonOf`. */
export interface RatedMemberFacts {
  admissionDate: string;
  /** Exempt (miễn công tác và sinh hoạt đảng) at the end of the period. */
  exempt: boolean;
  /** Suspended (đình chỉ sinh hoạt đảng) at the end of the period. */
  suspended: boolean;
}

/**
 * Why a member is not rated in a period, or null when rated (domain.md §8, HD 43-HD/BTCTW, as rule data):
 * exempt, suspended, or admitted less than `admittedWithinMonths` months before the period ends.
 */
export function notRatedReasonOf(
  member: RatedMemberFacts,
  periodEnd: string,
  rules: RatingRules['notRated'],
): NotRatedReason | null {
  if (rules.exempt && member.exempt) return 'exempt';
  if (rules.suspended && member.suspended) return 'suspended';
  if (addMonthsIso(member.admissionDate, rules.admittedWithinMonths) > periodEnd) return 'newly_admitted';
  return null;
}

/** A share with one decimal, half up: 9 of 49 → 18.4, 38 of 49 → 77.6, 2 of 49 → 4.1. */
export function percentOneDecimal(count: number, of: number): number {
  if (of <= 0) return 0;
  return Math.round((count * 1000) / of) / 10;
}

/** Shares of those rated, from counts per level (a database's `GROUP BY level`). */
export function countsSummary(counts: Partial<Record<RatingLevel, number>>): RatingCountsDto {
  const byLevel = Object.fromEntries(RATING_LEVELS.map((l) => [l, counts[l] ?? 0])) as Record<
    RatingLevel,
    number
  >;
  const rated = RATING_LEVELS.reduce((sum, l) => sum + byLevel[l], 0);
  const percent = Object.fromEntries(
    RATING_LEVELS.map((level) => [level, percentOneDecimal(byLevel[level], rated)]),
  ) as Record<RatingLevel, number>;
  return { rated, byLevel, percent };
}

/**
 * Counts per level and their shares of those rated (issue 15 point 5). Rows without a level (not rated, not
 * decided) are left out of the denominator.
 */
export function summarise(rows: Iterable<{ level: RatingLevel | null }>): RatingCountsDto {
  const counts: Partial<Record<RatingLevel, number>> = {};
  for (const row of rows) if (row.level !== null) counts[row.level] = (counts[row.level] ?? 0) + 1;
  return countsSummary(counts);
}
