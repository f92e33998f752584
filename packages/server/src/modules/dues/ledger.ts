/**
 * The ledger of a month, the arrears of a year and a member's own statement, computed by core from the rows
 * read (queries.ts): `dueFor` per member and month under the rules in force, `ledgerFor`, `unpaidMonths`,
 * `duesAlerts` (QĐ 01-QĐ/TW; domain.md §7; issue 16 points 3, 4 and 6).
 */
import {
  addMonths,
  type DuesAlert,
  type DuesArrearsDto,
  type DuesLedgerDto,
  type DuesStatementDto,
  dueFor,
  duesAlerts,
  isoDateInVietnam,
  ledger,
  type Month,
  type MonthDue,
  monthOfDate,
  monthsOfYear,
  paidByMonth,
  unpaidMonths,
} from '@nennep/core';
import type { Db } from '../../db/client.ts';
import {
  basesOf,
  type DuesMemberRow,
  duesRuleSetsFor,
  duesRulesOf,
  membersUnder,
  paymentsOf,
  reasonsOf,
} from './queries.ts';

/**
 * The last month that can be in arrears on a day: the month before (a month's dues are paid during the
 * month; a month not yet over is not in arrears, core `unpaidMonths`).
 */
export const lastClosedMonth = (now: Date): Month => addMonths(monthOfDate(isoDateInVietnam(now)), -1);

/** Whether a member owed anything in a month: not before the month of admission (domain.md §2). */
const memberIn = (m: DuesMemberRow, month: Month) => monthOfDate(m.admissionDate) <= month;

/** Each member's due for each month given, under the rules in force for the member's cell that month. */
async function duesOf(db: Db, path: string, members: DuesMemberRow[], months: Month[]): Promise<MonthDue[]> {
  const [candidates, bases] = [await duesRuleSetsFor(db, path), await basesOf(db, members)];
  const dues: MonthDue[] = [];
  for (const m of members) {
    const basis = bases.get(m.id);
    if (!basis) continue;
    for (const month of months) {
      if (!memberIn(m, month)) continue;
      const rules = duesRulesOf(candidates, m.orgPath, month);
      dues.push({ memberCode: m.code, month, dueVnd: dueFor(basis, month, rules).dueVnd });
    }
  }
  return dues;
}

/**
 * `GET /api/dues/ledger`: one row per active member of the subtree admitted by the month, the due and what
 * was paid for that month whenever paid (QĐ 01-QĐ/TW Điều 5 khoản 2: early and late payment), totals = sums.
 */
export async function ledgerOf(db: Db, orgPath: string, month: Month): Promise<DuesLedgerDto> {
  const members = (await membersUnder(db, orgPath)).filter((m) => memberIn(m, month));
  const [candidates, bases] = [await duesRuleSetsFor(db, orgPath), await basesOf(db, members)];
  const paid = paidByMonth(await paymentsOf(db, members, month, month));
  return ledger(
    members.map((m) => {
      const rules = duesRulesOf(candidates, m.orgPath, month);
      const due = dueFor(bases.get(m.id) ?? { admissionDate: m.admissionDate, bases: [] }, month, rules);
      return {
        memberCode: m.code,
        dueVnd: due.dueVnd,
        paidVnd: paid.of(m.code, month),
        exempt: due.exempt,
        reductionPercent: due.reductionPercent,
      };
    }),
  );
}

/** The months of a year that can be in arrears on a day, and the last of them (none for a future year). */
function closedMonthsOf(year: number, now: Date) {
  const through = lastClosedMonth(now);
  return { through, months: monthsOfYear(year).filter((m) => m <= through) };
}

/** `GET /api/dues/arrears`: the subtree's members with unpaid months in the year, months ascending. */
export async function arrearsOf(db: Db, orgPath: string, year: number, now: Date): Promise<DuesArrearsDto> {
  const { through, months } = closedMonthsOf(year, now);
  if (months.length === 0) return { rows: [] };
  const members = await membersUnder(db, orgPath);
  const dues = await duesOf(db, orgPath, members, months);
  const payments = await paymentsOf(db, members, `${year}-01`, `${year}-12`);
  return unpaidMonths(dues, payments, year, through);
}

/**
 * The removal alerts of a subtree for a year: members with three unpaid months without a recorded reason
 * (QĐ 01-QĐ/TW, Điều 2 khoản 1). For the daily alerts run (dues/alerts.ts) and the cell's view.
 */
export async function duesAlertsOf(db: Db, orgPath: string, year: number, now: Date): Promise<DuesAlert[]> {
  const arrears = await arrearsOf(db, orgPath, year, now);
  if (arrears.rows.length === 0) return [];
  const members = (await membersUnder(db, orgPath)).filter((m) =>
    arrears.rows.some((r) => r.memberCode === m.code),
  );
  const excuses = await reasonsOf(db, members, `${year}-01`, `${year}-12`);
  const candidates = await duesRuleSetsFor(db, orgPath);
  const rules = duesRulesOf(candidates, orgPath, `${year}-12`);
  return duesAlerts(arrears, excuses, rules);
}

/** `GET /api/dues/mine`: a member's months of the year, what was due and paid, the unpaid months so far. */
export async function statementOf(
  db: Db,
  member: DuesMemberRow,
  year: number,
  now: Date,
): Promise<DuesStatementDto> {
  const months = monthsOfYear(year);
  const candidates = await duesRuleSetsFor(db, member.orgPath);
  const basis = (await basesOf(db, [member])).get(member.id) ?? {
    admissionDate: member.admissionDate,
    bases: [],
  };
  const payments = await paymentsOf(db, [member], months[0] ?? '', months[11] ?? '');
  const paid = paidByMonth(payments);
  const rows = months.map((month) => {
    const due = memberIn(member, month)
      ? dueFor(basis, month, duesRulesOf(candidates, member.orgPath, month))
      : { dueVnd: 0, exempt: false, reductionPercent: 0 };
    return {
      month,
      dueVnd: due.dueVnd,
      paidVnd: paid.of(member.code, month),
      exempt: due.exempt,
      reductionPercent: due.reductionPercent,
    };
  });
  const { through } = closedMonthsOf(year, now);
  const dues = rows.map((r) => ({ memberCode: member.code, month: r.month, dueVnd: r.dueVnd }));
  const totals = ledger(rows.map((r) => ({ ...r, memberCode: member.code }))).totals;
  return {
    memberCode: member.code,
    fullName: member.name,
    year,
    months: rows,
    totals,
    unpaidMonths: unpaidMonths(dues, payments, year, through).rows[0]?.unpaidMonths ?? [],
  };
}
