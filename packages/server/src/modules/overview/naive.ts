/**
 * The committee's overview read from the raw rows, as it was before the roll-ups: every active cell of the
 * subtree, every regular meeting of the month with subqueries over attendance and opinions, each cell judged
 * in JS. Kept as the reference the roll-up reads are checked against (rollups.test.ts) and measured against
 * (bench/dashboard.ts); no route serves it.
 */
import {
  DEFAULT_RULE_SET,
  lastDayOfMonth,
  monthWindow,
  type OverviewRow,
  type QualityFiguresDto,
  type QualityLevel,
} from '@nennep/core';
import { sql } from 'drizzle-orm';
import { type Db, rows } from '../../db/client.ts';
import type { OrgRow } from '../orgs/queries.ts';
import { pick, ruleSetsFor } from '../rule-sets/service.ts';
import { type Counts, emptyCounts, HELD, lineOf, percent, stateOf, summarise } from './figures.ts';

interface CellLine {
  id: number;
  code: string;
  name: string;
  path: string;
  kind: string;
  parentName: string | null;
}

interface MeetingLine {
  id: number;
  orgId: number;
  status: string;
  date: string;
  level: string | null;
  total: number | null;
  expected: number;
  present: number;
  speakers: number;
}

/** The active cells of a subtree in Vietnamese name order, with their parent's name. */
function cellsOf(db: Db, root: OrgRow) {
  return rows<CellLine>(
    db,
    sql`SELECT o.id::int AS id, o.code, o.name, o.path, o.kind, p.name AS "parentName"
        FROM orgs o LEFT JOIN orgs p ON p.id = o.parent_id
        WHERE o.path LIKE ${`${root.path}%`} AND o.kind IN ('cell', 'grassroots_cell') AND o.status = 'active'
        ORDER BY o.sort_key, o.code`,
  );
}

/**
 * The month's regular meetings of the subtree's cells (model meetings stand in for the regular one), dated by
 * the day they were held (Vietnam time, UTC+7) once started, with the roll call's base (exempt and
 * attached-elsewhere members left out), those present, and the present who spoke. A meeting belongs to its
 * cell (`org_id`) where the cell stands now: a moved cell's meetings move with it.
 */
function regularMeetingsOf(db: Db, root: OrgRow, month: string) {
  return rows<MeetingLine>(
    db,
    sql`SELECT m.id::int AS id, m.org_id::int AS "orgId", m.status,
          COALESCE(((m.started_at AT TIME ZONE 'UTC') + interval '7 hours')::date, m.scheduled_date)::text AS date,
          m.level, m.total,
          (SELECT count(*) FROM attendance a WHERE a.meeting_id = m.id
             AND a.status NOT IN ('exempt', 'attached_elsewhere'))::int AS expected,
          (SELECT count(*) FROM attendance a WHERE a.meeting_id = m.id AND a.status = 'present')::int AS present,
          (SELECT count(DISTINCT o.member_id) FROM opinions o JOIN attendance a
             ON a.meeting_id = o.meeting_id AND a.member_id = o.member_id AND a.status = 'present'
           WHERE o.meeting_id = m.id)::int AS speakers
        FROM meetings m JOIN orgs c ON c.id = m.org_id
        WHERE c.path LIKE ${`${root.path}%`} AND m.kind IN ('regular', 'model') AND m.status <> 'cancelled'
          AND m.scheduled_date BETWEEN ${`${month}-01`} AND ${lastDayOfMonth(month)}
        ORDER BY m.scheduled_date, m.start_time, m.id`,
  );
}

/** Every active cell of the subtree with its chosen meeting and its state, judged in JS. */
async function judgedCells(db: Db, root: OrgRow, month: string, today: string) {
  const cells = await cellsOf(db, root);
  const meetings = await regularMeetingsOf(db, root, month);
  const ruleSets = await ruleSetsFor(db, root.path);
  const byCell = new Map<number, MeetingLine[]>();
  for (const m of meetings) byCell.set(m.orgId, [...(byCell.get(m.orgId) ?? []), m]);
  const [year, monthNumber] = [Number(month.slice(0, 4)), Number(month.slice(5, 7))];
  return cells.map((cell) => {
    const rules = pick(ruleSets, cell.path, `${month}-01`)?.content ?? DEFAULT_RULE_SET;
    const own = byCell.get(cell.id) ?? [];
    const { state, index } = stateOf(own, monthWindow(year, monthNumber, rules), today);
    const meeting = index === null ? undefined : own[index];
    return { cell, meeting, state };
  });
}

/** `meetingsOverview` read from the raw rows: every cell, no page. */
export async function naiveMeetingsOverview(db: Db, root: OrgRow, month: string, today: string) {
  const judged = await judgedCells(db, root, month, today);
  const items: OverviewRow[] = judged.map(({ cell, meeting, state }) => {
    const held = meeting !== undefined && HELD.has(meeting.status);
    const adopted = meeting?.status === 'adopted';
    return {
      orgCode: cell.code,
      orgName: cell.name,
      parentName: cell.parentName,
      meetingId: meeting?.id ?? null,
      date: meeting?.date ?? null,
      state,
      level: adopted && meeting.level ? (meeting.level as QualityLevel) : null,
      total: adopted ? meeting.total : null,
      attendancePercent: held ? percent(meeting.present, meeting.expected) : null,
      speakingPercent: held ? percent(meeting.speakers, meeting.present) : null,
    };
  });
  return { month, items, summary: summarise(items) };
}

/** `qualityFigures` read from the raw rows: the judged cells grouped in JS under the node's children. */
export async function naiveQualityFigures(
  db: Db,
  root: OrgRow,
  month: string,
  today: string,
): Promise<QualityFiguresDto> {
  const judged = await judgedCells(db, root, month, today);
  const byChild = new Map<number, Counts>();
  const all = emptyCounts();
  for (const { cell, meeting, state } of judged) {
    const segment = cell.path.slice(root.path.length).split('/')[0];
    const child = segment ? Number(segment) : root.id;
    const counts = byChild.get(child) ?? emptyCounts();
    byChild.set(child, counts);
    for (const c of [counts, all]) {
      c.cells += 1;
      if (state === 'on_time') c.onTime += 1;
      if (state === 'late') c.late += 1;
      if (state === 'not_held') c.notHeld += 1;
      if (meeting?.status === 'adopted') {
        if (meeting.level) c.byLevel[meeting.level as QualityLevel] += 1;
        if (meeting.total !== null) {
          c.scoreSum += meeting.total;
          c.scored += 1;
        }
      }
      if (meeting && HELD.has(meeting.status)) {
        c.present += meeting.present;
        c.expected += meeting.expected;
      }
    }
  }
  const children =
    byChild.size === 0
      ? []
      : await rows<{ id: number; code: string; name: string; kind: string }>(
          db,
          sql`SELECT id::int AS id, code, name, kind FROM orgs
              WHERE id IN (${sql.join(
                [...byChild.keys()].map((id) => sql`${id}`),
                sql`, `,
              )})
              ORDER BY sort_key, code`,
        );
  const lines = children.map((child) => ({
    orgCode: child.code,
    orgName: child.name,
    drill: child.kind !== 'cell' && child.kind !== 'grassroots_cell',
    ...lineOf(byChild.get(child.id) ?? emptyCounts()),
  }));
  return { org: { code: root.code, name: root.name }, month, lines, summary: lineOf(all) };
}
