import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_RULE_SET } from '../meetings/default-rule-set.ts';
import { ruleSetContentSchema } from '../meetings/rule-sets.ts';
import { DEFAULT_RATING_RULES } from './default-rules.ts';
import {
  addMonthsIso,
  checkExcellentQuota,
  notRatedReasonOf,
  percentOneDecimal,
  ratingLevelOf,
  ratingPeriodEnd,
  ratingRulesOf,
  scoreFitsLevel,
  summarise,
} from './rules.ts';
import { ratingRulesSchema } from './schemas.ts';
import { RATING_LEVELS, type RatingLevel } from './types.ts';

const levels = DEFAULT_RATING_RULES.levels;
const score = fc.integer({ min: 0, max: 200 }).map((n) => n / 2);

describe('the level of a score (QĐ 366-QĐ/TW art. 11)', () => {
  it('puts the bounds where the rule says', () => {
    expect(ratingLevelOf(100, false)).toBe('excellent');
    expect(ratingLevelOf(90, false)).toBe('excellent');
    expect(ratingLevelOf(89.5, false)).toBe('good');
    expect(ratingLevelOf(70, false)).toBe('good');
    expect(ratingLevelOf(69.5, false)).toBe('completed');
    expect(ratingLevelOf(50, false)).toBe('completed');
    expect(ratingLevelOf(49.5, false)).toBe('failed');
    expect(ratingLevelOf(0, false)).toBe('failed');
    expect(ratingLevelOf(95, true)).toBe('failed');
  });

  it('never rises as the score falls, and a disqualified subject always fails', () => {
    fc.assert(
      fc.property(score, score, (a, b) => {
        const [low, high] = a <= b ? [a, b] : [b, a];
        const rank = (l: RatingLevel) => RATING_LEVELS.indexOf(l);
        expect(rank(ratingLevelOf(low, false))).toBeGreaterThanOrEqual(rank(ratingLevelOf(high, false)));
        expect(ratingLevelOf(high, true)).toBe('failed');
      }),
    );
  });

  it('a score always fits its own level; never a level above it', () => {
    fc.assert(
      fc.property(score, (s) => {
        const own = ratingLevelOf(s, false, levels);
        expect(scoreFitsLevel(s, own, levels)).toBe(true);
        for (const above of RATING_LEVELS.slice(0, RATING_LEVELS.indexOf(own))) {
          expect(scoreFitsLevel(s, above, levels)).toBe(false);
        }
      }),
    );
  });

  it('lets an excellent score be kept at good, and a disqualified one fail; nothing else below', () => {
    expect(scoreFitsLevel(95, 'good', levels)).toBe(true);
    expect(scoreFitsLevel(95, 'completed', levels)).toBe(false);
    expect(scoreFitsLevel(75, 'completed', levels)).toBe(false);
    expect(scoreFitsLevel(95, 'failed', levels)).toBe(false);
    expect(scoreFitsLevel(95, 'failed', levels, true)).toBe(true);
    expect(scoreFitsLevel(85, 'excellent', levels)).toBe(false);
    expect(scoreFitsLevel(null, 'excellent', levels)).toBe(true);
  });
});

describe('the excellent quota', () => {
  it('allows 20 % of those rated good or better and refuses one more, with the numbers', () => {
    expect(checkExcellentQuota({ excellent: 9, good: 38 }, 20)).toEqual({
      ok: true,
      excellent: 9,
      base: 47,
      max: 9,
      percent: 20,
    });
    expect(checkExcellentQuota({ excellent: 10, good: 37 }, 20)).toEqual({
      ok: false,
      excellent: 10,
      base: 47,
      max: 9,
      percent: 20,
    });
    expect(checkExcellentQuota({ excellent: 9, good: 36 }, 20).ok).toBe(true);
    expect(checkExcellentQuota({ excellent: 0, good: 0 }, 20).ok).toBe(true);
    expect(checkExcellentQuota({ excellent: 1, good: 0 }, 20).ok).toBe(false);
  });

  it('is ok exactly when excellent ≤ max, and max is the largest such count', () => {
    fc.assert(
      fc.property(fc.nat(500), fc.nat(500), fc.integer({ min: 0, max: 100 }), (excellent, good, percent) => {
        const check = checkExcellentQuota({ excellent, good }, percent);
        expect(check.ok).toBe(excellent <= check.max);
        expect(check.max * 100).toBeLessThanOrEqual(check.base * percent);
        expect((check.max + 1) * 100).toBeGreaterThan(check.base * percent);
      }),
    );
  });
});

