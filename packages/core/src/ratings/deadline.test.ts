import { describe, expect, it } from 'vitest';
import { DEFAULT_RATING_RULES } from './default-rules.ts';
import { ratingDeadline } from './rules.ts';
import type { RatingRules } from './types.ts';

const withDeadlines = (yearBy: string, quarterDaysAfter: number): RatingRules => ({
  ...DEFAULT_RATING_RULES,
  deadlines: { ...DEFAULT_RATING_RULES.deadlines, yearBy, quarterDaysAfter },
});

// HD 43-HD/BTCTW (dates marked `verify` in the default rules): 31/01 of the following year; 15 days after a quarter.
describe('ratingDeadline', () => {
  it('puts the year’s rating on yearBy of the following year', () => {
    expect(ratingDeadline(DEFAULT_RATING_RULES, 2026, 'year')).toBe('2027-01-31');
  });

  it('puts a quarter’s rating quarterDaysAfter days after its last day', () => {
    expect(ratingDeadline(DEFAULT_RATING_RULES, 2026, 'Q1')).toBe('2026-04-15');
    expect(ratingDeadline(DEFAULT_RATING_RULES, 2026, 'Q2')).toBe('2026-07-15');
    expect(ratingDeadline(DEFAULT_RATING_RULES, 2026, 'Q3')).toBe('2026-10-15');
    expect(ratingDeadline(withDeadlines('01-31', 40), 2026, 'Q3')).toBe('2026-11-09');
  });

  it('follows leap years', () => {
    // 29/02 exists in 2028, not in 2027: clamped to the month's last day.
    expect(ratingDeadline(withDeadlines('02-29', 15), 2027, 'year')).toBe('2028-02-29');
    expect(ratingDeadline(withDeadlines('02-29', 15), 2026, 'year')).toBe('2027-02-28');
    // Counting days runs across month ends: 31/3/2028 + 92 days (30 + 31 + 30 + 1).
    expect(ratingDeadline(withDeadlines('01-31', 92), 2028, 'Q1')).toBe('2028-07-01');
  });
});
