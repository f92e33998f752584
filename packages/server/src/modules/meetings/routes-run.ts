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
import { eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { type Deps, nowOf } from '../../app.ts';
import { members, tasks } from '../../db/schema/index.ts';
import { requireActor } from '../../http/access.ts';
import { forbidden, invalidField, notFound } from '../../http/errors.ts';
import { scoreOf } from './facts.ts';
import { setItemConclusion } from './item-conclusion.ts';
import { lockMeeting } from './lock.ts';
import { recordMeetingEvent } from './plan.ts';
import { assertCanRun, assertCanSeeMeeting, canReadRecord } from './policy.ts';
import { presentMeeting } from './present.ts';
import { findMeeting } from './queries.ts';
import { meetingAccess, meetingParams } from './routes.ts';
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

const tags = ['meetings'];

/** Running a meeting from a phone: clock, roll call, guests, opinions, tasks, votes, scores. */
export function meetingRunRoutes(fastify: FastifyInstance, deps: Deps) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const { db } = deps.database;
  const { visible, write } = meetingAccess(deps);
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
        await write(actor, request.params.id, (tx, meeting) =>
          setClock(
            tx,
            actor,
            meeting,
            which,
            request.body.at ? new Date(request.body.at) : nowOf(deps),
            nowOf(deps),
          ),
        );
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
      const { status, reason, reasonAccepted } = request.body;
      await write(actor, request.params.id, (tx, meeting) =>
        markAttendance(tx, actor, meeting, request.params.memberCode, status, reason ?? null, reasonAccepted),
      );
      return presentMeeting(db, actor, await fresh(request.params.id), nowOf(deps));
    },
  );

  app.post(
    '/meetings/:id/reply',
    { schema: { tags, params: meetingParams, body: replySchema } },
    async (request) => {
      const actor = requireActor(request.actor);
      // A member's own answer rewrites the roll call: the same lock as every write on the meeting, the
      // member needing only to see it (their own cell's meeting).
      await db.transaction(async (tx) => {
        const meeting = await lockMeeting(tx, request.params.id, (m) => assertCanSeeMeeting(actor, m));
        if (!actor.memberId) throw forbidden();
        const [self] = await tx
          .select({ code: members.memberCode })
          .from(members)
          .where(eq(members.id, actor.memberId));
        if (!self) throw forbidden();
        await reply(tx, actor, meeting, self.code, request.body.reply, request.body.reason ?? null);
      });
      return { ok: true };
    },
  );

  app.post(
    '/meetings/:id/guests',
    { schema: { tags, params: meetingParams, body: guestSchema } },
    async (request, res) => {
      const actor = requireActor(request.actor);
      await write(actor, request.params.id, (tx, meeting) =>
        addGuest(tx, actor, meeting, request.body.name, request.body.role ?? null),
      );
      res.status(201);
      return { ok: true };
    },
  );

  app.post(
    '/meetings/:id/opinions',
    { schema: { tags, params: meetingParams, body: opinionSchema } },
    async (request, res) => {
      const actor = requireActor(request.actor);
      const id = await write(actor, request.params.id, (tx, meeting) =>
        addOpinion(tx, actor, meeting, request.body),
      );
      res.status(201);
      return { id };
    },
  );

  app.post(
    '/meetings/:id/tasks',
    { schema: { tags, params: meetingParams, body: taskSchema } },
    async (request, res) => {
      const actor = requireActor(request.actor);
      const id = await write(actor, request.params.id, (tx, meeting) =>
        addTask(tx, actor, meeting, request.body),
      );
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
      const [task] = await db.select().from(tasks).where(eq(tasks.id, request.params.taskId));
      const meeting = task ? await visible(actor, task.meetingId) : null;
      if (!task || !meeting) throw notFound('task');
      const own = actor.memberId !== null && task.memberId === actor.memberId;
      if (!own) assertCanRun(actor, meeting);
      await db.transaction(async (tx) => {
        await tx
          .update(tasks)
          .set({ status: request.body.status, statusAt: nowOf(deps) })
          .where(eq(tasks.id, task.id));
        await recordMeetingEvent(tx, actor, meeting, 'task_status', {
          task: task.id,
          status: request.body.status,
        });
      });
      return { ok: true };
    },
  );

  app.post(
    '/meetings/:id/votes',
    { schema: { tags, params: meetingParams, body: voteSchema } },
    async (request, res) => {
      const actor = requireActor(request.actor);
      const result = await write(actor, request.params.id, (tx, meeting) =>
        recordVote(tx, actor, meeting, request.body),
      );
      res.status(201);
      return result;
    },
  );

  app.put(
    '/meetings/:id/manual-scores',
    { schema: { tags, params: meetingParams, body: manualScoresSchema } },
    async (request) => {
      const actor = requireActor(request.actor);
      await write(actor, request.params.id, async (tx, meeting) => {
        await setManualScores(tx, actor, meeting, request.body);
        try {
          // Inside the transaction, read through `tx`: on PGlite a query through `db` would wait for it.
          const updated = await findMeeting(tx, meeting.id);
          if (updated) await scoreOf(tx, updated);
        } catch (error) {
          if (!(error instanceof RangeError)) throw error;
          throw invalidField('manualScores', { vi: error.message, en: error.message });
        }
      });
      return scoreOf(db, await fresh(request.params.id));
    },
  );

  app.post(
    '/meetings/:id/conclusion',
    { schema: { tags, params: meetingParams, body: conclusionSchema } },
    async (request) => {
      const actor = requireActor(request.actor);
      await write(actor, request.params.id, (tx, meeting) =>
        setConclusion(tx, actor, meeting, request.body.text),
      );
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
      const agenda = await write(actor, request.params.id, (tx, meeting) =>
        setItemConclusion(tx, actor, meeting, request.params.agendaIndex, request.body.text),
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
