import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dueFor } from './amount.ts';
import { addMonths, monthFromIndex, monthIndex } from './months.ts';
import { basesWithRelief, type DuesBasisEntry, type DuesReliefEntry, reliefAt } from './relief.ts';
import { DEFAULT_DUES_RULES } from './types.ts';

const rules = DEFAULT_DUES_RULES;
const salary = (from: string, amountVnd: number): DuesBasisEntry => ({
  from,
  category: 'bhxh_salary',
  amountVnd,
});
const due = (entries: DuesBasisEntry[], reliefs: DuesReliefEntry[], month: string) =>
  dueFor({ admissionDate: '2005-09-02', bases: basesWithRelief(entries, reliefs) }, month, rules);

describe('relief decisions over the basis history (QĐ 01-QĐ/TW)', () => {
  const entries = [salary('2026-01', 8_000_000)];
  const half: DuesReliefEntry = { kind: 'reduction', percent: 50, from: '2026-03', until: '2026-05' };

  it('reduces the months a reduction covers, and only those', () => {
    expect(due(entries, [half], '2026-02')).toMatchObject({ dueVnd: 80_000, reductionPercent: 0 });
    expect(due(entries, [half], '2026-03')).toMatchObject({ dueVnd: 40_000, reductionPercent: 50 });
    expect(due(entries, [half], '2026-05')).toMatchObject({ dueVnd: 40_000, reductionPercent: 50 });
    expect(due(entries, [half], '2026-06')).toMatchObject({ dueVnd: 80_000, reductionPercent: 0 });
  });

  it('keeps a reduction across a new basis, applied to the new amount', () => {
    const raised = [...entries, salary('2026-04', 10_000_000)];
    expect(due(raised, [half], '2026-04')).toMatchObject({ dueVnd: 50_000, reductionPercent: 50 });
    expect(due(raised, [half], '2026-06')).toMatchObject({ dueVnd: 100_000, reductionPercent: 0 });
  });

  it('exempts while a social pension allowance is recorded, until a decision ends it', () => {
    const pension: DuesReliefEntry = { kind: 'social_pension', percent: 0, from: '2026-02', until: null };
    const ended: DuesReliefEntry = { kind: 'none', percent: 0, from: '2026-09', until: null };
    expect(due(entries, [pension], '2027-12')).toMatchObject({
      exempt: true,
      exemptReason: 'social_pension',
    });
    expect(due(entries, [pension, ended], '2026-08')).toMatchObject({ exempt: true });
    expect(due(entries, [pension, ended], '2026-09')).toMatchObject({ exempt: false, dueVnd: 80_000 });
  });

  it('lets a later decision covering a month win, the earlier one returning after it', () => {
    const pension: DuesReliefEntry = { kind: 'social_pension', percent: 0, from: '2026-01', until: null };
    expect(reliefAt([pension, half], '2026-04')).toBe(half);
    expect(reliefAt([pension, half], '2026-06')).toBe(pension);
    expect(due(entries, [pension, half], '2026-06')).toMatchObject({ exempt: true });
  });

  it('gives nothing before the first basis, even under a decision', () => {
    const early: DuesReliefEntry = { kind: 'hardship', percent: 0, from: '2025-10', until: '2026-03' };
    expect(basesWithRelief(entries, [early])[0]?.from).toBe('2026-01');
    expect(due(entries, [early], '2025-11')).toMatchObject({ problem: 'no_basis', exempt: false });
    expect(due(entries, [early], '2026-02')).toMatchObject({ exempt: true, exemptReason: 'hardship' });
    expect(due(entries, [early], '2026-04')).toMatchObject({ exempt: false, dueVnd: 80_000 });
  });

  it('never reduces a month outside every reduction decided (property)', () => {
    const month = fc.integer({ min: monthIndex('2026-01'), max: monthIndex('2028-12') }).map(monthFromIndex);
    fc.assert(
      fc.property(
        fc.array(fc.tuple(month, fc.integer({ min: 0, max: 11 }), fc.constantFrom(30, 50, 70)), {
          maxLength: 4,
        }),
        month,
        (decisions, asked) => {
          const reliefs: DuesReliefEntry[] = decisions.map(([from, length, percent]) => ({
            kind: 'reduction',
            percent,
            from,
            until: addMonths(from, length),
          }));
          const d = due(entries, reliefs, asked);
          const covering = reliefs.filter((r) => r.from <= asked && r.until !== null && asked <= r.until);
          if (covering.length === 0) expect(d.reductionPercent).toBe(0);
          else expect(covering.map((r) => r.percent)).toContain(d.reductionPercent);
        },
      ),
    );
  });
});
