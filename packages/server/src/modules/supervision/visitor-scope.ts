import { CELL_KINDS, supervisionRulesOf } from '@nennep/core';
import { type SQL, sql } from 'drizzle-orm';
import { type Db, rows } from '../../db/client.ts';
import type { ActorGrant } from '../../http/access.ts';
import { rulesAt } from './planner-input.ts';

/** After the meeting, a visitor keeps seeing the cell this many days (to file and amend the report). */
export const VISITOR_GRACE_DAYS = 60;

const list = (values: readonly string[]) =>
  sql.join(
    values.map((v) => sql`${v}`),
    sql`, `,
  );

/**
 * The nodes a visitor may see, as grants: the cells his or her assignments cover (personally or through an
 * active working group, standing or for a period that has not ended) and the cells of his or her visits in
 * published plans — until the report is filed and {@link VISITOR_GRACE_DAYS} have passed. Only inside the
 * committees the account holds the `visitor` grant on.
 *
 * An assignment to a node covers the cells at or under it that the coverage target of the assigning
 * committee's rule set in force today names (`targetCategories`: village, street group, residential
 * cluster by default) — the cells the planner would send the visitor to — never the node itself nor its
 * other cells (a school cell of an assigned commune stays out of sight unless a visit takes the visitor there).
 */
export async function visitorCells(
  db: Db,
  accountId: number,
  visitorOf: ActorGrant[],
  today: string,
): Promise<ActorGrant[]> {
  const inCommittee = (column: SQL) =>
    sql.join(
      visitorOf.map((g) => sql`${column} LIKE ${`${g.path}%`}`),
      sql` OR `,
    );
  const assigned = await rows<{ committeePath: string; path: string }>(
    db,
    sql`SELECT DISTINCT a.committee_path AS "committeePath", o.path FROM visit_assignments a
        JOIN orgs o ON o.id = a.org_id
        WHERE a.ended_at IS NULL AND (a.to_date IS NULL OR a.to_date >= ${today}::date - ${VISITOR_GRACE_DAYS}::int)
          AND (a.account_id = ${accountId} OR a.group_id IN (
            SELECT m.group_id FROM working_group_members m JOIN working_groups g ON g.id = m.group_id
            WHERE m.account_id = ${accountId} AND g.active))
          AND (${inCommittee(sql`a.committee_path`)})
        ORDER BY 1, 2`,
  );
  const targets = new Map<string, string[]>();
  for (const committeePath of new Set(assigned.map((a) => a.committeePath))) {
    const { content } = await rulesAt(db, committeePath, today);
    targets.set(committeePath, supervisionRulesOf(content).targetCategories);
  }
  const covered = assigned.flatMap((a) => {
    const categories = targets.get(a.committeePath) ?? [];
    return categories.length
      ? [sql`(o.path LIKE ${`${a.path}%`} AND o.category IN (${list(categories)}))`]
      : [];
  });
  const found = await rows<Omit<ActorGrant, 'role'>>(
    db,
    sql`SELECT o.id::int AS "orgId", o.code AS "orgCode", o.name AS "orgName", o.path FROM orgs o
        WHERE o.status = 'active' AND (
          (o.kind IN (${list(CELL_KINDS)}) AND (${covered.length ? sql.join(covered, sql` OR `) : sql`FALSE`}))
          OR o.id IN (
            SELECT v.cell_org_id FROM visits v JOIN visit_plans p ON p.id = v.plan_id
            WHERE v.account_id = ${accountId} AND p.status = 'published' AND v.status <> 'cancelled'
              AND (v.status IN ('planned', 'checked_in')
                OR v.scheduled_date >= ${today}::date - ${VISITOR_GRACE_DAYS}::int)
              AND (${inCommittee(sql`v.committee_path`)})))
        ORDER BY o.path`,
  );
  return found.map((g) => ({ ...g, role: 'visitor' }));
}
