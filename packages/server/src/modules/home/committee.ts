/**
 * A commune or province committee's home: the cells that have not met this month, the weak meetings of the
 * last three months, overdue recommendations and the visits due — each the head of a list one tap away.
 */
import { addDays, type CommitteeHomeDto, monthWindow, supervisionRulesOf } from '@nennep/core';
import { sql } from 'drizzle-orm';
import { type Db, rows } from '../../db/client.ts';
import { rulesAt } from '../supervision/planner-input.ts';

const SHOWN = 10;

export async function committeeHome(
  db: Db,
  committee: { id: number; code: string; name: string; path: string },
  today: string,
): Promise<CommitteeHomeDto> {
  const month = today.slice(0, 7);
  const { content } = await rulesAt(db, committee.path, today);
  const window = monthWindow(Number(month.slice(0, 4)), Number(month.slice(5, 7)), content);
  const under = `${committee.path}%`;
  const cells = await rows<{ code: string; name: string; met: boolean; nextDate: string | null }>(
    db,
    sql`SELECT o.code, o.name,
          EXISTS (SELECT 1 FROM meetings m WHERE m.org_id = o.id AND m.kind = 'regular'
                  AND m.status IN ('in_progress', 'held', 'adopted')
                  AND m.scheduled_date BETWEEN ${`${month}-01`} AND ${today}) AS met,
          (SELECT min(m.scheduled_date)::text FROM meetings m WHERE m.org_id = o.id AND m.kind = 'regular'
                  AND m.status IN ('planned', 'prepared') AND m.scheduled_date >= ${today}
                  AND to_char(m.scheduled_date, 'YYYY-MM') = ${month}) AS "nextDate"
        FROM orgs o
        WHERE o.path LIKE ${under} AND o.kind IN ('cell', 'grassroots_cell') AND o.status = 'active'
        ORDER BY o.sort_key, o.id`,
  );
  const late = today > window.to;
  const notMet = cells
    .filter((c) => !c.met)
    .map((c) => ({ code: c.code, name: c.name, late, nextDate: c.nextDate }))
    // Those with no meeting planned come first.
    .sort((a, b) => Number(a.nextDate !== null) - Number(b.nextDate !== null));
  const weak = await rows<CommitteeHomeDto['weak'][number]>(
    db,
    sql`SELECT o.code, o.name, m.id::int AS "meetingId", m.scheduled_date::text AS date, m.level, m.total::int AS total
        FROM meetings m JOIN orgs o ON o.id = m.org_id
        WHERE m.org_path LIKE ${under} AND m.status = 'adopted' AND m.level IN ('average', 'poor')
          AND m.scheduled_date BETWEEN ${addDays(today, -92)} AND ${today}
        ORDER BY m.scheduled_date DESC, m.id DESC LIMIT ${SHOWN}`,
  );
  const [recs] = await rows<{ n: number }>(
    db,
    sql`SELECT count(*)::int AS n FROM recommendations WHERE org_path LIKE ${under}
          AND status IN ('received', 'assigned', 'in_progress') AND due_date < ${today}`,
  );
  const { reportDueDays } = supervisionRulesOf(content);
  const [visits] = await rows<{ soon: number; overdue: number }>(
    db,
    sql`SELECT count(*) FILTER (WHERE status = 'planned' AND scheduled_date BETWEEN ${today} AND ${addDays(today, 7)})::int AS soon,
          count(*) FILTER (WHERE status IN ('planned', 'checked_in') AND scheduled_date < ${addDays(today, -reportDueDays)})::int AS overdue
        FROM visits v WHERE v.committee_org_id = ${committee.id}
          AND EXISTS (SELECT 1 FROM visit_plans p WHERE p.id = v.plan_id AND p.status = 'published')`,
  );
  return {
    orgCode: committee.code,
    orgName: committee.name,
    month,
    cells: cells.length,
    notMet: notMet.slice(0, SHOWN),
    notMetCount: notMet.length,
    weak,
    overdueRecommendations: recs?.n ?? 0,
    visitsSoon: visits?.soon ?? 0,
    reportsOverdue: visits?.overdue ?? 0,
  };
}
