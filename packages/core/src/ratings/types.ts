/**
 * The year's review (đánh giá, xếp loại chất lượng), domain.md §8: organisations and members rated each
 * quarter (Q1–Q3) and each year (Q4 merged into the year) on a 100-point scale, under QĐ 366-QĐ/TW of
 * 30/8/2025 (replacing QĐ 124-QĐ/TW of 04/10/2023) and its guidance HD 43-HD/BTCTW. Plain data only (no zod),
 * so that the web can import it.
 */
import type { Bilingual } from '../meetings/types.ts';

/** The four levels, best first (QĐ 366-QĐ/TW art. 11). */
export const RATING_LEVELS = ['excellent', 'good', 'completed', 'failed'] as const;
export type RatingLevel = (typeof RATING_LEVELS)[number];

export const RATING_LEVEL_LABELS: Record<RatingLevel, Bilingual> = {
  excellent: { vi: 'Hoàn thành xuất sắc nhiệm vụ', en: 'Excellent' },
  good: { vi: 'Hoàn thành tốt nhiệm vụ', en: 'Good' },
  completed: { vi: 'Hoàn thành nhiệm vụ', en: 'Completed' },
  failed: { vi: 'Không hoàn thành nhiệm vụ', en: 'Not completed' },
};

/** Who is rated: an organisation (a grassroots organisation or a cell) or a member. */
export const RATING_SUBJECTS = ['org', 'member'] as const;
export type RatingSubject = (typeof RATING_SUBJECTS)[number];

/** The annual rating, or a quarter's (QĐ 366-QĐ/TW: quarterly for Q1–Q3, the fourth merged into the year). */
export const RATING_PERIODS = ['year', 'Q1', 'Q2', 'Q3'] as const;
export type RatingPeriod = (typeof RATING_PERIODS)[number];

/** The steps, in order: self-assessment, the cell's (organisation's) proposal, the committee's decision. */
export const RATING_STEPS = ['self', 'proposal', 'decision'] as const;
export type RatingStep = (typeof RATING_STEPS)[number];

/** Why someone is not rated in a period; the first three are found from the records, the rest are recorded. */
export const NOT_RATED_REASONS = ['exempt', 'suspended', 'newly_admitted', 'long_leave', 'other'] as const;
export type NotRatedReason = (typeof NOT_RATED_REASONS)[number];

export const NOT_RATED_REASON_LABELS: Record<NotRatedReason, Bilingual> = {
  exempt: { vi: 'Được miễn công tác và sinh hoạt đảng', en: 'Exempt from Party work and meetings' },
  suspended: { vi: 'Đang bị đình chỉ sinh hoạt đảng', en: 'Suspended from Party activity' },
  newly_admitted: { vi: 'Kết nạp chưa đủ thời gian để đánh giá', en: 'Admitted too recently to be rated' },
  long_leave: {
    vi: 'Nghỉ dài ngày (ốm đau, thai sản, đi học)',
    en: 'On long leave (illness, maternity, study)',
  },
  other: { vi: 'Lý do khác', en: 'Other reason' },
};

/**
 * Where a value of the rule data comes from. `verify: true` marks a value taken from a press account or an
 * earlier rule, not yet checked against the text of the regulation: a committee confirms or replaces it in
 * its own dated rule set.
 */
export interface RuleSource {
  source: string;
  verify?: boolean;
}

/** One group of a 100-point rating sheet (nhóm tiêu chí) with its points. */
export interface RatingCriterionGroup extends RuleSource {
  id: string;
  label: Bilingual;
  max: number;
}

/** A condition that rules a level out whatever the score (e.g. disciplined in the year). */
export interface RatingDisqualifier extends RuleSource {
  id: string;
  label: Bilingual;
}

/** Lower bounds of the levels on the 100-point total; below `completed` is `failed`. */
export interface RatingLevelBounds extends RuleSource {
  excellent: number;
  good: number;
  completed: number;
}

/**
 * The "xuất sắc" quota: those rated excellent are chosen among those rated good or better and may not exceed
 * `percent` % of that count, per comparison group. `superior`: the group is those rated under the same
 * superior — an organisation's siblings of its class (grassroots organisations, or cells), a member's fellow
 * members of the same grassroots organisation.
 */
export interface ExcellentQuotaRule extends RuleSource {
  percent: number;
  groupBy: 'superior';
}

/** Who is not rated: exempt, suspended, and members admitted less than this many months before the period ends. */
export interface NotRatedRule extends RuleSource {
  exempt: boolean;
  suspended: boolean;
  admittedWithinMonths: number;
}

/** Deadlines: month-day of the following year for the annual rating; days after a quarter's end. */
export interface RatingDeadlines extends RuleSource {
  yearBy: string;
  quarterDaysAfter: number;
}

/**
 * What the app's records tell of a period (issue 15 point 3): for an organisation its meetings held of those
 * planned and their scores, the supervisors' visit reports, its tasks and the recommendations it handles done
 * on time; for a member the meetings attended, the tasks done, the meetings where he or she spoke.
 */
export const RATING_INDICATORS = [
  'meetingsHeld',
  'meetingQuality',
  'visitQuality',
  'tasksOnTime',
  'recommendationsOnTime',
  'attendance',
  'tasksDone',
  'opinions',
] as const;
export type RatingIndicator = (typeof RATING_INDICATORS)[number];

