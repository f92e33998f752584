import type { Locale } from '../messages.ts';
import { formatDecimalEn, formatDecimalVi } from './calendar.ts';
import type {
  Bilingual,
  Criterion,
  CriterionOption,
  CriterionScore,
  FactKey,
  LevelRules,
  MeetingFacts,
  QualityLevel,
  QualityScore,
  ScoreSheet,
} from './types.ts';

/** Facts that are yes/no; the others are numbers. Options of boolean facts select with `equals`. */
export const BOOLEAN_FACT_KEYS: readonly FactKey[] = [
  'absentOverThreeInRow',
  'materialsPublishedDayBefore',
  'cellCommitteeMetBefore',
];

// Percentages as n·100/d rather than n/d·100: with integer counts the boundary cases (9 of 10 → 90) come
// out exact, so "≥ 90%" never misses by a rounding error.
const percent = (part: number, whole: number): number => (part * 100) / whole;

/**
 * The values a score sheet's criteria read, computed from the recorded facts. A value is null when it
 * cannot be known (no end time, nobody expected, no previous resolution); the sheet decides what that
 * scores.
 */
export function factValues(facts: MeetingFacts): Record<FactKey, number | boolean | null> {
  const { durationMinutes: duration, minDurationMinutes: minimum } = facts;
  // Minutes short of the minimum, counted in started minutes: 15.5 minutes short is "more than 15".
  const shortfall = duration === null ? null : minimum <= 0 ? 0 : Math.max(0, Math.ceil(minimum - duration));
  return {
    durationShortfallMinutes: shortfall,
    durationPercent: duration === null ? null : minimum <= 0 ? 100 : percent(duration, minimum),
    attendancePercent: facts.expected > 0 ? percent(facts.present, facts.expected) : null,
    unexcusedAbsences: facts.unexcusedAbsences,
    absentOverThreeInRow: facts.anyoneAbsentOverThreeInRow,
    speakingPercent: facts.present > 0 ? percent(facts.speakers, facts.present) : null,
    materialsPublishedDayBefore: facts.materialsPublishedDayBefore,
    cellCommitteeMetBefore: facts.cellCommitteeMetBefore,
    previousTasksDonePercent: facts.previousTasksDonePercent,
  };
}

function optionMatches(
  option: CriterionOption,
  criterionFact: FactKey,
  values: Record<FactKey, number | boolean | null>,
): boolean {
  const value = values[option.fact ?? criterionFact];
  if (value === null) return option.whenMissing === true;
  if (option.whenMissing) return false;
  if (typeof value === 'boolean') return option.equals === undefined || option.equals === value;
  if (option.equals !== undefined) return false;
  if (option.min !== undefined && value < option.min) return false;
  if (option.above !== undefined && value <= option.above) return false;
  if (option.below !== undefined && value >= option.below) return false;
  return true;
}

/** What the fact behind a criterion was, in words: "95/90 phút", "16/17 (94,1%)". */
function describeFact(fact: FactKey, facts: MeetingFacts): Bilingual | null {
  switch (fact) {
    case 'durationPercent':
    case 'durationShortfallMinutes':
      if (facts.durationMinutes === null) return null;
      return {
        vi: `${formatDecimalVi(facts.durationMinutes)}/${facts.minDurationMinutes} phút`,
        en: `${formatDecimalEn(facts.durationMinutes)}/${facts.minDurationMinutes} min`,
      };
    case 'attendancePercent': {
      if (facts.expected <= 0) return null;
      const share = percent(facts.present, facts.expected);
      return {
        vi: `${facts.present}/${facts.expected} (${formatDecimalVi(share)}%)`,
        en: `${facts.present}/${facts.expected} (${formatDecimalEn(share)}%)`,
      };
    }
    case 'speakingPercent': {
      if (facts.present <= 0) return null;
      const share = percent(facts.speakers, facts.present);
      return {
        vi: `${facts.speakers}/${facts.present} người phát biểu (${formatDecimalVi(share)}%)`,
        en: `${facts.speakers}/${facts.present} spoke (${formatDecimalEn(share)}%)`,
      };
    }
    case 'previousTasksDonePercent':
      if (facts.previousTasksDonePercent === null) return null;
      return {
        vi: `${formatDecimalVi(facts.previousTasksDonePercent)}%`,
        en: `${formatDecimalEn(facts.previousTasksDonePercent)}%`,
      };
    case 'materialsPublishedDayBefore':
      // HD 42-HD/BTCTW (28/10/2025): the package posted on the Sổ tay app a day before counts; say so.
      return facts.materialsVia === 'so_tay'
        ? { vi: '(đăng trên Sổ tay đảng viên điện tử)', en: '(posted on the Party Member Handbook app)' }
        : null;
    case 'unexcusedAbsences':
      return {
        vi: `${facts.unexcusedAbsences} vắng không lý do`,
        en: `${facts.unexcusedAbsences} unexcused`,
      };
    default:
      return null;
  }
}

function line(criterion: Criterion, fact: Bilingual | null, verdict: Bilingual, points: number): Bilingual {
  const head = (locale: Locale) =>
    fact ? `${criterion.label[locale]} ${fact[locale]}` : criterion.label[locale];
  return {
    vi: `${head('vi')}: ${verdict.vi} — ${points}/${criterion.max} điểm`,
    en: `${head('en')}: ${verdict.en} — ${points}/${criterion.max} points`,
  };
}

