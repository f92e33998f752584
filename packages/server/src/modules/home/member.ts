/**
 * A member's home: the cell's next meeting with its published materials and the member's reply, the
 * member's own tasks, and the recommendations he or she raised.
 */
import type { HomeMeetingDto, MemberHomeDto } from '@nennep/core';
import { sql } from 'drizzle-orm';
import { type Db, rows } from '../../db/client.ts';

export async function memberHome(
  db: Db,
  member: { id: number; orgId: number; orgCode: string; orgName: string },
  today: string,
  now: Date,
): Promise<MemberHomeDto> {
  const [next] = await rows<HomeMeetingDto & { reply: string | null }>(
    db,
    sql`SELECT m.id::int AS id, m.kind, m.combined, m.status, m.title, m.scheduled_date::text AS date,
          m.start_time AS "startTime", m.place, a.reply
        FROM meetings m LEFT JOIN attendance a ON a.meeting_id = m.id AND a.member_id = ${member.id}
        WHERE m.org_id = ${member.orgId} AND m.kind IN ('regular', 'thematic', 'model', 'extraordinary')
          AND m.status IN ('planned', 'prepared', 'in_progress') AND m.scheduled_date >= ${today}
        ORDER BY m.scheduled_date, m.start_time, m.id LIMIT 1`,
  );
  const materials = next
    ? await rows<{ id: number; name: string }>(
        db,
        sql`SELECT id::int AS id, file_name AS name FROM materials
            WHERE meeting_id = ${next.id} AND publish_at <= ${now.toISOString()} ORDER BY publish_at, id`,
      )
    : [];
  const tasks = await rows<{ id: number; text: string; deadline: string | null; meetingId: number }>(
    db,
    sql`SELECT t.id::int AS id, t.text, t.deadline::text AS deadline, t.meeting_id::int AS "meetingId"
        FROM tasks t JOIN meetings m ON m.id = t.meeting_id
        WHERE t.member_id = ${member.id} AND t.status = 'open' AND m.status IN ('held', 'adopted')
        ORDER BY t.deadline NULLS LAST, t.id LIMIT 20`,
  );
  const recommendations = await rows<{ id: number; text: string; status: string; raisedOn: string }>(
    db,
    sql`SELECT id::int AS id, text, status, raised_on::text AS "raisedOn" FROM recommendations
        WHERE raised_by_member_id = ${member.id} ORDER BY raised_on DESC, id DESC LIMIT 5`,
  );
  const [count] = await rows<{ n: number }>(
    db,
    sql`SELECT count(*)::int AS n FROM recommendations WHERE raised_by_member_id = ${member.id}`,
  );
  return {
    orgCode: member.orgCode,
    orgName: member.orgName,
    next: next ? { ...next, materials } : null,
    tasks: tasks.map((t) => ({ ...t, overdue: t.deadline !== null && t.deadline < today })),
    recommendations,
    recommendationCount: count?.n ?? 0,
  };
}
