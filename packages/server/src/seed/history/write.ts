/**
 * Writes the demo's year of meetings in bulk (COPY) inside the seed's transaction: the meetings as planned,
 * then what happened at the held ones — roll calls, opinions, tasks, votes, guests, papers — and their
 * adoption (status, score, frozen minutes and resolution with their numbers), with the meeting history and
 * the audit trail the services would have written, dated when it happened. The documents' SHA-256
 * fingerprints are left to `fingerprints.ts`, which renders them after the load.
 */
import { type Conn, copyChunked, copyLine, reserveIds } from '../../db/bulk.ts';
import type { Adopted, HeldMeeting } from './adopt.ts';
import type { CalendarMeeting } from './calendar.ts';
import {
  dayAt,
  HELD_COLUMNS,
  iso,
  json,
  materialValues,
  PLANNED_MEETING_COLUMNS,
  trailValues,
  voteValues,
} from './rows.ts';

export interface PlannedRow {
  meeting: CalendarMeeting;
  agenda: { title: string; section: string }[];
  ruleSetId: number;
}

/** Inserts the past meetings as they were planned (status `planned`); returns their ids in input order. */
export async function insertPlanned(conn: Conn, planned: readonly PlannedRow[]): Promise<number[]> {
  const ids = await reserveIds(conn, 'meetings', planned.length);
  const columns = [...PLANNED_MEETING_COLUMNS, 'created_at'];
  await copyChunked(conn, 'meetings', columns, planned.length, (i) => {
    const p = planned[i] as PlannedRow;
    const m = p.meeting;
    return copyLine([
      ids[i],
      m.cell.id,
      m.cell.path,
      m.kind,
      m.title,
      'planned',
      m.date,
      m.startTime,
      m.place,
      json(p.agenda),
      p.ruleSetId,
      iso(dayAt(m.movedFrom?.date ?? m.date, 25)),
    ]);
  });
  const events: string[] = [];
  const audits: string[] = [];
  const trail = (id: number, m: CalendarMeeting, kind: string, at: Date, data: Record<string, unknown>) => {
    const { event, audit } = trailValues(id, m.cell.path, kind, at, data);
    events.push(copyLine(event));
    audits.push(copyLine(audit));
  };
  planned.forEach((p, i) => {
    const id = ids[i] as number;
    const m = p.meeting;
    if (m.movedFrom) {
      trail(id, m, 'rescheduled', dayAt(m.movedFrom.date, 1), {
        from: `${m.movedFrom.date} ${m.startTime}`,
        to: `${m.date} ${m.startTime}`,
        reason: m.movedFrom.reason,
      });
    }
    if (m.fate === 'cancelled') trail(id, m, 'cancelled', dayAt(m.date, 1), { reason: m.cancelReason });
  });
  await writeTrail(conn, events, audits);
  return ids;
}

async function writeTrail(conn: Conn, events: string[], audits: string[]) {
  await copyChunked(
    conn,
    'meeting_events',
    HELD_COLUMNS.meeting_events,
    events.length,
    (i) => events[i] ?? '',
  );
  await copyChunked(conn, 'audit_events', HELD_COLUMNS.audit_events, audits.length, (i) => audits[i] ?? '');
}

