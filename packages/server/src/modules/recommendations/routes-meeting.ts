import {
  answerGivenSchema,
  isoDateInVietnam,
  meetingRecommendationSchema,
  type RecommendationDto,
} from '@nennep/core';
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { type Deps, nowOf } from '../../deps.ts';
import { requireActor } from '../../http/access.ts';
import { meetingParams } from '../meetings/params.ts';
import { meetingAccess } from '../meetings/policy.ts';
import { presentAll, recommendationRows } from './queries.ts';
import { markAnswerGiven, raiseInMeeting } from './raise.ts';

const tags = ['recommendations'];

/** A meeting's side: the recommendations raised in it, and the answers it gives back to the members. */
export function meetingRecommendationRoutes(fastify: FastifyInstance, deps: Deps) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const { db } = deps.database;
  const { visible } = meetingAccess(db);
  const today = () => isoDateInVietnam(nowOf(deps));

  const listed = async (actor: Parameters<typeof presentAll>[1], meetingId: number) => {
    const list = await recommendationRows(
      db,
      sql`r.meeting_id = ${meetingId} OR r.answer_meeting_id = ${meetingId}`,
      sql`r.id`,
    );
    const all = await presentAll(db, actor, list, today());
    const raised: RecommendationDto[] = all.filter(
      (r) => list.find((l) => l.id === r.id)?.meetingId === meetingId,
    );
    const toAnswer = all.filter((r) => r.answerMeetingId === meetingId);
    return { raised, toAnswer };
  };

  app.get('/meetings/:id/recommendations', { schema: { tags, params: meetingParams } }, async (request) => {
    const actor = requireActor(request.actor);
    const meeting = await visible(actor, request.params.id);
    return listed(actor, meeting.id);
  });

  app.post(
    '/meetings/:id/recommendations',
    { schema: { tags, params: meetingParams, body: meetingRecommendationSchema } },
    async (request, reply) => {
      const actor = requireActor(request.actor);
      await raiseInMeeting(db, actor, request.params.id, request.body);
      reply.status(201);
      return listed(actor, request.params.id);
    },
  );

  app.put(
    '/meetings/:id/recommendations/:recId/answer-given',
    {
      schema: {
        tags,
        params: meetingParams.extend({ recId: z.coerce.number().int().positive() }),
        body: answerGivenSchema,
      },
    },
    async (request) => {
      const actor = requireActor(request.actor);
      await markAnswerGiven(db, actor, request.params.id, request.params.recId, request.body.given);
      return listed(actor, request.params.id);
    },
  );
}
