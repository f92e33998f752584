import { DEFAULT_RECOMMENDATION_RULES, type RecommendationRules } from '@nennep/core/recommendations/types';
import { RULE_SET_LIMITS, type RuleSetContent } from '@nennep/core/rule-set-content';
import { DEFAULT_SUPERVISION_RULES, type SupervisionRules } from '@nennep/core/supervision/types';
import dayjs, { type Dayjs } from 'dayjs';

/** The fields the editor changes; everything else of the base rule set is kept as it is. */
export interface DraftValues {
  name: string;
  effectiveFrom: Dayjs;
  fromDay: number;
  toDay: number;
  defaultStartTime: Dayjs;
  durations: RuleSetContent['minDurationMinutes'];
  thematicEveryMonths: number;
  cellCommitteeFrom: number;
  cellCommitteeDaysBefore: number;
  thematicMode: 'combined' | 'separate';
  thematicDaysAfter: number;
  unscoredAdoption: 'refuse' | 'confirm';
  good: number;
  fair: number;
  average: number;
  requiredAtMaxForGood: string[];
  criteria: { max: number; options: { points: number }[] }[];
  /** The supervision coverage target; prefilled with the defaults when the base has none. */
  supervision: SupervisionRules;
  /** Recommendation categories and time limits; prefilled with the defaults when the base has none. */
  recommendations: RecommendationRules;
}

/** The thematic periods the editor offers: the ones the rule-set schema accepts. */
export const THEMATIC_PERIODS = RULE_SET_LIMITS.thematicEveryMonths;

export function draftOf(content: RuleSetContent): DraftValues {
  return {
    name: '',
    effectiveFrom: dayjs().add(1, 'day'),
    fromDay: content.meetingWindow.fromDay,
    toDay: content.meetingWindow.toDay,
    defaultStartTime: dayjs(`2000-01-01T${content.defaultStartTime}`),
    durations: { ...content.minDurationMinutes },
    thematicEveryMonths: content.thematicEveryMonths,
    cellCommitteeFrom: content.cellCommitteeFrom,
    cellCommitteeDaysBefore: content.cellCommitteeDaysBefore,
    thematicMode: content.thematicMode ?? 'combined',
    thematicDaysAfter: content.thematicDaysAfter ?? 7,
    unscoredAdoption: content.unscoredAdoption ?? 'refuse',
    good: content.levels.good,
    fair: content.levels.fair,
    average: content.levels.average,
    requiredAtMaxForGood: [...content.levels.requiredAtMaxForGood],
    criteria: content.scoreSheet.criteria.map((c) => ({
      max: c.max,
      options: c.options.map((o) => ({ points: o.points })),
    })),
    supervision: structuredClone(content.supervision ?? DEFAULT_SUPERVISION_RULES),
    recommendations: structuredClone(content.recommendations ?? DEFAULT_RECOMMENDATION_RULES),
  };
}

const num = (value: unknown, fallback: number) =>
  typeof value === 'number' && Number.isFinite(value) ? value : fallback;

/** The base content with the draft's values put in (labels, facts, bounds and templates untouched). */
export function contentOf(base: RuleSetContent, v: Partial<DraftValues>): RuleSetContent {
  const next: RuleSetContent = structuredClone(base);
  next.meetingWindow = {
    fromDay: num(v.fromDay, base.meetingWindow.fromDay),
    toDay: num(v.toDay, base.meetingWindow.toDay),
  };
  next.defaultStartTime = v.defaultStartTime ? v.defaultStartTime.format('HH:mm') : base.defaultStartTime;
  const d = base.minDurationMinutes;
  next.minDurationMinutes = {
    regular: num(v.durations?.regular, d.regular),
    combined: num(v.durations?.combined, d.combined),
    thematic: num(v.durations?.thematic, d.thematic),
    other: num(v.durations?.other, d.other),
  };
  next.thematicEveryMonths = num(v.thematicEveryMonths, base.thematicEveryMonths);
  next.cellCommitteeFrom = num(v.cellCommitteeFrom, base.cellCommitteeFrom);
  next.cellCommitteeDaysBefore = num(v.cellCommitteeDaysBefore, base.cellCommitteeDaysBefore);
  next.thematicMode = v.thematicMode ?? base.thematicMode ?? 'combined';
  next.thematicDaysAfter = num(v.thematicDaysAfter, base.thematicDaysAfter ?? 7);
  next.unscoredAdoption = v.unscoredAdoption ?? base.unscoredAdoption ?? 'refuse';
  next.levels = {
    good: num(v.good, base.levels.good),
    fair: num(v.fair, base.levels.fair),
    average: num(v.average, base.levels.average),
    requiredAtMaxForGood: v.requiredAtMaxForGood ?? base.levels.requiredAtMaxForGood,
  };
  next.scoreSheet.criteria = next.scoreSheet.criteria.map((c, i) => {
    const edited = v.criteria?.[i];
    return {
      ...c,
      max: num(edited?.max, c.max),
      options: c.options.map((o, j) => ({ ...o, points: num(edited?.options?.[j]?.points, o.points) })),
    };
  });
  const s = base.supervision ?? DEFAULT_SUPERVISION_RULES;
  const e: Partial<SupervisionRules> = v.supervision ?? {};
  next.supervision = {
    targetCategories: e.targetCategories ?? [...s.targetCategories],
    period: e.period ?? s.period,
    windowMonths: num(e.windowMonths, s.windowMonths),
    visitsPerCell: num(e.visitsPerCell, s.visitsPerCell),
    committeeMemberVisitsPerYear: num(e.committeeMemberVisitsPerYear, s.committeeMemberVisitsPerYear),
    excludeHomeCell: e.excludeHomeCell ?? s.excludeHomeCell,
    maxVisitsPerDay: num(e.maxVisitsPerDay, s.maxVisitsPerDay),
    avoidRepeat: e.avoidRepeat ?? s.avoidRepeat,
    reportDueDays: num(e.reportDueDays, s.reportDueDays),
  };
  const categories =
    v.recommendations?.categories ?? (base.recommendations ?? DEFAULT_RECOMMENDATION_RULES).categories;
  next.recommendations = {
    categories: categories.map((c) => ({
      id: (c?.id ?? '').trim(),
      label: { vi: (c?.label?.vi ?? '').trim(), en: (c?.label?.en ?? '').trim() },
      answerDays: num(c?.answerDays, 30),
    })),
  };
  return next;
}

export type Problem =
  | { kind: 'sum'; sum: number }
  | { kind: 'levels' }
  | { kind: 'window' }
  | { kind: 'categories' }
  | { kind: 'option'; criterion: number };

/** What the server would refuse, found early so the form can say it next to the fields. */
export function problemsOf(content: RuleSetContent): Problem[] {
  const problems: Problem[] = [];
  const sum = content.scoreSheet.criteria.reduce((total, c) => total + c.max, 0);
  if (sum !== 100) problems.push({ kind: 'sum', sum });
  const { good, fair, average } = content.levels;
  if (!(good > fair && fair > average)) problems.push({ kind: 'levels' });
  if (content.meetingWindow.fromDay > content.meetingWindow.toDay) problems.push({ kind: 'window' });
  content.scoreSheet.criteria.forEach((c, i) => {
    if (c.options.some((o) => o.points > c.max)) problems.push({ kind: 'option', criterion: i });
  });
  if (content.supervision && content.supervision.targetCategories.length === 0) {
    problems.push({ kind: 'categories' });
  }
  return problems;
}
