import { describe, expect, it } from 'vitest';
import { DEFAULT_RULE_SET } from '../meetings/default-rule-set.ts';
import { ruleSetContentSchema } from '../meetings/rule-sets.ts';
import { DEFAULT_FOUR_GOOD_RULES } from './default-rules.ts';
import {
  computedResult,
  evaluateFourGood,
  fourGoodPercent,
  fourGoodRulesOf,
  measureStatus,
} from './rules.ts';
import { fourGoodRulesSchema } from './schemas.ts';
import type { FourGoodAssessment, FourGoodFacts } from './types.ts';

const facts = (over: Partial<FourGoodFacts> = {}): FourGoodFacts => ({
  meetings: { held: 12, rated: 12, good: 10, poor: 0 },
  cellRating: 'good',
  members: { rated: 10, goodOrBetter: 9, failed: 0 },
  expelled: 0,
  ...over,
});
const yes: FourGoodAssessment = { met: true, note: null, byName: 'Ủy viên', at: '2027-01-10T00:00:00.000Z' };
const no: FourGoodAssessment = { ...yes, met: false };
const all = (a: FourGoodAssessment) =>
  new Map([
    ['political_tasks', a],
    ['unity_discipline', a],
  ]);

describe('default four-good rules', () => {
  it('are valid rule data, each value with its source and marked to verify', () => {
    expect(fourGoodRulesSchema.safeParse(DEFAULT_FOUR_GOOD_RULES).success).toBe(true);
    expect(DEFAULT_FOUR_GOOD_RULES.criteria.map((c) => c.id)).toEqual([
      'political_tasks',
      'meeting_quality',
      'unity_discipline',
      'good_members',
    ]);
    for (const c of DEFAULT_FOUR_GOOD_RULES.criteria) {
      expect(c.source.length).toBeGreaterThan(5);
      expect(c.verify).toBe(true);
    }
  });

  it('are the default for a rule set without them, and a rule set may carry its own', () => {
    expect(fourGoodRulesOf(DEFAULT_RULE_SET)).toBe(DEFAULT_FOUR_GOOD_RULES);
    const own = { ...DEFAULT_FOUR_GOOD_RULES, criteria: DEFAULT_FOUR_GOOD_RULES.criteria.slice(0, 2) };
    const content = { ...DEFAULT_RULE_SET, fourGood: own };
    expect(ruleSetContentSchema.safeParse(content).success).toBe(true);
    expect(fourGoodRulesOf(content)).toBe(own);
  });

  it('refuse duplicate ids and a criterion neither measured nor manual', () => {
    const [first] = DEFAULT_FOUR_GOOD_RULES.criteria;
    if (!first) throw new Error('no criterion');
    const twice = { ...DEFAULT_FOUR_GOOD_RULES, criteria: [first, first] };
    expect(fourGoodRulesSchema.safeParse(twice).success).toBe(false);
    const empty = { ...DEFAULT_FOUR_GOOD_RULES, criteria: [{ ...first, measure: undefined, manual: false }] };
    expect(fourGoodRulesSchema.safeParse(empty).success).toBe(false);
  });
});

describe('measures', () => {
  const meetings = { kind: 'meetings', minHeld: 12, minGoodPercent: 70, allowPoor: false } as const;

  it('meetings: 12 of 12 with 83.3 % good is met; 11 waits during the year and misses after it', () => {
    const met = measureStatus(meetings, facts(), false);
    expect(met.status).toBe('met');
    expect(met.values.goodPercent).toBe(83.3);
    const eleven = facts({ meetings: { held: 11, rated: 11, good: 10, poor: 0 } });
    expect(measureStatus(meetings, eleven, false).status).toBe('pending');
    expect(measureStatus(meetings, eleven, true).status).toBe('not_met');
  });

  it('meetings: a poor meeting fails it at once; too few good ones fail at the year end', () => {
    const poor = facts({ meetings: { held: 3, rated: 3, good: 2, poor: 1 } });
    expect(measureStatus(meetings, poor, false).status).toBe('not_met');
    const fair = facts({ meetings: { held: 12, rated: 12, good: 8, poor: 0 } });
    expect(measureStatus(meetings, fair, true).status).toBe('not_met');
    expect(measureStatus({ ...meetings, allowPoor: true }, poor, false).status).toBe('pending');
  });

  it('cell rating: pending until decided, then good or better', () => {
    const m = { kind: 'cell_rating', minLevel: 'good' } as const;
    expect(measureStatus(m, facts({ cellRating: null }), true).status).toBe('pending');
    expect(measureStatus(m, facts({ cellRating: 'excellent' }), true).status).toBe('met');
    expect(measureStatus(m, facts({ cellRating: 'completed' }), true).status).toBe('not_met');
  });

  it('members: share of those rated good or better, and no failed', () => {
    const m = { kind: 'members_rating', minGoodPercent: 80, maxFailed: 0 } as const;
    expect(measureStatus(m, facts({ members: { rated: 0, goodOrBetter: 0, failed: 0 } }), true).status).toBe(
      'pending',
    );
    expect(measureStatus(m, facts({ members: { rated: 5, goodOrBetter: 4, failed: 0 } }), true).status).toBe(
      'met',
    );
    expect(measureStatus(m, facts({ members: { rated: 4, goodOrBetter: 3, failed: 0 } }), true).status).toBe(
      'not_met',
    );
    expect(measureStatus(m, facts({ members: { rated: 9, goodOrBetter: 8, failed: 1 } }), true).status).toBe(
      'not_met',
    );
  });

  it('no member expelled: not met at once, met only when the year is over', () => {
    const m = { kind: 'no_expelled' } as const;
    expect(measureStatus(m, facts({ expelled: 1 }), false).status).toBe('not_met');
    expect(measureStatus(m, facts(), false).status).toBe('pending');
    expect(measureStatus(m, facts(), true).status).toBe('met');
  });

  it('rounds percentages to one decimal', () => {
    expect(fourGoodPercent(2, 3)).toBe(66.7);
    expect(fourGoodPercent(0, 0)).toBeNull();
  });
});

describe('the result', () => {
  it('is achieved when every criterion is met, the manual ones confirmed', () => {
    const r = evaluateFourGood(DEFAULT_FOUR_GOOD_RULES, facts(), all(yes), true);
    expect(r.criteria.map((c) => c.status)).toEqual(['met', 'met', 'met', 'met']);
    expect(r.computed).toBe('achieved');
  });

  it('is tracking while a manual criterion waits for the committee', () => {
    const r = evaluateFourGood(DEFAULT_FOUR_GOOD_RULES, facts(), new Map(), true);
    expect(r.criteria.find((c) => c.id === 'political_tasks')?.status).toBe('pending');
    expect(r.computed).toBe('tracking');
  });

  it('is not achieved when one criterion is not met, whatever else waits', () => {
    const r = evaluateFourGood(DEFAULT_FOUR_GOOD_RULES, facts({ expelled: 1 }), new Map(), false);
    expect(r.criteria.find((c) => c.id === 'unity_discipline')?.status).toBe('not_met');
    expect(r.computed).toBe('not_achieved');
    expect(evaluateFourGood(DEFAULT_FOUR_GOOD_RULES, facts(), all(no), true).computed).toBe('not_achieved');
    expect(computedResult([])).toBe('achieved');
  });
});
