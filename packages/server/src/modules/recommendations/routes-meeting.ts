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
import { type Deps, nowOf } from '../../app.ts';
import { requireActor } from '../../http/access.ts';
import { meetingAccess, meetingParams } from '../meetings/routes.ts';
import { memberInRollCall } from '../meetings/run.ts';
import { findOrgById } from '../orgs/queries.ts';
import { createRecommendation } from './commands.ts';
import { setAnswerGiven } from './meeting-side.ts';
import { presentAll, recommendationRows, rulesReader } from './queries.ts';

const tags = ['recommendations'];

/** A meeting's side: the recommendations raised in it, and the answers it gives back to the members. */
export function meetingRecommendationRoutes(fastify: FastifyInstance, deps: Deps) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const { db } = deps.database;
  const { visible, write } = meetingAccess(deps);
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
      await write(actor, request.params.id, async (tx, meeting) => {
        const cell = await findOrgById(tx, meeting.orgId);
        if (!cell) throw new Error('meeting without cell');
        const rules = (await rulesReader(tx))(cell.path, meeting.scheduledDate);
        const member = request.body.memberCode
          ? await memberInRollCall(tx, meeting, request.body.memberCode, 'memberCode')
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
            text: request.body.text,
            category: request.body.category,
          },
          rules,
        );
      });
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
      await write(actor, request.params.id, (tx, meeting) =>
        setAnswerGiven(tx, actor, meeting, request.params.recId, request.body.given),
      );
      return listed(actor, request.params.id);
    },
  );
}
