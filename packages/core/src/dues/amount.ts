/**
 * The amount a member owes for a month (domain.md §7; QĐ 01-QĐ/TW of 03/02/2026). Pure: the admission date,
 * the basis history and the rules in, the due out; no clock, no I/O.
 */
import { addMonths, type Month, monthOfDate } from './months.ts';
import type { DuesBasis, DuesDue, DuesRate, DuesRounding, DuesRules, MemberDuesBasis } from './types.ts';

/**
 * The basis in force in a month: the one with the latest `from` at or before the month; of entries with the
 * same `from`, the last one given (a correction is a new entry, QĐ 01-QĐ/TW; issue 16 point 3). Null when
 * none has started yet.
 */
export function basisAt(bases: readonly DuesBasis[], month: Month): DuesBasis | null {
  let found: DuesBasis | null = null;
  for (const basis of bases) {
    if (basis.from <= month && (found === null || basis.from >= found.from)) found = basis;
  }
  return found;
}

/**
 * The first month exempt for length of membership: the month in which `membershipYears` full years of Party
 * age are reached (or the month after, as the rules say). Party age counts from the admission date
 * (domain.md §2); exemption at 50 years: QĐ 01-QĐ/TW, exemptions.
 */
export function membershipExemptFrom(admissionDate: string, rules: DuesRules): Month {
  const { membershipYears, firstMonth } = rules.exemption;
  return addMonths(monthOfDate(admissionDate), membershipYears * 12 + (firstMonth === 'next_month' ? 1 : 0));
}

/**
 * The last month a basis' hardship relief (a reduction, or a hardship exemption) covers: its
 * `reductionUntil`, never later than `relief.maxMonths` months from the basis' `from` (QĐ 01-QĐ/TW: each
 * decision for at most 12 months). A longer relief needs a new decision: a new basis entry.
 */
export function reliefEnd(basis: DuesBasis, rules: DuesRules): Month {
  const cap = addMonths(basis.from, rules.relief.maxMonths - 1);
  return basis.reductionUntil !== null && basis.reductionUntil < cap ? basis.reductionUntil : cap;
}

/**
 * Rounds an exact amount `numerator / denominator` VND to a multiple of the rule's unit (QĐ 01-QĐ/TW;
 * the unit and the direction are rule values to verify). Exact integer arithmetic: no floating point.
 */
function roundExact(numerator: bigint, denominator: bigint, rounding: DuesRounding): number {
  const d = denominator * BigInt(rounding.unitVnd);
  let units: bigint;
  if (rounding.mode === 'down') units = numerator / d;
  else if (rounding.mode === 'up') units = (numerator + d - 1n) / d;
  else units = (2n * numerator + d) / (2n * d);
  return Number(units) * rounding.unitVnd;
}

/**
 * The monthly amount of a rate on a basis amount, after a reduction, rounded: a percentage of the amount
 * (not below the floor, if the rate has one) or the fixed amount, times (100 − reduction) %, rounded once
 * at the end so that a reduced amount is rounded like any other.
 */
export function amountFor(
  rate: DuesRate,
  amountVnd: number,
  reductionPercent: number,
  rounding: DuesRounding,
): number {
  const kept = BigInt(100 - reductionPercent);
  if (rate.kind === 'fixed') return roundExact(BigInt(rate.amountVnd) * kept, 100n, rounding);
  // In 1/10,000 VND: amount × basis points, or the floor.
  let share = BigInt(Math.max(0, Math.trunc(amountVnd))) * BigInt(rate.basisPoints);
  const floor = BigInt(rate.minimumVnd ?? 0) * 10_000n;
  if (share < floor) share = floor;
  return roundExact(share * kept, 1_000_000n, rounding);
}

const nothing = (problem: DuesDue['problem']): DuesDue => ({
  dueVnd: 0,
  exempt: false,
  exemptReason: null,
  reductionPercent: 0,
  category: null,
  basisFrom: null,
  problem,
});

/**
 * What a member owes for a month under the rules: exempt at `membershipYears` of Party age from the exact
 * month, exempt while the basis says `social_pension`, or `hardship` within its relief period; otherwise the
 * category's rate on the basis amount, reduced while the reduction lasts, rounded (QĐ 01-QĐ/TW; domain.md §7).
 */
export function dueFor(member: MemberDuesBasis, month: Month, rules: DuesRules): DuesDue {
  const basis = basisAt(member.bases, month);
  const base = basis
    ? { ...nothing(null), category: basis.category, basisFrom: basis.from }
    : nothing('no_basis');
  if (month >= membershipExemptFrom(member.admissionDate, rules)) {
    return { ...base, exempt: true, exemptReason: 'membership_years', problem: null };
  }
  if (!basis) return base;
  const inRelief = month <= reliefEnd(basis, rules);
  if (basis.exemption === 'social_pension' || (basis.exemption === 'hardship' && inRelief)) {
    return { ...base, exempt: true, exemptReason: basis.exemption };
  }
  const category = rules.categories.find((c) => c.id === basis.category);
  if (!category) return { ...base, problem: 'unknown_category' };
  const reductionPercent =
    inRelief && rules.relief.reductionPercents.includes(basis.reductionPercent) ? basis.reductionPercent : 0;
  return {
    ...base,
    dueVnd: amountFor(category.rate, basis.amountVnd, reductionPercent, rules.rounding),
    reductionPercent,
  };
}

/**
 * The rules in force in a month out of several dated ones (each `regulation.effectiveFrom`): the latest that
 * has started; null before the first. QĐ 01-QĐ/TW applies from 2026-02, QĐ 342-QĐ/TW before.
 */
export function duesRulesAt(history: readonly DuesRules[], month: Month): DuesRules | null {
  let found: DuesRules | null = null;
  for (const rules of history) {
    const from = rules.regulation.effectiveFrom;
    if (from <= month && (found === null || from >= found.regulation.effectiveFrom)) found = rules;
  }
  return found;
}
