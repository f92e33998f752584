import { isoDateInVietnam, meetingDaysSchema, orgCodeSchema } from '@nennep/core';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { type Deps, nowOf } from '../../deps.ts';
import { requireActor } from '../../http/access.ts';
import { findOrg } from '../orgs/queries.ts';
import { applyMeetingDays, daysCommittee, meetingDaysPlan } from './meeting-days.ts';

const params = z.object({ code: orgCodeSchema });
const tags = ['meetings'];

/** Spreading a committee's cells over the meeting window: the plan first, then applying it. */
export function meetingDaysRoutes(fastify: FastifyInstance, deps: Deps) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const { db } = deps.database;
  const today = () => isoDateInVietnam(nowOf(deps));

  app.get(
    '/orgs/:code/meeting-days',
    { schema: { tags, params, querystring: meetingDaysSchema } },
    async (request) => {
      const actor = requireActor(request.actor);
      const org = daysCommittee(actor, await findOrg(db, request.params.code));
      return meetingDaysPlan(db, org, request.query.month, today());
    },
  );

  app.post(
    '/orgs/:code/meeting-days',
    { schema: { tags, params, body: meetingDaysSchema } },
    async (request) => {
      const actor = requireActor(request.actor);
      return applyMeetingDays(db, actor, request.params.code, request.body.month, today());
    },
  );
}
