/**
 * `GET /api/dues/remittance` (issue 16 point 5; domain.md §7): for a node and each of its children, what was
 * due and collected in the period, the rate, the members in arrears, and what each level keeps and sends up
 * (core `rollUpRemittance` / `remit`, the shares of the rule set in force — QĐ 342-QĐ/TW (2010) until the
 * 2026 ones are entered). Reads: the subtree's nodes, its active members and their bases (one query each,
 * in chunks), the payments summed per member and month in SQL (one grouped query), never a query per child.
 * A due needs core's `dueFor` per member and month (dues are not stored): that one pass is the only loop.
 */
import {
  type CellMonth,
  type DuesRemittanceDto,
  type DuesRemittanceRowDto,
  type DuesRules,
  dueFor,
  isoDateInVietnam,
  type Month,
  monthOfDate,
  monthsOfYear,
  pathsUp,
  type RollupFigures,
  ratePercent,
  remitLevelOf,
  rollUpRemittance,
} from '@nennep/core';
import { sql } from 'drizzle-orm';
import { type Db, rows } from '../../db/client.ts';
import { invalidField } from '../../http/errors.ts';
import { lastClosedMonth } from './ledger.ts';
import { ACTIVE_STATUSES, basesOf, duesRuleSetsFor, duesRulesOf, membersUnder } from './queries.ts';

/** A node of the subtree or one of its ancestors. */
export interface DuesNode {
  code: string;
  name: string;
  kind: string;
  path: string;
  depth: number;
  status: string;
}

/** One member's months of the period (for the workbook's sheet of members × months). */
export interface MemberDuesRow {
  code: string;
  name: string;
  cellName: string;
  months: Map<Month, { dueVnd: number; paidVnd: number }>;
  dueVnd: number;
  paidVnd: number;
}

export interface RemittanceData {
  dto: DuesRemittanceDto;
  members: MemberDuesRow[];
}

/** The months of the period: the given month or the year's, up to the current month (none in the future). */
export function periodMonths(year: number, month: Month | undefined, now: Date): Month[] {
  if (month !== undefined && Number(month.slice(0, 4)) !== year)
    throw invalidField('month', {
      vi: 'Tháng phải thuộc năm đã chọn.',
      en: 'The month must be in the year chosen.',
    });
  const current = monthOfDate(isoDateInVietnam(now));
  return (month === undefined ? monthsOfYear(year) : [month]).filter((m) => m <= current);
}

/** The subtree's nodes and the node's ancestors, in the tree's order. */
function nodesAround(db: Db, path: string) {
  return rows<DuesNode>(
    db,
    sql`SELECT o.code, o.name, o.kind, o.path, o.depth, o.status FROM orgs o
        WHERE o.path LIKE ${`${path}%`} OR ${path} LIKE o.path || '%'
        ORDER BY o.depth, o.sort_key COLLATE "C", o.id`,
  );
}

/** What was paid for each active member of the subtree and month, summed in SQL: "memberId|month" → VND. */
async function paidOf(db: Db, path: string, from: Month, to: Month) {
  const sums = await rows<{ memberId: number; month: string; paid: number }>(
    db,
    sql`SELECT p.member_id::int AS "memberId", p.month, SUM(p.paid_vnd)::float8 AS paid
        FROM dues_payments p JOIN members m ON m.id = p.member_id
        WHERE m.org_path LIKE ${`${path}%`} AND ${ACTIVE_STATUSES} AND p.month >= ${from} AND p.month <= ${to}
        GROUP BY p.member_id, p.month`,
  );
  return new Map(sums.map((s) => [`${s.memberId}|${s.month}`, s.paid]));
}

