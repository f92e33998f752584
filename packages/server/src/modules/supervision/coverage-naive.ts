import {
  addDays,
  CELL_KINDS,
  type CoverageDto,
  nameSortKey,
  QUALITY_LEVELS,
  type QualityLevel,
  type SupervisionPeriod,
  type SupervisionRules,
} from '@nennep/core';
import { sql } from 'drizzle-orm';
import { type Db, rows } from '../../db/client.ts';
import type { OrgRow } from '../orgs/queries.ts';
import { targetCells } from './queries.ts';

interface CoverageVisit {
  id: number;
  cellId: number;
  accountId: number;
  visitorName: string;
  groupId: number | null;
  groupName: string | null;
  date: string;
  status: string;
  cellTotal: number | null;
  cellLevel: QualityLevel | null;
  visitorTotal: number | null;
  visitorLevel: QualityLevel | null;
}

const zeroLevels = () =>
  Object.fromEntries(QUALITY_LEVELS.map((l) => [l, 0])) as Record<QualityLevel, number>;
const done = (status: string) => status === 'reported' || status === 'missed';

/**
 * Coverage as it was first written: every target cell and every visit of the period read, then counted in
 * JavaScript. Kept as the reference the roll-up reading (coverage.ts) is tested against and measured by.
 */
export async function naiveCoverageOf(
  db: Db,
  org: OrgRow,
  period: SupervisionPeriod,
  rules: SupervisionRules,
  today: string,
): Promise<CoverageDto> {
  const cells = await targetCells(db, org.path, rules);
  const visitList = await rows<CoverageVisit>(
    db,
    sql`SELECT v.id::int AS id, v.cell_org_id::int AS "cellId", v.account_id::int AS "accountId",
          a.display_name AS "visitorName", v.group_id::int AS "groupId", g.name AS "groupName",
          v.scheduled_date::text AS date, v.status, m.total AS "cellTotal", m.level AS "cellLevel",
          r.total AS "visitorTotal", r.level AS "visitorLevel"
        FROM visits v JOIN accounts a ON a.id = v.account_id
        LEFT JOIN working_groups g ON g.id = v.group_id
        LEFT JOIN meetings m ON m.id = v.meeting_id
        LEFT JOIN visit_reports r ON r.visit_id = v.id
        WHERE v.cell_path LIKE ${`${org.path}%`} AND v.period_key = ${period.key} AND v.status <> 'cancelled'
        ORDER BY v.scheduled_date, v.id`,
  );
  const windowOver = today > period.windowTo;
  const byCell = new Map<number, CoverageVisit[]>();
  for (const v of visitList) {
    const list = byCell.get(v.cellId);
    if (list) list.push(v);
    else byCell.set(v.cellId, [v]);
  }
  // By id: a lookup per reported visit, not a pass over every target cell (issue 14 item 2, province scale).
  const cellById = new Map(cells.map((c) => [c.id, c]));
  const stateOf = (cellId: number) => {
    const list = byCell.get(cellId) ?? [];
    if (list.some((v) => v.status === 'reported')) return 'visited' as const;
    if (windowOver) return 'overdue' as const;
    return list.some((v) => !done(v.status)) ? ('planned' as const) : ('unplanned' as const);
  };
  const states = new Map(cells.map((c) => [c.id, stateOf(c.id)]));
  const count = (ids: number[], state: string) => ids.filter((id) => states.get(id) === state).length;
  const allIds = cells.map((c) => c.id);
  const visited = count(allIds, 'visited');
  const children = await rows<{ code: string; name: string; path: string; kind: string }>(
    db,
    sql`SELECT code, name, path, kind FROM orgs WHERE parent_id = ${org.id} AND status = 'active' ORDER BY sort_key, id`,
  );
  const quality = visitList
    .filter((v) => v.status === 'reported')
    .map((v) => {
      const cell = cellById.get(v.cellId);
      return {
        cellCode: cell?.code ?? '',
        cellName: cell?.name ?? '',
        parentName: cell?.parentName ?? null,
        visitId: v.id,
        cellLevel: v.cellLevel,
        cellTotal: v.cellTotal,
        visitorLevel: v.visitorLevel,
        visitorTotal: v.visitorTotal,
        // Visitor minus cell: negative when the visitor judged the meeting lower than the cell did.
        gap: v.cellTotal !== null && v.visitorTotal !== null ? v.visitorTotal - v.cellTotal : null,
      };
    });
  const levels = { cell: zeroLevels(), visitor: zeroLevels() };
  for (const q of quality) {
    if (q.cellLevel) levels.cell[q.cellLevel] += 1;
    if (q.visitorLevel) levels.visitor[q.visitorLevel] += 1;
  }
  const tally = <K extends string | number>(
    key: (v: CoverageVisit) => K | null,
    name: (v: CoverageVisit) => string,
  ) => {
    const out = new Map<K, { name: string; planned: number; reported: number }>();
    for (const v of visitList) {
      const k = key(v);
      if (k === null) continue;
      const entry = out.get(k) ?? { name: name(v), planned: 0, reported: 0 };
      entry.planned += 1;
      if (done(v.status)) entry.reported += 1;
      out.set(k, entry);
    }
    return [...out.entries()];
  };
  const year = period.from.slice(0, 4);
  const members = await rows<{ accountId: number; displayName: string; visits: number }>(
    db,
    sql`SELECT a.id::int AS "accountId", a.display_name AS "displayName",
          (SELECT count(*)::int FROM visits v WHERE v.account_id = a.id AND v.status = 'reported'
             AND v.scheduled_date BETWEEN ${`${year}-01-01`} AND ${`${year}-12-31`}) AS visits
        FROM accounts a WHERE NOT a.disabled AND EXISTS (
          SELECT 1 FROM grants g WHERE g.account_id = a.id AND g.org_id = ${org.id} AND g.role = 'committee_member')`,
  );
  const result = {
    orgCode: org.code,
    orgName: org.name,
    period,
    totals: {
      targetCells: cells.length,
      visited,
      planned: count(allIds, 'planned'),
      toVisit: cells.length - visited,
      overdue: count(allIds, 'overdue'),
      reportsOverdue: visitList.filter((v) => !done(v.status) && addDays(v.date, rules.reportDueDays) < today)
        .length,
    },
    children: children
      .map((child) => {
        const ids = cells.filter((c) => c.path.startsWith(child.path)).map((c) => c.id);
        const seen = count(ids, 'visited');
        return {
          orgCode: child.code,
          orgName: child.name,
          drill: !(CELL_KINDS as readonly string[]).includes(child.kind),
          targetCells: ids.length,
          visited: seen,
          toVisit: ids.length - seen,
          overdue: count(ids, 'overdue'),
        };
      })
      .filter((c) => c.targetCells > 0),
    byVisitor: tally(
      (v) => v.accountId,
      (v) => v.visitorName,
    )
      .map(([accountId, e]) => ({ accountId, displayName: e.name, planned: e.planned, reported: e.reported }))
      // The order of compareVietnameseNames, its key computed once per visitor rather than per comparison.
      .map((v) => ({ v, key: nameSortKey(v.displayName) }))
      .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
      .map(({ v }) => v),
    byGroup: tally(
      (v) => v.groupId,
      (v) => v.groupName ?? '',
    )
      .map(([groupId, e]) => ({ groupId, name: e.name, planned: e.planned, reported: e.reported }))
      .sort((a, b) => a.name.localeCompare(b.name, 'vi', { numeric: true })),
    quality,
    levels,
    pending: cells
      .filter((c) => states.get(c.id) !== 'visited')
      .map((c) => {
        const next = (byCell.get(c.id) ?? []).find((v) => !done(v.status)) ?? null;
        return {
          cellCode: c.code,
          cellName: c.name,
          parentName: c.parentName,
          state: states.get(c.id) as 'planned' | 'unplanned' | 'overdue',
          visitId: next?.id ?? null,
          date: next?.date ?? null,
        };
      }),
    committeeMembersBelowTarget: members
      .filter((m) => m.visits < rules.committeeMemberVisitsPerYear)
      .map((m) => ({ ...m, visitsThisYear: m.visits, target: rules.committeeMemberVisitsPerYear }))
      .map(({ visits: _v, ...m }) => m),
  };
  return {
    ...result,
    listed: {
      quality: result.quality.length,
      pending: result.pending.length,
      byVisitor: result.byVisitor.length,
    },
  };
}
