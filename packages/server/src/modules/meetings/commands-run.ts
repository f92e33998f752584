/**
 * The commands of running a meeting from a phone: clock, roll call, a member's own answer, guests, opinions,
 * tasks, votes, scores, conclusions. Each owns its transaction and changes the meeting on its row locked and
 * checked under the lock (`changeMeeting`, lock.ts), so none slips past an adoption: adopted minutes never
 * change (HD 12-HD/BTCTW (06/7/2018); domain.md §3 "Minutes").
 */
import type {
  attendanceSchema,
  manualScoresSchema,
  opinionSchema,
  replySchema,
  taskSchema,
  taskStatusSchema,
  voteSchema,
} from '@nennep/core';
import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { Db } from '../../db/client.ts';
import { members, tasks } from '../../db/schema/index.ts';
import type { Actor } from '../../http/access.ts';
import { forbidden, invalidField, notFound } from '../../http/errors.ts';
import { recordMeetingEvent } from './events.ts';
import { scoreOf } from './facts.ts';
import { setItemConclusion } from './item-conclusion.ts';
import { changeMeeting, lockMeeting } from './lock.ts';
import { assertCanRun, assertCanSeeMeeting } from './policy.ts';
import { findMeeting } from './queries.ts';
import {
  addGuest,
  addOpinion,
  addTask,
  markAttendance,
  recordVote,
  reply,
  setClock,
  setConclusion,
  setManualScores,
} from './run.ts';

/**
 * Records when the meeting started or ended: at `at`, else now, the clock read once the lock is held (never
 * in the future: run.ts `setClock`).
 */
export function clockMeeting(
  db: Db,
  actor: Actor,
  id: number,
  which: 'start' | 'end',
  at: Date | null,
  clock: () => Date,
) {
  return changeMeeting(db, actor, id, (tx, meeting) => {
    const now = clock();
    return setClock(tx, actor, meeting, which, at ?? now, now);
  });
}

export const markMeetingAttendance = (
  db: Db,
  actor: Actor,
  id: number,
  memberCode: string,
  input: z.output<typeof attendanceSchema>,
) =>
  changeMeeting(db, actor, id, (tx, meeting) =>
    markAttendance(tx, actor, meeting, memberCode, input.status, input.reason ?? null, input.reasonAccepted),
  );

/**
 * A member's own answer to the invitation rewrites the roll call: the same lock as every write on the
 * meeting, the member needing only to see it (their own cell's meeting).
 */
export function replyToMeeting(db: Db, actor: Actor, id: number, input: z.output<typeof replySchema>) {
  return db.transaction(async (tx) => {
    const meeting = await lockMeeting(tx, id, (m) => assertCanSeeMeeting(actor, m));
    if (!actor.memberId) throw forbidden();
    const [self] = await tx
      .select({ code: members.memberCode })
      .from(members)
      .where(eq(members.id, actor.memberId));
    if (!self) throw forbidden();
    await reply(tx, actor, meeting, self.code, input.reply, input.reason ?? null);
  });
}

export const addMeetingGuest = (db: Db, actor: Actor, id: number, name: string, role: string | null) =>
  changeMeeting(db, actor, id, (tx, meeting) => addGuest(tx, actor, meeting, name, role));

/** Returns the opinion's id. */
export const addMeetingOpinion = (db: Db, actor: Actor, id: number, input: z.output<typeof opinionSchema>) =>
  changeMeeting(db, actor, id, (tx, meeting) => addOpinion(tx, actor, meeting, input));

/** Returns the task's id. */
export const addMeetingTask = (db: Db, actor: Actor, id: number, input: z.output<typeof taskSchema>) =>
  changeMeeting(db, actor, id, (tx, meeting) => addTask(tx, actor, meeting, input));

/**
 * The status of a task, followed after the meeting, also once the minutes are adopted (it is not part of
 * them): by the member it was given to, or by those who run the meeting. The task's row is locked.
 */
export async function setTaskStatus(
  db: Db,
  actor: Actor,
  taskId: number,
  status: z.output<typeof taskStatusSchema>['status'],
  now: Date,
) {
  await db.transaction(async (tx) => {
    const [task] = await tx.select().from(tasks).where(eq(tasks.id, taskId)).for('update');
    const meeting = task ? assertCanSeeMeeting(actor, await findMeeting(tx, task.meetingId)) : null;
    if (!task || !meeting) throw notFound('task');
    const own = actor.memberId !== null && task.memberId === actor.memberId;
    if (!own) assertCanRun(actor, meeting);
    await tx.update(tasks).set({ status, statusAt: now }).where(eq(tasks.id, task.id));
    await recordMeetingEvent(tx, actor, meeting, 'task_status', { task: task.id, status });
  });
}

/** Records a vote with its outcome under QĐ 24-QĐ/TW; returns the vote's id and outcome. */
export const recordMeetingVote = (db: Db, actor: Actor, id: number, input: z.output<typeof voteSchema>) =>
  changeMeeting(db, actor, id, (tx, meeting) => recordVote(tx, actor, meeting, input));

/** The criteria scored by hand; refused (400) when the sheet could no longer be scored with them. */
export function scoreManually(db: Db, actor: Actor, id: number, scores: z.output<typeof manualScoresSchema>) {
  return changeMeeting(db, actor, id, async (tx, meeting) => {
    await setManualScores(tx, actor, meeting, scores);
    try {
      // Inside the transaction, read through `tx`: on PGlite a query through `db` would wait for it.
      const updated = await findMeeting(tx, meeting.id);
      if (updated) await scoreOf(tx, updated);
    } catch (error) {
      if (!(error instanceof RangeError)) throw error;
      throw invalidField('manualScores', { vi: error.message, en: error.message });
    }
  });
}

export const concludeMeeting = (db: Db, actor: Actor, id: number, text: string) =>
  changeMeeting(db, actor, id, (tx, meeting) => setConclusion(tx, actor, meeting, text));

/** The chair's conclusion on one agenda item (empty text clears it); returns the agenda as stored. */
export const concludeAgendaItem = (db: Db, actor: Actor, id: number, index: number, text: string) =>
  changeMeeting(db, actor, id, (tx, meeting) => setItemConclusion(tx, actor, meeting, index, text));
