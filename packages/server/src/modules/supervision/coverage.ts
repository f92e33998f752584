import {
  addDays,
  CELL_KINDS,
  type CoverageDto,
  nameSortKey,
  type QualityLevel,
  type SupervisionPeriod,
  type SupervisionRules,
} from '@nennep/core';
import { type SQL, sql } from 'drizzle-orm';
import { type Db, readAll, rows } from '../../db/client.ts';
import type { OrgRow } from '../orgs/queries.ts';

/** The longest list (quality, pending cells, visitors) a coverage answer carries; `listed` says how many in all. */
export const COVERAGE_LIST_LIMIT = 200;

type PendingState = 'planned' | 'unplanned' | 'overdue';

/**
 * Visitors' name keys, kept between requests: a province's root lists some 3,000 visitors, whose keys took
 * 30–40 ms to compute on each read. Bounded; names are not personal data beyond what the answer shows.
 */
const nameKeys = new Map<string, string>();
function nameKey(name: string) {
  let key = nameKeys.get(name);
  if (key === undefined) {
    if (nameKeys.size >= 50_000) nameKeys.clear();
    key = nameSortKey(name);
    nameKeys.set(name, key);
  }
  return key;
}
const values = (list: readonly string[]) =>
  list.length === 0
    ? sql`NULL`
    : sql.join(
        list.map((v) => sql`${v}`),
        sql`, `,
      );

/**
 * Coverage and quality of a period for a node: its target cells, the visits to them, the gaps. Read from the
 * roll-up `visit_cell_periods` (migration 0014: per cell and period, kept by triggers in the writes' own
 * transactions) joined to the tree, so a province's root costs a pass over its cells' roll-up rows rather
 * than every visit with its meeting and report (issue 14 item 2); the lists stop at `listLimit` (the report,
 * which prints them whole, passes no limit) and `listed` counts them all.
 */
