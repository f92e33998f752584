import { eq, sql } from 'drizzle-orm';
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
  reply: string | null;
  suspended: boolean;
}

/** The roll call in Vietnamese name order. */
export function rollCall(db: Db, meetingId: number) {
  return rows<RollCallLine>(
    db,
    sql`SELECT a.member_id::int AS "memberId", m.member_code AS "memberCode", m.full_name AS "fullName",
          m.position, a.member_status AS "memberStatus", a.status, a.reason, a.reply, a.suspended
        FROM attendance a JOIN members m ON m.id = a.member_id
        WHERE a.meeting_id = ${meetingId} ORDER BY m.sort_key, m.member_code`,
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
  return rows<{
    id: number;
    subject: string;
    text: string;
    member: string | null;
    for: number;
    against: number;
    abstain: number;
    eligible: number;
    passed: boolean;
    statement: { vi: string; en: string };
  }>(
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
  return rows<{
    id: number;
    fileName: string;
    contentType: string;
    size: number;
    publishAt: string;
    uploadedAt: string;
  }>(
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
