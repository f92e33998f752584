/**
 * The dashboard of the year's review per unit (issue 15 point 5): for each child organisation of `org` (for a
 * province its communes, wards and agency committees; for a commune its cells) the levels decided in the
 * child's subtree this year and last year, counted as the summary counts them (summary.ts: organisations of
 * `RATED_ORG_KINDS`, members; those not rated or not decided left out), and the change in percentage points.
 *
 * Two queries whatever the number of children: the children, then one grouped scan of the ratings under `org`
 * (one range of `ratings_org_path_idx`), each rating assigned to its child by the id that follows `org`'s path
 * in its own materialised path ("/1/7/" + "42/…" → child 42).
 */
import {
  countsSummary,
  type OrgKind,
  RATED_ORG_KINDS,
  type RatingByCommuneDto,
  type RatingCountsDto,
  type RatingLevel,
  type RatingPeriod,
  type RatingYearPairDto,
  ratingChange,
} from '@nennep/core';
import { sql } from 'drizzle-orm';
import { type Db, rows } from '../../db/client.ts';

type Subject = 'org' | 'member';
interface Counted {
  childId: string;
  year: number;
  subject: Subject;
  level: RatingLevel;
  n: number;
}

export async function ratingsByCommune(
  db: Db,
  org: { id: number; code: string; name: string; path: string },
  year: number,
  period: RatingPeriod,
): Promise<RatingByCommuneDto> {
  const previousYear = year - 1;
  const children = await rows<{
    id: number;
    code: string;
    name: string;
    kind: OrgKind;
    status: string;
    hasChildren: boolean;
  }>(
    db,
    sql`SELECT c.id::int AS id, c.code, c.name, c.kind, c.status,
          EXISTS (SELECT 1 FROM orgs g WHERE g.parent_id = c.id) AS "hasChildren"
        FROM orgs c WHERE c.parent_id = ${org.id}
        ORDER BY c.sort_key, c.code`,
  );
  // The same filter as summary.ts, over both years at once, grouped by the child the rating lies under.
  const counted = await rows<Counted>(
    db,
    sql`SELECT split_part(substr(r.org_path, ${org.path.length + 1}), '/', 1) AS "childId",
          r.year, r.subject, r.decision_level AS level, count(*)::int AS n
        FROM ratings r LEFT JOIN orgs o ON r.subject = 'org' AND o.id = r.subject_id
        WHERE r.org_path LIKE ${`${org.path}%`} AND r.org_path <> ${org.path}
          AND r.year IN (${year}, ${previousYear}) AND r.period = ${period}
          AND r.decision_level IS NOT NULL AND r.not_rated_reason IS NULL
          AND (r.subject = 'member' OR o.kind IN (${sql.join(
            RATED_ORG_KINDS.map((k) => sql`${k}`),
            sql`, `,
          )}))
        GROUP BY 1, r.year, r.subject, r.decision_level`,
  );
  const byChild = new Map<string, Counted[]>();
  for (const c of counted) byChild.set(c.childId, [...(byChild.get(c.childId) ?? []), c]);

  const counts = (list: Counted[], y: number, subject: Subject): RatingCountsDto =>
    countsSummary(
      Object.fromEntries(
        list.filter((c) => Number(c.year) === y && c.subject === subject).map((c) => [c.level, c.n]),
      ),
    );
  const pair = (list: Counted[], subject: Subject): RatingYearPairDto => {
    const current = counts(list, year, subject);
    const previous = counts(list, previousYear, subject);
    return { current, previous, change: ratingChange(current, previous) };
  };

  const items = children
    .map((c) => ({ child: c, list: byChild.get(String(c.id)) ?? [] }))
    // A dissolved or merged child stays while it holds figures of either year (its history is still read).
    .filter(({ child, list }) => child.status === 'active' || list.length > 0)
    .map(({ child, list }) => ({
      code: child.code,
      name: child.name,
      kind: child.kind,
      hasChildren: child.hasChildren,
      organisations: pair(list, 'org'),
      members: pair(list, 'member'),
    }));
  return { orgCode: org.code, orgName: org.name, year, previousYear, period, items };
}