describe('who is rated (domain.md §8, as rule data)', () => {
  const rules = DEFAULT_RATING_RULES.notRated;
  const member = { admissionDate: '2020-05-19', exempt: false, suspended: false };
  const yearEnd = ratingPeriodEnd(2026, 'year');

  it('leaves out the exempt, the suspended and those admitted less than 6 months before the end', () => {
    expect(notRatedReasonOf(member, yearEnd, rules)).toBeNull();
    expect(notRatedReasonOf({ ...member, exempt: true }, yearEnd, rules)).toBe('exempt');
    expect(notRatedReasonOf({ ...member, suspended: true }, yearEnd, rules)).toBe('suspended');
    expect(notRatedReasonOf({ ...member, admissionDate: '2026-07-01' }, yearEnd, rules)).toBe(
      'newly_admitted',
    );
    expect(notRatedReasonOf({ ...member, admissionDate: '2026-06-30' }, yearEnd, rules)).toBeNull();
    expect(
      notRatedReasonOf({ ...member, admissionDate: '2026-06-30' }, ratingPeriodEnd(2026, 'Q3'), rules),
    ).toBe('newly_admitted');
    expect(notRatedReasonOf({ ...member, exempt: true }, yearEnd, { ...rules, exempt: false })).toBeNull();
  });

  it('counts months on the calendar, clamped to the month', () => {
    expect(addMonthsIso('2026-08-31', 6)).toBe('2027-02-28');
    expect(addMonthsIso('2027-08-31', 6)).toBe('2028-02-29');
    expect(addMonthsIso('2026-12-15', 1)).toBe('2027-01-15');
    expect(ratingPeriodEnd(2026, 'Q1')).toBe('2026-03-31');
    expect(ratingPeriodEnd(2026, 'Q2')).toBe('2026-06-30');
  });
});

describe('the summary', () => {
  const rows = (counts: Record<RatingLevel, number>, unrated = 0) => [
    ...RATING_LEVELS.flatMap((level) => Array.from({ length: counts[level] }, () => ({ level }))),
    ...Array.from({ length: unrated }, () => ({ level: null })),
  ];

  it('gives 18.4 / 77.6 / 4.1 / 0 for 9, 38, 2 of 49 (issue 15 acceptance)', () => {
    expect(summarise(rows({ excellent: 9, good: 38, completed: 2, failed: 0 }, 5))).toEqual({
      rated: 49,
      byLevel: { excellent: 9, good: 38, completed: 2, failed: 0 },
      percent: { excellent: 18.4, good: 77.6, completed: 4.1, failed: 0 },
    });
    expect(summarise([])).toEqual({
      rated: 0,
      byLevel: { excellent: 0, good: 0, completed: 0, failed: 0 },
      percent: { excellent: 0, good: 0, completed: 0, failed: 0 },
    });
  });

  it('counts every rated row once, leaves the unrated out, and rounds each share to one decimal', () => {
    const counts = fc.record({
      excellent: fc.nat(300),
      good: fc.nat(300),
      completed: fc.nat(300),
      failed: fc.nat(300),
    });
    fc.assert(
      fc.property(counts, fc.nat(50), (c, unrated) => {
        const summary = summarise(rows(c, unrated));
        const rated = c.excellent + c.good + c.completed + c.failed;
        expect(summary.rated).toBe(rated);
        for (const level of RATING_LEVELS) {
          const exact = rated ? (c[level] * 100) / rated : 0;
          expect(Math.abs(summary.percent[level] - exact)).toBeLessThanOrEqual(0.05 + 1e-9);
          expect(Math.round(summary.percent[level] * 10)).toBeCloseTo(summary.percent[level] * 10, 9);
        }
      }),
    );
    expect(percentOneDecimal(1, 16)).toBe(6.3);
  });
});

describe('the rules as data', () => {
  it('are valid, and old rule sets get the default', () => {
    expect(ratingRulesSchema.safeParse(DEFAULT_RATING_RULES).success).toBe(true);
    expect(ratingRulesOf(DEFAULT_RULE_SET)).toBe(DEFAULT_RATING_RULES);
    const kept = ruleSetContentSchema.parse({ ...DEFAULT_RULE_SET, ratings: DEFAULT_RATING_RULES });
    expect(ratingRulesOf(kept)).toEqual(DEFAULT_RATING_RULES);
  });

  it('refuse bounds out of order and sheets that do not total 100', () => {
    const bad = { ...DEFAULT_RATING_RULES, levels: { ...levels, good: 95 } };
    expect(ratingRulesSchema.safeParse(bad).success).toBe(false);
    const sheet = DEFAULT_RATING_RULES.sheets.member.map((g) => ({ ...g, max: 10 }));
    const badSheet = { ...DEFAULT_RATING_RULES, sheets: { ...DEFAULT_RATING_RULES.sheets, member: sheet } };
    expect(ratingRulesSchema.safeParse(badSheet).success).toBe(false);
  });

  it('mark every sheet value not read in the regulation for verification, with its source', () => {
    const groups = [...DEFAULT_RATING_RULES.sheets.org, ...DEFAULT_RATING_RULES.sheets.member];
    for (const g of groups)
      expect(g).toMatchObject({ verify: true, source: expect.stringMatching(/366|43/) });
  });
});
