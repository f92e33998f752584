/**
 * The vote on recognising a member as official (công nhận đảng viên chính thức) at a cell meeting.
 *
 * Sources: Điều lệ Đảng (2011) art. 5 — twelve months of probation from the day of admission; when they end
 * the cell considers recognition (two thirds in favour: core `voteRule`); HD 01-HD/TW (28/9/2021) point 3.5 —
 * within 30 days after the end. So the vote is offered only for a probationary member of the cell, and one
 * held before the twelve months end is recorded only once the secretary confirms it (as adopting unscored
 * minutes is, `confirmUnscored` in adopt.ts).
 */
import {
  formatVietnameseDate,
  type ProbationLine,
  probationEndsOn,
  recognitionTiming,
  type VoteSubject,
} from '@nennep/core';
import { sql } from 'drizzle-orm';
import { type Db, rows } from '../../db/client.ts';
import type { Actor } from '../../http/access.ts';
import { invalidField } from '../../http/errors.ts';
import { recordMeetingEvent } from './events.ts';
import type { MeetingRow } from './queries.ts';

/** The cell's probationary members, in Vietnamese name order, beside the vote form. */
export async function probationOf(db: Db, meeting: MeetingRow): Promise<ProbationLine[]> {
  const list = await rows<{ memberCode: string; fullName: string; admissionDate: string }>(
    db,
    sql`SELECT member_code AS "memberCode", full_name AS "fullName", admission_date::text AS "admissionDate"
        FROM members WHERE org_id = ${meeting.orgId} AND status = 'probationary'
        ORDER BY sort_key, member_code`,
  );
  return list.map((m) => ({
    memberCode: m.memberCode,
    fullName: m.fullName,
    ...recognitionTiming(m.admissionDate, meeting.scheduledDate),
  }));
}

/**
 * Checks a recognition vote before it is recorded (other subjects pass untouched): the member is named, is
 * a member of this cell, and is probationary — an official member is refused, naming `memberCode`. Before
 * the twelve months end the vote is refused naming `confirmEarly`, with the dates, unless `confirmEarly` is
 * sent; then the early consideration is kept in the meeting's history. The member's row is locked, so the
 * status read here holds until the vote is in.
 */
export async function checkRecognition(
  tx: Db,
  actor: Actor,
  meeting: MeetingRow,
  input: { subject: VoteSubject; memberCode?: string | null; confirmEarly?: boolean },
) {
  if (input.subject !== 'recognition') return;
  if (!input.memberCode) {
    throw invalidField('memberCode', {
      vi: 'Hãy chọn đảng viên dự bị được xét công nhận đảng viên chính thức.',
      en: 'Choose the probationary member considered for recognition.',
    });
  }
  const [member] = await rows<{ fullName: string; status: string; admissionDate: string }>(
    tx,
    sql`SELECT full_name AS "fullName", status, admission_date::text AS "admissionDate" FROM members
        WHERE member_code = ${input.memberCode} AND org_id = ${meeting.orgId} FOR UPDATE`,
  );
  if (!member) {
    throw invalidField('memberCode', {
      vi: `${input.memberCode} không phải đảng viên của chi bộ này.`,
      en: `${input.memberCode} is not a member of this cell.`,
    });
  }
  if (member.status === 'official') {
    throw invalidField('memberCode', {
      vi: `Đồng chí ${member.fullName} đã là đảng viên chính thức: chỉ xét công nhận đảng viên dự bị.`,
      en: `${member.fullName} is already an official member: only probationary members are considered for recognition.`,
    });
  }
  if (member.status !== 'probationary') {
    throw invalidField('memberCode', {
      vi: `Đồng chí ${member.fullName} không phải đảng viên dự bị: chỉ xét công nhận đảng viên dự bị.`,
      en: `${member.fullName} is not a probationary member: only probationary members are considered for recognition.`,
    });
  }
  const timing = recognitionTiming(member.admissionDate, meeting.scheduledDate);
  if (!timing.early) return;
  const admitted = formatVietnameseDate(timing.admissionDate);
  const ends = formatVietnameseDate(probationEndsOn(timing.admissionDate));
  if (input.confirmEarly !== true) {
    throw invalidField('confirmEarly', {
      vi: `Đồng chí ${member.fullName} được kết nạp ngày ${admitted}, đến ngày ${ends} mới đủ 12 tháng dự bị (Điều lệ Đảng, Điều 5): cuộc họp này xét công nhận trước thời hạn. Hãy xác nhận nếu chi bộ vẫn biểu quyết.`,
      en: `${member.fullName} was admitted on ${admitted}; the twelve months of probation end on ${ends} (Party Statute, art. 5): this meeting considers recognition early. Confirm if the cell votes all the same.`,
    });
  }
  await recordMeetingEvent(tx, actor, meeting, 'recognition_early', {
    member: input.memberCode,
    probationEnds: timing.probationEnds,
  });
}
