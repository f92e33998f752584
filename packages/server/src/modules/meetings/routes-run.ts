import {
  agendaIndexParam,
  attendanceSchema,
  clockSchema,
  conclusionSchema,
  guestSchema,
  itemConclusionSchema,
  manualScoresSchema,
  memberCodeSchema,
  opinionSchema,
  replySchema,
  taskSchema,
  taskStatusSchema,
  voteSchema,
} from '@nennep/core';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { type Deps, nowOf } from '../../deps.ts';
import { requireActor } from '../../http/access.ts';
import { notFound } from '../../http/errors.ts';
import {
  addMeetingGuest,
  addMeetingOpinion,
  addMeetingTask,
  clockMeeting,
  concludeAgendaItem,
  concludeMeeting,
  markMeetingAttendance,
  recordMeetingVote,
  replyToMeeting,
  scoreManually,
  setTaskStatus,
} from './commands-run.ts';
import { scoreOf } from './facts.ts';
import { meetingParams } from './params.ts';
import { canReadRecord, meetingAccess } from './policy.ts';
import { presentMeeting } from './present.ts';
import { findMeeting } from './queries.ts';

const tags = ['meetings'];

/** Running a meeting from a phone: clock, roll call, guests, opinions, tasks, votes, scores. */
export function meetingRunRoutes(fastify: FastifyInstance, deps: Deps) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const { db } = deps.database;
  const { visible } = meetingAccess(db);
  const fresh = async (id: number) => {
    const meeting = await findMeeting(db, id);
    if (!meeting) throw notFound('meeting');
    return meeting;
  };

  for (const which of ['start', 'end'] as const) {
    app.post(
      `/meetings/:id/${which}`,
      { schema: { tags, params: meetingParams, body: clockSchema } },
      async (request) => {
        const actor = requireActor(request.actor);
        const at = request.body.at ? new Date(request.body.at) : null;
        await clockMeeting(db, actor, request.params.id, which, at, () => nowOf(deps));
        return presentMeeting(db, actor, await fresh(request.params.id), nowOf(deps));
      },
    );
  }

  app.put(
    '/meetings/:id/attendance/:memberCode',
    {
      schema: {
        tags,
        params: meetingParams.extend({ memberCode: memberCodeSchema }),
        body: attendanceSchema,
      },
    },
    async (request) => {
      const actor = requireActor(request.actor);
      await markMeetingAttendance(db, actor, request.params.id, request.params.memberCode, request.body);
      return presentMeeting(db, actor, await fresh(request.params.id), nowOf(deps));
    },
  );

  app.post(
    '/meetings/:id/reply',
    { schema: { tags, params: meetingParams, body: replySchema } },
    async (request) => {
      const actor = requireActor(request.actor);
      await replyToMeeting(db, actor, request.params.id, request.body);
      return { ok: true };
    },
  );

  app.post(
    '/meetings/:id/guests',
    { schema: { tags, params: meetingParams, body: guestSchema } },
    async (request, res) => {
      const actor = requireActor(request.actor);
      await addMeetingGuest(db, actor, request.params.id, request.body.name, request.body.role ?? null);
      res.status(201);
      return { ok: true };
    },
  );

  app.post(
    '/meetings/:id/opinions',
    { schema: { tags, params: meetingParams, body: opinionSchema } },
    async (request, res) => {
      const actor = requireActor(request.actor);
      const id = await addMeetingOpinion(db, actor, request.params.id, request.body);
      res.status(201);
      return { id };
    },
  );

  app.post(
    '/meetings/:id/tasks',
    { schema: { tags, params: meetingParams, body: taskSchema } },
    async (request, res) => {
      const actor = requireActor(request.actor);
      const id = await addMeetingTask(db, actor, request.params.id, request.body);
      res.status(201);
      return { id };
    },
  );

  /** Task status is followed after the meeting, also once the minutes are adopted (it is not part of them). */
  app.patch(
    '/tasks/:taskId',
    {
      schema: {
        tags,
        params: z.object({ taskId: z.coerce.number().int().positive() }),
        body: taskStatusSchema,
      },
    },
    async (request) => {
      const actor = requireActor(request.actor);
      await setTaskStatus(db, actor, request.params.taskId, request.body.status, nowOf(deps));
      return { ok: true };
    },
  );

  app.post(
    '/meetings/:id/votes',
    { schema: { tags, params: meetingParams, body: voteSchema } },
    async (request, res) => {
      const actor = requireActor(request.actor);
      const result = await recordMeetingVote(db, actor, request.params.id, request.body);
      res.status(201);
      return result;
    },
  );

  app.put(
    '/meetings/:id/manual-scores',
    { schema: { tags, params: meetingParams, body: manualScoresSchema } },
    async (request) => {
      const actor = requireActor(request.actor);
      await scoreManually(db, actor, request.params.id, request.body);
      return scoreOf(db, await fresh(request.params.id));
    },
  );

  app.post(
    '/meetings/:id/conclusion',
    { schema: { tags, params: meetingParams, body: conclusionSchema } },
    async (request) => {
      const actor = requireActor(request.actor);
      await concludeMeeting(db, actor, request.params.id, request.body.text);
      return { ok: true };
    },
  );

  /** The chair's conclusion on one agenda item (empty text clears it); refused once adopted. */
  app.put(
    '/meetings/:id/agenda/:agendaIndex/conclusion',
    {
      schema: {
        tags,
        params: meetingParams.extend({ agendaIndex: agendaIndexParam }),
        body: itemConclusionSchema,
      },
    },
    async (request) => {
      const actor = requireActor(request.actor);
      const agenda = await concludeAgendaItem(
        db,
        actor,
        request.params.id,
        request.params.agendaIndex,
        request.body.text,
      );
      return { agenda };
    },
  );

  app.get('/meetings/:id/score', { schema: { tags, params: meetingParams } }, async (request) => {
    const actor = requireActor(request.actor);
    const meeting = await visible(actor, request.params.id);
    if (!canReadRecord(actor, meeting)) throw notFound('meeting');
    return meeting.status === 'adopted' && meeting.score ? meeting.score : scoreOf(db, meeting);
  });
}