export async function coverageOf(
  db: Db,
  org: OrgRow,
  period: SupervisionPeriod,
  rules: SupervisionRules,
  today: string,
  { listLimit = COVERAGE_LIST_LIMIT }: { listLimit?: number } = {},
): Promise<CoverageDto> {
  const under = `${org.path}%`;
  const windowOver = today > period.windowTo;
  // A target cell (queries.ts `targetCells`) and its state in the period.
  const target = sql`o.path LIKE ${under} AND o.path <> ${org.path} AND o.status = 'active'
    AND o.kind IN (${values(CELL_KINDS)}) AND o.category IN (${values(rules.targetCategories)})`;
  const state = sql`CASE WHEN COALESCE(p.reported, 0) > 0 THEN 'visited'
    WHEN ${windowOver} THEN 'overdue'
    WHEN COALESCE(p.visits - p.done, 0) > 0 THEN 'planned' ELSE 'unplanned' END`;
  const cells = sql`orgs o LEFT JOIN visit_cell_periods p ON p.org_id = o.id AND p.period_key = ${period.key}`;
  const depth = org.path.length;
  const limit = Number.isFinite(listLimit) ? sql`LIMIT ${listLimit}` : sql``;
  // Independent reads, side by side on the pool (one after another in a transaction and on PGlite).
  const countsRead = () =>
    rows<{ child: string; state: string; n: number }>(
      db,
      sql`SELECT substr(o.path, 1, ${depth} + strpos(substr(o.path, ${depth + 1}), '/')) AS child,
          ${state} AS state, count(*)::int AS n
        FROM ${cells} WHERE ${target} GROUP BY 1, 2`,
    );
  const factsRead = () =>
    rows<Record<string, number>>(
      db,
      sql`SELECT COALESCE(sum(p.cell_good), 0)::int AS "cell.good", COALESCE(sum(p.cell_fair), 0)::int AS "cell.fair",
          COALESCE(sum(p.cell_average), 0)::int AS "cell.average", COALESCE(sum(p.cell_poor), 0)::int AS "cell.poor",
          COALESCE(sum(p.visitor_good), 0)::int AS "visitor.good", COALESCE(sum(p.visitor_fair), 0)::int AS "visitor.fair",
          COALESCE(sum(p.visitor_average), 0)::int AS "visitor.average",
          COALESCE(sum(p.visitor_poor), 0)::int AS "visitor.poor",
          COALESCE(sum(p.reported), 0)::int AS reported,
          COALESCE(sum((SELECT count(*) FROM unnest(p.open_dates) d
            WHERE d < ${addDays(today, -rules.reportDueDays)}::date)), 0)::int AS "reportsOverdue"
        FROM visit_cell_periods p JOIN orgs o ON o.id = p.org_id
        WHERE p.period_key = ${period.key} AND o.path LIKE ${under}`,
    );
  const childrenRead = () =>
    rows<{ code: string; name: string; path: string; kind: string }>(
      db,
      sql`SELECT code, name, path, kind FROM orgs WHERE parent_id = ${org.id} AND status = 'active' ORDER BY sort_key, id`,
    );
  const pendingRead = () =>
    rows<CoverageDto['pending'][number]>(
      db,
      sql`SELECT o.code AS "cellCode", o.name AS "cellName", par.name AS "parentName", ${state} AS state,
          p.next_visit_id::int AS "visitId", p.open_dates[1]::text AS date
        FROM ${cells} LEFT JOIN orgs par ON par.id = o.parent_id
        WHERE ${target} AND COALESCE(p.reported, 0) = 0 ORDER BY o.sort_key, o.id ${limit}`,
    );
  const [counts, [facts], children, visitors, groups, quality, pending, members] = await readAll(db, [
    countsRead,
    factsRead,
    childrenRead,
    () => tally(db, sql`v.account_id`, sql`a.display_name`, under, period.key),
    () => tally(db, sql`v.group_id`, sql`g.name`, under, period.key),
    () => qualityList(db, under, period.key, limit),
    pendingRead,
    () => belowTarget(db, org, period, rules),
  ] as const);
  const fact = (key: string) => facts?.[key] ?? 0;
  const levelsOf = (side: 'cell' | 'visitor') =>
    ({
      good: fact(`${side}.good`),
      fair: fact(`${side}.fair`),
      average: fact(`${side}.average`),
      poor: fact(`${side}.poor`),
    }) satisfies Record<QualityLevel, number>;
  const sum = (pred: (c: { child: string; state: string }) => boolean) =>
    counts.reduce((n, c) => (pred(c) ? n + c.n : n), 0);
  const targetCells = sum(() => true);
  const visited = sum((c) => c.state === 'visited');
  const byVisitor = visitors
    .map((v) => ({ accountId: v.id, displayName: v.name, planned: v.planned, reported: v.reported }))
    // The order of compareVietnameseNames, its key computed once per visitor rather than per comparison.
    .map((v) => ({ v, key: nameKey(v.displayName) }))
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
    .map(({ v }) => v);
  return {
    orgCode: org.code,
    orgName: org.name,
    period,
    totals: {
      targetCells,
      visited,
      planned: sum((c) => c.state === 'planned'),
      toVisit: targetCells - visited,
      overdue: sum((c) => c.state === 'overdue'),
      reportsOverdue: fact('reportsOverdue'),
    },
    children: children
      .map((child) => {
        const mine = (c: { child: string }) => c.child === child.path;
        const seen = sum((c) => mine(c) && c.state === 'visited');
        const ids = sum(mine);
        return {
          orgCode: child.code,
          orgName: child.name,
          drill: !(CELL_KINDS as readonly string[]).includes(child.kind),
          targetCells: ids,
          visited: seen,
          toVisit: ids - seen,
          overdue: sum((c) => mine(c) && c.state === 'overdue'),
        };
      })
      .filter((c) => c.targetCells > 0),
    byVisitor: byVisitor.slice(0, listLimit),
    byGroup: groups
      .map((g) => ({ groupId: g.id, name: g.name, planned: g.planned, reported: g.reported }))
      .sort((a, b) => a.name.localeCompare(b.name, 'vi', { numeric: true })),
    quality,
    levels: { cell: levelsOf('cell'), visitor: levelsOf('visitor') },
    pending: pending.map((p) => ({ ...p, state: p.state as PendingState })),
    listed: { quality: fact('reported'), pending: targetCells - visited, byVisitor: byVisitor.length },
    committeeMembersBelowTarget: members,
  };
}

