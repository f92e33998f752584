/**
 * A secretary's home: the next job of each cell he or she runs — minutes still to adopt, else the next
 * meeting — with its readiness, and what is due at it.
 */
import {
  type AgendaItem,
  absenceRunsOf,
  addDays,
  compareVietnameseNames,
  DEFAULT_RULE_SET,
  type DueItemsDto,
  type HomeMeetingDto,
  type ReadinessDto,
  type SecretaryHomeDto,
} from '@nennep/core';
import { sql } from 'drizzle-orm';
import { type Db, rows } from '../../db/client.ts';

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

async function readinessOf(db: Db, cellId: number, meeting: NextRow): Promise<ReadinessDto> {
  const dayBefore = new Date(
    Date.parse(`${meeting.date}T${meeting.startTime}:00+07:00`) - 86_400_000,
  ).toISOString();
  const [facts] = await rows<{
    early: number;
    committee: number;
    prepared: number;
    notified: number;
    official: number;
  }>(
    db,
    sql`SELECT
          (SELECT count(*)::int FROM materials WHERE meeting_id = ${meeting.id} AND publish_at <= ${dayBefore}) AS early,
          (SELECT count(*)::int FROM meetings WHERE org_id = ${cellId} AND kind = 'cell_committee'
             AND status IN ('in_progress', 'held', 'adopted')
             AND scheduled_date BETWEEN ${addDays(meeting.date, -14)} AND ${meeting.date}) AS committee,
          (SELECT count(*)::int FROM meeting_events WHERE meeting_id = ${meeting.id} AND kind = 'prepared') AS prepared,
          (SELECT count(*)::int FROM meeting_events WHERE meeting_id = ${meeting.id} AND kind = 'notified') AS notified,
          (SELECT count(*)::int FROM members WHERE org_id = ${cellId} AND status = 'official') AS official`,
  );
  const preparedBy =
    (facts?.official ?? 0) >= (meeting.cellCommitteeFrom ?? DEFAULT_RULE_SET.cellCommitteeFrom)
      ? 'cell_committee'
      : 'secretaries';
  return {
    agenda: meeting.agenda.some((item) => item.section === 'content'),
    materials: (facts?.early ?? 0) > 0,
    preparation: (facts?.committee ?? 0) > 0 || (facts?.prepared ?? 0) > 0,
    preparedBy,
    invitations: (facts?.notified ?? 0) > 0,
  };
}

/** What is due at the meeting on `date` (or, with no meeting ahead, as of today). */
export async function dueItems(db: Db, cellId: number, date: string, today: string): Promise<DueItemsDto> {
  const recognitions = await rows<{ name: string; probationEnds: string }>(
    db,
    sql`SELECT full_name AS name, (admission_date + interval '12 months')::date::text AS "probationEnds"
        FROM members WHERE org_id = ${cellId} AND status = 'probationary'
          AND (admission_date + interval '12 months')::date <= ${addDays(date, 31)}`,
  );
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
  // Runs of absence over this year's held meetings: those still absent at the last one, twice or more.
  const lines = await rows<{ memberId: number; status: string; name: string }>(
    db,
    sql`SELECT a.member_id::int AS "memberId", a.status, mb.full_name AS name
        FROM attendance a JOIN meetings m ON m.id = a.meeting_id JOIN members mb ON mb.id = a.member_id
        WHERE m.org_id = ${cellId} AND m.kind IN ${CELL_MEETINGS} AND m.status IN ('held', 'adopted')
          AND m.scheduled_date BETWEEN ${`${today.slice(0, 4)}-01-01`} AND ${today} AND mb.org_id = m.org_id
          AND mb.status IN ('official', 'probationary')
        ORDER BY m.scheduled_date, m.id`,
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
