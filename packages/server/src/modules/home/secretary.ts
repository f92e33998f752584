/**
 * A secretary's home: the next job of each cell he or she runs — minutes still to adopt, else the next
 * meeting — with its readiness, and what is due at it.
 */
import {
  type AgendaItem,
  absenceRunsOf,
  addDays,
  cellCommitteeAdvised,
  compareVietnameseNames,
  DEFAULT_RULE_SET,
  type DueItemsDto,
  type HomeMeetingDto,
  hasCellCommittee,
  preparationFrom,
  probationEndsOn,
  type ReadinessDto,
  type SecretaryHomeDto,
  type SessionLine,
} from '@nennep/core';
import { sql } from 'drizzle-orm';
import { type Db, rows } from '../../db/client.ts';
import { positionsSql, preparationsBefore } from '../meetings/preparation.ts';

/** The meetings of the whole cell (not its committee's). */
const CELL_MEETINGS = sql`('regular', 'thematic', 'model', 'extraordinary')`;

interface NextRow extends HomeMeetingDto {
  agenda: AgendaItem[];
  orgPath: string;
  cellCommitteeFrom: number | null;
}

/** Minutes to finish first (a meeting under way or held, not adopted), else the next meeting from today. */
async function nextJob(db: Db, cellId: number, today: string): Promise<NextRow | null> {
  const [row] = await rows<NextRow>(
    db,
    sql`SELECT m.id::int AS id, m.kind, m.combined, m.status, m.title, m.scheduled_date::text AS date,
          m.start_time AS "startTime", m.place, m.agenda, m.org_path AS "orgPath",
          (r.content -> 'cellCommitteeFrom')::int AS "cellCommitteeFrom"
        FROM meetings m LEFT JOIN rule_sets r ON r.id = m.rule_set_id
        WHERE m.org_id = ${cellId} AND m.kind IN ${CELL_MEETINGS}
          AND (m.status IN ('in_progress', 'held') OR (m.status IN ('planned', 'prepared') AND m.scheduled_date >= ${today}))
        ORDER BY (m.status IN ('in_progress', 'held')) DESC, m.scheduled_date, m.start_time, m.id LIMIT 1`,
  );
  return row ?? null;
}

/**
 * What the meeting still lacks. Preparation reads as the score does: a preparation meeting held (or under
 * way) in the two weeks before — the chi ủy's, or the bí thư and phó bí thư's where the cell elected no chi
 * ủy (HD 12-HD/BTCTW (06/7/2018); HD 42-HD/BTCTW (28/10/2025)); who prepares comes from who was elected
 * (core `hasCellCommittee`), and a large cell without a chi ủy is told to elect one (Điều lệ Đảng art. 24).
 */
async function readinessOf(db: Db, cellId: number, meeting: NextRow): Promise<ReadinessDto> {
  const dayBefore = new Date(
    Date.parse(`${meeting.date}T${meeting.startTime}:00+07:00`) - 86_400_000,
  ).toISOString();
  const [facts] = await rows<{
    early: number;
    notified: number;
    official: number;
    positions: string[];
    planned: number | null;
  }>(
    db,
    sql`SELECT
          (SELECT count(*)::int FROM materials WHERE meeting_id = ${meeting.id} AND publish_at <= ${dayBefore}) AS early,
          (SELECT count(*)::int FROM meeting_events WHERE meeting_id = ${meeting.id} AND kind = 'notified') AS notified,
          (SELECT count(*)::int FROM members WHERE org_id = ${cellId} AND status = 'official') AS official,
          ${positionsSql(sql`${cellId}`)} AS positions,
          (SELECT id::int FROM meetings WHERE org_id = ${cellId} AND kind = 'cell_committee' AND status <> 'cancelled'
             AND scheduled_date BETWEEN ${preparationFrom(meeting.date)} AND ${meeting.date}
           ORDER BY scheduled_date DESC, id DESC LIMIT 1) AS planned`,
  );
  const held = await preparationsBefore(
    db,
    { id: meeting.id, orgId: cellId, date: meeting.date },
    { underway: true },
  );
  const hasCommittee = hasCellCommittee(facts?.positions ?? []);
  const rules = { cellCommitteeFrom: meeting.cellCommitteeFrom ?? DEFAULT_RULE_SET.cellCommitteeFrom };
  return {
    agenda: meeting.agenda.some((item) => item.section === 'content'),
    materials: (facts?.early ?? 0) > 0,
    preparation: held.length > 0,
    preparedBy: hasCommittee ? 'cell_committee' : 'secretaries',
    preparationMeetingId: held[0]?.id ?? facts?.planned ?? null,
    electCommittee: cellCommitteeAdvised(facts?.official ?? 0, hasCommittee, rules),
    invitations: (facts?.notified ?? 0) > 0,
  };
}

