import {
  createTopicSchema,
  decideTopicSchema,
  isoDateInVietnam,
  linkMeetingSchema,
  paperSchema,
  registerTopicSchema,
  registrationListQuerySchema,
  replanTopicSchema,
  thematicCommentSchema,
  thematicCoverageQuerySchema,
  topicListQuerySchema,
} from '@nennep/core';
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { type Deps, type FeatureModule, nowOf } from '../../deps.ts';
import { requireActor } from '../../http/access.ts';
import { notFound } from '../../http/errors.ts';
import { commentPaper, draftPaper, sharePaper } from './papers.ts';
import { presentTopic, topicsWhere } from './queries.ts';
import { coverage, listRegistrations, listTopics, readRegistration } from './read.ts';
import { decideTopic, linkMeeting, registerTopic, replanTopic } from './registrations.ts';
import { thematicSessionRoutes } from './session-routes.ts';
import { createTopic, deleteTopic, publishTopic, withdrawTopic } from './topics.ts';

const tags = ['thematic'];
const idParams = z.object({ id: z.coerce.number().int().positive() });

/**
 * The thematic programme (issue 17 item 1; HD 12-HD/BTCTW (06/7/2018), its part on sinh hoạt chuyên đề): a
 * committee's topics, each cell's registration per quarter with its paper and the members' comments, the
 * committee's coverage.
 */
function thematicRoutes(fastify: FastifyInstance, deps: Deps) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const { db } = deps.database;
  const now = () => nowOf(deps);

  app.post('/thematic/topics', { schema: { tags, body: createTopicSchema } }, async (request, reply) => {
    const actor = requireActor(request.actor);
    const id = await createTopic(db, actor, request.body);
    const [topic] = await topicsWhere(db, sql`t.id = ${id}`);
    if (!topic) throw notFound('thematic_topic');
    reply.status(201);
    return presentTopic(topic, actor);
  });

  app.get('/thematic/topics', { schema: { tags, querystring: topicListQuerySchema } }, async (request) => {
    return listTopics(db, requireActor(request.actor), request.query.org, request.query.year);
  });

  app.post('/thematic/topics/:id/publish', { schema: { tags, params: idParams } }, async (request) => {
    await publishTopic(db, requireActor(request.actor), request.params.id, now());
    return { ok: true };
  });

  app.post('/thematic/topics/:id/withdraw', { schema: { tags, params: idParams } }, async (request) => {
    await withdrawTopic(db, requireActor(request.actor), request.params.id, now());
    return { ok: true };
  });

  app.delete('/thematic/topics/:id', { schema: { tags, params: idParams } }, async (request, reply) => {
    await deleteTopic(db, requireActor(request.actor), request.params.id);
    reply.status(204);
  });

  app.post(
    '/thematic/registrations',
    { schema: { tags, body: registerTopicSchema } },
    async (request, reply) => {
      const actor = requireActor(request.actor);
      const id = await registerTopic(db, actor, request.body, isoDateInVietnam(now()));
      reply.status(201);
      return readRegistration(db, actor, id);
    },
  );

  app.get(
    '/thematic/registrations',
    { schema: { tags, querystring: registrationListQuerySchema } },
    async (request) => listRegistrations(db, requireActor(request.actor), request.query),
  );

  app.get('/thematic/registrations/:id', { schema: { tags, params: idParams } }, async (request) =>
    readRegistration(db, requireActor(request.actor), request.params.id),
  );

  app.post(
    '/thematic/registrations/:id/decision',
    { schema: { tags, params: idParams, body: decideTopicSchema } },
    async (request) => {
      const actor = requireActor(request.actor);
      await decideTopic(db, actor, request.params.id, request.body);
      return readRegistration(db, actor, request.params.id);
    },
  );

  app.post(
    '/thematic/registrations/:id/plan',
    { schema: { tags, params: idParams, body: replanTopicSchema } },
    async (request) => {
      const actor = requireActor(request.actor);
      await replanTopic(db, actor, request.params.id, request.body, isoDateInVietnam(now()));
      return readRegistration(db, actor, request.params.id);
    },
  );

  app.post(
    '/thematic/registrations/:id/meeting',
    { schema: { tags, params: idParams, body: linkMeetingSchema } },
    async (request) => {
      const actor = requireActor(request.actor);
      await linkMeeting(db, actor, request.params.id, request.body.meetingId);
      return readRegistration(db, actor, request.params.id);
    },
  );

  app.post(
    '/thematic/registrations/:id/paper',
    { schema: { tags, params: idParams, body: paperSchema } },
    async (request, reply) => {
      const actor = requireActor(request.actor);
      await draftPaper(db, actor, request.params.id, request.body.text);
      reply.status(201);
      return readRegistration(db, actor, request.params.id);
    },
  );

  app.post(
    '/thematic/registrations/:id/paper/share',
    { schema: { tags, params: idParams } },
    async (request) => {
      const actor = requireActor(request.actor);
      await sharePaper(db, actor, request.params.id, now());
      return readRegistration(db, actor, request.params.id);
    },
  );

  app.post(
    '/thematic/registrations/:id/comments',
    { schema: { tags, params: idParams, body: thematicCommentSchema } },
    async (request, reply) => {
      const actor = requireActor(request.actor);
      await commentPaper(db, actor, request.params.id, request.body.text);
      reply.status(201);
      return readRegistration(db, actor, request.params.id);
    },
  );

  app.get(
    '/thematic/coverage',
    { schema: { tags, querystring: thematicCoverageQuerySchema } },
    async (request) => {
      const { org, year, quarter } = request.query;
      return coverage(db, requireActor(request.actor), org, year, quarter);
    },
  );
}

/** The thematic programme: the module's routes as one Fastify plugin, registered by app.ts. */
export const thematicModule: FeatureModule = async (app, { deps }) => {
  thematicRoutes(app, deps);
  thematicSessionRoutes(app, deps);
};
