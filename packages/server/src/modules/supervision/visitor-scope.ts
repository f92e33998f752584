import { sql } from 'drizzle-orm';
import { type Db, rows } from '../../db/client.ts';
import type { ActorGrant } from '../../http/access.ts';

/** After the meeting, a visitor keeps seeing the cell this many days (to file and amend the report). */
export const VISITOR_GRACE_DAYS = 60;

/**
 * The nodes a visitor may see, as grants: what his or her assignments cover (personally or through an
 * active working group, standing or for a period that has not ended) and the cells of his or her visits
 * in published plans — until the report is filed and {@link VISITOR_GRACE_DAYS} have passed. Only inside
 * the committees the account holds the `visitor` grant on.
 */
export async function visitorCells(
  db: Db,
  accountId: number,
  visitorOf: ActorGrant[],
  today: string,
): Promise<ActorGrant[]> {
  const inCommittee = sql.join(
    visitorOf.map((g) => sql`c.committee_path LIKE ${`${g.path}%`}`),
    sql` OR `,
  );
  const found = await rows<Omit<ActorGrant, 'role'>>(
    db,
    sql`SELECT DISTINCT o.id::int AS "orgId", o.code AS "orgCode", o.name AS "orgName", o.path
        FROM (
          SELECT a.org_id, a.committee_path FROM visit_assignments a
          WHERE a.ended_at IS NULL AND (a.to_date IS NULL OR a.to_date >= ${today}::date - ${VISITOR_GRACE_DAYS}::int)
            AND (a.account_id = ${accountId} OR a.group_id IN (
              SELECT m.group_id FROM working_group_members m JOIN working_groups g ON g.id = m.group_id
              WHERE m.account_id = ${accountId} AND g.active))
          UNION ALL
          SELECT v.cell_org_id, v.committee_path FROM visits v JOIN visit_plans p ON p.id = v.plan_id
          WHERE v.account_id = ${accountId} AND p.status = 'published' AND v.status <> 'cancelled'
            AND (v.status IN ('planned', 'checked_in')
              OR v.scheduled_date >= ${today}::date - ${VISITOR_GRACE_DAYS}::int)
        ) c JOIN orgs o ON o.id = c.org_id
        WHERE o.status = 'active' AND (${inCommittee})
        ORDER BY o.path`,
  );
  return found.map((g) => ({ ...g, role: 'visitor' }));
}
