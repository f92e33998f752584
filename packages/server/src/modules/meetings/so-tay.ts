/**
 * The Sổ tay đảng viên điện tử record (issue 17 item 4): the secretary records when the meeting's package
 * was posted on the app, or undoes the record. HD 42-HD/BTCTW (28/10/2025) asks that the materials reach the
 * members on the app at least one day before the meeting; a posting after the start is kept but is not
 * early (core `soTayPostedEarly`). Each write is one transaction on the meeting's row locked (lock.ts),
 * refused once the minutes are adopted (HD 12-HD/BTCTW (06/7/2018); domain.md §3 "Minutes"), with its
 * history row and audit event (events.ts).
 */
import { type SoTayPostingDto, soTayPostedAtProblem, soTayPostedEarly } from '@nennep/core';
import { eq, sql } from 'drizzle-orm';
import { type Db, rows } from '../../db/client.ts';
import { soTayPostings } from '../../db/schema/index.ts';
import { type Actor, can } from '../../http/access.ts';
import { forbidden, invalidField } from '../../http/errors.ts';
import { recordMeetingEvent } from './events.ts';
import { startOf } from './facts.ts';
import { lockMeeting } from './lock.ts';
import { assertCanSeeMeeting, SO_TAY_RECORDERS } from './policy.ts';
import type { MeetingRow } from './queries.ts';

const recordableBy = (actor: Actor) => (meeting: MeetingRow) => {
  assertCanSeeMeeting(actor, meeting);
  if (!can(actor, SO_TAY_RECORDERS, meeting.orgPath)) throw forbidden();
};

/** The record of a meeting, as the meeting page shows it (who recorded it, when it was posted). */
export async function soTayOf(db: Db, meeting: MeetingRow): Promise<SoTayPostingDto | null> {
  const [row] = await rows<{ postedAt: Date | string; recordedBy: string | null; recordedAt: Date | string }>(
    db,
    sql`SELECT p.posted_at AS "postedAt", a.display_name AS "recordedBy", p.recorded_at AS "recordedAt"
        FROM so_tay_postings p LEFT JOIN accounts a ON a.id = p.recorded_by WHERE p.meeting_id = ${meeting.id}`,
  );
  if (!row) return null;
  const postedAt = new Date(row.postedAt);
  return {
    postedAt: postedAt.toISOString(),
    early: soTayPostedEarly(postedAt, startOf(meeting)),
    recordedBy: row.recordedBy,
    recordedAt: new Date(row.recordedAt).toISOString(),
  };
}

/**
 * Records (or records again) when the package was posted. Refused: a time in the future by the app's clock
 * or more than a year before the meeting (400 naming `postedAt`), an adopted or cancelled meeting (409), a member or visitor (403).
 */
export function recordSoTayPosting(db: Db, actor: Actor, id: number, postedAt: Date, now: Date) {
  return db.transaction(async (tx) => {
    const meeting = await lockMeeting(tx, id, recordableBy(actor));
    const problem = soTayPostedAtProblem(postedAt, now, startOf(meeting));
    if (problem === 'future') {
      throw invalidField('postedAt', {
        vi: 'Thời điểm đăng lên Sổ tay không được ở tương lai.',
        en: 'The time posted on the Party Member Handbook app cannot be in the future.',
      });
    }
    if (problem === 'too_early') {
      throw invalidField('postedAt', {
        vi: 'Thời điểm đăng lên Sổ tay sớm hơn cuộc họp quá một năm: hãy kiểm tra lại ngày.',
        en: 'The time posted on the Party Member Handbook app is more than a year before the meeting: check the date.',
      });
    }
    const values = { postedAt, recordedBy: actor.id, recordedAt: now };
    await tx
      .insert(soTayPostings)
      .values({ meetingId: meeting.id, ...values })
      .onConflictDoUpdate({ target: soTayPostings.meetingId, set: values });
    await recordMeetingEvent(tx, actor, meeting, 'so_tay_posted', {
      postedAt: postedAt.toISOString(),
      early: soTayPostedEarly(postedAt, startOf(meeting)),
    });
  });
}

/** Undoes the record, before adoption. Nothing recorded: nothing changes and nothing is written. */
export function undoSoTayPosting(db: Db, actor: Actor, id: number) {
  return db.transaction(async (tx) => {
    const meeting = await lockMeeting(tx, id, recordableBy(actor));
    const removed = await tx
      .delete(soTayPostings)
      .where(eq(soTayPostings.meetingId, meeting.id))
      .returning({ postedAt: soTayPostings.postedAt });
    const [row] = removed;
    if (row) await recordMeetingEvent(tx, actor, meeting, 'so_tay_undone', { postedAt: row.postedAt });
  });
}