function scoreAuto(
  criterion: Criterion,
  facts: MeetingFacts,
  values: Record<FactKey, number | boolean | null>,
): CriterionScore {
  const fact = criterion.fact;
  if (!fact) throw new RangeError(`criterion ${criterion.id}: an automatic criterion needs a fact`);
  const described = describeFact(fact, facts);
  const base = { criterionId: criterion.id, max: criterion.max };
  if (criterion.capOnUnexcused && facts.unexcusedAbsences > 0) {
    // "Any unexcused absence" overrides the rate: the lowest option, whatever the share present.
    const lowest = Math.min(...criterion.options.map((o) => o.points));
    const n = facts.unexcusedAbsences;
    const verdict = {
      vi: `có ${n} đảng viên vắng không lý do`,
      en: `${n} unexcused absence${n > 1 ? 's' : ''}`,
    };
    return { ...base, points: lowest, explanation: line(criterion, described, verdict, lowest) };
  }
  const option = criterion.options.find((o) => optionMatches(o, fact, values));
  if (!option) {
    const verdict = { vi: 'không có số liệu', en: 'no data' };
    return { ...base, points: 0, explanation: line(criterion, described, verdict, 0) };
  }
  return {
    ...base,
    points: option.points,
    explanation: line(criterion, described, option.label, option.points),
  };
}

function scoreManual(criterion: Criterion, given: number | undefined): CriterionScore {
  const base = { criterionId: criterion.id, max: criterion.max };
  if (given === undefined) {
    const verdict = { vi: 'chưa chấm', en: 'not scored' };
    return { ...base, points: 0, explanation: line(criterion, null, verdict, 0) };
  }
  const option = criterion.options.find((o) => o.points === given);
  const verdict = option?.label ?? { vi: 'chấm tay', en: 'scored by hand' };
  return { ...base, points: given, explanation: line(criterion, null, verdict, given) };
}

/** The points a sheet can give in all: the sum of its criteria's maxima (100 for a valid sheet). */
export function scoreSheetMax(sheet: ScoreSheet): number {
  return sheet.criteria.reduce((sum, c) => sum + c.max, 0);
}

/**
 * The level of a total: Tốt needs the total and every criterion of `requiredAtMaxForGood` at its maximum
 * (a required criterion missing from `criteria` counts as not at maximum); bounds are inclusive.
 */
export function levelOf(total: number, levels: LevelRules, criteria: CriterionScore[]): QualityLevel {
  if (total >= levels.good) {
    const atMax = levels.requiredAtMaxForGood.every((id) => {
      const score = criteria.find((c) => c.criterionId === id);
      return score !== undefined && score.points >= score.max;
    });
    if (atMax) return 'good';
    // Short of a required criterion, a 95 is still Khá: the level falls one step, not to the bottom.
    return 'fair';
  }
  if (total >= levels.fair) return 'fair';
  if (total >= levels.average) return 'average';
  return 'poor';
}

const LEVEL_LABELS: Record<QualityLevel, Bilingual> = {
  good: { vi: 'Tốt', en: 'Good' },
  fair: { vi: 'Khá', en: 'Fair' },
  average: { vi: 'Trung bình', en: 'Average' },
  poor: { vi: 'Kém', en: 'Poor' },
};

/** The level in words, as printed in the minutes: Tốt / Khá / Trung bình / Kém. */
export function levelLabel(level: QualityLevel, locale: Locale): string {
  return LEVEL_LABELS[level][locale];
}

/**
 * Scores one meeting: automatic criteria from the facts, manual ones from `manual` (criterion id →
 * points). Each criterion carries a one-line bilingual explanation; the total is their sum.
 * Throws a RangeError naming the criterion when a manual mark is not a whole number in 0..max, or names
 * a criterion the sheet has not, or an automatic one.
 */
export function scoreMeeting(
  sheet: ScoreSheet,
  levels: LevelRules,
  facts: MeetingFacts,
  manual: Record<string, number>,
): QualityScore {
  for (const [id, points] of Object.entries(manual)) {
    const criterion = sheet.criteria.find((c) => c.id === id);
    if (!criterion) throw new RangeError(`criterion ${id}: not on this score sheet`);
    if (criterion.kind !== 'manual')
      throw new RangeError(`criterion ${id}: scored automatically, not by hand`);
    if (!Number.isInteger(points) || points < 0 || points > criterion.max) {
      throw new RangeError(`criterion ${id}: ${points} points is outside 0..${criterion.max}`);
    }
  }
  const values = factValues(facts);
  const criteria = sheet.criteria.map((criterion) =>
    criterion.kind === 'auto'
      ? scoreAuto(criterion, facts, values)
      : scoreManual(criterion, Object.hasOwn(manual, criterion.id) ? manual[criterion.id] : undefined),
  );
  const total = criteria.reduce((sum, c) => sum + c.points, 0);
  return { total, max: scoreSheetMax(sheet), level: levelOf(total, levels, criteria), criteria };
}
