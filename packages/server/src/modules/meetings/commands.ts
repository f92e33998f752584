/**
 * The commands of planning and preparing a meeting, one per write route. Each owns its transaction: the
 * row it depends on (the cell or committee it plans for, or the meeting itself, `changeMeeting`) is read and
 * locked inside it and checked there — rights first (404, 403), then state (an adopted or cancelled meeting
 * answers 409) — and the change is written with its history row and audit event (events.ts). Adopted
 * minutes never change (HD 12-HD/BTCTW (06/7/2018); domain.md §3 "Minutes").
 */
import type {
  adoptSchema,
  agendaItemSchema,
  createMeetingSchema,
  planMeetingsSchema,
  rescheduleSchema,
  updateMeetingSchema,
} from '@nennep/core';
import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { Db } from '../../db/client.ts';
import { insertOne } from '../../db/insert.ts';
import { materials, meetings } from '../../db/schema/index.ts';
import type { Actor } from '../../http/access.ts';
import { lockReadableOrg } from '../orgs/policy.ts';
import { addAddendum, adoptMinutes } from './adopt.ts';
import { keepDropped } from './agenda-prefill.ts';
import { recordMeetingEvent } from './events.ts';
import { sendInvitations } from './invitations.ts';
import { changeMeeting, lockMeetingRow } from './lock.ts';
import { addAgendaItem, cancel, createMeeting, planSubtree, recordPreparation, reschedule } from './plan.ts';
import { assertCanRun, runnableBy } from './policy.ts';
import type { MeetingRow } from './queries.ts';
import { memberInRollCall } from './run.ts';

/**
 * The cell or committee a meeting is planned for, held `FOR SHARE` for the transaction (it cannot end
 * meanwhile): visible to the actor (404) and one whose meetings the actor runs (403).
 */
async function lockPlannedOrg(tx: Db, actor: Actor, code: string) {
  const org = await lockReadableOrg(tx, actor, code, 'share');
  assertCanRun(actor, { orgPath: org.path, status: 'planned' });
  return org;
}

/** Plans the regular meetings of every cell under a node over a range (plan.ts `planSubtree`). */
export async function planSubtreeMeetings(
  db: Db,
  actor: Actor,
  input: z.output<typeof planMeetingsSchema>,
  today: string,
) {
  return db.transaction(async (tx) =>
    planSubtree(tx, actor, await lockPlannedOrg(tx, actor, input.orgCode), input, today),
  );
}

/** Schedules one meeting of a cell. */
export async function addMeeting(
  db: Db,
  actor: Actor,
  input: z.output<typeof createMeetingSchema>,
  today: string,
) {
  return db.transaction(async (tx) =>
    createMeeting(tx, actor, await lockPlannedOrg(tx, actor, input.orgCode), input, today),
  );
}

/** Place, title, agenda, chair and minute taker (the two from the meeting's roll call). */
export function updateMeeting(db: Db, actor: Actor, id: number, body: z.output<typeof updateMeetingSchema>) {
  return changeMeeting(db, actor, id, async (tx, meeting) => {
    const patch: Partial<MeetingRow> = {};
    if (body.place !== undefined) patch.place = body.place;
    if (body.title !== undefined) patch.title = body.title;
    if (body.agenda) patch.agenda = await keepDropped(tx, actor, meeting, body.agenda);
    if (body.chairMemberCode !== undefined) {
      patch.chairMemberId = body.chairMemberCode
        ? (await memberInRollCall(tx, meeting, body.chairMemberCode, 'chairMemberCode')).memberId
        : null;
    }
    if (body.minuteTakerMemberCode !== undefined) {
      patch.minuteTakerMemberId = body.minuteTakerMemberCode
        ? (await memberInRollCall(tx, meeting, body.minuteTakerMemberCode, 'minuteTakerMemberCode')).memberId
        : null;
    }
    if (Object.keys(patch).length > 0) {
      await tx.update(meetings).set(patch).where(eq(meetings.id, meeting.id));
    }
    await recordMeetingEvent(tx, actor, meeting, 'updated', { fields: Object.keys(body) });
  });
}

export const rescheduleMeeting = (
  db: Db,
  actor: Actor,
  id: number,
  to: z.output<typeof rescheduleSchema>,
  today: string,
) => changeMeeting(db, actor, id, (tx, meeting) => reschedule(tx, actor, meeting, to, today));

export const cancelMeeting = (db: Db, actor: Actor, id: number, reason: string) =>
  changeMeeting(db, actor, id, (tx, meeting) => cancel(tx, actor, meeting, reason));

/** Tells the cell's members and the committee members who follow the cell: time, place, agenda. */
export const notifyMeeting = (db: Db, actor: Actor, id: number, today: string) =>
  changeMeeting(db, actor, id, (tx, meeting) => sendInvitations(tx, actor, meeting, today));

/** The secretaries (or the cell committee, informally) record that they prepared the meeting together. */
export const markPrepared = (db: Db, actor: Actor, id: number, note: string | null) =>
  changeMeeting(db, actor, id, (tx, meeting) => recordPreparation(tx, actor, meeting, note));

export const addMeetingAgendaItem = (
  db: Db,
  actor: Actor,
  id: number,
  item: z.output<typeof agendaItemSchema>,
) => changeMeeting(db, actor, id, (tx, meeting) => addAgendaItem(tx, actor, meeting, item));

/** A file uploaded for the meeting (`uploadedAt`: the clock's now), shown from `publishAt`. Returns its id. */
export function addMaterial(
  db: Db,
  actor: Actor,
  id: number,
  file: { fileName: string; contentType: string; bytes: Buffer; publishAt: Date; uploadedAt: Date },
) {
  return changeMeeting(db, actor, id, async (tx, meeting) => {
    const { fileName, publishAt } = file;
    const row = await insertOne(
      tx
        .insert(materials)
        .values({
          meetingId: meeting.id,
          fileName,
          contentType: file.contentType,
          size: file.bytes.length,
          bytes: file.bytes,
          publishAt,
          uploadedBy: actor.id,
          uploadedAt: file.uploadedAt,
        })
        .returning({ id: materials.id }),
      'material',
    );
    await recordMeetingEvent(tx, actor, meeting, 'material_added', { fileName, publishAt });
    return row.id;
  });
}

/**
 * Adopts the minutes by the meeting's vote (adopt.ts). The same lock as every write: a write waiting for it
 * then finds the minutes adopted. The time of adoption is read once the lock is held, after every write
 * that went before.
 */
export const adoptMeeting = (
  db: Db,
  actor: Actor,
  id: number,
  count: z.output<typeof adoptSchema>,
  clock: () => Date,
) => changeMeeting(db, actor, id, (tx, meeting) => adoptMinutes(tx, actor, meeting, count, clock()));

/**
 * A dated addendum to adopted minutes (the only correction they take). After adoption, by design: the row
 * is locked all the same, so an addendum waits for an adoption under way. Returns its id.
 */
export function addMeetingAddendum(
  db: Db,
  actor: Actor,
  id: number,
  addendum: { date: string; text: string },
) {
  return db.transaction(async (tx) => {
    const meeting = await lockMeetingRow(tx, id, runnableBy(actor));
    return addAddendum(tx, actor, meeting, addendum.date, addendum.text);
  });
}
