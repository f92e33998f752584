/**
 * The overview and the quality figures read from `cell_month_rollups` (migration 0013: one row per cell and
 * month, kept by triggers in the transaction of every write to meetings, attendance and opinions): the
 * active cells of the subtree by the materialised path, one roll-up row each by its key, the window of the
 * rule set in force for each cell decided in SQL, counted there too. No attendance or opinion row is read.
 */
import {
  DEFAULT_RULE_SET,
  monthWindow,
  type OverviewRow,
  type OverviewState,
  type OverviewSummary,
  QUALITY_LEVELS,
  type QualityFiguresDto,
  type QualityLevel,
} from '@nennep/core';
import { type SQL, sql } from 'drizzle-orm';
import { type Db, rows } from '../../db/client.ts';
import type { OrgRow } from '../orgs/queries.ts';
import { pick, type RuleSetRow, ruleSetsFor } from '../rule-sets/service.ts';
import { addCounts, type Counts, emptyCounts, HELD, lineOf, percent } from './figures.ts';

/** Recomputes every roll-up from the raw rows (repair; restore calls it): one statement. */
export async function rebuildRollups(tx: Db) {
  await tx.execute(sql`SELECT cell_month_rollups_rebuild()`);
}

/**
 * The last day of the month's window per node owning a rule set in force on the 1st (the newest row of the
 * node, as `pick` decides), and the default rules' at "/", the fallback of every path. A cell takes the
 * deepest of these paths above it — the rule set `pick` would choose for it.
 */
export function windowEnds(ruleSets: RuleSetRow[], month: string) {
  const [year, monthNumber] = [Number(month.slice(0, 4)), Number(month.slice(5, 7))];
  const ends = [{ path: '/', end: monthWindow(year, monthNumber, DEFAULT_RULE_SET).to }];
  for (const path of new Set(ruleSets.map((r) => r.orgPath))) {
    const found = pick(
      ruleSets.filter((r) => r.orgPath === path),
      path,
      `${month}-01`,
    );
    if (found) ends.push({ path, end: monthWindow(year, monthNumber, found.content).to });
  }
  return ends;
}

/** The subtree's active cells with their roll-up row and state, as a CTE named `judged`. */
async function judged(db: Db, root: OrgRow, month: string, today: string): Promise<SQL> {
  // Deepest first: the first path a cell's starts with is the rule set `pick` would choose for it. A CASE
  // rather than a lateral search of a VALUES list per cell: 10,000 cells at a province's root, ~12 ms less.
  const ends = windowEnds(await ruleSetsFor(db, root.path), month).sort(
    (a, b) => b.path.length - a.path.length,
  );
  const lastDay = sql`CASE ${sql.join(
    ends.map((w) => sql`WHEN starts_with(c.path, ${w.path}::text) THEN ${w.end}::date`),
    sql` `,
  )} END`;
  return sql`WITH judged AS (
      SELECT c.id, c.code, c.name, c.sort_key, c.parent_id, c.path,
        r.meeting_id, r.status, r.day, r.level, r.total, r.expected, r.present, r.speakers,
        CASE WHEN r.status IN ('held', 'adopted') THEN
               CASE WHEN r.day <= x.last_day THEN 'on_time' ELSE 'late' END
             WHEN ${today}::date > x.last_day THEN 'not_held'
             WHEN r.status IS NOT NULL THEN 'planned'
             ELSE 'upcoming' END AS state
      FROM orgs c
      LEFT JOIN cell_month_rollups r ON r.org_id = c.id AND r.month = ${`${month}-01`}::date
      CROSS JOIN LATERAL (SELECT ${lastDay} AS last_day) x
      WHERE c.path LIKE ${`${root.path}%`} AND c.kind IN ('cell', 'grassroots_cell') AND c.status = 'active')`;
}

interface LineRow {
  code: string;
  name: string;
  kind: string;
  cells: number;
  onTime: number;
  late: number;
  notHeld: number;
  good: number;
  fair: number;
  average: number;
  poor: number;
  scoreSum: number;
  scored: number;
  present: number;
  expected: number;
}

/** The raw sums per child node of `root` (the root itself when it is a cell), in Vietnamese name order. */
async function countsByChild(db: Db, root: OrgRow, month: string, today: string) {
  const cte = await judged(db, root, month, today);
  const lines = await rows<LineRow>(
    db,
    sql`${cte},
    grouped AS (
      SELECT COALESCE(NULLIF(split_part(substr(j.path, ${root.path.length + 1}), '/', 1), '')::bigint, ${root.id})
               AS child,
        count(*)::int AS cells,
        count(*) FILTER (WHERE j.state = 'on_time')::int AS "onTime",
        count(*) FILTER (WHERE j.state = 'late')::int AS late,
        count(*) FILTER (WHERE j.state = 'not_held')::int AS "notHeld",
        count(*) FILTER (WHERE j.status = 'adopted' AND j.level = 'good')::int AS good,
        count(*) FILTER (WHERE j.status = 'adopted' AND j.level = 'fair')::int AS fair,
        count(*) FILTER (WHERE j.status = 'adopted' AND j.level = 'average')::int AS average,
        count(*) FILTER (WHERE j.status = 'adopted' AND j.level = 'poor')::int AS poor,
        COALESCE(sum(j.total) FILTER (WHERE j.status = 'adopted'), 0)::int AS "scoreSum",
        count(j.total) FILTER (WHERE j.status = 'adopted')::int AS scored,
        COALESCE(sum(j.present) FILTER (WHERE j.status IN ('held', 'adopted')), 0)::int AS present,
        COALESCE(sum(j.expected) FILTER (WHERE j.status IN ('held', 'adopted')), 0)::int AS expected
      FROM judged j GROUP BY 1)
    SELECT o.code, o.name, o.kind, g.cells, g."onTime", g.late, g."notHeld", g.good, g.fair, g.average, g.poor,
      g."scoreSum", g.scored, g.present, g.expected
    FROM grouped g JOIN orgs o ON o.id = g.child
    ORDER BY o.sort_key, o.code`,
  );
  return lines.map((line) => {
    const counts: Counts = {
      cells: line.cells,
      onTime: line.onTime,
      late: line.late,
      notHeld: line.notHeld,
      byLevel: { good: line.good, fair: line.fair, average: line.average, poor: line.poor },
      scoreSum: line.scoreSum,
      scored: line.scored,
      present: line.present,
      expected: line.expected,
    };
    return { line, counts };
  });
}

