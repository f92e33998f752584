/**
 * The results of the year's review over a subtree (issue 15 point 5): organisations (grassroots organisations
 * and cells, `RATED_ORG_KINDS`) and members by the level decided, with one-decimal shares of those rated.
 * Subjects not rated, and those not yet decided, are left out of the denominators.
 */
import {
  countsSummary,
  RATED_ORG_KINDS,
  type RatingLevel,
  type RatingPeriod,
  type RatingSummaryDto,
} from '@nennep/core';
import { sql } from 'drizzle-orm';
import { type Db, rows } from '../../db/client.ts';

export async function ratingSummary(
  db: Db,
  org: { code: string; path: string },
  year: number,
  period: RatingPeriod,
): Promise<RatingSummaryDto> {
  const counted = await rows<{ subject: 'org' | 'member'; level: RatingLevel; n: number }>(
    db,
    sql`SELECT r.subject, r.decision_level AS level, count(*)::int AS n
        FROM ratings r LEFT JOIN orgs o ON r.subject = 'org' AND o.id = r.subject_id
        WHERE r.org_path LIKE ${`${org.path}%`} AND r.year = ${year} AND r.period = ${period}
          AND r.decision_level IS NOT NULL AND r.not_rated_reason IS NULL
          AND (r.subject = 'member' OR o.kind IN (${sql.join(
            RATED_ORG_KINDS.map((k) => sql`${k}`),
            sql`, `,
          )}))
        GROUP BY r.subject, r.decision_level`,
  );
  const of = (subject: 'org' | 'member') =>
    countsSummary(
      Object.fromEntries(counted.filter((c) => c.subject === subject).map((c) => [c.level, c.n])),
    );
  return { orgCode: org.code, year, period, organisations: of('org'), members: of('member') };
}
