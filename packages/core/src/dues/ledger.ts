/**
 * The dues ledger (sổ thu đảng phí), arrears and the removal alert (domain.md §7; issue 16 points 3–4).
 * Pure: dues and payments in, rows and totals out.
 */
import { dueFor } from './amount.ts';
import { type Month, monthsOfYear } from './months.ts';
import type {
  DuesArrearsDto,
  DuesLedgerDto,
  DuesLedgerRowDto,
  DuesPayment,
  DuesRules,
  MemberDuesBasis,
} from './types.ts';

/** The ledger's totals: the sums of its rows' due and paid amounts. */
export function ledger(rows: readonly DuesLedgerRowDto[]): DuesLedgerDto {
  let dueVnd = 0;
  let paidVnd = 0;
  for (const row of rows) {
    dueVnd += row.dueVnd;
    paidVnd += row.paidVnd;
  }
  return { rows: [...rows], totals: { dueVnd, paidVnd } };
}

const key = (memberCode: string, month: Month) => `${memberCode}|${month}`;

/**
 * What was paid for each member and month: the sum of the entries for that month, whenever they were paid
 * (early or late payment, QĐ 01-QĐ/TW Điều 5 khoản 2), corrections (negative entries) included.
 */
export function paidByMonth(payments: readonly Pick<DuesPayment, 'memberCode' | 'month' | 'paidVnd'>[]) {
  const paid = new Map<string, number>();
  for (const p of payments)
    paid.set(key(p.memberCode, p.month), (paid.get(key(p.memberCode, p.month)) ?? 0) + p.paidVnd);
  return { of: (memberCode: string, month: Month) => paid.get(key(memberCode, month)) ?? 0 };
}

/** The ledger of a month: each member's due under the rules and what was paid for that month, in the order given. */
export function ledgerFor(
  month: Month,
  members: readonly { memberCode: string; basis: MemberDuesBasis }[],
  payments: readonly DuesPayment[],
  rules: DuesRules,
): DuesLedgerDto {
  const paid = paidByMonth(payments);
  return ledger(
    members.map(({ memberCode, basis }) => {
      const due = dueFor(basis, month, rules);
      return {
        memberCode,
        dueVnd: due.dueVnd,
        paidVnd: paid.of(memberCode, month),
        exempt: due.exempt,
        reductionPercent: due.reductionPercent,
      };
    }),
  );
}

/** One member's due for one month, as `unpaidMonths` reads it. */
export interface MonthDue {
  memberCode: string;
  month: Month;
  dueVnd: number;
}

/**
 * Members with unpaid months in a year: a month is unpaid when something is due (not exempt) and less than
 * that was paid for it. Only months up to `through` count (the caller's current month: a month not yet
 * over is not in arrears). Members in code order, months ascending; members with none are left out.
 */
export function unpaidMonths(
  dues: readonly MonthDue[],
  payments: readonly Pick<DuesPayment, 'memberCode' | 'month' | 'paidVnd'>[],
  year: number,
  through?: Month,
): DuesArrearsDto {
  const months = new Set(monthsOfYear(year).filter((m) => through === undefined || m <= through));
  const paid = paidByMonth(payments);
  const unpaid = new Map<string, Set<Month>>();
  for (const due of dues) {
    if (!months.has(due.month) || due.dueVnd <= 0) continue;
    if (paid.of(due.memberCode, due.month) >= due.dueVnd) continue;
    const set = unpaid.get(due.memberCode) ?? new Set<Month>();
    set.add(due.month);
    unpaid.set(due.memberCode, set);
  }
  return {
    rows: [...unpaid.entries()]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([memberCode, set]) => ({ memberCode, unpaidMonths: [...set].sort() })),
  };
}

/** A reason recorded by the cell for a member's unpaid month (a valid reason keeps it out of the count). */
export interface DuesExcuse {
  memberCode: string;
  month: Month;
  reason: string;
}

/** A member whose unpaid months without a recorded reason reached the rules' threshold in the year. */
export interface DuesAlert {
  memberCode: string;
  /** The unpaid months without a recorded reason. */
  months: Month[];
}

/**
 * The removal alert: members with at least `arrears.alertUnpaidMonths` (3) unpaid months in the year without
 * a recorded valid reason — not necessarily consecutive. The cell then considers proposing removal from the
 * Party (xóa tên) to the competent committee (QĐ 01-QĐ/TW, Điều 2 khoản 1; domain.md §2, §7).
 */
export function duesAlerts(
  arrears: DuesArrearsDto,
  excuses: readonly DuesExcuse[],
  rules: DuesRules,
): DuesAlert[] {
  const excused = new Set(
    excuses.filter((e) => e.reason.trim() !== '').map((e) => key(e.memberCode, e.month)),
  );
  const alerts: DuesAlert[] = [];
  for (const row of arrears.rows) {
    const months = row.unpaidMonths.filter((m) => !excused.has(key(row.memberCode, m)));
    if (months.length >= rules.arrears.alertUnpaidMonths) alerts.push({ memberCode: row.memberCode, months });
  }
  return alerts;
}
