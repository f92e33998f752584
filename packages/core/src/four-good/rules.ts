/**
 * The four-good cell's statuses (domain.md §8): each criterion from its measure (the records) and the
 * committee's assessment, the result from the criteria. Pure: the server gathers the facts.
 */

import { RATING_LEVELS, type RatingLevel } from '../ratings/types.ts';
import type { RuleSetContent } from '../rule-set-content.ts';
import { DEFAULT_FOUR_GOOD_RULES } from './default-rules.ts';
import type {
  FourGoodAssessment,
  FourGoodCriterion,
  FourGoodCriterionDto,
  FourGoodFacts,
  FourGoodMeasure,
  FourGoodMeasureDto,
  FourGoodResult,
  FourGoodRules,
  FourGoodStatus,
} from './types.ts';

/** The four-good rules of a rule set; rule sets written before them get the default. */
export function fourGoodRulesOf(content: RuleSetContent): FourGoodRules {
  return content.fourGood ?? DEFAULT_FOUR_GOOD_RULES;
}

/** A percentage with one decimal (null when nothing to divide). */
export const fourGoodPercent = (part: number, whole: number): number | null =>
  whole === 0 ? null : Math.round((part * 1000) / whole) / 10;

/** Is `level` at `min` or better (QĐ 366-QĐ/TW art. 11, best first)? */
export const levelAtLeast = (level: RatingLevel, min: RatingLevel) =>
  RATING_LEVELS.indexOf(level) <= RATING_LEVELS.indexOf(min);

/**
 * One measure against the facts. `yearEnded`: the year is over, so what has not happened will not (a
 * missing meeting is then a miss, not a wait). Ratings are decided after the year: pending until decided.
 */
export function measureStatus(m: FourGoodMeasure, f: FourGoodFacts, yearEnded: boolean): FourGoodMeasureDto {
  switch (m.kind) {
    case 'meetings': {
      // HD 12-HD/BTCTW (06/7/2018) points 1–2: monthly regular meetings, rated for quality.
      const goodPercent = fourGoodPercent(f.meetings.good, f.meetings.rated);
      const qualityOk = (goodPercent ?? 0) >= m.minGoodPercent && (m.allowPoor || f.meetings.poor === 0);
      const values = {
        held: f.meetings.held,
        minHeld: m.minHeld,
        goodPercent,
        minGoodPercent: m.minGoodPercent,
        poor: f.meetings.poor,
      };
      let status: FourGoodStatus = 'pending';
      if (!m.allowPoor && f.meetings.poor > 0) status = 'not_met';
      else if (f.meetings.held >= m.minHeld && qualityOk) status = 'met';
      else if (yearEnded) status = 'not_met';
      return { kind: m.kind, status, values };
    }
    case 'cell_rating': {
      // QĐ 366-QĐ/TW art. 11: the committee's decision on the cell's annual rating.
      const status: FourGoodStatus =
        f.cellRating === null ? 'pending' : levelAtLeast(f.cellRating, m.minLevel) ? 'met' : 'not_met';
      return { kind: m.kind, status, values: { level: f.cellRating, minLevel: m.minLevel } };
    }
    case 'members_rating': {
      // QĐ 366-QĐ/TW art. 11: members' annual ratings, of those rated (the not rated are left out).
      const goodPercent = fourGoodPercent(f.members.goodOrBetter, f.members.rated);
      let status: FourGoodStatus = 'pending';
      if (f.members.failed > m.maxFailed) status = 'not_met';
      else if (goodPercent !== null) status = goodPercent >= m.minGoodPercent ? 'met' : 'not_met';
      return {
        kind: m.kind,
        status,
        values: {
          rated: f.members.rated,
          goodPercent,
          minGoodPercent: m.minGoodPercent,
          failed: f.members.failed,
          maxFailed: m.maxFailed,
        },
      };
    }
    case 'no_expelled': {
      const status: FourGoodStatus = f.expelled > 0 ? 'not_met' : yearEnded ? 'met' : 'pending';
      return { kind: m.kind, status, values: { expelled: f.expelled } };
    }
  }
}

/** Any part not met: not met; every part met: met; else pending. */
export function combine(parts: readonly FourGoodStatus[]): FourGoodStatus {
  if (parts.includes('not_met')) return 'not_met';
  if (parts.every((p) => p === 'met')) return 'met';
  return 'pending';
}

/** A criterion: its measure and, when manual, the committee's assessment (pending until given). */
export function criterionStatus(
  c: FourGoodCriterion,
  facts: FourGoodFacts,
  assessment: FourGoodAssessment | null,
  yearEnded: boolean,
): FourGoodCriterionDto {
  const measure = c.measure ? measureStatus(c.measure, facts, yearEnded) : null;
  const parts: FourGoodStatus[] = [];
  if (measure) parts.push(measure.status);
  if (c.manual) parts.push(assessment === null ? 'pending' : assessment.met ? 'met' : 'not_met');
  return {
    id: c.id,
    label: c.label,
    source: c.source,
    verify: c.verify ?? false,
    status: combine(parts),
    measure,
    manual: c.manual,
    assessment: c.manual ? assessment : null,
  };
}

/** The result the criteria give: đạt when all are met, không đạt when one is not, else đang theo dõi. */
export function computedResult(criteria: readonly { status: FourGoodStatus }[]): FourGoodResult {
  const status = combine(criteria.map((c) => c.status));
  return status === 'met' ? 'achieved' : status === 'not_met' ? 'not_achieved' : 'tracking';
}

/** Every criterion of the rules with its status, and the computed result. */
export function evaluateFourGood(
  rules: FourGoodRules,
  facts: FourGoodFacts,
  assessments: ReadonlyMap<string, FourGoodAssessment>,
  yearEnded: boolean,
): { criteria: FourGoodCriterionDto[]; computed: FourGoodResult } {
  const criteria = rules.criteria.map((c) =>
    criterionStatus(c, facts, assessments.get(c.id) ?? null, yearEnded),
  );
  return { criteria, computed: computedResult(criteria) };
}
