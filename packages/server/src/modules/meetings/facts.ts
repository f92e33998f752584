import {
  absenceRunsOf,
  type MeetingFacts,
  type MeetingKind,
  meetingFactsOf,
  type QualityScore,
  type RuleSetContent,
  type SessionLine,
  scoreMeeting,
  soTayPostedEarly,
} from '@nennep/core';
import { eq, sql } from 'drizzle-orm';
import { type Db, rows } from '../../db/client.ts';
import { ruleSets } from '../../db/schema/index.ts';
import { preparationsBefore } from './preparation.ts';
import type { MeetingRow } from './queries.ts';
import { rollCall } from './queries.ts';

/** The instant a meeting starts: recorded, else scheduled (Vietnam time, UTC+7). */
export function startOf(meeting: MeetingRow): Date {
  return meeting.startedAt ?? new Date(`${meeting.scheduledDate}T${meeting.startTime}:00+07:00`);
}

export async function rulesOf(db: Db, meeting: MeetingRow): Promise<RuleSetContent> {
  if (!meeting.ruleSetId) throw new Error(`meeting ${meeting.id} has no rule set`);
  const [row] = await db
    .select({ content: ruleSets.content })
    .from(ruleSets)
    .where(eq(ruleSets.id, meeting.ruleSetId));
  if (!row) throw new Error(`rule set ${meeting.ruleSetId} missing`);
  return row.content as RuleSetContent;
}

/**
 * Each member's current run of sessions missed in a row over this year's meetings of the cell up to and
 * including this one's session — the "absent more than 3 times in a row" flag of HD 12-HD/BTCTW
 * (06/7/2018). A session is the cell's meetings on one day at one time (core `sessionKey`): the other
 * meeting held with this one (a thematic meeting recorded apart the same evening) belongs to it.
 */
export async function absenceRuns(db: Db, meeting: MeetingRow): Promise<Map<number, number>> {
  const year = meeting.scheduledDate.slice(0, 4);
  const lines = await rows<SessionLine>(
    db,
    sql`SELECT a.member_id::int AS "memberId", a.status, mt.scheduled_date::text || ' ' || mt.start_time AS session
        FROM attendance a JOIN meetings mt ON mt.id = a.meeting_id
        WHERE mt.org_id = ${meeting.orgId} AND mt.kind IN ('regular', 'thematic', 'model', 'extraordinary')
          AND mt.status IN ('in_progress', 'held', 'adopted') AND mt.scheduled_date BETWEEN ${`${year}-01-01`} AND ${meeting.scheduledDate}
          AND (mt.scheduled_date < ${meeting.scheduledDate} OR mt.start_time <= ${meeting.startTime} OR mt.id = ${meeting.id})
        ORDER BY mt.scheduled_date, mt.start_time, mt.id`,
  );
  return absenceRunsOf(lines);
}

/**
 * Whether the meeting's package was posted on the Sổ tay app at least a day before it (HD 42-HD/BTCTW), with
 * every material the meeting has: a material uploaded after the posting was not in the package posted.
 */
async function soTayFactsOf(db: Db, meeting: MeetingRow): Promise<{ postedEarly: boolean } | null> {
  const [row] = await rows<{ postedAt: Date | string; later: number }>(
    db,
    sql`SELECT p.posted_at AS "postedAt",
          (SELECT count(*)::int FROM materials m
            WHERE m.meeting_id = p.meeting_id AND m.uploaded_at > p.posted_at) AS later
        FROM so_tay_postings p WHERE p.meeting_id = ${meeting.id}`,
  );
  if (!row) return null;
  return { postedEarly: row.later === 0 && soTayPostedEarly(new Date(row.postedAt), startOf(meeting)) };
}

/** Everything the score sheet's automatic criteria read, gathered from what was recorded. */
export async function meetingFacts(
  db: Db,
  meeting: MeetingRow,
  rules: RuleSetContent,
): Promise<MeetingFacts> {
  const roll = await rollCall(db, meeting.id);
  const speakers = await rows<{ memberId: number }>(
    db,
    sql`SELECT DISTINCT member_id::int AS "memberId" FROM opinions WHERE meeting_id = ${meeting.id} AND member_id IS NOT NULL`,
  );
  const dayBefore = new Date(startOf(meeting).getTime() - 86_400_000).toISOString();
  const [materials] = await rows<{ total: number; early: number }>(
    db,
    sql`SELECT count(*)::int AS total, count(*) FILTER (WHERE publish_at <= ${dayBefore})::int AS early
        FROM materials WHERE meeting_id = ${meeting.id}`,
  );
  // The chi ủy's preparation meeting, or the bí thư and phó bí thư's where there is no chi ủy (HD 12).
  const prepared = await preparationsBefore(db, {
    id: meeting.id,
    orgId: meeting.orgId,
    date: meeting.scheduledDate,
  });
  const [previous] = await rows<{ total: number; done: number }>(
    db,
    sql`SELECT count(t.*)::int AS total, count(t.*) FILTER (WHERE t.status = 'done')::int AS done
        FROM tasks t WHERE t.status <> 'dropped' AND t.meeting_id = (
          SELECT id FROM meetings WHERE org_id = ${meeting.orgId} AND kind IN ('regular', 'model')
            AND status IN ('held', 'adopted') AND scheduled_date < ${meeting.scheduledDate}
          ORDER BY scheduled_date DESC, id DESC LIMIT 1)`,
  );
  return meetingFactsOf(
    {
      kind: meeting.kind as MeetingKind,
      combined: meeting.combined,
      startedAt: meeting.startedAt,
      endedAt: meeting.endedAt,
      roll,
      speakerIds: speakers.map((s) => s.memberId),
      materials: materials ?? { total: 0, early: 0 },
      // The package posted on the Sổ tay đảng viên điện tử app counts as well (HD 42-HD/BTCTW).
      soTay: await soTayFactsOf(db, meeting),
      cellCommitteeMeetings: prepared.length,
      previousTasks: previous ?? null,
      absenceRuns: await absenceRuns(db, meeting),
    },
    rules,
  );
}

/** Scores a meeting with its own rule set (the one it references), automatic facts plus manual points. */
export async function scoreOf(db: Db, meeting: MeetingRow, rules?: RuleSetContent): Promise<QualityScore> {
  const content = rules ?? (await rulesOf(db, meeting));
  const facts = await meetingFacts(db, meeting, content);
  return scoreMeeting(content.scoreSheet, content.levels, facts, meeting.manualScores);
}
