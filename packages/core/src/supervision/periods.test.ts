import { describe, expect, it } from 'vitest';
import { DEFAULT_RULE_SET } from '../meetings/default-rule-set.ts';
import { parsePeriodKey, periodContaining, previousPeriod, supervisionPeriod } from './periods.ts';
import { ObservedScoreError, scoreObserved } from './score.ts';

describe('supervision periods', () => {
  it('gives the quarter and its first-month window, with Vietnamese labels', () => {
    expect(supervisionPeriod('quarter', 2027, 1, 1)).toEqual({
      key: '2027-Q1',
      kind: 'quarter',
      from: '2027-01-01',
      to: '2027-03-31',
      windowFrom: '2027-01-01',
      windowTo: '2027-01-31',
      label: { vi: 'Quý I/2027', en: 'Q1 2027' },
    });
    expect(periodContaining('quarter', '2026-11-25', 1)).toMatchObject({
      key: '2026-Q4',
      windowTo: '2026-10-31',
    });
    expect(periodContaining('half_year', '2028-02-29', 2)).toMatchObject({
      key: '2028-H1',
      windowTo: '2028-02-29',
    });
    expect(periodContaining('month', '2027-02-10', 1)).toMatchObject({ key: '2027-M02', to: '2027-02-28' });
  });

  it('reads only keys of the committee’s kind of period', () => {
    expect(parsePeriodKey('quarter', '2027-Q4', 1)?.from).toBe('2027-10-01');
    for (const key of ['2027-Q5', '2027-M01', '2027', 'Q1-2027', '2027-Q0']) {
      expect(parsePeriodKey('quarter', key, 1), key).toBeNull();
    }
    expect(parsePeriodKey('year', '2027', 1)?.to).toBe('2027-12-31');
  });

  it('steps back to the period before, across the new year', () => {
    expect(previousPeriod(supervisionPeriod('quarter', 2027, 1, 1), 1).key).toBe('2026-Q4');
    expect(previousPeriod(supervisionPeriod('month', 2027, 1, 1), 1).key).toBe('2026-M12');
  });
});

describe('the visitor’s score', () => {
  const { scoreSheet, levels } = DEFAULT_RULE_SET;
  const full = Object.fromEntries(scoreSheet.criteria.map((c) => [c.id, c.max]));

  it('scores every criterion on the same sheet, the level by the same bounds', () => {
    expect(scoreObserved(scoreSheet, levels, full)).toMatchObject({ total: 100, level: 'good' });
    const [first] = scoreSheet.criteria;
    if (!first) throw new Error('empty sheet');
    const lower = scoreObserved(scoreSheet, levels, { ...full, [first.id]: 0 });
    expect(lower.total).toBe(100 - first.max);
  });

  it('names the criterion left out, unknown or out of range', () => {
    const [first] = scoreSheet.criteria;
    if (!first) throw new Error('empty sheet');
    const { [first.id]: _left, ...missing } = full;
    expect(() => scoreObserved(scoreSheet, levels, missing)).toThrow(ObservedScoreError);
    expect(() => scoreObserved(scoreSheet, levels, { ...full, nope: 1 })).toThrow(/nope/);
    expect(() => scoreObserved(scoreSheet, levels, { ...full, [first.id]: first.max + 1 })).toThrow(
      /outside/,
    );
  });
});
