/**
 * "Chi bộ bốn tốt" (the four-good cell), domain.md §8: a cell registers for the model for a year; a
 * configurable set of criteria (commonly political tasks, meeting quality, unity and discipline, good
 * members) is tracked through the year from the records and the committee's assessments, and the committee
 * records the result beside the cell's rating. Plain data only (no zod), so that the web can import it.
 */
import type { Bilingual } from '../meetings/types.ts';
import type { RatingLevel, RuleSource } from '../ratings/types.ts';

/** Where a criterion (or its measure, or the whole) stands: met, not met, or not known yet. */
export const FOUR_GOOD_STATUSES = ['met', 'not_met', 'pending'] as const;
export type FourGoodStatus = (typeof FOUR_GOOD_STATUSES)[number];

/** The result: đạt, không đạt, or (while the year runs or data are missing) đang theo dõi. */
export const FOUR_GOOD_RESULTS = ['achieved', 'not_achieved', 'tracking'] as const;
export type FourGoodResult = (typeof FOUR_GOOD_RESULTS)[number];
/** What the committee records as the final result. */
export const FOUR_GOOD_FINAL_RESULTS = ['achieved', 'not_achieved'] as const;
export type FourGoodFinalResult = (typeof FOUR_GOOD_FINAL_RESULTS)[number];

export const FOUR_GOOD_RESULT_LABELS: Record<FourGoodResult, Bilingual> = {
  achieved: { vi: 'Đạt', en: 'Achieved' },
  not_achieved: { vi: 'Không đạt', en: 'Not achieved' },
  tracking: { vi: 'Đang theo dõi', en: 'Tracking' },
};

/** A registration is `registered`, or `withdrawn` by the committee. */
export const FOUR_GOOD_REGISTRATION_STATUSES = ['registered', 'withdrawn'] as const;
export type FourGoodRegistrationStatus = (typeof FOUR_GOOD_REGISTRATION_STATUSES)[number];

/**
 * What the records can measure for a criterion:
 * - `meetings`: the year's regular meetings held (held or adopted) ≥ `minHeld`, and of those with a quality
 *   level, the share rated "tốt" ≥ `minGoodPercent` and none "kém" unless `allowPoor`;
 * - `cell_rating`: the committee's decision on the cell's annual rating at `minLevel` or better;
 * - `members_rating`: of the members rated in the year (decisions), the share rated "hoàn thành tốt" or
 *   better ≥ `minGoodPercent`, and at most `maxFailed` rated "không hoàn thành";
 * - `no_expelled`: no member of the cell expelled (khai trừ) in the year.
 */
export type FourGoodMeasure =
  | { kind: 'meetings'; minHeld: number; minGoodPercent: number; allowPoor: boolean }
  | { kind: 'cell_rating'; minLevel: RatingLevel }
  | { kind: 'members_rating'; minGoodPercent: number; maxFailed: number }
  | { kind: 'no_expelled' };
export type FourGoodMeasureKind = FourGoodMeasure['kind'];
export const FOUR_GOOD_MEASURE_KINDS = ['meetings', 'cell_rating', 'members_rating', 'no_expelled'] as const;

/** One criterion: measured from the records, confirmed by the committee (`manual`), or both. */
export interface FourGoodCriterion extends RuleSource {
  id: string;
  label: Bilingual;
  measure?: FourGoodMeasure;
  /** The committee records whether it is met (met / not met, with a note). */
  manual: boolean;
}

/** Configurable (rule-set data, `content.fourGood`). */
export interface FourGoodRules {
  criteria: FourGoodCriterion[];
  /** Registration for a year closes when the year ends (local practice: at the start of the year). */
  source: string;
  verify?: boolean;
}

/** What the records say of a registered cell's year (`null` = nothing recorded yet). */
export interface FourGoodFacts {
  /** Regular meetings of the year held or adopted, those rated "tốt", those rated "kém", those rated at all. */
  meetings: { held: number; rated: number; good: number; poor: number };
  /** The committee's decision on the cell's annual rating. */
  cellRating: RatingLevel | null;
  /** Members' annual ratings decided (rated, i.e. not "not rated"), rated good or better, rated failed. */
  members: { rated: number; goodOrBetter: number; failed: number };
  /** Members of the cell expelled in the year. */
  expelled: number;
}

/** The committee's assessment of a manual criterion. */
export interface FourGoodAssessment {
  met: boolean;
  note: string | null;
  byName: string | null;
  at: string;
}

export interface FourGoodMeasureDto {
  kind: FourGoodMeasureKind;
  status: FourGoodStatus;
  /** The figures behind the status, for display (e.g. held, minHeld, goodPercent, minGoodPercent). */
  values: Record<string, number | string | null>;
}

export interface FourGoodCriterionDto {
  id: string;
  label: Bilingual;
  source: string;
  verify: boolean;
  status: FourGoodStatus;
  measure: FourGoodMeasureDto | null;
  manual: boolean;
  assessment: FourGoodAssessment | null;
}

export interface FourGoodCellDto {
  org: { code: string; name: string };
  year: number;
  status: FourGoodRegistrationStatus;
  note: string | null;
  registeredAt: string;
  registeredByName: string | null;
  withdrawnReason: string | null;
  criteria: FourGoodCriterionDto[];
  /** What the criteria give now. */
  computed: FourGoodResult;
  /** The committee's final result, with the computed one when it was recorded and the reason. */
  final: {
    result: FourGoodFinalResult;
    computed: FourGoodResult;
    reason: string | null;
    byName: string | null;
    at: string;
  } | null;
  /** The final result when recorded, else the computed one. */
  result: FourGoodResult;
  /** The cell's annual rating (the decision), shown beside the result. */
  rating: RatingLevel | null;
  abilities: { assess: boolean; decide: boolean; withdraw: boolean };
}

export interface FourGoodListDto {
  year: number;
  items: FourGoodCellDto[];
  /** May the actor register this node (a cell) for the year? */
  canRegister: boolean;
}

export const FOUR_GOOD_LIMITS = { note: 2000, reason: 2000 } as const;
