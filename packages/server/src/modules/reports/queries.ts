import type { ReportPeriod } from '@nennep/core';
import { and, eq, sql } from 'drizzle-orm';
import { type Db, rows } from '../../db/client.ts';
import { committeeReports } from '../../db/schema/index.ts';
import type { OrgRow } from '../orgs/queries.ts';

export type ReportRow = typeof committeeReports.$inferSelect;

export interface CellOfTree {
  code: string;
  path: string;
}

export interface ChildUnit {
  code: string;
  name: string;
  path: string;
  kind: string;
}

/** The active cells of a subtree (the same set the committee's monthly view counts). */
export function activeCells(db: Db, root: OrgRow) {
  return rows<CellOfTree>(
    db,
    sql`SELECT code, path FROM orgs
        WHERE path LIKE ${`${root.path}%`} AND kind IN ('cell', 'grassroots_cell') AND status = 'active'`,
  );
}

/** The active children of a committee that the report tabulates: committees and cells, in name order. */
export function childUnits(db: Db, committee: OrgRow) {
  return rows<ChildUnit>(
    db,
    sql`SELECT code, name, path, kind FROM orgs
        WHERE parent_id = ${committee.id} AND status = 'active' AND kind <> 'party_group'
        ORDER BY sort_key, id`,
  );
}

/** Thematic meetings (and combined sessions) held or adopted in the period by the subtree's active cells. */
export async function thematicOf(db: Db, root: OrgRow, period: ReportPeriod) {
  const [row] = await rows<{ meetings: number; cells: number }>(
    db,
    sql`SELECT count(*)::int AS meetings, count(DISTINCT m.org_id)::int AS cells
        FROM meetings m JOIN orgs o ON o.id = m.org_id
          AND o.status = 'active' AND o.kind IN ('cell', 'grassroots_cell')
        WHERE m.org_path LIKE ${`${root.path}%`} AND (m.kind = 'thematic' OR (m.kind = 'regular' AND m.combined))
          AND m.status IN ('held', 'adopted')
          AND m.scheduled_date BETWEEN ${period.from} AND ${period.to}`,
  );
  return row ?? { meetings: 0, cells: 0 };
}

export async function reportRow(db: Db, committeeId: number, periodKey: string): Promise<ReportRow | null> {
  const [row] = await db
    .select()
    .from(committeeReports)
    .where(and(eq(committeeReports.committeeOrgId, committeeId), eq(committeeReports.periodKey, periodKey)));
  return row ?? null;
}

/**
 * The committee's row for the period, locked for the rest of the transaction; created (as an empty draft)
 * first when missing, so that two writers of the same report wait for each other instead of racing.
 */
export async function lockReportRow(tx: Db, committeeId: number, periodKey: string): Promise<ReportRow> {
  await tx
    .insert(committeeReports)
    .values({ committeeOrgId: committeeId, periodKey })
    .onConflictDoNothing({ target: [committeeReports.committeeOrgId, committeeReports.periodKey] });
  const [row] = await tx
    .select()
    .from(committeeReports)
    .where(and(eq(committeeReports.committeeOrgId, committeeId), eq(committeeReports.periodKey, periodKey)))
    .for('update');
  if (!row) throw new Error(`committee report ${committeeId}/${periodKey} vanished`);
  return row;
}

export interface StatusRow {
  code: string;
  name: string;
  status: string | null;
  number: string | null;
  issuedAt: string | null;
  issuedBy: string | null;
}

const statusColumns = sql`o.code, o.name, r.status, r.number,
  to_char(r.issued_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "issuedAt",
  a.display_name AS "issuedBy"`;

/** The report status of the node itself and of each active child committee, for one period. */
export async function statusRows(db: Db, org: OrgRow, periodKey: string) {
  const join = sql`LEFT JOIN committee_reports r ON r.committee_org_id = o.id AND r.period_key = ${periodKey}
    LEFT JOIN accounts a ON a.id = r.issued_by`;
  const [own] = await rows<StatusRow>(
    db,
    sql`SELECT ${statusColumns} FROM orgs o ${join} WHERE o.id = ${org.id}`,
  );
  const children = await rows<StatusRow>(
    db,
    sql`SELECT ${statusColumns} FROM orgs o ${join}
        WHERE o.parent_id = ${org.id} AND o.status = 'active'
          AND o.kind IN ('committee', 'grassroots_committee', 'sub_committee')
        ORDER BY o.sort_key, o.id`,
  );
  return { own, children };
}