/** Writes what happened at the held meetings and their adoption; cancelled ones get their status. */
export async function writeHeld(
  conn: Conn,
  held: readonly HeldMeeting[],
  adopted: ReadonlyMap<number, Adopted>,
  cancelledIds: readonly number[],
) {
  const attendance: string[] = [];
  const opinions: string[] = [];
  const tasks: string[] = [];
  const votes: string[] = [];
  const guests: string[] = [];
  const materials: string[] = [];
  const documents: string[] = [];
  const updates: string[] = [];
  const events: string[] = [];
  const audits: string[] = [];
  for (const h of held) {
    const { id, meeting: m, record: r } = h;
    const a = adopted.get(id);
    for (const l of r.roll) attendance.push(copyLine([id, l.memberId, l.status, l.reason, l.memberStatus]));
    for (const o of r.opinions) {
      opinions.push(copyLine([id, o.memberId, o.guestName, o.agendaIndex, o.summary, iso(r.startedAt)]));
    }
    for (const t of r.tasks) {
      const doneAt = t.done ? dayAt(t.deadline, 10, '17:00') : null;
      tasks.push(
        copyLine([
          id,
          m.cell.path,
          t.memberId,
          t.text,
          t.deadline,
          t.done ? 'done' : 'open',
          doneAt && iso(doneAt),
        ]),
      );
    }
    for (const v of r.votes) votes.push(copyLine(voteValues(id, v)));
    for (const g of r.guests) guests.push(copyLine([id, g.name, g.role]));
    if (r.materialAt) materials.push(copyLine(materialValues(id, m, r.materialAt)));
    const status = a?.adopted ? 'adopted' : 'held';
    const adoptedAt = a?.adopted ? r.endedAt : null;
    updates.push(
      copyLine([
        id,
        status,
        iso(r.startedAt),
        iso(r.endedAt),
        r.chairId,
        r.takerId,
        json(r.manualScores),
        a ? json(a.score) : null,
        a?.adopted ? a.score.level : null,
        a?.adopted ? a.score.total : null,
        r.conclusion || null,
        adoptedAt && iso(adoptedAt),
      ]),
    );
    const trail = (kind: string, at: Date, data: Record<string, unknown>) => {
      const { event, audit } = trailValues(id, m.cell.path, kind, at, data);
      events.push(copyLine(event));
      audits.push(copyLine(audit));
    };
    trail('started', r.startedAt, { at: iso(r.startedAt) });
    trail('ended', r.endedAt, { at: iso(r.endedAt) });
    if (a?.adopted && adoptedAt) {
      documents.push(copyLine([id, 'BB', a.minutesNo, json(a.minutes), iso(adoptedAt)]));
      if (a.resolution && a.resolutionNo)
        documents.push(copyLine([id, 'NQ', a.resolutionNo, json(a.resolution), iso(adoptedAt)]));
      trail('adopted', adoptedAt, { minutes: a.minutesNo, resolution: a.resolutionNo });
    }
  }
  const copy = (table: string, columns: readonly string[], lines: string[]) =>
    copyChunked(conn, table, columns, lines.length, (i) => lines[i] ?? '');
  await copy('attendance', HELD_COLUMNS.attendance, attendance);
  await copy('opinions', HELD_COLUMNS.opinions, opinions);
  await copy('tasks', HELD_COLUMNS.tasks, tasks);
  await copy('votes', HELD_COLUMNS.votes, votes);
  await copy('meeting_guests', HELD_COLUMNS.meeting_guests, guests);
  await copy('materials', HELD_COLUMNS.materials, materials);
  await copy('issued_documents', ['meeting_id', 'doc_type', 'number', 'model', 'issued_at'], documents);
  await conn.query(`CREATE TEMP TABLE seed_meeting_updates (id bigint, status text, started_at timestamptz,
    ended_at timestamptz, chair bigint, taker bigint, manual jsonb, score jsonb, level text, total int,
    conclusion text, adopted_at timestamptz) ON COMMIT DROP`);
  await copy(
    'seed_meeting_updates',
    [
      'id',
      'status',
      'started_at',
      'ended_at',
      'chair',
      'taker',
      'manual',
      'score',
      'level',
      'total',
      'conclusion',
      'adopted_at',
    ],
    updates,
  );
  await conn.query(`UPDATE meetings m SET status = u.status, started_at = u.started_at, ended_at = u.ended_at,
      chair_member_id = u.chair, minute_taker_member_id = u.taker, manual_scores = u.manual, score = u.score,
      level = u.level, total = u.total, conclusion = u.conclusion, adopted_at = u.adopted_at
    FROM seed_meeting_updates u WHERE m.id = u.id`);
  if (cancelledIds.length > 0) {
    await conn.query(`UPDATE meetings SET status = 'cancelled' WHERE id = ANY($1::bigint[])`, [cancelledIds]);
  }
  await writeTrail(conn, events, audits);
}

/** The document counters after the year: each cell's last minutes and resolution number. */
export async function writeCounters(
  conn: Conn,
  counters: readonly { orgId: number; type: string; last: number }[],
) {
  await copyChunked(
    conn,
    'document_counters',
    ['org_id', 'term', 'doc_type', 'last'],
    counters.length,
    (i) => {
      const c = counters[i];
      return c ? copyLine([c.orgId, 'default', c.type, c.last]) : '';
    },
  );
}
