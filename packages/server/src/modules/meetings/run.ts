import {
  type AttendanceFact,
  type AttendanceStatus,
  formatVietnameseDate,
  isoDateInVietnam,
  type VoteCount,
  type VoteSubject,
} from '@nennep/core';
import { and, eq, sql } from 'drizzle-orm';
import { type Db, rows } from '../../db/client.ts';
import { insertOne } from '../../db/insert.ts';
import { attendance, guests, meetings, opinions, tasks, votes } from '../../db/schema/index.ts';
import type { Actor } from '../../http/access.ts';
import { AppError, invalidField } from '../../http/errors.ts';
import { recordMeetingEvent } from './events.ts';
import { moveMeeting } from './plan.ts';
import { attachedHereSql, cellMembers, type MeetingRow, type RollCallLine, rollCall } from './queries.ts';
import { checkRecognition } from './recognition.ts';
import { outcomeOrInvalid } from './vote-outcome.ts';

const CELL_COMMITTEE_POSITIONS = ['secretary', 'deputy_secretary', 'committee_member'];

/**
 * The roll call a meeting starts from: every active member of the cell, exempt members as exempt, those
 * attending another cell meanwhile as attached elsewhere, the others present until marked otherwise — on a
 * phone, the secretary only touches the absent ones. Members of other cells attending this one on the day
 * (sinh hoạt tạm thời) are on it too, present until marked otherwise: they are counted in this cell's
 * attendance, and vote in their home cell (domain.md §2; QĐ 24-QĐ/TW point 9.3.2). A cell-committee
 * meeting has neither: it is the committee's own.
 */
export async function defaultRollCall(db: Db, meeting: MeetingRow): Promise<RollCallLine[]> {
  const members = await cellMembers(db, meeting.orgId);
  const committee = meeting.kind === 'cell_committee';
  // A preparation meeting is attended by the chi ủy — or, where none was elected, by the bí thư and phó bí thư
  // (HD 12-HD/BTCTW): these positions, whichever the cell has.
  const list = committee ? members.filter((m) => CELL_COMMITTEE_POSITIONS.includes(m.position)) : members;
  const attached = await rows<{ id: number }>(
    db,
    sql`SELECT member_id::int AS id FROM member_periods WHERE kind = 'attached' AND org_id <> ${meeting.orgId}
        AND from_date <= ${meeting.scheduledDate} AND (to_date IS NULL OR to_date >= ${meeting.scheduledDate})`,
  );
  const attachedElsewhere = new Set(attached.map((r) => r.id));
  const guests = committee ? [] : await attachedMembers(db, meeting);
  const line = (m: CellMember, attachedHere: boolean): RollCallLine => ({
    memberId: m.id,
    memberCode: m.memberCode,
    fullName: m.fullName,
    // A member attending temporarily holds no position in this cell (as `rollCall` reads it).
    position: attachedHere ? 'member' : m.position,
    memberStatus: m.status,
    status: m.exempt
      ? 'exempt'
      : !attachedHere && attachedElsewhere.has(m.id)
        ? 'attached_elsewhere'
        : 'present',
    reason: null,
    reasonAccepted: true,
    reply: null,
    suspended: false,
    attachedHere,
  });
  // In the order `rollCall` reads it back: the cell's members, then those attending temporarily.
  return [...list.map((m) => line(m, false)), ...guests.map((m) => line(m, true))];
}

type CellMember = Awaited<ReturnType<typeof cellMembers>>[number];

/** Members of other cells attending this meeting's cell temporarily on its day, in Vietnamese name order. */
function attachedMembers(db: Db, meeting: MeetingRow) {
  return rows<CellMember>(
    db,
    sql`SELECT m.id::int AS id, m.member_code AS "memberCode", m.status, (m.exempt_from IS NOT NULL) AS exempt,
          m.full_name AS "fullName", m.position
        FROM members m WHERE m.org_id <> ${meeting.orgId} AND m.status IN ('official', 'probationary')
          AND ${attachedHereSql(sql`m.id`, meeting.orgId, meeting.scheduledDate)}
        ORDER BY m.sort_key, m.member_code`,
  );
}

/** Writes the default roll call for the members not on it yet (once each). */
export async function ensureRollCall(tx: Db, meeting: MeetingRow) {
  const lines = await defaultRollCall(tx, meeting);
  if (lines.length === 0) return;
  await tx
    .insert(attendance)
    .values(
      lines.map((l) => ({
        meetingId: meeting.id,
        memberId: l.memberId,
        memberStatus: l.memberStatus,
        status: l.status,
      })),
    )
    .onConflictDoNothing();
}

/** The member's id in this meeting's roll call, or a field error. */
export async function memberInRollCall(tx: Db, meeting: MeetingRow, code: string, field = 'memberCode') {
  await ensureRollCall(tx, meeting);
  const line = (await rollCall(tx, meeting.id)).find((l) => l.memberCode === code);
  if (!line) {
    throw invalidField(field, {
      vi: `${code} không phải đảng viên của chi bộ này.`,
      en: `${code} is not a member of this cell.`,
    });
  }
  return line;
}

