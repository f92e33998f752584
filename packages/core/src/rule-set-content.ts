/**
 * A dated rule set (bộ quy tắc), owned by an organisation node and inherited down its subtree: the
 * meetings' rules (domain.md §3) with the supervision target (§4) and the recommendation time limits (§5).
 * Composed here, above the three features, so none of their type files imports another's (no circle).
 * Plain types only (no zod): the web may import it through the `@nennep/core/rule-set-content` subpath.
 */
import type { DuesRules } from './dues/types.ts';
import type { FourGoodRules } from './four-good/types.ts';
import type { MeetingRules } from './meetings/types.ts';
import type { RatingRules } from './ratings/types.ts';
import type { RecommendationRules } from './recommendations/types.ts';
import type { SupervisionRules } from './supervision/types.ts';

export interface RuleSetContent extends MeetingRules {
  /** The supervision coverage target (domain.md §4); absent in rule sets written before it existed. */
  supervision?: SupervisionRules;
  /** Recommendation categories and their time limits (domain.md §5); absent in older rule sets. */
  recommendations?: RecommendationRules;
  /** The year's review (domain.md §8, QĐ 366-QĐ/TW): levels, quota, who is rated; absent in older rule sets. */
  ratings?: RatingRules;
  /** Dues rates, exemptions, relief and remittance shares (domain.md §7, QĐ 01-QĐ/TW); absent in older rule sets. */
  dues?: DuesRules;
  /** "Chi bộ bốn tốt" criteria and targets (domain.md §8); absent in older rule sets. */
  fourGood?: FourGoodRules;
}

/**
 * The limits of a rule set, stated once for the API (`ruleSetContentSchema`), the web's rule-set editor and
 * the checks: no zod here, so the web reads them at run time through this subpath.
 */
export const RULE_SET_LIMITS = {
  /**
   * The days of the month a cell's regular (monthly) meeting may fall on, set by the superior committee
   * (HD 12-HD/BTCTW (06/7/2018); domain.md §3): 1–28, so that the window exists in every month, February included.
   */
  windowDay: { min: 1, max: 28 },
  /** The score sheet's total (points of the criteria sum to it; levels are bounds on it). */
  sheetTotal: 100,
  /** Periods that divide the year, so "each quarter" and "each half year" start in January. */
  thematicEveryMonths: [1, 2, 3, 4, 6, 12],
  /** Members from which a cell elects a chi ủy (the threshold a rule set may raise). */
  cellCommitteeFrom: { min: 1, max: 1000 },
  cellCommitteeDaysBefore: { min: 1, max: 14 },
  thematicDaysAfter: { min: 1, max: 20 },
  /** The least length of a meeting by kind, in minutes. */
  durationMinutes: { min: 0, max: 600 },
} as const;
