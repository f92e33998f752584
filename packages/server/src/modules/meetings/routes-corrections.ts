import { opinionEditSchema } from '@nennep/core';
import { and, eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../app.ts';
import type { Db } from '../../db/client.ts';
import { guests, materials, opinions, tasks, votes } from '../../db/schema/index.ts';
import { requireActor } from '../../http/access.ts';
import { invalidField, notFound } from '../../http/errors.ts';
import { recordMeetingEvent } from './plan.ts';
import { meetingAccess, meetingParams } from './routes.ts';

const tags = ['meetings'];
const itemParams = meetingParams.extend({ itemId: z.coerce.number().int().positive() });

/** Removes one row of the meeting; answers what was removed (kept in the history), or null if none. */
type Remove = (tx: Db, meetingId: number, id: number) => Promise<Record<string, unknown> | null>;

interface Removable {
  path: string;
  entity: 'opinion' | 'task' | 'guest' | 'vote' | 'material';
  event: string;
  remove: Remove;
}

const REMOVABLE: Removable[] = [
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

/**
 * Corrections while the minutes are open: a mistyped opinion, task, guest, vote or material is removed, an
 * opinion is reworded. Adopted or cancelled meetings refuse (409); the history keeps what was removed.
 */
export function meetingCorrectionRoutes(fastify: FastifyInstance, deps: Deps) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const { write } = meetingAccess(deps);

  for (const { path, entity, event, remove } of REMOVABLE) {
    app.delete(`/meetings/:id/${path}/:itemId`, { schema: { tags, params: itemParams } }, async (request) => {
      const actor = requireActor(request.actor);
      const id = request.params.itemId;
      await write(actor, request.params.id, async (tx, meeting) => {
        const removed = await remove(tx, meeting.id, id);
        if (!removed) throw notFound(entity);
        await recordMeetingEvent(tx, actor, meeting, event, { id, ...removed });
      });
      return { ok: true };
    });
  }

  app.patch(
    '/meetings/:id/opinions/:itemId',
    { schema: { tags, params: itemParams, body: opinionEditSchema } },
    async (request) => {
      const actor = requireActor(request.actor);
      const id = request.params.itemId;
      const { summary, agendaIndex } = request.body;
      await write(actor, request.params.id, async (tx, meeting) => {
        if (agendaIndex !== undefined && agendaIndex >= meeting.agenda.length) {
          throw invalidField('agendaIndex', {
            vi: 'Không có nội dung này trong chương trình.',
            en: 'No such agenda item.',
          });
        }
        const where = and(eq(opinions.id, id), eq(opinions.meetingId, meeting.id));
        const [before] = await tx
          .select({ summary: opinions.summary, agendaIndex: opinions.agendaIndex })
          .from(opinions)
          .where(where);
        if (!before) throw notFound('opinion');
        const after = { summary, agendaIndex: agendaIndex ?? before.agendaIndex };
        await tx.update(opinions).set(after).where(where);
        await recordMeetingEvent(tx, actor, meeting, 'opinion_edited', { id, from: before, to: after });
      });
      return { ok: true };
    },
  );
}
