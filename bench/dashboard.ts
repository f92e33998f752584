/**
 * Dashboard benchmark (issue 14 item 2): the committee's overview (summary and first page of cells) and the
 * quality figures per child node, read at the root of whatever database it is given (the generated
 * province, bench/province.ts) from the roll-ups, beside the naive read of the raw rows (the old query, kept
 * as `naiveMeetingsOverview` / `naiveQualityFigures`). Called in-process, as the routes call them, so the
 * figures are the database's and the JS's, not HTTP's. Writes nothing to the database.
 */
import { isoDateInVietnam } from '@nennep/core';
import { openPostgres } from '../packages/server/src/db/client.ts';
import { findOrg } from '../packages/server/src/modules/orgs/queries.ts';
import { naiveMeetingsOverview, naiveQualityFigures } from '../packages/server/src/modules/overview/naive.ts';
import { qualityFigures } from '../packages/server/src/modules/overview/rollups.ts';
import { meetingsOverview } from '../packages/server/src/modules/overview/service.ts';
import { dashboardOf } from '../packages/server/src/modules/recommendations/dashboard.ts';
import { naiveDashboardOf } from '../packages/server/src/modules/recommendations/dashboard-naive.ts';
import { coverageOf } from '../packages/server/src/modules/supervision/coverage.ts';
import { naiveCoverageOf } from '../packages/server/src/modules/supervision/coverage-naive.ts';
import { periodFor } from '../packages/server/src/modules/supervision/planner-input.ts';

const WARM_UP = 5;
/** Reads as a committee member would; the figures do not depend on who asks. */
const BENCH_ACTOR = {
  id: 0,
  username: 'bench',
  displayName: 'Bench',
  memberId: null,
  locale: 'vi' as const,
  grants: [],
  visitorOf: [],
  csrfToken: '',
};
const RUNS = Number(process.env.BENCH_DASHBOARD_RUNS ?? 50);
const NAIVE_RUNS = Number(process.env.BENCH_DASHBOARD_NAIVE_RUNS ?? 10);
/** The first page of cells, as the web asks for it. */
const PAGE = { offset: 0, limit: 50 };

export interface Timing {
  p50Ms: number;
  p95Ms: number;
  naiveP50Ms: number;
  naiveP95Ms: number;
  ratio: number;
}

export interface DashboardFigures extends Timing {
  members: number;
  cells: number;
  meetings: number;
  root: string;
  month: string;
  overview: Timing;
  figures: Timing;
  /** The overview and the figures side by side on the two connections, as the page sends them. */
  both: Timing;
  /** Supervision coverage of the last period whose window is over, at the root (lists cut at 200). */
  coverage: Timing & { period: string };
  /** The recommendations dashboard of this year at the root, likely duplicates included. */
  recommendations: Timing & { from: string; to: string };
  /** The roll-up reads gave what the naive ones give (summary and figures at the root). */
  equal: boolean;
  note: string;
}

function percentile(sorted: number[], p: number): number {
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1));
  return Math.round((sorted[index] ?? 0) * 100) / 100;
}

async function timed(runs: number, work: () => Promise<unknown>) {
  for (let i = 0; i < Math.min(WARM_UP, runs); i++) await work();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await work();
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 0.5), p95: percentile(times, 0.95) };
}

async function compare(fast: () => Promise<unknown>, naive: () => Promise<unknown>): Promise<Timing> {
  const a = await timed(RUNS, fast);
  const b = await timed(NAIVE_RUNS, naive);
  return {
    p50Ms: a.p50,
    p95Ms: a.p95,
    naiveP50Ms: b.p50,
    naiveP95Ms: b.p95,
    ratio: Math.round((b.p95 / Math.max(a.p95, 0.01)) * 10) / 10,
  };
}

