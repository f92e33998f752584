/**
 * The commands that bring a recommendation in: recorded by a committee's staff for a cell, raised in a
 * meeting, raised by a member from the app; and the meeting's side, the answer given back to the members.
 * Each owns its transaction: the row it depends on (the cell, the meeting, the member) is read and locked
 * inside it, the actor's rights and its state are checked there, then the rows and the audit are written.
 */
import {
  CELL_KINDS,
  type createRecommendationSchema,
  type meetingRecommendationSchema,
  type OrgKind,
  type raiseRecommendationSchema,
} from '@nennep/core';
import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import { type Db, rows } from '../../db/client.ts';
import { type Actor, assertCan } from '../../http/access.ts';
import { conflict, forbidden, invalidField } from '../../http/errors.ts';
import { changeMeeting } from '../meetings/lock.ts';
import { memberInRollCall } from '../meetings/run.ts';
import { lockReadableOrg } from '../orgs/policy.ts';
import { findOrgById } from '../orgs/queries.ts';
import { createRecommendation } from './commands.ts';
import { setAnswerGiven } from './meeting-side.ts';
import { rulesReader } from './queries.ts';

/** A member raises at most this many recommendations a day (a phone's double taps, not a channel for floods). */
export const RAISES_PER_DAY = 10;

/**
 * A committee's staff records a recommendation a cell raised (in writing, at a visit …): for a cell the
 * actor sees (404) and administers or sits on the committee of (403). The cell is held `FOR SHARE`.
 */
export function recordRecommendation(
  db: Db,
  actor: Actor,
  input: z.output<typeof createRecommendationSchema>,
): Promise<number> {
  return db.transaction(async (tx) => {
    const cell = await lockReadableOrg(tx, actor, input.orgCode, 'share');
    assertCan(actor, ['admin', 'committee_member'], cell.path);
    if (!(CELL_KINDS as readonly OrgKind[]).includes(cell.kind as OrgKind)) {
      throw invalidField('orgCode', {
        vi: 'Kiến nghị được ghi cho chi bộ đã nêu.',
        en: 'A recommendation is recorded for the cell that raised it.',
      });
    }
    const rules = (await rulesReader(tx))(cell.path, input.raisedOn);
    return createRecommendation(tx, actor, { ...input, cell, source: 'staff' }, rules);
  });
}

/** A recommendation raised in a meeting, by a member of its roll call or by the chair; the meeting locked. */
export function raiseInMeeting(
  db: Db,
  actor: Actor,
  meetingId: number,
  input: z.output<typeof meetingRecommendationSchema>,
) {
  return changeMeeting(db, actor, meetingId, async (tx, meeting) => {
    const cell = await findOrgById(tx, meeting.orgId);
    if (!cell) throw new Error('meeting without cell');
    const rules = (await rulesReader(tx))(cell.path, meeting.scheduledDate);
    const member = input.memberCode
      ? await memberInRollCall(tx, meeting, input.memberCode, 'memberCode')
      : null;
    await createRecommendation(
      tx,
      actor,
      {
        cell,
        source: 'meeting',
        meetingId: meeting.id,
        raisedByMemberId: member?.memberId ?? null,
        raisedBy: member?.fullName ?? 'Chủ trì cuộc họp',
        raisedOn: meeting.scheduledDate,
        text: input.text,
        category: input.category,
      },
      rules,
    );
  });
}

/** The secretary records, in the meeting, that the answer was (or was not) given to the members. */
export const markAnswerGiven = (db: Db, actor: Actor, meetingId: number, recId: number, given: boolean) =>
  changeMeeting(db, actor, meetingId, (tx, meeting) => setAnswerGiven(tx, actor, meeting, recId, given));

/**
 * A member raises a recommendation at any time (HD 12-HD/BTCTW: đảng viên có quyền kiến nghị với chi bộ, cấp
 * ủy): it reaches the member's own cell, dated today, and follows the normal routing from there. The member
 * row is locked: two taps at once count against the same day's limit.
 */
export function raiseAsMember(
  db: Db,
  actor: Actor,
  input: z.output<typeof raiseRecommendationSchema>,
  today: string,
): Promise<number> {
  const memberId = actor.memberId;
  if (!memberId) throw forbidden();
  return db.transaction(async (tx) => {
    const [member] = await rows<{ fullName: string; orgId: number }>(
      tx,
      sql`SELECT full_name AS "fullName", org_id::int AS "orgId" FROM members
          WHERE id = ${memberId} AND status IN ('official', 'probationary') FOR UPDATE`,
    );
    const cell = member ? await findOrgById(tx, member.orgId) : null;
    if (!member || !cell || cell.status !== 'active') throw forbidden();
    const [raised] = await rows<{ n: number }>(
      tx,
      sql`SELECT count(*)::int AS n FROM recommendations
          WHERE raised_by_member_id = ${memberId} AND source = 'member' AND raised_on = ${today}`,
    );
    if ((raised?.n ?? 0) >= RAISES_PER_DAY) {
      throw conflict(
        {
          vi: `Hôm nay đồng chí đã gửi ${RAISES_PER_DAY} kiến nghị: xin gửi tiếp vào ngày mai, hoặc nêu tại buổi sinh hoạt chi bộ.`,
          en: `You have sent ${RAISES_PER_DAY} recommendations today: please send more tomorrow, or raise them at the cell meeting.`,
        },
        'text',
      );
    }
    const rules = (await rulesReader(tx))(cell.path, today);
    return createRecommendation(
      tx,
      actor,
      {
        ...input,
        cell,
        source: 'member',
        raisedByMemberId: memberId,
        raisedBy: member.fullName,
        raisedOn: today,
      },
      rules,
    );
  });
}
