/**
 * The preparation of a cell meeting as the database holds it: the positions that tell whether the cell has a
 * chi ủy (read by core `hasCellCommittee`), and the preparation meetings held before a meeting — the chi
 * ủy's, or the bí thư and phó bí thư's where there is none (HD 12-HD/BTCTW (06/7/2018); HD 42-HD/BTCTW
 * (28/10/2025)). Both kinds are `cell_committee` meetings; the score, the home page and the demo count them
 * the same way.
 */
import { hasCellCommittee, preparationFrom } from '@nennep/core';
import { type SQL, sql } from 'drizzle-orm';
import { type Db, rows } from '../../db/client.ts';

/** SQL: the positions held by the active members of the cell whose id is `orgId`, as a text array. */
export const positionsSql = (orgId: SQL) =>
  sql`COALESCE((SELECT array_agg(DISTINCT mb.position) FROM members mb
        WHERE mb.org_id = ${orgId} AND mb.status IN ('official', 'probationary')), '{}')`;

/** Whether the cell has an elected chi ủy (Điều lệ Đảng art. 24), from its members' positions. */
export async function cellHasCommittee(db: Db, orgId: number): Promise<boolean> {
  const [row] = await rows<{ positions: string[] }>(
    db,
    sql`SELECT ${positionsSql(sql`${orgId}`)} AS positions`,
  );
  return hasCellCommittee(row?.positions ?? []);
}

/**
 * Preparation meetings of the cell held (or, with `underway`, under way) in the two weeks up to a meeting on
 * `date` (`PREPARATION_WINDOW_DAYS`), the meeting itself left out.
 */
export async function preparationsBefore(
  db: Db,
  meeting: { id: number; orgId: number; date: string },
  options: { underway?: boolean } = {},
): Promise<{ id: number; status: string }[]> {
  const statuses = options.underway ? sql`('in_progress', 'held', 'adopted')` : sql`('held', 'adopted')`;
  return rows<{ id: number; status: string }>(
    db,
    sql`SELECT id::int AS id, status FROM meetings WHERE org_id = ${meeting.orgId} AND kind = 'cell_committee'
          AND status IN ${statuses} AND scheduled_date BETWEEN ${preparationFrom(meeting.date)} AND ${meeting.date}
          AND id <> ${meeting.id}
        ORDER BY scheduled_date DESC, id DESC`,
  );
}