/** What is due at the meeting on `date` (or, with no meeting ahead, as of today). */
export async function dueItems(db: Db, cellId: number, date: string, today: string): Promise<DueItemsDto> {
  // Probationary members whose twelve months (Điều lệ Đảng art. 5, core `probationEndsOn`) end by a month
  // after the meeting: the cell considers them within 30 days of the end (HD 01-HD/TW point 3.5).
  const probationary = await rows<{ name: string; admissionDate: string }>(
    db,
    sql`SELECT full_name AS name, admission_date::text AS "admissionDate"
        FROM members WHERE org_id = ${cellId} AND status = 'probationary'`,
  );
  const recognitions = probationary
    .map((m) => ({ name: m.name, probationEnds: probationEndsOn(m.admissionDate) }))
    .filter((m) => m.probationEnds <= addDays(date, 31));
  const answers = await rows<{ id: number; text: string; answeredBy: string }>(
    db,
    sql`SELECT r.id::int AS id, r.text, COALESCE(r.answered_by, o.name) AS "answeredBy"
        FROM recommendations r JOIN orgs o ON o.id = r.handler_org_id
        WHERE r.org_id = ${cellId} AND r.status = 'answered' AND NOT r.answer_given
        ORDER BY r.answered_on, r.id LIMIT 10`,
  );
  const overdueTasks = await rows<{ id: number; text: string; deadline: string; memberName: string | null }>(
    db,
    sql`SELECT t.id::int AS id, t.text, t.deadline::text AS deadline, mb.full_name AS "memberName"
        FROM tasks t JOIN meetings m ON m.id = t.meeting_id LEFT JOIN members mb ON mb.id = t.member_id
        WHERE m.org_id = ${cellId} AND t.status = 'open' AND t.deadline < ${today}
        ORDER BY t.deadline, t.id LIMIT 10`,
  );
  // Runs of sessions missed over this year's held meetings (a regular and a thematic meeting held together
  // count once, core `absenceRunsOf`): those still absent at the last one, twice or more.
  const lines = await rows<SessionLine & { name: string }>(
    db,
    sql`SELECT a.member_id::int AS "memberId", a.status, mb.full_name AS name,
          m.scheduled_date::text || ' ' || m.start_time AS session
        FROM attendance a JOIN meetings m ON m.id = a.meeting_id JOIN members mb ON mb.id = a.member_id
        WHERE m.org_id = ${cellId} AND m.kind IN ${CELL_MEETINGS} AND m.status IN ('held', 'adopted')
          AND m.scheduled_date BETWEEN ${`${today.slice(0, 4)}-01-01`} AND ${today} AND mb.org_id = m.org_id
          AND mb.status IN ('official', 'probationary')
        ORDER BY m.scheduled_date, m.start_time, m.id`,
  );
  const runs = absenceRunsOf(lines);
  const names = new Map(lines.map((l) => [l.memberId, l.name]));
  const absentees = [...runs]
    .filter(([, times]) => times >= 2)
    .map(([memberId, times]) => ({ name: names.get(memberId) ?? '', times }));
  const byName = <T extends { name: string }>(list: T[]) =>
    list.sort((a, b) => compareVietnameseNames(a.name, b.name));
  return { recognitions: byName(recognitions), answers, overdueTasks, absentees: byName(absentees) };
}

const phaseOf = (meeting: NextRow, today: string): 'prepare' | 'run' | 'minutes' => {
  if (meeting.status === 'held') return 'minutes';
  if (meeting.status === 'in_progress' || meeting.date === today) return 'run';
  return 'prepare';
};

export async function secretaryHome(
  db: Db,
  cell: { id: number; code: string; name: string },
  today: string,
): Promise<SecretaryHomeDto> {
  const meeting = await nextJob(db, cell.id, today);
  const due = await dueItems(db, cell.id, meeting?.date ?? today, today);
  if (!meeting) return { orgCode: cell.code, orgName: cell.name, next: null, due };
  const { agenda: _agenda, orgPath: _path, cellCommitteeFrom: _from, ...summary } = meeting;
  return {
    orgCode: cell.code,
    orgName: cell.name,
    next: { ...summary, phase: phaseOf(meeting, today), readiness: await readinessOf(db, cell.id, meeting) },
    due,
  };
}
