import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { amountFor, basisAt, dueFor, duesRulesAt, membershipExemptFrom } from './amount.ts';
import { addMonths, monthOfDate, monthsBetween } from './months.ts';
import {
  DEFAULT_DUES_RULES,
  type DuesBasis,
  type DuesRoundingMode,
  type DuesRules,
  type MemberDuesBasis,
} from './types.ts';

const rules = DEFAULT_DUES_RULES;
const basis = (over: Partial<DuesBasis> = {}): DuesBasis => ({
  from: '2026-02',
  category: 'bhxh_salary',
  amountVnd: 5_000_000,
  exemption: null,
  reductionPercent: 0,
  reductionUntil: null,
  ...over,
});
const member = (bases: DuesBasis[], admissionDate = '2000-05-19'): MemberDuesBasis => ({
  admissionDate,
  bases,
});
const withRounding = (unitVnd: number, mode: DuesRoundingMode): DuesRules => ({
  ...rules,
  rounding: { ...rules.rounding, unitVnd, mode },
});

const month = fc
  .tuple(fc.integer({ min: 2026, max: 2040 }), fc.integer({ min: 1, max: 12 }))
  .map(([y, m]) => `${y}-${String(m).padStart(2, '0')}`);
const isoDate = fc
  .tuple(
    fc.integer({ min: 1940, max: 2010 }),
    fc.integer({ min: 1, max: 12 }),
    fc.integer({ min: 1, max: 28 }),
  )
  .map(([y, m, d]) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`);

describe('amounts per category (QĐ 01-QĐ/TW)', () => {
  it('takes 1 % of salary and benefit, 0.5 % of pension, 5,000 VND from students, rounded to 1,000', () => {
    const at = (category: string, amountVnd: number) =>
      dueFor(member([basis({ category, amountVnd })]), '2026-03', rules).dueVnd;
    expect(at('bhxh_salary', 6_500_000)).toBe(65_000);
    expect(at('bhxh_salary', 5_123_456)).toBe(51_000);
    expect(at('bhxh_benefit', 3_000_000)).toBe(30_000);
    expect(at('pension', 7_200_000)).toBe(36_000);
    // 15,750 → 16,000: halves and above go up under `nearest`.
    expect(at('pension', 3_150_000)).toBe(16_000);
    expect(at('student', 0)).toBe(5_000);
    expect(at('student', 9_000_000)).toBe(5_000);
    // The other members' rate keeps its floor (values to verify).
    expect(at('other', 100_000)).toBe(5_000);
    expect(at('overseas_salary', 20_000_000)).toBe(200_000);
  });

  it('rounds up, down or to the nearest unit as the rule says', () => {
    const salary = { kind: 'percent', basisPoints: 100 } as const;
    const r = (unit: number, mode: DuesRoundingMode) => withRounding(unit, mode).rounding;
    expect(amountFor(salary, 5_123_456, 0, r(1000, 'up'))).toBe(52_000);
    expect(amountFor(salary, 5_123_456, 0, r(1000, 'down'))).toBe(51_000);
    expect(amountFor(salary, 5_123_456, 0, r(500, 'nearest'))).toBe(51_000);
    expect(amountFor(salary, 5_123_456, 0, r(1, 'up'))).toBe(51_235);
  });

  it('property: every amount is a multiple of the unit, off the exact share by less than a unit', () => {
    const categories = rules.categories.map((c) => c.id);
    fc.assert(
      fc.property(
        fc.constantFrom(...categories),
        fc.integer({ min: 0, max: 1_000_000_000 }),
        fc.constantFrom(1, 100, 500, 1000, 5000),
        fc.constantFrom<DuesRoundingMode>('up', 'nearest', 'down'),
        fc.constantFrom(0, 30, 50, 70),
        (category, amountVnd, unit, mode, reduction) => {
          const ruleSet = withRounding(unit, mode);
          const rate = ruleSet.categories.find((c) => c.id === category)?.rate;
          if (!rate) throw new Error(category);
          const due = amountFor(rate, amountVnd, reduction, ruleSet.rounding);
          // The exact amount in 1/1,000,000 VND, computed apart from the code under test.
          const share =
            rate.kind === 'fixed'
              ? rate.amountVnd * 10_000
              : Math.max(amountVnd * rate.basisPoints, (rate.minimumVnd ?? 0) * 10_000);
          const exact = (share * (100 - reduction)) / 1_000_000;
          expect(due % unit).toBe(0);
          if (mode === 'up') expect(due >= exact && due - exact < unit).toBe(true);
          if (mode === 'down') expect(due <= exact && exact - due < unit).toBe(true);
          if (mode === 'nearest') expect(Math.abs(due - exact) <= unit / 2).toBe(true);
        },
      ),
    );
  });

  it('property: a larger basis never owes less; a fixed rate ignores the basis', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('bhxh_salary', 'pension', 'other'),
        fc.integer({ min: 0, max: 500_000_000 }),
        fc.integer({ min: 0, max: 500_000_000 }),
        (category, a, b) => {
          const at = (amountVnd: number, c: string = category) =>
            dueFor(member([basis({ category: c, amountVnd })]), '2026-05', rules).dueVnd;
          expect(at(Math.min(a, b)) <= at(Math.max(a, b))).toBe(true);
          expect(at(a, 'student')).toBe(at(b, 'student'));
        },
      ),
    );
  });
});

describe('exemption at 50 years of membership', () => {
  it('starts in the exact month of the 50th anniversary of admission', () => {
    const m = member([basis()], '1976-03-15');
    expect(membershipExemptFrom('1976-03-15', rules)).toBe('2026-03');
    expect(dueFor(m, '2026-02', rules)).toMatchObject({ dueVnd: 50_000, exempt: false, exemptReason: null });
    expect(dueFor(m, '2026-03', rules)).toMatchObject({
      dueVnd: 0,
      exempt: true,
      exemptReason: 'membership_years',
    });
    // Without a basis the member is still exempt (nothing to declare).
    expect(dueFor(member([], '1970-01-01'), '2026-02', rules)).toMatchObject({ exempt: true, problem: null });
  });

  it('property: exempt from the anniversary month (or the month after, as the rules say), never before', () => {
    fc.assert(
      fc.property(isoDate, fc.boolean(), (admission, nextMonth) => {
        const ruleSet: DuesRules = {
          ...rules,
          exemption: { ...rules.exemption, firstMonth: nextMonth ? 'next_month' : 'anniversary_month' },
        };
        const first = addMonths(monthOfDate(admission), 600 + (nextMonth ? 1 : 0));
        const m = member([basis({ from: '1900-01' })], admission);
        expect(dueFor(m, addMonths(first, -1), ruleSet).exemptReason).toBeNull();
        expect(dueFor(m, addMonths(first, -1), ruleSet).dueVnd).toBeGreaterThan(0);
        expect(dueFor(m, first, ruleSet)).toMatchObject({
          exempt: true,
          exemptReason: 'membership_years',
          dueVnd: 0,
        });
        expect(dueFor(m, addMonths(first, 13), ruleSet).exempt).toBe(true);
      }),
    );
  });
});

describe('exemptions and reductions on the basis', () => {
  it('exempts social-pension recipients for as long as the basis says so', () => {
    const m = member([basis({ exemption: 'social_pension', category: 'other', amountVnd: 0 })]);
    expect(dueFor(m, '2029-12', rules)).toMatchObject({
      dueVnd: 0,
      exempt: true,
      exemptReason: 'social_pension',
    });
  });

  it('property: a reduction or a hardship exemption never lasts beyond its end nor beyond 12 months', () => {
    fc.assert(
      fc.property(
        month,
        fc.option(fc.integer({ min: -3, max: 40 }), { nil: null }),
        fc.constantFrom(30, 50, 70),
        fc.boolean(),
        fc.integer({ min: 0, max: 40 }),
        (from, untilOffset, percent, hardship, offset) => {
          const reductionUntil = untilOffset === null ? null : addMonths(from, untilOffset);
          const b = hardship
            ? basis({ from, exemption: 'hardship', reductionUntil })
            : basis({ from, reductionPercent: percent, reductionUntil });
          const at = addMonths(from, offset);
          const due = dueFor(member([b]), at, rules);
          const relieved = hardship ? due.exempt : due.reductionPercent > 0;
          const end =
            reductionUntil === null || reductionUntil > addMonths(from, 11)
              ? addMonths(from, 11)
              : reductionUntil;
          expect(relieved).toBe(at <= end);
          if (relieved) expect(monthsBetween(from, at)).toBeLessThanOrEqual(12);
          if (!relieved) expect(due.dueVnd).toBe(50_000);
          if (relieved && !hardship) expect(due.dueVnd).toBe(50_000 - (50_000 * percent) / 100);
        },
      ),
    );
  });
});

describe('basis history', () => {
  it('takes the latest basis at or before the month; a later entry for the same month corrects it', () => {
    const bases = [
      basis({ from: '2026-02', amountVnd: 4_000_000 }),
      basis({ from: '2026-06', category: 'pension', amountVnd: 6_000_000 }),
      basis({ from: '2026-02', amountVnd: 4_200_000 }),
    ];
    expect(dueFor(member(bases), '2026-01', rules)).toMatchObject({
      dueVnd: 0,
      problem: 'no_basis',
      basisFrom: null,
    });
    expect(dueFor(member(bases), '2026-05', rules)).toMatchObject({ dueVnd: 42_000, basisFrom: '2026-02' });
    expect(dueFor(member(bases), '2026-06', rules)).toMatchObject({ dueVnd: 30_000, category: 'pension' });
  });

  it('property: the basis applied is one with the latest start at or before the month', () => {
    fc.assert(
      fc.property(fc.array(month, { maxLength: 8 }), month, (froms, at) => {
        const bases = froms.map((from, i) => basis({ from, amountVnd: (i + 1) * 1_000_000 }));
        const found = basisAt(bases, at);
        const started = froms.filter((f) => f <= at);
        if (started.length === 0) expect(found).toBeNull();
        else {
          expect(found?.from).toBe(started.sort().at(-1));
          expect(found).toBe(bases.findLast((b) => b.from === found?.from));
        }
      }),
    );
  });

  it('flags a category the rules do not know instead of inventing an amount', () => {
    expect(dueFor(member([basis({ category: 'retired_abroad' })]), '2026-03', rules)).toMatchObject({
      dueVnd: 0,
      problem: 'unknown_category',
    });
  });

  it('picks the rules in force in a month', () => {
    const old: DuesRules = {
      ...rules,
      regulation: { ...rules.regulation, code: '342-QĐ/TW', effectiveFrom: '2011-01' },
    };
    expect(duesRulesAt([rules, old], '2026-01')?.regulation.code).toBe('342-QĐ/TW');
    expect(duesRulesAt([rules, old], '2026-02')?.regulation.code).toBe('01-QĐ/TW');
    expect(duesRulesAt([rules, old], '2010-12')).toBeNull();
  });
});
