/**
 * Corrections while the minutes are open: a mistyped opinion, task, guest, vote or material is removed, an
 * opinion is reworded. Each command changes the meeting on its row locked and checked under the lock
 * (`changeMeeting`, lock.ts): adopted or cancelled meetings refuse (409), for adopted minutes never change
 * (HD 12-HD/BTCTW (06/7/2018); domain.md §3 "Minutes"); the history keeps what was removed.
 */
import type { AuditKind, opinionEditSchema } from '@nennep/core';
import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { Db } from '../../db/client.ts';
import { guests, materials, opinions, tasks, votes } from '../../db/schema/index.ts';
import type { Actor } from '../../http/access.ts';
import { invalidField, notFound } from '../../http/errors.ts';
import { recordMeetingEvent } from './events.ts';
import { changeMeeting } from './lock.ts';

/** Removes one row of the meeting; answers what was removed (kept in the history), or null if none. */
type Remove = (tx: Db, meetingId: number, id: number) => Promise<Record<string, unknown> | null>;

export interface Removable {
  path: string;
  entity: 'opinion' | 'task' | 'guest' | 'vote' | 'material';
  event: AuditKind<'meeting'>;
  remove: Remove;
}

export const REMOVABLE: Removable[] = [
  {
    path: 'opinions',
    entity: 'opinion',
    event: 'opinion_removed',
    remove: async (tx, meetingId, id) => {
      const [row] = await tx
        .delete(opinions)
        .where(and(eq(opinions.id, id), eq(opinions.meetingId, meetingId)))
        .returning({
          memberId: opinions.memberId,
          guestName: opinions.guestName,
          agendaIndex: opinions.agendaIndex,
          summary: opinions.summary,
        });
      return row ?? null;
    },
  },
  {
    path: 'tasks',
    entity: 'task',
    event: 'task_removed',
    remove: async (tx, meetingId, id) => {
      const [row] = await tx
        .delete(tasks)
        .where(and(eq(tasks.id, id), eq(tasks.meetingId, meetingId)))
        .returning({ memberId: tasks.memberId, text: tasks.text, deadline: tasks.deadline });
      return row ?? null;
    },
  },
  {
    path: 'guests',
    entity: 'guest',
    event: 'guest_removed',
    remove: async (tx, meetingId, id) => {
      const [row] = await tx
        .delete(guests)
        .where(and(eq(guests.id, id), eq(guests.meetingId, meetingId)))
        .returning({ name: guests.name, role: guests.role });
      return row ?? null;
    },
  },
  {
    path: 'votes',
    entity: 'vote',
    event: 'vote_removed',
    remove: async (tx, meetingId, id) => {
      const [row] = await tx
        .delete(votes)
        .where(and(eq(votes.id, id), eq(votes.meetingId, meetingId)))
        .returning({
          subject: votes.subject,
          text: votes.text,
          memberId: votes.memberId,
          for: votes.votesFor,
          against: votes.votesAgainst,
          abstain: votes.abstain,
          passed: votes.passed,
        });
      return row ?? null;
    },
  },
  {
    path: 'materials',
    entity: 'material',
    event: 'material_removed',
    remove: async (tx, meetingId, id) => {
      const [row] = await tx
        .delete(materials)
        .where(and(eq(materials.id, id), eq(materials.meetingId, meetingId)))
        .returning({ fileName: materials.fileName, size: materials.size });
      return row ?? null;
    },
  },
];

/** Removes one row of the meeting (`what` says which kind), kept in the meeting's history. */
export function removeMeetingItem(db: Db, actor: Actor, id: number, what: Removable, itemId: number) {
  return changeMeeting(db, actor, id, async (tx, meeting) => {
    const removed = await what.remove(tx, meeting.id, itemId);
    if (!removed) throw notFound(what.entity);
    await recordMeetingEvent(tx, actor, meeting, what.event, { id: itemId, ...removed });
  });
}

/** Rewords an opinion or moves it under another agenda item; the history keeps both versions. */
export function editOpinion(
  db: Db,
  actor: Actor,
  id: number,
  itemId: number,
  input: z.output<typeof opinionEditSchema>,
) {
  const { summary, agendaIndex } = input;
  return changeMeeting(db, actor, id, async (tx, meeting) => {
    if (agendaIndex !== undefined && agendaIndex >= meeting.agenda.length) {
      throw invalidField('agendaIndex', {
        vi: 'Không có nội dung này trong chương trình.',
        en: 'No such agenda item.',
      });
    }
    const where = and(eq(opinions.id, itemId), eq(opinions.meetingId, meeting.id));
    const [before] = await tx
      .select({ summary: opinions.summary, agendaIndex: opinions.agendaIndex })
      .from(opinions)
      .where(where);
    if (!before) throw notFound('opinion');
    const after = { summary, agendaIndex: agendaIndex ?? before.agendaIndex };
    await tx.update(opinions).set(after).where(where);
    await recordMeetingEvent(tx, actor, meeting, 'opinion_edited', { id: itemId, from: before, to: after });
  });
}
