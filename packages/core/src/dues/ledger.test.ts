import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dueFor } from './amount.ts';
import { duesAlerts, ledger, ledgerFor, type MonthDue, paidByMonth, unpaidMonths } from './ledger.ts';
import { monthsOfYear } from './months.ts';
import { duesArrearsSchema, duesLedgerSchema } from './schemas.ts';
import { DEFAULT_DUES_RULES, type DuesBasis, type DuesPayment, type MemberDuesBasis } from './types.ts';

const rules = DEFAULT_DUES_RULES;
const basis = (over: Partial<DuesBasis>): DuesBasis => ({
  from: '2026-02',
  category: 'bhxh_salary',
  amountVnd: 0,
  exemption: null,
  reductionPercent: 0,
  reductionUntil: null,
  ...over,
});
const one = (memberCode: string, over: Partial<DuesBasis>, admissionDate = '2005-09-02') => ({
  memberCode,
  basis: { admissionDate, bases: [basis(over)] } satisfies MemberDuesBasis,
});
const pay = (
  memberCode: string,
  month: string,
  paidVnd: number,
  over: Partial<DuesPayment> = {},
): DuesPayment => ({
  memberCode,
  month,
  paidVnd,
  paidOn: `${month}-10`,
  channel: 'cash',
  ...over,
});

/** Chi bộ thôn Thượng Hội: ten members with known bases (issue 16, acceptance). */
const CELL = [
  one('DV01', { category: 'bhxh_salary', amountVnd: 6_500_000 }),
  one('DV02', { category: 'bhxh_salary', amountVnd: 4_960_000 }),
  one('DV03', { category: 'pension', amountVnd: 7_200_000 }),
  one('DV04', { category: 'pension', amountVnd: 3_150_000 }),
  one('DV05', { category: 'student' }),
  // Admitted 10/02/1974: 52 years of membership in 2026, exempt whatever the basis says.
  one('DV06', { category: 'pension', amountVnd: 5_000_000 }, '1974-02-10'),
  // A 50 % reduction decided by the cell for January–June 2026.
  one('DV07', { from: '2026-01', amountVnd: 8_000_000, reductionPercent: 50, reductionUntil: '2026-06' }),
  one('DV08', { category: 'bhxh_benefit', amountVnd: 3_000_000 }),
  one('DV09', { category: 'other', amountVnd: 0, exemption: 'social_pension' }),
  one('DV10', { category: 'other', amountVnd: 2_000_000 }),
];

describe('the ten-member cell', () => {
  it('owes the expected dues for March 2026', () => {
    const march = ledgerFor('2026-03', CELL, [], rules);
    expect(march.rows.map((r) => [r.memberCode, r.dueVnd, r.exempt, r.reductionPercent])).toEqual([
      ['DV01', 65_000, false, 0],
      ['DV02', 50_000, false, 0],
      ['DV03', 36_000, false, 0],
      ['DV04', 16_000, false, 0],
      ['DV05', 5_000, false, 0],
      ['DV06', 0, true, 0],
      ['DV07', 40_000, false, 50],
      ['DV08', 30_000, false, 0],
      ['DV09', 0, true, 0],
      ['DV10', 20_000, false, 0],
    ]);
    expect(march.totals).toEqual({ dueVnd: 262_000, paidVnd: 0 });
    expect(duesLedgerSchema.parse(march)).toEqual(march);
  });

  it('ends the reduction after its last month', () => {
    expect(dueFor(CELL[6]?.basis as MemberDuesBasis, '2026-07', rules)).toMatchObject({
      dueVnd: 80_000,
      reductionPercent: 0,
    });
  });

  it('counts payments for the month paid for: early, late, corrections and voluntary extras', () => {
    const payments = [
      pay('DV01', '2026-03', 65_000),
      // Paid in April for March through the portal (late), and a cash entry corrected by a new entry.
      pay('DV02', '2026-03', 50_000, { paidOn: '2026-04-02', channel: 'portal' }),
      pay('DV03', '2026-03', 63_000),
      pay('DV03', '2026-03', -27_000),
      // Voluntary extra (QĐ 01-QĐ/TW encourages paying more).
      pay('DV05', '2026-03', 20_000),
      // Paid for April in advance: not counted in March.
      pay('DV08', '2026-04', 30_000, { paidOn: '2026-03-12' }),
    ];
    const march = ledgerFor('2026-03', CELL, payments, rules);
    expect(march.rows.filter((r) => r.paidVnd !== 0).map((r) => [r.memberCode, r.paidVnd])).toEqual([
      ['DV01', 65_000],
      ['DV02', 50_000],
      ['DV03', 36_000],
      ['DV05', 20_000],
    ]);
    expect(march.totals).toEqual({ dueVnd: 262_000, paidVnd: 171_000 });
  });
});