/** Visits of the period under the node, planned and done, per visitor or per working group. */
function tally(db: Db, key: SQL, name: SQL, under: string, periodKey: string) {
  return rows<{ id: number; name: string; planned: number; reported: number }>(
    db,
    sql`SELECT ${key}::int AS id, COALESCE(min(${name}), '') AS name, count(*)::int AS planned,
          (count(*) FILTER (WHERE v.status IN ('reported', 'missed')))::int AS reported
        FROM visits v JOIN accounts a ON a.id = v.account_id LEFT JOIN working_groups g ON g.id = v.group_id
        WHERE v.cell_path LIKE ${under} AND v.period_key = ${periodKey} AND v.status <> 'cancelled'
          AND ${key} IS NOT NULL
        GROUP BY ${key}`,
  );
}

/** The reported visits, the cell's level beside the visitor's, by date. */
async function qualityList(db: Db, under: string, periodKey: string, limit: SQL) {
  return rows<CoverageDto['quality'][number]>(
    db,
    sql`SELECT o.code AS "cellCode", o.name AS "cellName", par.name AS "parentName", v.id::int AS "visitId",
          m.level AS "cellLevel", m.total AS "cellTotal", r.level AS "visitorLevel", r.total AS "visitorTotal",
          -- Visitor minus cell: negative when the visitor judged the meeting lower than the cell did.
          (r.total - m.total)::int AS gap
        FROM (SELECT v.id, v.cell_org_id, v.meeting_id, v.scheduled_date FROM visits v
              WHERE v.cell_path LIKE ${under} AND v.period_key = ${periodKey} AND v.status = 'reported'
              ORDER BY v.scheduled_date, v.id ${limit}) v
        JOIN orgs o ON o.id = v.cell_org_id LEFT JOIN orgs par ON par.id = o.parent_id
        LEFT JOIN meetings m ON m.id = v.meeting_id LEFT JOIN visit_reports r ON r.visit_id = v.id
        -- The first visits by date, then their cells, meetings and reports: not every visit joined first.
        ORDER BY v.scheduled_date, v.id`,
  );
}

/** Committee members of the node below their yearly minimum of visits (committeeMemberVisitsPerYear). */
async function belowTarget(db: Db, org: OrgRow, period: SupervisionPeriod, rules: SupervisionRules) {
  const year = period.from.slice(0, 4);
  const members = await rows<{ accountId: number; displayName: string; visits: number }>(
    db,
    sql`SELECT a.id::int AS "accountId", a.display_name AS "displayName",
          (SELECT count(*)::int FROM visits v WHERE v.account_id = a.id AND v.status = 'reported'
             AND v.scheduled_date BETWEEN ${`${year}-01-01`} AND ${`${year}-12-31`}) AS visits
        FROM accounts a WHERE NOT a.disabled AND EXISTS (
          SELECT 1 FROM grants g WHERE g.account_id = a.id AND g.org_id = ${org.id} AND g.role = 'committee_member')`,
  );
  return members
    .filter((m) => m.visits < rules.committeeMemberVisitsPerYear)
    .map((m) => ({
      accountId: m.accountId,
      displayName: m.displayName,
      visitsThisYear: m.visits,
      target: rules.committeeMemberVisitsPerYear,
    }));
}
