import { describe, expect, it } from 'vitest';
import { DEFAULT_RULE_SET } from '../meetings/default-rule-set.ts';
import { ruleSetContentSchema } from '../meetings/rule-sets.ts';
import { dueDateFor, percentiles } from './rules.ts';
import { DEFAULT_RECOMMENDATION_RULES } from './types.ts';

describe('recommendation rules', () => {
  it('counts the due date from the day the level receives it, by category', () => {
    expect(dueDateFor(DEFAULT_RECOMMENDATION_RULES, 'party_work', '2027-01-10')).toBe('2027-01-25');
    expect(dueDateFor(DEFAULT_RECOMMENDATION_RULES, 'land', '2027-01-10')).toBe('2027-02-24');
    // An unknown category takes the last one's limit (the catch-all "other").
    expect(dueDateFor(DEFAULT_RECOMMENDATION_RULES, 'unknown', '2027-12-20')).toBe('2028-01-19');
  });

  it('gives the median and the 90th percentile (nearest rank)', () => {
    expect(percentiles([])).toEqual({ medianDays: null, p90Days: null });
    expect(percentiles([5])).toEqual({ medianDays: 5, p90Days: 5 });
    expect(percentiles([10, 2, 4, 8])).toEqual({ medianDays: 6, p90Days: 10 });
    expect(percentiles([1, 2, 3, 4, 5, 6, 7, 8, 9, 10])).toEqual({ medianDays: 5.5, p90Days: 9 });
  });

  it('is rule-set data: the default validates, a category listed twice does not', () => {
    expect(ruleSetContentSchema.safeParse(DEFAULT_RULE_SET).success).toBe(true);
    const twice = {
      ...DEFAULT_RULE_SET,
      recommendations: {
        categories: [...DEFAULT_RECOMMENDATION_RULES.categories, DEFAULT_RECOMMENDATION_RULES.categories[0]],
      },
    };
    const parsed = ruleSetContentSchema.safeParse(twice);
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.path).toEqual(['recommendations', 'categories', 6, 'id']);
  });
});