describe('ledger totals', () => {
  it('property: the totals are the sums of the rows', () => {
    const row = fc.record({
      memberCode: fc.string({ minLength: 1, maxLength: 8 }),
      dueVnd: fc.integer({ min: 0, max: 10_000_000 }),
      paidVnd: fc.integer({ min: -1_000_000, max: 10_000_000 }),
      exempt: fc.boolean(),
      reductionPercent: fc.constantFrom(0, 30, 50, 70),
    });
    fc.assert(
      fc.property(fc.array(row, { maxLength: 60 }), (rows) => {
        const { rows: out, totals } = ledger(rows);
        expect(out).toEqual(rows);
        expect(totals.dueVnd).toBe(rows.reduce((s, r) => s + r.dueVnd, 0));
        expect(totals.paidVnd).toBe(rows.reduce((s, r) => s + r.paidVnd, 0));
      }),
    );
  });
});

describe('arrears and the removal alert', () => {
  const year = 2026;
  const dues: MonthDue[] = CELL.flatMap(({ memberCode, basis: b }) =>
    monthsOfYear(year)
      .filter((m) => m >= '2026-02')
      .map((month) => ({ memberCode, month, dueVnd: dueFor(b, month, rules).dueVnd })),
  );
  const paidAll = (skip: Record<string, string[]>) =>
    dues
      .filter((d) => !(skip[d.memberCode] ?? []).includes(d.month))
      .map((d) => pay(d.memberCode, d.month, d.dueVnd));

  it('lists two members three months unpaid, and alerts the cell about both', () => {
    const payments = paidAll({
      DV04: ['2026-03', '2026-05', '2026-08'],
      DV10: ['2026-06', '2026-07', '2026-08'],
      DV01: ['2026-08'],
      // Exempt members owe nothing: no month of theirs is unpaid.
      DV06: monthsOfYear(year),
    });
    const arrears = unpaidMonths(dues, payments, year, '2026-08');
    expect(arrears).toEqual({
      rows: [
        { memberCode: 'DV01', unpaidMonths: ['2026-08'] },
        { memberCode: 'DV04', unpaidMonths: ['2026-03', '2026-05', '2026-08'] },
        { memberCode: 'DV10', unpaidMonths: ['2026-06', '2026-07', '2026-08'] },
      ],
    });
    expect(duesArrearsSchema.parse(arrears)).toEqual(arrears);
    expect(duesAlerts(arrears, [], rules)).toEqual([
      { memberCode: 'DV04', months: ['2026-03', '2026-05', '2026-08'] },
      { memberCode: 'DV10', months: ['2026-06', '2026-07', '2026-08'] },
    ]);
    // A reason recorded by the cell takes the month out of the count; an empty one does not.
    const excuses = [
      { memberCode: 'DV10', month: '2026-07', reason: 'Nằm viện điều trị' },
      { memberCode: 'DV04', month: '2026-03', reason: '  ' },
    ];
    expect(duesAlerts(arrears, excuses, rules).map((a) => a.memberCode)).toEqual(['DV04']);
  });

  it('leaves out months after `through`, partial payments count as unpaid', () => {
    const payments = [...paidAll({ DV02: ['2026-09', '2026-10'] }), pay('DV02', '2026-09', 20_000)];
    expect(unpaidMonths(dues, payments, year, '2026-09').rows).toEqual([
      { memberCode: 'DV02', unpaidMonths: ['2026-09'] },
    ]);
    expect(unpaidMonths(dues, payments, year).rows).toEqual([
      { memberCode: 'DV02', unpaidMonths: ['2026-09', '2026-10'] },
    ]);
    expect(unpaidMonths(dues, payments, 2025).rows).toEqual([]);
  });

  it('property: a month is unpaid exactly when something was due and less was paid for it', () => {
    const code = fc.constantFrom('A', 'B', 'C');
    const month = fc.constantFrom(...monthsOfYear(2026), '2027-01');
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.record({ memberCode: code, month, dueVnd: fc.integer({ min: 0, max: 90_000 }) }), {
          selector: (d) => `${d.memberCode}|${d.month}`,
          maxLength: 30,
        }),
        fc.array(fc.record({ memberCode: code, month, paidVnd: fc.integer({ min: -50_000, max: 90_000 }) }), {
          maxLength: 30,
        }),
        (ds, ps) => {
          const paid = paidByMonth(ps);
          const listed = new Set(
            unpaidMonths(ds, ps, 2026).rows.flatMap((r) => r.unpaidMonths.map((m) => `${r.memberCode}|${m}`)),
          );
          for (const d of ds) {
            const owes =
              d.month.startsWith('2026-') && d.dueVnd > 0 && paid.of(d.memberCode, d.month) < d.dueVnd;
            expect(listed.has(`${d.memberCode}|${d.month}`)).toBe(owes);
          }
          expect(listed.size).toBe(ds.filter((d) => listed.has(`${d.memberCode}|${d.month}`)).length);
        },
      ),
    );
  });
});