/** The figures of every node of the subtree for the period, and each member's months. */
export async function remittanceData(
  db: Db,
  org: { path: string },
  year: number,
  month: Month | undefined,
  now: Date,
): Promise<RemittanceData> {
  const months = periodMonths(year, month, now);
  const closed = new Set(months.filter((m) => m <= lastClosedMonth(now)));
  const nodes = await nodesAround(db, org.path);
  const byPath = new Map(nodes.map((n) => [n.path, n]));
  const parents = new Set(nodes.map((n) => pathsUp(n.path)[1]));
  const members = months.length === 0 ? [] : await membersUnder(db, org.path);
  const [candidates, bases] = [await duesRuleSetsFor(db, org.path), await basesOf(db, members)];
  const paid =
    months.length === 0
      ? new Map<string, number>()
      : await paidOf(db, org.path, months[0] ?? '', months[months.length - 1] ?? '');

  const rules = new Map<string, DuesRules>();
  const rulesOf = (path: string, m: Month) => {
    const key = `${path}|${m}`;
    let found = rules.get(key);
    if (!found) {
      found = duesRulesOf(candidates, path, m);
      rules.set(key, found);
    }
    return found;
  };

  const cells = new Map<string, CellMonth>();
  const arrears = new Map<string, number>();
  const memberRows: MemberDuesRow[] = [];
  for (const member of members) {
    const basis = bases.get(member.id) ?? { admissionDate: member.admissionDate, bases: [] };
    const row: MemberDuesRow = {
      code: member.code,
      name: member.name,
      cellName: byPath.get(member.orgPath)?.name ?? '',
      months: new Map(),
      dueVnd: 0,
      paidVnd: 0,
    };
    let inArrears = false;
    for (const m of months) {
      // Nothing is due before the month of admission (domain.md §2), as the ledger counts it.
      const dueVnd =
        monthOfDate(member.admissionDate) <= m ? dueFor(basis, m, rulesOf(member.orgPath, m)).dueVnd : 0;
      const paidVnd = paid.get(`${member.id}|${m}`) ?? 0;
      row.months.set(m, { dueVnd, paidVnd });
      row.dueVnd += dueVnd;
      row.paidVnd += paidVnd;
      // Core `unpaidMonths`: a closed month with something due and less paid (QĐ 01-QĐ/TW Điều 2 khoản 1).
      if (closed.has(m) && dueVnd > 0 && paidVnd < dueVnd) inArrears = true;
      const key = `${member.orgPath}|${m}`;
      const cell = cells.get(key) ?? { path: member.orgPath, month: m, expectedVnd: 0, collectedVnd: 0 };
      cell.expectedVnd += dueVnd;
      cell.collectedVnd += paidVnd;
      cells.set(key, cell);
    }
    if (inArrears)
      for (const path of pathsUp(member.orgPath)) arrears.set(path, (arrears.get(path) ?? 0) + 1);
    memberRows.push(row);
  }

  const { byNode, byNodeMonth } = rollUpRemittance(
    [...cells.values()],
    (path) => {
      const node = byPath.get(path);
      return node ? remitLevelOf(node) : null;
    },
    (path, m) => rulesOf(path, m).remittance.shares,
  );
  const empty: RollupFigures = { expectedVnd: 0, collectedVnd: 0, keptVnd: 0, ownKeptVnd: 0, sentVnd: 0 };
  const rowOf = (node: DuesNode): DuesRemittanceRowDto => {
    const f = byNode.get(node.path) ?? empty;
    return {
      code: node.code,
      name: node.name,
      kind: node.kind,
      level: remitLevelOf(node),
      hasChildren: parents.has(node.path),
      ...f,
      ratePercent: ratePercent(f.collectedVnd, f.expectedVnd),
      membersInArrears: arrears.get(node.path) ?? 0,
    };
  };
  const self = byPath.get(org.path);
  if (!self) throw new Error(`no organisation at ${org.path}`);
  const own = rowOf(self);
  const children = nodes
    .filter((n) => n.depth === self.depth + 1 && n.path.startsWith(org.path))
    .filter((n) => n.status === 'active' || byNode.has(n.path))
    .map(rowOf);
  return {
    dto: {
      year,
      month: month ?? null,
      months,
      org: own,
      children,
      byMonth: months.map((m) => {
        const f = byNodeMonth.get(`${org.path}|${m}`) ?? empty;
        return { month: m, ...f, ratePercent: ratePercent(f.collectedVnd, f.expectedVnd) };
      }),
    },
    members: memberRows,
  };
}

/** `GET /api/dues/remittance`. */
export async function remittanceOf(
  db: Db,
  org: { path: string },
  year: number,
  month: Month | undefined,
  now: Date,
): Promise<DuesRemittanceDto> {
  return (await remittanceData(db, org, year, month, now)).dto;
}
