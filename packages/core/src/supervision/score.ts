import { levelOf, scoreSheetMax } from '../meetings/score.ts';
import type { LevelRules, QualityScore, ScoreSheet } from '../meetings/types.ts';
import type { RuleSetContent } from '../rule-set-content.ts';
import { DEFAULT_SUPERVISION_RULES, type SupervisionRules } from './types.ts';

/** The coverage target of a rule set; rule sets written before supervision existed get the default. */
export function supervisionRulesOf(content: RuleSetContent): SupervisionRules {
  return content.supervision ?? DEFAULT_SUPERVISION_RULES;
}

/** A criterion the visitor left out or scored outside its range. */
export class ObservedScoreError extends RangeError {
  constructor(
    readonly criterionId: string,
    message: string,
  ) {
    super(message);
  }
}

/**
 * A visitor's score of a meeting he or she attended: the same score sheet as the cell's own score, every
 * criterion judged by the visitor (automatic ones included, since the visitor saw the meeting), so that the
 * two can be set side by side.
 */
export function scoreObserved(
  sheet: ScoreSheet,
  levels: LevelRules,
  points: Record<string, number>,
): QualityScore {
  for (const id of Object.keys(points)) {
    if (!sheet.criteria.some((c) => c.id === id)) {
      throw new ObservedScoreError(id, `criterion ${id}: not on this score sheet`);
    }
  }
  const criteria = sheet.criteria.map((criterion) => {
    const given = Object.hasOwn(points, criterion.id) ? points[criterion.id] : undefined;
    if (given === undefined)
      throw new ObservedScoreError(criterion.id, `criterion ${criterion.id}: not scored`);
    if (!Number.isInteger(given) || given < 0 || given > criterion.max) {
      throw new ObservedScoreError(
        criterion.id,
        `criterion ${criterion.id}: ${given} points is outside 0..${criterion.max}`,
      );
    }
    return {
      criterionId: criterion.id,
      points: given,
      max: criterion.max,
      explanation: {
        vi: `Người dự chấm ${given}/${criterion.max} điểm.`,
        en: `Scored ${given}/${criterion.max} by the visitor.`,
      },
    };
  });
  const total = criteria.reduce((sum, c) => sum + c.points, 0);
  return { total, max: scoreSheetMax(sheet), level: levelOf(total, levels, criteria), criteria };
}
