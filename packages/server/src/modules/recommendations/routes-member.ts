import { isoDateInVietnam, raiseRecommendationSchema } from '@nennep/core';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { type Deps, nowOf } from '../../deps.ts';
import { requireActor } from '../../http/access.ts';
import { raiseAsMember } from './raise.ts';

/**
 * A member raises a recommendation at any time (HD 12: đảng viên có quyền kiến nghị với chi bộ, cấp ủy): it
 * reaches the member's own cell, dated today, and follows the normal routing from there.
 */
export function memberRecommendationRoutes(fastify: FastifyInstance, deps: Deps) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const { db } = deps.database;

  app.post(
    '/recommendations/raise',
    { schema: { tags: ['recommendations'], body: raiseRecommendationSchema } },
    async (request, reply) => {
      const actor = requireActor(request.actor);
      const id = await raiseAsMember(db, actor, request.body, isoDateInVietnam(nowOf(deps)));
      reply.status(201);
      return { id };
    },
  );
}
