import { addDays } from '@nennep/core';
import { sql } from 'drizzle-orm';
import { type Db, rows } from '../../db/client.ts';
import { recommendations } from '../../db/schema/index.ts';
import type { Actor } from '../../http/access.ts';
import { audit } from '../../http/audit.ts';
import { conflict, notFound } from '../../http/errors.ts';
import { meetingNote } from '../meetings/meeting-name.ts';
import type { MeetingRow } from '../meetings/queries.ts';
import { scheduleAnswer } from './commands.ts';
import { logEvent } from './events.ts';
import { findRecommendation } from './queries.ts';

/**
 * The secretary records, during the meeting, that the answer was given to the members. The answer must be
 * on this meeting's agenda (or waiting for a meeting), for this cell.
 */
export async function setAnswerGiven(
  tx: Db,
  actor: Actor,
  meeting: MeetingRow,
  recId: number,
  given: boolean,
) {
  const rec = await findRecommendation(tx, recId);
  if (!rec || rec.orgId !== meeting.orgId) throw notFound('recommendation');
  if (rec.status !== 'answered' || (rec.answerMeetingId !== null && rec.answerMeetingId !== meeting.id)) {
    throw conflict({
      vi: 'Kiến nghị này không có câu trả lời chờ thông báo tại cuộc họp này.',
      en: 'This recommendation has no answer to give at this meeting.',
    });
  }
  await tx.execute(
    sql`UPDATE recommendations SET answer_given = ${given}, answer_meeting_id = ${meeting.id} WHERE id = ${recId}`,
  );
  if (given)
    await logEvent(tx, actor, recId, 'answer_given', {
      toOrgId: meeting.orgId,
      note: await meetingNote(tx, meeting.id),
    });
  await audit(tx, actor, {
    action: given ? 'recommendation.answer_given' : 'recommendation.answer_not_given',
    entityType: 'recommendation',
    entityId: recId,
    orgPath: rec.orgPath,
    detail: { meetingId: meeting.id },
  });
}

/** The answers given at a meeting, as the minutes print them under the answers item. */
export function answersGivenAt(db: Db, meetingId: number) {
  return rows<{ id: number; text: string; answer: string; handlerName: string; handlerPath: string }>(
    db,
    sql`SELECT r.id::int AS id, r.text, r.answer, h.name AS "handlerName", h.path AS "handlerPath"
        FROM recommendations r JOIN orgs h ON h.id = r.handler_org_id
        WHERE r.answer_meeting_id = ${meetingId} AND r.answer_given AND r.status IN ('answered', 'reported_back')
        ORDER BY r.id`,
  );
}

/**
 * On adoption of the minutes: the answers recorded as given become `reported_back`; the others wait for the
 * cell's next meeting.
 */
export async function reportBackOnAdoption(tx: Db, actor: Actor, meeting: MeetingRow) {
  const listed = await rows<{ id: number; given: boolean }>(
    tx,
    sql`SELECT id::int AS id, answer_given AS given FROM recommendations
        WHERE answer_meeting_id = ${meeting.id} AND status = 'answered' ORDER BY id`,
  );
  for (const rec of listed) {
    if (rec.given) {
      await tx.execute(
        sql`UPDATE recommendations SET status = 'reported_back', reported_back_at = now() WHERE id = ${rec.id}`,
      );
      await logEvent(tx, actor, rec.id, 'reported_back', {
        toOrgId: meeting.orgId,
        note: await meetingNote(tx, meeting.id),
      });
    } else {
      await scheduleAnswer(tx, rec.id, addDays(meeting.scheduledDate, 1));
    }
  }
}

/** Recommendations raised at a meeting, and the answers it is to give back. */
export function meetingRecommendationIds(db: Db, meetingId: number) {
  return rows<{ id: number; raised: boolean }>(
    db,
    sql`SELECT id::int AS id, meeting_id = ${meetingId} AS raised FROM ${recommendations}
        WHERE meeting_id = ${meetingId} OR answer_meeting_id = ${meetingId} ORDER BY id`,
  );
}
