import { addDays } from '../meetings/calendar.ts';
import type { RuleSetContent } from '../rule-set-content.ts';
import {
  DEFAULT_RECOMMENDATION_RULES,
  type RecommendationCategory,
  type RecommendationRules,
} from './types.ts';

/** The recommendation rules of a rule set; rule sets written before them get the default. */
export function recommendationRulesOf(content: RuleSetContent): RecommendationRules {
  return content.recommendations ?? DEFAULT_RECOMMENDATION_RULES;
}

export function categoryOf(rules: RecommendationRules, id: string): RecommendationCategory | null {
  return rules.categories.find((c) => c.id === id) ?? null;
}

/** The day an answer is due: the category's time limit counted from the day the level received it. */
export function dueDateFor(rules: RecommendationRules, categoryId: string, receivedOn: string): string {
  const category = categoryOf(rules, categoryId) ?? rules.categories[rules.categories.length - 1];
  return addDays(receivedOn, category?.answerDays ?? 30);
}

/** Median and 90th percentile (nearest rank) of a list of numbers; nulls when empty. */
export function percentiles(values: number[]): { medianDays: number | null; p90Days: number | null } {
  if (values.length === 0) return { medianDays: null, p90Days: null };
  const sorted = [...values].sort((a, b) => a - b);
  const rank = (p: number) => sorted[Math.max(0, Math.ceil(p * sorted.length) - 1)] ?? null;
  const mid = sorted.length / 2;
  const median =
    sorted.length % 2 === 1
      ? (sorted[Math.floor(mid)] ?? 0)
      : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
  return { medianDays: median, p90Days: rank(0.9) };
}
