import {
  type Bilingual,
  CELL_KINDS,
  GRASSROOTS_KINDS,
  OPEN_RECOMMENDATION_STATUSES,
  percentiles,
  RECOMMENDATION_LEVELS,
  type RecommendationDashboardDto,
  type RecommendationLevel,
  type RecommendationStatus,
} from '@nennep/core';
import { type SQL, sql } from 'drizzle-orm';
import { type Db, rows } from '../../db/client.ts';
import type { Actor } from '../../http/access.ts';
import type { OrgRow } from '../orgs/queries.ts';
import { presentAll, recommendationRows, rulesReader } from './queries.ts';

/** Texts at least this alike (pg_trgm similarity of the accent-folded texts) are shown as likely duplicates. */
export const DUPLICATE_SIMILARITY = 0.45;

const list = (values: readonly string[]) =>
  sql.join(
    values.map((v) => sql`${v}`),
    sql`, `,
  );
const OPEN = list(OPEN_RECOMMENDATION_STATUSES);

/**
 * `levelOf` (policy.ts) in SQL, over `r` and its handler `h`: an outside body; the cell itself; the committee
 * that leads the cell directly, or any grassroots committee; else a superior committee. The equivalence test
 * (dashboard.test.ts) holds the two together.
 */
const LEVEL = sql`CASE
  WHEN COALESCE(r.outside_body, '') <> '' THEN 'outside'
  WHEN h.kind IN (${list(CELL_KINDS)}) THEN 'cell'
  WHEN h.kind IN (${list(GRASSROOTS_KINDS)})
    OR (left(r.org_path, length(h.path)) = h.path
        AND length(r.org_path) > length(h.path)
        AND strpos(substr(r.org_path, length(h.path) + 1), '/') = length(r.org_path) - length(h.path)) THEN 'grassroots'
  ELSE 'superior' END`;

interface Group {
  category: string;
  level: RecommendationLevel;
  status: RecommendationStatus;
  raised: number;
  open: number;
  overdue: number;
}

/**
 * The recommendations of a subtree raised in a period, as the committee's dashboard shows them: counted by
 * the database (one grouped pass over the subtree's index range, issue 14 item 2) rather than every row read
 * and presented, so the province's root answers as fast as a commune. Only the ten oldest open ones and the
 * likely duplicates are read as rows.
 */
export async function dashboardOf(
  db: Db,
  actor: Actor,
  org: OrgRow,
  from: string,
  to: string,
  today: string,
): Promise<RecommendationDashboardDto> {
  const scope = (r: string) =>
    sql`${sql.raw(r)}.org_path LIKE ${`${org.path}%`} AND ${sql.raw(r)}.raised_on BETWEEN ${from} AND ${to}`;
  const groups = await rows<Group>(
    db,
    sql`SELECT r.category, ${LEVEL} AS level, r.status, count(*)::int AS raised,
          count(*) FILTER (WHERE r.status IN (${OPEN}) AND r.due_date IS NOT NULL)::int AS open,
          count(*) FILTER (WHERE r.status IN (${OPEN}) AND r.due_date < ${today})::int AS overdue
        FROM recommendations r JOIN orgs h ON h.id = r.handler_org_id
        WHERE ${scope('r')} GROUP BY 1, 2, 3`,
  );
  const answerDays = await rows<{ days: number; n: number }>(
    db,
    sql`SELECT (r.answered_on - r.raised_on)::int AS days, count(*)::int AS n FROM recommendations r
        WHERE ${scope('r')} AND r.status IN ('answered', 'reported_back') AND r.answered_on IS NOT NULL
        GROUP BY 1`,
  );
  const labels = await categoryLabels(db, org, to, groups, scope('r'));
  const sum = (pred: (g: Group) => boolean, field: 'raised' | 'open' | 'overdue' = 'raised') =>
    groups.reduce((total, g) => (pred(g) ? total + g[field] : total), 0);
  const isAnswered = (g: Group) => g.status === 'answered' || g.status === 'reported_back';
  const oldest = await recommendationRows(
    db,
    sql`${scope('r')} AND r.status IN (${OPEN}) AND r.due_date IS NOT NULL`,
    sql`r.raised_on, r.id`,
    10,
  );
  const duplicates = await likelyDuplicates(db, actor, scope, today);
  return {
    orgCode: org.code,
    orgName: org.name,
    from,
    to,
    totals: {
      raised: sum(() => true),
      open: sum(() => true, 'open'),
      overdue: sum(() => true, 'overdue'),
      answered: sum(isAnswered),
      reportedBack: sum((g) => g.status === 'reported_back'),
      closed: sum((g) => g.status === 'merged' || g.status === 'declined'),
    },
    byCategory: [...labels.entries()]
      .map(([category, label]) => {
        const mine = (g: Group) => g.category === category;
        return {
          category,
          label,
          raised: sum(mine),
          open: sum(mine, 'open'),
          overdue: sum(mine, 'overdue'),
          answered: sum((g) => mine(g) && isAnswered(g)),
        };
      })
      .filter((c) => c.raised > 0),
    byLevel: RECOMMENDATION_LEVELS.map((level) => {
      const mine = (g: Group) => g.level === level;
      return {
        level,
        open: sum(mine, 'open'),
        overdue: sum(mine, 'overdue'),
        answered: sum((g) => mine(g) && isAnswered(g)),
      };
    }),
    timeToAnswer: {
      count: answerDays.reduce((n, d) => n + d.n, 0),
      ...percentiles(answerDays.flatMap((d) => Array<number>(d.n).fill(d.days))),
    },
    oldestOpen: await presentAll(db, actor, oldest, today),
    duplicates,
  };
}

