import type { MeetingMaterialDto, VoteRecordDto } from '@nennep/core';
import { eq, type SQL, sql } from 'drizzle-orm';
import { type Db, rows } from '../../db/client.ts';
import { meetings } from '../../db/schema/index.ts';

export type MeetingRow = typeof meetings.$inferSelect;

export async function findMeeting(db: Db, id: number): Promise<MeetingRow | null> {
  const [row] = await db.select().from(meetings).where(eq(meetings.id, id));
  return row ?? null;
}

export interface RollCallLine {
  memberId: number;
  memberCode: string;
  fullName: string;
  position: string;
  memberStatus: 'official' | 'probationary';
  status: string;
  reason: string | null;
  /** For an excused absence: whether the cell accepted the reason (HD 12-HD/BTCTW point 2.1). */
  reasonAccepted: boolean;
  reply: string | null;
  suspended: boolean;
  /**
   * A member of another cell attending this one temporarily (sinh hoạt tạm thời): counted in attendance
   * here, votes in the home cell (domain.md §2; QĐ 24-QĐ/TW point 9.3.2).
   */
  attachedHere: boolean;
}

/**
 * Members of other cells attending `orgId` temporarily on `date`: an 'attached' period of theirs at this
 * cell covers the date. Read from the period rather than from "the member's cell is another one": the
 * periods are kept as history, while a later transfer changes the member's cell, so an old meeting's roll
 * call still reads the same.
 */
export function attachedHereSql(memberId: SQL, orgId: SQL | number, date: SQL | string) {
  return sql`EXISTS (SELECT 1 FROM member_periods p WHERE p.member_id = ${memberId} AND p.kind = 'attached'
      AND p.org_id = ${orgId} AND p.from_date <= ${date} AND (p.to_date IS NULL OR p.to_date >= ${date}))`;
}

/** The roll call: the cell's members, then those attending temporarily, each in Vietnamese name order. */
export function rollCall(db: Db, meetingId: number) {
  return rows<RollCallLine>(
    db,
    sql`SELECT a.member_id::int AS "memberId", m.member_code AS "memberCode", m.full_name AS "fullName",
          -- A member attending temporarily holds no position in this cell (the home cell's is not ours).
          CASE WHEN ${attachedHereSql(sql`a.member_id`, sql`mt.org_id`, sql`mt.scheduled_date`)} THEN 'member'
            ELSE m.position END AS position,
          a.member_status AS "memberStatus", a.status, a.reason,
          a.reason_accepted AS "reasonAccepted", a.reply, a.suspended,
          ${attachedHereSql(sql`a.member_id`, sql`mt.org_id`, sql`mt.scheduled_date`)} AS "attachedHere"
        FROM attendance a JOIN members m ON m.id = a.member_id JOIN meetings mt ON mt.id = a.meeting_id
        WHERE a.meeting_id = ${meetingId} ORDER BY "attachedHere", m.sort_key, m.member_code`,
  );
}

export function opinionsOf(db: Db, meetingId: number) {
  return rows<{
    id: number;
    agendaIndex: number;
    speaker: string;
    memberCode: string | null;
    summary: string;
  }>(
    db,
    sql`SELECT o.id::int AS id, o.agenda_index AS "agendaIndex", COALESCE(m.full_name, o.guest_name) AS speaker,
          m.member_code AS "memberCode", o.summary
        FROM opinions o LEFT JOIN members m ON m.id = o.member_id WHERE o.meeting_id = ${meetingId} ORDER BY o.id`,
  );
}

export function tasksOf(db: Db, meetingId: number) {
  return rows<{
    id: number;
    member: string | null;
    memberCode: string | null;
    text: string;
    deadline: string | null;
    status: string;
  }>(
    db,
    sql`SELECT t.id::int AS id, m.full_name AS member, m.member_code AS "memberCode", t.text,
          t.deadline::text AS deadline, t.status
        FROM tasks t LEFT JOIN members m ON m.id = t.member_id WHERE t.meeting_id = ${meetingId} ORDER BY t.id`,
  );
}

export function votesOf(db: Db, meetingId: number) {
  // Stored subjects are the schema's VoteSubject values (votes are written only through the vote schema).
  return rows<VoteRecordDto>(
    db,
    sql`SELECT v.id::int AS id, v.subject, v.text, m.full_name AS member, v.votes_for AS "for",
          v.votes_against AS against, v.abstain, v.eligible, v.passed, v.statement
        FROM votes v LEFT JOIN members m ON m.id = v.member_id WHERE v.meeting_id = ${meetingId} ORDER BY v.id`,
  );
}

export function guestsOf(db: Db, meetingId: number) {
  return rows<{ id: number; name: string; role: string | null }>(
    db,
    sql`SELECT id::int AS id, name, role FROM meeting_guests WHERE meeting_id = ${meetingId} ORDER BY id`,
  );
}

export function materialsOf(db: Db, meetingId: number) {
  return rows<MeetingMaterialDto>(
    db,
    sql`SELECT id::int AS id, file_name AS "fileName", content_type AS "contentType", size,
          publish_at AS "publishAt", uploaded_at AS "uploadedAt"
        FROM materials WHERE meeting_id = ${meetingId} ORDER BY id`,
  );
}

export function addendaOf(db: Db, meetingId: number) {
  return rows<{ id: number; date: string; text: string; createdAt: string }>(
    db,
    sql`SELECT id::int AS id, date::text AS date, text, created_at AS "createdAt" FROM addenda
        WHERE meeting_id = ${meetingId} ORDER BY date, id`,
  );
}

export function documentsOf(db: Db, meetingId: number) {
  return rows<{ docType: string; number: string; sha256: string | null; issuedAt: string }>(
    db,
    sql`SELECT doc_type AS "docType", number, sha256, issued_at AS "issuedAt" FROM issued_documents
        WHERE meeting_id = ${meetingId} ORDER BY id`,
  );
}

/** The active members of a cell on a date, with what the roll call freezes. */
export function cellMembers(db: Db, orgId: number) {
  return rows<{
    id: number;
    memberCode: string;
    status: 'official' | 'probationary';
    exempt: boolean;
    fullName: string;
    position: string;
  }>(
    db,
    sql`SELECT id::int AS id, member_code AS "memberCode", status, (exempt_from IS NOT NULL) AS exempt,
          full_name AS "fullName", position
        FROM members WHERE org_id = ${orgId} AND status IN ('official', 'probationary') ORDER BY sort_key, member_code`,
  );
}
