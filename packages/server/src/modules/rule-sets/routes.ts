import { isoDateInVietnam, isoDateSchema, MEETING_LIMITS, orgCodeSchema, scoreMeeting } from '@nennep/core';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { type Deps, type FeatureModule, nowOf } from '../../deps.ts';
import { assertCan, requireActor } from '../../http/access.ts';
import { meetingFacts } from '../meetings/facts.ts';
import { assertCanSeeMeeting, canReadRecord } from '../meetings/policy.ts';
import { findMeeting } from '../meetings/queries.ts';
import { assertCanRead } from '../orgs/policy.ts';
import { findOrg } from '../orgs/queries.ts';
import { addRuleSet, parseRuleSetContent, ruleSetsInForce } from './service.ts';

const tags = ['rule-sets'];

/** Dated rule sets: read along the tree, added by admins, previewed on a past meeting. */
function ruleSetRoutes(fastify: FastifyInstance, deps: Deps) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const { db } = deps.database;

  app.get(
    '/rule-sets',
    { schema: { tags, querystring: z.object({ org: orgCodeSchema, date: isoDateSchema.optional() }) } },
    async (request) => {
      const actor = requireActor(request.actor);
      const org = assertCanRead(actor, await findOrg(db, request.query.org));
      const date = request.query.date ?? isoDateInVietnam(nowOf(deps));
      const { candidates, effective } = await ruleSetsInForce(db, org.path, date);
      return {
        effectiveId: effective?.id ?? null,
        items: candidates.map((r) => ({ ...r, orgPath: undefined, inherited: r.orgPath !== org.path })),
      };
    },
  );

  app.post(
    '/rule-sets',
    {
      schema: {
        tags,
        body: z.object({
          orgCode: orgCodeSchema,
          name: z.string().trim().min(1).max(MEETING_LIMITS.ruleSetName),
          effectiveFrom: isoDateSchema,
          content: z.unknown(),
        }),
      },
    },
    async (request, reply) => {
      const actor = requireActor(request.actor);
      const id = await addRuleSet(db, actor, request.body);
      reply.status(201);
      return { id };
    },
  );

  /** How a past meeting would score under draft rules; nothing is stored. */
  app.post(
    '/rule-sets/preview',
    { schema: { tags, body: z.object({ meetingId: z.number().int().positive(), content: z.unknown() }) } },
    async (request) => {
      const actor = requireActor(request.actor);
      const meeting = assertCanSeeMeeting(actor, await findMeeting(db, request.body.meetingId));
      if (!canReadRecord(actor, meeting)) assertCan(actor, ['admin'], meeting.orgPath);
      const content = parseRuleSetContent(request.body.content);
      const facts = await meetingFacts(db, meeting, content);
      return scoreMeeting(content.scoreSheet, content.levels, facts, meeting.manualScores);
    },
  );
}

/** Dated rule sets: the module's routes as one Fastify plugin, registered by app.ts. */
export const ruleSetsModule: FeatureModule = async (app, { deps }) => {
  ruleSetRoutes(app, deps);
};