/**
 * The categories' labels: the node's rules first, in their order; then any other category met in the period,
 * labelled by the rules of its first recommendation's cell and day (as the recommendation itself shows it).
 */
async function categoryLabels(db: Db, org: OrgRow, to: string, groups: Group[], scope: SQL) {
  const rulesAt = await rulesReader(db);
  const labels = new Map<string, Bilingual>(rulesAt(org.path, to).categories.map((c) => [c.id, c.label]));
  const unknown = [...new Set(groups.map((g) => g.category))].filter((c) => !labels.has(c));
  if (unknown.length === 0) return labels;
  const firsts = await rows<{ category: string; orgPath: string; raisedOn: string }>(
    db,
    sql`SELECT f.category, f.org_path AS "orgPath", f.raised_on::text AS "raisedOn"
        FROM (SELECT DISTINCT ON (r.category) r.category, r.org_path, r.raised_on, r.id FROM recommendations r
              WHERE ${scope} AND r.category IN (${list(unknown)}) ORDER BY r.category, r.raised_on, r.id) f
        ORDER BY f.raised_on, f.id`,
  );
  for (const f of firsts) {
    const label = rulesAt(f.orgPath, f.raisedOn).categories.find((c) => c.id === f.category)?.label;
    labels.set(f.category, label ?? { vi: f.category, en: f.category });
  }
  return labels;
}

/**
 * Pairs of alike recommendations of the period of which at least one still waits for its answer — the ones a
 * committee can act on (merging needs an open recommendation, routing.ts). Read from recommendation_likes
 * (migration 0014: each recommendation's nearest texts before it, found once when it is raised) from the open
 * ones' side, so the work follows the open recommendations, not the square of the period's (issue 14 item 2).
 */
async function likelyDuplicates(db: Db, actor: Actor, scope: (r: string) => SQL, today: string) {
  const pairs = await rows<{ a: number; b: number; similarity: number }>(
    db,
    sql`WITH o AS MATERIALIZED (SELECT r.id FROM recommendations r WHERE ${scope('r')} AND r.status IN (${OPEN})),
        l AS (SELECT l.* FROM recommendation_likes l JOIN o ON o.id = l.id
              UNION SELECT l.* FROM recommendation_likes l JOIN o ON o.id = l.like_id)
        SELECT least(l.id, l.like_id)::int AS a, greatest(l.id, l.like_id)::int AS b,
          round(l.similarity::numeric, 2)::float AS similarity
        FROM l JOIN recommendations x ON x.id = l.id JOIN recommendations y ON y.id = l.like_id
        WHERE l.similarity >= ${DUPLICATE_SIMILARITY} AND ${scope('x')} AND ${scope('y')}
          AND x.status NOT IN ('merged', 'declined') AND y.status NOT IN ('merged', 'declined')
        ORDER BY 3 DESC, 1, 2 LIMIT 20`,
  );
  if (pairs.length === 0) return [];
  const ids = [...new Set(pairs.flatMap((p) => [p.a, p.b]))];
  const found = await recommendationRows(
    db,
    sql`r.id IN (${sql.join(
      ids.map((id) => sql`${id}`),
      sql`, `,
    )})`,
    sql`r.id`,
    ids.length,
  );
  const byId = new Map((await presentAll(db, actor, found, today)).map((r) => [r.id, r]));
  return pairs.flatMap((p) => {
    const a = byId.get(p.a);
    const b = byId.get(p.b);
    return a && b ? [{ a, b, similarity: p.similarity }] : [];
  });
}
