/**
 * The dues collected at a meeting, as its minutes state them under the dues item ("Thu đảng phí", seed 002;
 * issue 16): "Thu đảng phí tháng MM/YYYY: N/M đảng viên đã nộp, tổng X đồng", one line per month paid at
 * the meeting, written from the payments recorded with that meeting (QĐ 01-QĐ/TW: dues paid monthly in cash
 * to the cell). N counts the members whose entries at the meeting add up to more than nothing; M the cell's
 * active members admitted by that month; X the sum of the entries (corrections included), in vi-VN digits.
 * Adopted minutes are kept as issued (meetings/adopt.ts), and payments at an adopted meeting are refused
 * (commands.ts), so these lines never change after adoption.
 */
import { DUES_ITEM_TITLE, isDuesItem, type MinutesModel } from '@nennep/core';
import { sql } from 'drizzle-orm';
import { type Db, rows } from '../../db/client.ts';

const vnd = new Intl.NumberFormat('vi-VN');

/** The lines, months ascending; none when nothing was paid at the meeting. */
export async function duesMinutesLines(db: Db, meeting: { id: number; orgId: number }): Promise<string[]> {
  const months = await rows<{ month: string; payers: number; total: number; members: number }>(
    db,
    sql`SELECT s.month, count(*) FILTER (WHERE s.paid > 0)::int AS payers, sum(s.paid)::float8 AS total,
          (SELECT count(*)::int FROM members m
            WHERE m.org_id = ${meeting.orgId} AND m.status IN ('official', 'probationary')
              AND to_char(m.admission_date, 'YYYY-MM') <= s.month) AS members
        FROM (SELECT p.month, p.member_id, sum(p.paid_vnd) AS paid FROM dues_payments p
               WHERE p.meeting_id = ${meeting.id} GROUP BY p.month, p.member_id) s
        GROUP BY s.month ORDER BY s.month`,
  );
  return months.map(
    (m) =>
      `Thu đảng phí tháng ${m.month.slice(5, 7)}/${m.month.slice(0, 4)}: ${m.payers}/${m.members} đảng viên đã nộp, tổng ${vnd.format(m.total)} đồng`,
  );
}

/** The minutes with the lines under the dues item (or under an item of their own after the last one). */
export function withDuesLines(minutes: MinutesModel, lines: string[]): MinutesModel {
  if (lines.length === 0) return minutes;
  const at = minutes.discussion.findIndex((d) => isDuesItem(d.item));
  const discussion =
    at >= 0
      ? minutes.discussion.map((d, i) => (i === at ? { ...d, notes: [...(d.notes ?? []), ...lines] } : d))
      : [...minutes.discussion, { item: DUES_ITEM_TITLE, opinions: [], notes: lines, conclusion: null }];
  return { ...minutes, discussion };
}
