/**
 * `GET /api/ratings/quota?org=CODE&year=YYYY[&period=Q1]` (issue 15 point 2): the "xuất sắc" quota of each
 * comparison group that the organisation's subtree touches, counted from the ratings stored, the same way the
 * decision checks it (`assertQuota` in quota.ts; QĐ 366-QĐ/TW art. 11, the 2023 rule QĐ 124-QĐ/TW): those
 * rated good or better from each row's decision, else its proposal; those excellent from the decisions; rows
 * not rated left out. Groups (`groupBy: 'superior'`): organisations by superior and class (grassroots
 * organisations, or cells), members by their grassroots organisation (else the cell's superior).
 */
import {
  type Bilingual,
  CELL_KINDS,
  checkExcellentQuota,
  type RatingPeriod,
  type RatingQuotaDto,
  type RatingSubject,
  ratingPeriodEnd,
  ratingQuotaQuerySchema,
} from '@nennep/core';
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { type Db, rows } from '../../db/client.ts';
import { type Deps, readDbOf } from '../../deps.ts';
import { assertCan, requireActor } from '../../http/access.ts';
import { assertCanRead } from '../orgs/policy.ts';
import { findOrg, type OrgRow } from '../orgs/queries.ts';
import { RATING_READERS } from './policy.ts';
import { ratingRulesAt } from './queries.ts';

/** The cell kinds compared among themselves; grassroots cells go with the grassroots organisations. */
const CELLS = CELL_KINDS.filter((k) => k !== 'grassroots_cell');

interface GroupRow {
  subject: RatingSubject;
  groupId: number;
  groupCode: string;
  groupName: string;
  groupPath: string;
  cells: boolean;
  goodOrBetter: number;
  excellent: number;
}

function labelOf(g: GroupRow): Bilingual {
  if (g.subject === 'member')
    return { vi: `Đảng viên thuộc ${g.groupName}`, en: `Members of ${g.groupName}` };
  return g.cells
    ? { vi: `Chi bộ trực thuộc ${g.groupName}`, en: `Cells under ${g.groupName}` }
    : {
        vi: `Tổ chức cơ sở đảng trực thuộc ${g.groupName}`,
        en: `Grassroots organisations under ${g.groupName}`,
      };
}

/**
 * The counts per comparison group. The candidates are the period's rows under the organisation's superior
 * (every group touching the subtree lies there); a group is answered when one of its rows is in the subtree.
 */
export async function ratingQuota(
  db: Db,
  org: OrgRow,
  year: number,
  period: RatingPeriod,
): Promise<RatingQuotaDto> {
  const [parent] = await rows<{ path: string }>(
    db,
    sql`SELECT path FROM orgs WHERE id = ${org.parentId ?? org.id}`,
  );
  const top = parent?.path ?? org.path;
  const cells = sql.join(
    CELLS.map((k) => sql`${k}`),
    sql`, `,
  );
  const found = await rows<GroupRow>(
    db,
    sql`WITH x AS (
          SELECT r.subject, r.org_path, COALESCE(r.decision_level, r.proposal_level) AS counted,
            r.decision_level AS decided,
            CASE WHEN r.subject = 'org' THEN COALESCE(so.parent_id, so.id)
              ELSE COALESCE(
                (SELECT g.id FROM orgs g WHERE r.org_path LIKE g.path || '%'
                   AND g.kind IN ('grassroots_committee', 'grassroots_cell') ORDER BY g.depth DESC LIMIT 1),
                (SELECT c.parent_id FROM orgs c WHERE c.id = r.org_id), r.org_id) END AS gid,
            (r.subject = 'org' AND so.kind IN (${cells})) AS cells
          FROM ratings r LEFT JOIN orgs so ON r.subject = 'org' AND so.id = r.subject_id
          WHERE r.year = ${year} AND r.period = ${period} AND r.not_rated_reason IS NULL
            AND r.org_path LIKE ${`${top}%`})
        SELECT x.subject, x.gid::int AS "groupId", g.code AS "groupCode", g.name AS "groupName",
          g.path AS "groupPath", x.cells,
          count(*) FILTER (WHERE x.counted IN ('good', 'excellent'))::int AS "goodOrBetter",
          count(*) FILTER (WHERE x.decided = 'excellent')::int AS excellent
        FROM x JOIN orgs g ON g.id = x.gid
        GROUP BY x.subject, x.gid, g.code, g.name, g.path, g.sort_key, x.cells
        HAVING bool_or(x.org_path LIKE ${`${org.path}%`})
        ORDER BY x.subject DESC, g.path, x.cells`,
  );
  const end = ratingPeriodEnd(year, period);
  const groups = [];
  for (const g of found) {
    const { percent } = (await ratingRulesAt(db, g.groupPath, end)).excellentQuota;
    const check = checkExcellentQuota(
      { excellent: g.excellent, good: g.goodOrBetter - g.excellent },
      percent,
    );
    groups.push({
      group: `${g.subject}:${g.groupCode}${g.subject === 'org' ? (g.cells ? ':cells' : ':grassroots') : ''}`,
      subject: g.subject,
      label: labelOf(g),
      goodOrBetter: g.goodOrBetter,
      excellent: g.excellent,
      allowed: check.max,
      percent,
    });
  }
  return { orgCode: org.code, year, period, groups };
}

/** The route, with the summary's access (staff reading ratings of the subtree). */
export function ratingQuotaRoutes(fastify: FastifyInstance, deps: Deps) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const { db } = deps.database;
  app.get(
    '/ratings/quota',
    { schema: { tags: ['ratings'], querystring: ratingQuotaQuerySchema } },
    async (request) => {
      const actor = requireActor(request.actor);
      const q = request.query;
      const org = assertCanRead(actor, await findOrg(db, q.org));
      assertCan(actor, RATING_READERS, org.path);
      return ratingQuota(await readDbOf(deps, request), org, q.year, q.period);
    },
  );
}