/**
 * Which indicators feed which sheet group (`{ groupId: indicators }` per subject): the suggested points of a
 * group are its max × the mean of its indicators' ratios; groups not named get no suggestion.
 */
export interface RatingFeeds extends RuleSource {
  org: Record<string, RatingIndicator[]>;
  member: Record<string, RatingIndicator[]>;
}

/** Configurable (rule-set data, `content.ratings`): the sheets, bounds, quota and who is rated. */
export interface RatingRules {
  levels: RatingLevelBounds;
  excellentQuota: ExcellentQuotaRule;
  notRated: NotRatedRule;
  /** The quarters rated on their own; the fourth is merged into the year. */
  quarters: ('Q1' | 'Q2' | 'Q3')[];
  deadlines: RatingDeadlines;
  sheets: { org: RatingCriterionGroup[]; member: RatingCriterionGroup[] };
  disqualifiers: { org: RatingDisqualifier[]; member: RatingDisqualifier[] };
  /** What feeds the suggested points; the default (server `DEFAULT_RATING_FEEDS`) when absent. */
  feeds?: RatingFeeds;
}

/** Counts per level and their shares of those rated, with one decimal. */
export interface RatingCountsDto {
  rated: number;
  byLevel: Record<RatingLevel, number>;
  percent: Record<RatingLevel, number>;
}

/** `GET /api/ratings/summary`: the subtree's organisations (grassroots and cells) and members, by level. */
export interface RatingSummaryDto {
  orgCode: string;
  year: number;
  period: RatingPeriod;
  organisations: RatingCountsDto;
  members: RatingCountsDto;
}

/** A step's points per group of the sheet (`{ groupId: points }`). */
export type RatingSheet = Record<string, number>;

export interface RatingStepDto {
  score: number | null;
  /** Points per group of the sheet, when the step gave them; null for a total only. */
  sheet: RatingSheet | null;
  level: RatingLevel;
  text: string | null;
  by: string | null;
  at: string | null;
}

/** One rating: a subject in a period, with each step kept as it was given. */
export interface RatingDto {
  id: number;
  year: number;
  period: RatingPeriod;
  subject: RatingSubject;
  /** The organisation's code, or the member's. */
  code: string;
  name: string;
  /** The cell (or organisation) the subject belongs to or is. */
  orgCode: string;
  self: RatingStepDto | null;
  proposal: (RatingStepDto & { meetingId: number | null }) | null;
  decision: (RatingStepDto & { reason: string | null }) | null;
  notRated: { reason: NotRatedReason; note: string | null } | null;
  /** The level in force: the decision's, else null (proposals and self-assessments do not count). */
  level: RatingLevel | null;
  abilities: { selfAssess: boolean; propose: boolean; decide: boolean };
}

/** A period's deadline (HD 43-HD/BTCTW) and whether today (in Vietnam, from the server's clock) is past it. */
export interface RatingDeadlineDto {
  /** ISO date. */
  deadline: string;
  overdue: boolean;
}

export interface RatingListDto extends RatingDeadlineDto {
  items: RatingDto[];
  total: number;
  limit: number;
}

/** Longest texts of the ratings API, in characters (here, without zod, so the web reads them too). */
export const RATING_LIMITS = {
  /** A self-assessment or a proposal's opinions. */
  text: 4000,
  /** Why the decision differs from the proposal; why someone is not rated. */
  reason: 1000,
  code: 40,
  source: 300,
} as const;

/** One piece of evidence behind a suggestion: `count` of `of` (or a mean score `average`), its ratio 0–1. */
export interface RatingEvidenceDto {
  indicator: RatingIndicator;
  ratio: number;
  count: number;
  of: number;
  /** The mean score (0–100) of the meetings or visit reports counted. */
  average: number | null;
  /** How many of them at each level of the meeting score sheet (tot, kha, …). */
  levels: Record<string, number> | null;
}

/** One group of the sheet with its suggested points (null when no record informs it). */
export interface RatingSuggestedGroupDto {
  id: string;
  label: Bilingual;
  max: number;
  points: number | null;
  evidence: RatingEvidenceDto[];
}

/** `GET /api/ratings/suggested`: the suggested points of each group, with the rule they come from. */
export interface RatingSuggestionDto {
  subject: RatingSubject;
  code: string;
  name: string;
  year: number;
  period: RatingPeriod;
  groups: RatingSuggestedGroupDto[];
  source: string;
  verify: boolean;
}

/** One comparison group of the "xuất sắc" quota (QĐ 366-QĐ/TW art. 11): counted from the ratings stored. */
export interface RatingQuotaGroupDto {
  group: string;
  subject: RatingSubject;
  label: Bilingual;
  /** Rated good or better: each row's decision, else its proposal. */
  goodOrBetter: number;
  /** Decided excellent. */
  excellent: number;
  /** The most that may be excellent: ⌊goodOrBetter × percent / 100⌋. */
  allowed: number;
  percent: number;
}

/** `GET /api/ratings/quota`: the comparison groups that the organisation's subtree touches. */
export interface RatingQuotaDto {
  orgCode: string;
  year: number;
  period: RatingPeriod;
  groups: RatingQuotaGroupDto[];
}