/** Reads the dashboards at the root of the database at `url` (the node with the most active cells). */
export async function benchDashboard(url: string, log: (text: string) => void = () => {}) {
  const database = await openPostgres(url, 2);
  try {
    const { db, raw } = database;
    const [counts] = await raw.query<{ members: number; cells: number; meetings: number; root: string }>(
      `SELECT (SELECT count(*)::int FROM members) AS members,
              (SELECT count(*)::int FROM orgs WHERE kind IN ('cell', 'grassroots_cell') AND status = 'active') AS cells,
              (SELECT count(*)::int FROM meetings) AS meetings,
              (SELECT code FROM orgs WHERE parent_id IS NULL AND status = 'active' ORDER BY id LIMIT 1) AS root`,
    );
    if (!counts?.root) throw new Error('benchDashboard: no root organisation');
    const root = await findOrg(db, counts.root);
    if (!root) throw new Error(`benchDashboard: no ${counts.root}`);
    // The last month over: every cell's state is settled (held on time, late or not held).
    const today = isoDateInVietnam(new Date());
    const first = new Date(`${today.slice(0, 7)}-15T00:00:00Z`);
    first.setUTCMonth(first.getUTCMonth() - 1);
    const month = first.toISOString().slice(0, 7);
    await raw.query('ANALYZE');

    const summary = (await meetingsOverview(db, root, month, today, PAGE)).summary;
    const naive = await naiveMeetingsOverview(db, root, month, today);
    const figures = await qualityFigures(db, root, month, today);
    const equal =
      JSON.stringify(summary) === JSON.stringify(naive.summary) &&
      JSON.stringify(figures) === JSON.stringify(await naiveQualityFigures(db, root, month, today));

    log(`Dashboard: overview of ${counts.cells.toLocaleString('en')} cells at ${root.code}, ${month}…`);
    const overview = await compare(
      () => meetingsOverview(db, root, month, today, PAGE),
      () => naiveMeetingsOverview(db, root, month, today),
    );
    log(`Dashboard: quality figures per child node…`);
    const perChild = await compare(
      () => qualityFigures(db, root, month, today),
      () => naiveQualityFigures(db, root, month, today),
    );
    log(`Dashboard: both, as the overview page asks for them…`);
    const both = await compare(
      () =>
        Promise.all([meetingsOverview(db, root, month, today, PAGE), qualityFigures(db, root, month, today)]),
      () => naiveMeetingsOverview(db, root, month, today),
    );
    const [last] = await raw.query<{ key: string }>(
      `SELECT max(period_key) AS key FROM visits WHERE scheduled_date < $1::date - 45`,
      [today],
    );
    const { period, rules } = await periodFor(db, root, last?.key ?? `${today.slice(0, 4)}-Q1`);
    const numbers = (c: Awaited<ReturnType<typeof coverageOf>>) =>
      JSON.stringify([c.totals, c.children, c.levels, c.listed]);
    const coverageEqual =
      numbers(await coverageOf(db, root, period, rules, today)) ===
      numbers(await naiveCoverageOf(db, root, period, rules, today));
    log(`Dashboard: supervision coverage of ${period.key}…`);
    const coverage = await compare(
      () => coverageOf(db, root, period, rules, today),
      () => naiveCoverageOf(db, root, period, rules, today),
    );
    const [from, to] = [`${today.slice(0, 4)}-01-01`, `${today.slice(0, 4)}-12-31`];
    const { duplicates: _a, ...fastRecs } = await dashboardOf(db, BENCH_ACTOR, root, from, to, today);
    const { duplicates: _b, ...naiveRecs } = await naiveDashboardOf(
      db,
      BENCH_ACTOR,
      root,
      from,
      to,
      today,
      false,
    );
    log(`Dashboard: recommendations ${from}…${to}…`);
    const recommendations = await compare(
      () => dashboardOf(db, BENCH_ACTOR, root, from, to, today),
      () => naiveDashboardOf(db, BENCH_ACTOR, root, from, to, today, false),
    );
    const result: DashboardFigures = {
      members: counts.members,
      cells: counts.cells,
      meetings: counts.meetings,
      root: root.code,
      month,
      // The top level is the overview's read (the figure); the quality figures and the two side by
      // side (as the page sends them, on two connections) beside it.
      ...overview,
      overview,
      both,
      figures: perChild,
      coverage: { period: period.key, ...coverage },
      recommendations: { from, to, ...recommendations },
      equal: equal && coverageEqual && JSON.stringify(fastRecs) === JSON.stringify(naiveRecs),
      note:
        'p50Ms/p95Ms (= overview): the overview (summary and first page of 50 cells) read from the roll-ups ' +
        'at the root; naiveP95Ms: the old overview (every cell from the raw rows, one pass); figures: the ' +
        'quality figures per child node against the old figures; both: the two side by side on two ' +
        `connections against the old overview; ${RUNS} runs each (naive ${NAIVE_RUNS}) after ${WARM_UP} warm-up, PostgreSQL, ` +
        'two connections, 2 cores shared. coverage: from the visit_cell_periods roll-up against every visit ' +
        'read (naive); recommendations: counted by the database, duplicates from recommendation_likes, against ' +
        'every recommendation read and presented (naive, without its pairwise self-join of likely duplicates, ' +
        'which did not end in 20 minutes at this size). equal: the figures of ' +
        'each fast read equal the naive one (likely duplicates left out: by design only pairs with an open one).',
    };
    return result;
  } finally {
    await database.close();
  }
}