/** Quality and attendance figures of a month per child node of `root`, with the root's totals. */
export async function qualityFigures(
  db: Db,
  root: OrgRow,
  month: string,
  today: string,
): Promise<QualityFiguresDto> {
  const byChild = await countsByChild(db, root, month, today);
  const all = emptyCounts();
  for (const { counts } of byChild) addCounts(all, counts);
  const lines = byChild.map(({ line, counts }) => ({
    orgCode: line.code,
    orgName: line.name,
    drill: line.kind !== 'cell' && line.kind !== 'grassroots_cell',
    ...lineOf(counts),
  }));
  return { org: { code: root.code, name: root.name }, month, lines, summary: lineOf(all) };
}

interface ItemRow extends Record<QualityLevel, number> {
  code: string;
  name: string;
  parentName: string | null;
  meetingId: number | null;
  day: string | null;
  state: OverviewState;
  status: string | null;
  level: string | null;
  total: number | null;
  expected: number | null;
  present: number | null;
  speakers: number | null;
  /** Window aggregates over every cell of the subtree, so the page carries the summary in the same pass. */
  cells: number;
  onTime: number;
  late: number;
  notHeld: number;
}

/**
 * One page of the subtree's cells in Vietnamese name order (all of them without `page`), and the summary of
 * every cell counted in the same pass (window aggregates); null when the page is empty.
 */
async function overviewPage(
  db: Db,
  root: OrgRow,
  month: string,
  today: string,
  page?: { offset: number; limit: number },
): Promise<{ items: OverviewRow[]; summary: OverviewSummary | null }> {
  const cte = await judged(db, root, month, today);
  const limit = page ? sql`LIMIT ${page.limit} OFFSET ${page.offset}` : sql``;
  const levels = sql.join(
    QUALITY_LEVELS.map(
      (level) =>
        sql`count(*) FILTER (WHERE j.status = 'adopted' AND j.level = ${level}) OVER ()::int AS ${sql.identifier(level)}`,
    ),
    sql`, `,
  );
  const found = await rows<ItemRow>(
    db,
    sql`${cte}
    SELECT j.code, j.name, p.name AS "parentName", j.meeting_id::int AS "meetingId", j.day::text AS day, j.state,
      j.status, j.level, j.total, j.expected, j.present, j.speakers,
      count(*) OVER ()::int AS cells,
      count(*) FILTER (WHERE j.state = 'on_time') OVER ()::int AS "onTime",
      count(*) FILTER (WHERE j.state = 'late') OVER ()::int AS late,
      count(*) FILTER (WHERE j.state = 'not_held') OVER ()::int AS "notHeld",
      ${levels}
    FROM judged j LEFT JOIN orgs p ON p.id = j.parent_id
    ORDER BY j.sort_key, j.code ${limit}`,
  );
  const first = found[0];
  const summary = first
    ? {
        cells: first.cells,
        onTime: first.onTime,
        late: first.late,
        notHeld: first.notHeld,
        byLevel: Object.fromEntries(QUALITY_LEVELS.map((l) => [l, first[l]])) as Record<QualityLevel, number>,
      }
    : null;
  const items = found.map((r) => {
    const held = r.status !== null && HELD.has(r.status);
    const adopted = r.status === 'adopted';
    return {
      orgCode: r.code,
      orgName: r.name,
      parentName: r.parentName,
      meetingId: r.meetingId,
      date: r.day,
      state: r.state,
      level: adopted && r.level ? (r.level as QualityLevel) : null,
      total: adopted ? r.total : null,
      attendancePercent: held ? percent(r.present ?? 0, r.expected ?? 0) : null,
      speakingPercent: held ? percent(r.speakers ?? 0, r.present ?? 0) : null,
    };
  });
  return { items, summary };
}

/** One page of the subtree's cells in Vietnamese name order (all of them without `page`). */
export async function overviewItems(
  db: Db,
  root: OrgRow,
  month: string,
  today: string,
  page?: { offset: number; limit: number },
): Promise<OverviewRow[]> {
  return (await overviewPage(db, root, month, today, page)).items;
}

/** The overview's page of cells with the summary of all of them: one pass, two when the page is empty. */
export async function overviewOf(
  db: Db,
  root: OrgRow,
  month: string,
  today: string,
  page?: { offset: number; limit: number },
) {
  const { items, summary } = await overviewPage(db, root, month, today, page);
  return { items, summary: summary ?? (await overviewSummary(db, root, month, today)) };
}

/** The overview's summary: the quality figures' totals, without their shares. */
export async function overviewSummary(db: Db, root: OrgRow, month: string, today: string) {
  const all = emptyCounts();
  for (const { counts } of await countsByChild(db, root, month, today)) addCounts(all, counts);
  const { cells, onTime, late, notHeld, byLevel } = all;
  return { cells, onTime, late, notHeld, byLevel };
}