/** Recorded times may run a few minutes ahead of the server's clock (a phone's clock), not more. */
const CLOCK_SLACK_MS = 5 * 60_000;

/**
 * Records when the meeting started or ended. Never in the future, never before the meeting's day; a meeting
 * started on a later day than planned is moved to that day first (with its visits), so the minutes, the
 * committee's overview and the score all read the day it was held.
 */
export async function setClock(
  tx: Db,
  actor: Actor,
  meeting: MeetingRow,
  which: 'start' | 'end',
  at: Date,
  now: Date,
) {
  if (at.getTime() > now.getTime() + CLOCK_SLACK_MS) {
    throw invalidField('at', {
      vi: `Chưa đến ${vnClock(at)}: chỉ ghi giờ đã qua.`,
      en: `${at.toISOString()} has not come yet: record times that have passed.`,
    });
  }
  if (which === 'start') {
    if (meeting.endedAt) {
      throw invalidField('at', { vi: 'Cuộc họp đã kết thúc.', en: 'The meeting has already ended.' });
    }
    const day = isoDateInVietnam(at);
    if (day < meeting.scheduledDate) {
      throw invalidField('at', {
        vi: `Cuộc họp lên lịch ngày ${formatVietnameseDate(meeting.scheduledDate)}: chưa bắt đầu được trước ngày đó.`,
        en: `The meeting is planned for ${meeting.scheduledDate}: it cannot start before that day.`,
      });
    }
    if (day > meeting.scheduledDate) {
      const reason = `Họp ngày ${formatVietnameseDate(day)}, muộn hơn lịch`;
      await moveMeeting(tx, actor, meeting, { date: day, startTime: vnClock(at).slice(0, 5), reason });
    }
    await ensureRollCall(tx, meeting);
    await tx
      .update(meetings)
      .set({ startedAt: at, status: 'in_progress' })
      .where(eq(meetings.id, meeting.id));
  } else {
    if (!meeting.startedAt)
      throw invalidField('at', { vi: 'Cuộc họp chưa bắt đầu.', en: 'The meeting has not started.' });
    if (at <= meeting.startedAt) {
      throw invalidField('at', {
        vi: 'Giờ kết thúc phải sau giờ bắt đầu.',
        en: 'The end must come after the start.',
      });
    }
    await tx.update(meetings).set({ endedAt: at, status: 'held' }).where(eq(meetings.id, meeting.id));
  }
  await recordMeetingEvent(tx, actor, meeting, which === 'start' ? 'started' : 'ended', {
    at: at.toISOString(),
  });
}

/** "19:30 05/12/2026" in Vietnam time. */
function vnClock(at: Date): string {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Asia/Ho_Chi_Minh',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(at);
  return `${parts} ${formatVietnameseDate(isoDateInVietnam(at))}`;
}

/**
 * Marks a member on the roll call — the cell's own or one attending temporarily (found the same way, on
 * the roll call). An absence with a reason is excused only when the cell accepts the reason (HD
 * 12-HD/BTCTW point 2.1; QĐ 24-QĐ/TW point 9.3.2 leaves out of the vote base those absent "có lý do được
 * chấp nhận"): accepted unless the secretary says otherwise; any other status resets the flag.
 */
export async function markAttendance(
  tx: Db,
  actor: Actor,
  meeting: MeetingRow,
  code: string,
  status: AttendanceStatus,
  reason: string | null,
  reasonAccepted = true,
) {
  const line = await memberInRollCall(tx, meeting, code);
  if (line.attachedHere && status === 'attached_elsewhere') {
    throw invalidField('status', {
      vi: `Đồng chí ${line.fullName} đang sinh hoạt tạm thời tại chi bộ này.`,
      en: `${line.fullName} is attending this cell temporarily.`,
    });
  }
  const accepted = status === 'absent_excused' ? reasonAccepted : true;
  await tx
    .update(attendance)
    .set({ status, reason, reasonAccepted: accepted })
    .where(and(eq(attendance.meetingId, meeting.id), eq(attendance.memberId, line.memberId)));
  await recordMeetingEvent(tx, actor, meeting, 'attendance', {
    member: code,
    status,
    ...(status === 'absent_excused' ? { reasonAccepted: accepted } : {}),
  });
}

/** A member's own answer before the meeting: confirm, or excuse with a reason. */
export async function reply(
  tx: Db,
  actor: Actor,
  meeting: MeetingRow,
  memberCode: string,
  answer: 'confirm' | 'excuse',
  reason: string | null,
) {
  if (answer === 'excuse' && !reason) {
    throw invalidField('reason', { vi: 'Hãy nêu lý do vắng mặt.', en: 'Give the reason for the absence.' });
  }
  const line = await memberInRollCall(tx, meeting, memberCode);
  await tx
    .update(attendance)
    .set(
      answer === 'excuse'
        ? { reply: 'excuse', status: 'absent_excused', reason }
        : { reply: 'confirm', status: 'present', reason: null },
    )
    .where(and(eq(attendance.meetingId, meeting.id), eq(attendance.memberId, line.memberId)));
  await recordMeetingEvent(tx, actor, meeting, answer === 'excuse' ? 'excused' : 'confirmed', {
    member: memberCode,
  });
}

