import {
  DEFAULT_RULE_SET,
  lastDayOfMonth,
  monthWindow,
  type OverviewRow,
  type OverviewState,
  type OverviewSummary,
  QUALITY_LEVELS,
  type QualityLevel,
  type Role,
} from '@nennep/core';
import { sql } from 'drizzle-orm';
import { type Db, rows } from '../../db/client.ts';
import { type Actor, ANY_ROLE, can } from '../../http/access.ts';
import { forbidden, notFound } from '../../http/errors.ts';
import type { OrgRow } from '../orgs/queries.ts';
import { pick, ruleSetsFor } from '../rule-sets/service.ts';

/** Who sees the committee's view of a subtree's meetings (domain.md §10). */
export const OVERVIEW_READERS: readonly Role[] = ['admin', 'committee_member'];

/** Outside every grant: 404 (existence does not leak); inside but not admin or committee member: 403. */
export function assertCanOverview(actor: Actor, org: OrgRow | null): OrgRow {
  if (!org || !can(actor, ANY_ROLE, org.path)) throw notFound('org');
  if (!can(actor, OVERVIEW_READERS, org.path)) throw forbidden();
  return org;
}

interface CellLine {
  id: number;
  code: string;
  name: string;
  path: string;
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

const HELD = new Set(['held', 'adopted']);
const percent = (part: number, whole: number) => (whole > 0 ? Math.round((part * 1000) / whole) / 10 : null);

/** The active cells of a subtree in Vietnamese name order, with their parent's name. */
function cellsOf(db: Db, root: OrgRow) {
  return rows<CellLine>(
    db,
    sql`SELECT o.id::int AS id, o.code, o.name, o.path, p.name AS "parentName"
        FROM orgs o LEFT JOIN orgs p ON p.id = o.parent_id
        WHERE o.path LIKE ${`${root.path}%`} AND o.kind IN ('cell', 'grassroots_cell') AND o.status = 'active'
        ORDER BY o.sort_key, o.code`,
  );
}

/**
 * The month's regular meetings of a subtree (model meetings stand in for the regular one), dated by the day
 * they were held (Vietnam time, UTC+7) once started, with the roll
 * call's base (exempt and attached-elsewhere members left out), those present, and the present who spoke.
 */
function regularMeetingsOf(db: Db, root: OrgRow, month: string) {
  return rows<MeetingLine>(
    db,
    sql`SELECT m.id::int AS id, m.org_id::int AS "orgId", m.status,
          COALESCE((m.started_at + interval '7 hours')::date, m.scheduled_date)::text AS date, m.level, m.total,
          (SELECT count(*) FROM attendance a WHERE a.meeting_id = m.id
             AND a.status NOT IN ('exempt', 'attached_elsewhere'))::int AS expected,
          (SELECT count(*) FROM attendance a WHERE a.meeting_id = m.id AND a.status = 'present')::int AS present,
          (SELECT count(DISTINCT o.member_id) FROM opinions o JOIN attendance a
             ON a.meeting_id = o.meeting_id AND a.member_id = o.member_id AND a.status = 'present'
           WHERE o.meeting_id = m.id)::int AS speakers
        FROM meetings m
        WHERE m.org_path LIKE ${`${root.path}%`} AND m.kind IN ('regular', 'model') AND m.status <> 'cancelled'
          AND m.scheduled_date BETWEEN ${`${month}-01`} AND ${lastDayOfMonth(month)}
        ORDER BY m.scheduled_date, m.start_time, m.id`,
  );
}

/** A cell's state for the month from its meetings (date order) and the month's meeting window. */
export function stateOf(
  meetings: { status: string; date: string }[],
  window: { from: string; to: string },
  today: string,
): { state: OverviewState; index: number | null } {
  const held = meetings.findIndex((m) => HELD.has(m.status));
  const heldMeeting = meetings[held];
  if (heldMeeting) return { state: heldMeeting.date <= window.to ? 'on_time' : 'late', index: held };
  const pending = meetings.length > 0 ? 0 : null;
  if (today > window.to) return { state: 'not_held', index: pending };
  return { state: pending === null ? 'upcoming' : 'planned', index: pending };
}

/**
 * The committee's view of one month: a row per active cell of the subtree, whether its regular meeting was
 * held on time (within the window of the rule set in force for the cell), late, not at all, or is still to
 * come, with the quality level of adopted minutes and the attendance and speaking shares of the roll call.
 */
export async function meetingsOverview(db: Db, root: OrgRow, month: string, today: string) {
  const cells = await cellsOf(db, root);
  const meetings = await regularMeetingsOf(db, root, month);
  const ruleSets = await ruleSetsFor(db, root.path);
  const byCell = new Map<number, MeetingLine[]>();
  for (const m of meetings) byCell.set(m.orgId, [...(byCell.get(m.orgId) ?? []), m]);
  const [year, monthNumber] = [Number(month.slice(0, 4)), Number(month.slice(5, 7))];
  const items: OverviewRow[] = cells.map((cell) => {
    const rules = pick(ruleSets, cell.path, `${month}-01`)?.content ?? DEFAULT_RULE_SET;
    const own = byCell.get(cell.id) ?? [];
    const { state, index } = stateOf(own, monthWindow(year, monthNumber, rules), today);
    const meeting = index === null ? undefined : own[index];
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

export function summarise(items: OverviewRow[]): OverviewSummary {
  const byLevel = Object.fromEntries(QUALITY_LEVELS.map((l) => [l, 0])) as Record<QualityLevel, number>;
  for (const item of items) if (item.level) byLevel[item.level] += 1;
  const count = (state: OverviewState) => items.filter((i) => i.state === state).length;
  return {
    cells: items.length,
    onTime: count('on_time'),
    late: count('late'),
    notHeld: count('not_held'),
    byLevel,
  };
}
