import {
  type Bilingual,
  percentiles,
  RECOMMENDATION_LEVELS,
  type RecommendationDashboardDto,
  type RecommendationDto,
  type RecommendationLevel,
} from '@nennep/core';
import { sql } from 'drizzle-orm';
import { type Db, rows } from '../../db/client.ts';
import type { Actor } from '../../http/access.ts';
import type { OrgRow } from '../orgs/queries.ts';
import { DUPLICATE_SIMILARITY } from './dashboard.ts';
import { presentAll, recommendationRows, rulesReader } from './queries.ts';

const DAY_MS = 86_400_000;
const days = (from: string, to: string) => Math.round((Date.parse(to) - Date.parse(from)) / DAY_MS);

/**
 * The dashboard as it was first written: every recommendation of the period read and presented, then counted
 * in JavaScript, and likely duplicates from a self-join of the whole period. Kept as the reference the
 * aggregated dashboard (dashboard.ts) is tested against and measured by (`npm run bench`, dashboard.json).
 */
export async function naiveDashboardOf(
  db: Db,
  actor: Actor,
  org: OrgRow,
  from: string,
  to: string,
  today: string,
  /** The pairwise self-join of the period (off in the benchmark: at a province it does not end in 20 minutes). */
  withDuplicates = true,
): Promise<RecommendationDashboardDto> {
  const list = await recommendationRows(
    db,
    sql`r.org_path LIKE ${`${org.path}%`} AND r.raised_on BETWEEN ${from} AND ${to}`,
    sql`r.raised_on, r.id`,
    20_000,
  );
  const all = await presentAll(db, actor, list, today);
  const open = all.filter((r) => r.dueDate !== null);
  const answered = all.filter((r) => r.status === 'answered' || r.status === 'reported_back');
  const rules = (await rulesReader(db))(org.path, to);
  const labels = new Map<string, Bilingual>(rules.categories.map((c) => [c.id, c.label]));
  for (const r of all) if (!labels.has(r.category)) labels.set(r.category, r.categoryLabel);
  const count = (items: RecommendationDto[], pred: (r: RecommendationDto) => boolean) =>
    items.filter(pred).length;
  const answerDays = answered.flatMap((r) => {
    const row = list.find((l) => l.id === r.id);
    return row?.answeredOn ? [days(row.raisedOn, row.answeredOn)] : [];
  });
  const pairs = !withDuplicates
    ? []
    : await rows<{ a: number; b: number; similarity: number }>(
        db,
        sql`SELECT a.id::int AS a, b.id::int AS b, round(similarity(a.search_text, b.search_text)::numeric, 2)::float AS similarity
        FROM recommendations a JOIN recommendations b ON a.id < b.id
          AND b.org_path LIKE ${`${org.path}%`} AND b.raised_on BETWEEN ${from} AND ${to}
          AND b.status NOT IN ('merged', 'declined')
        WHERE a.org_path LIKE ${`${org.path}%`} AND a.raised_on BETWEEN ${from} AND ${to}
          AND a.status NOT IN ('merged', 'declined')
          AND similarity(a.search_text, b.search_text) >= ${DUPLICATE_SIMILARITY}
        ORDER BY similarity DESC, a.id, b.id LIMIT 20`,
      );
  const byId = new Map(all.map((r) => [r.id, r]));
  return {
    orgCode: org.code,
    orgName: org.name,
    from,
    to,
    totals: {
      raised: all.length,
      open: open.length,
      overdue: count(open, (r) => r.overdue),
      answered: answered.length,
      reportedBack: count(all, (r) => r.status === 'reported_back'),
      closed: count(all, (r) => r.status === 'merged' || r.status === 'declined'),
    },
    byCategory: [...labels.entries()]
      .map(([category, label]) => {
        const mine = all.filter((r) => r.category === category);
        return {
          category,
          label,
          raised: mine.length,
          open: count(mine, (r) => r.dueDate !== null),
          overdue: count(mine, (r) => r.overdue),
          answered: count(mine, (r) => r.status === 'answered' || r.status === 'reported_back'),
        };
      })
      .filter((c) => c.raised > 0),
    byLevel: RECOMMENDATION_LEVELS.map((level: RecommendationLevel) => {
      const mine = all.filter((r) => r.level === level);
      return {
        level,
        open: count(mine, (r) => r.dueDate !== null),
        overdue: count(mine, (r) => r.overdue),
        answered: count(mine, (r) => r.status === 'answered' || r.status === 'reported_back'),
      };
    }),
    timeToAnswer: { count: answerDays.length, ...percentiles(answerDays) },
    oldestOpen: open.slice(0, 10),
    duplicates: pairs.flatMap((p) => {
      const a = byId.get(p.a);
      const b = byId.get(p.b);
      return a && b ? [{ a, b, similarity: p.similarity }] : [];
    }),
  };
}