export async function addGuest(tx: Db, actor: Actor, meeting: MeetingRow, name: string, role: string | null) {
  await tx.insert(guests).values({ meetingId: meeting.id, name, role });
  await recordMeetingEvent(tx, actor, meeting, 'guest_added', { name });
}

export async function addOpinion(
  tx: Db,
  actor: Actor,
  meeting: MeetingRow,
  input: { memberCode?: string | null; guestName?: string | null; agendaIndex: number; summary: string },
) {
  if (input.agendaIndex >= meeting.agenda.length) {
    throw invalidField('agendaIndex', {
      vi: 'Không có nội dung này trong chương trình.',
      en: 'No such agenda item.',
    });
  }
  const memberId = input.memberCode ? (await memberInRollCall(tx, meeting, input.memberCode)).memberId : null;
  const row = await insertOne(
    tx
      .insert(opinions)
      .values({
        meetingId: meeting.id,
        memberId,
        guestName: input.guestName ?? null,
        agendaIndex: input.agendaIndex,
        summary: input.summary,
      })
      .returning({ id: opinions.id }),
    'opinion',
  );
  await recordMeetingEvent(tx, actor, meeting, 'opinion_added', {
    member: input.memberCode ?? input.guestName,
  });
  return row.id;
}

export async function addTask(
  tx: Db,
  actor: Actor,
  meeting: MeetingRow,
  input: { memberCode?: string | null; text: string; deadline?: string | null },
) {
  const memberId = input.memberCode ? (await memberInRollCall(tx, meeting, input.memberCode)).memberId : null;
  const row = await insertOne(
    tx
      .insert(tasks)
      .values({
        meetingId: meeting.id,
        orgPath: meeting.orgPath,
        memberId,
        text: input.text,
        deadline: input.deadline ?? null,
      })
      .returning({ id: tasks.id }),
    'task',
  );
  await recordMeetingEvent(tx, actor, meeting, 'task_added', { member: input.memberCode ?? null });
  return row.id;
}

/** The roll call as the vote rules read it. */
export async function attendanceFacts(tx: Db, meeting: MeetingRow): Promise<AttendanceFact[]> {
  await ensureRollCall(tx, meeting);
  return (await rollCall(tx, meeting.id)).map((l) => ({
    memberId: l.memberId,
    status: l.status as AttendanceStatus,
    memberStatus: l.memberStatus,
    suspended: l.suspended,
    reason: l.reason,
    reasonAccepted: l.reasonAccepted,
    attachedHere: l.attachedHere,
  }));
}

/** Records a vote with its outcome under QĐ 24-QĐ/TW: only eligible official members count. */
export async function recordVote(
  tx: Db,
  actor: Actor,
  meeting: MeetingRow,
  input: {
    subject: VoteSubject;
    text: string;
    memberCode?: string | null;
    confirmEarly?: boolean;
  } & VoteCount,
) {
  await checkRecognition(tx, actor, meeting, input);
  const facts = await attendanceFacts(tx, meeting);
  const outcome = outcomeOrInvalid(
    input.subject,
    { for: input.for, against: input.against, abstain: input.abstain },
    facts,
  );
  const memberId = input.memberCode ? (await memberInRollCall(tx, meeting, input.memberCode)).memberId : null;
  const row = await insertOne(
    tx
      .insert(votes)
      .values({
        meetingId: meeting.id,
        subject: input.subject,
        text: input.text,
        memberId,
        votesFor: input.for,
        votesAgainst: input.against,
        abstain: input.abstain,
        eligible: outcome.eligible,
        passed: outcome.passed,
        statement: outcome.statement,
      })
      .returning({ id: votes.id }),
    'vote',
  );
  await recordMeetingEvent(tx, actor, meeting, 'vote_recorded', {
    subject: input.subject,
    passed: outcome.passed,
  });
  return { id: row.id, outcome };
}

export async function setManualScores(
  tx: Db,
  actor: Actor,
  meeting: MeetingRow,
  scores: Record<string, number>,
) {
  await tx
    .update(meetings)
    .set({ manualScores: { ...meeting.manualScores, ...scores } })
    .where(eq(meetings.id, meeting.id));
  await recordMeetingEvent(tx, actor, meeting, 'manual_scores', { criteria: Object.keys(scores) });
}

export async function setConclusion(tx: Db, actor: Actor, meeting: MeetingRow, text: string) {
  await tx.update(meetings).set({ conclusion: text }).where(eq(meetings.id, meeting.id));
  await recordMeetingEvent(tx, actor, meeting, 'conclusion');
}

export function assertHeld(meeting: MeetingRow) {
  if (!meeting.startedAt || !meeting.endedAt) {
    throw new AppError(409, 'conflict', {
      detail: { vi: 'Cần ghi giờ bắt đầu và kết thúc trước.', en: 'Record the start and end times first.' },
    });
  }
}
