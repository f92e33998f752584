import {
  createSessionSchema,
  isoDateInVietnam,
  issueResolutionSchema,
  resolutionDraftSchema,
  sessionCommentSchema,
  sessionListQuerySchema,
  sessionPaperSchema,
} from '@nennep/core';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { type Deps, nowOf } from '../../deps.ts';
import { requireActor } from '../../http/access.ts';
import { assignPaper, createSession } from './session-commands.ts';
import { issueResolution } from './session-issue.ts';
import { listSessions, readSession } from './session-read.ts';
import { commentResolution, draftResolution, shareResolution } from './session-resolution.ts';

const tags = ['thematic'];
const idParams = z.object({ id: z.coerce.number().int().positive() });

/**
 * The committee-wide thematic session (seed 004; issue 17 item 1; HD 12-HD/BTCTW (06/7/2018), its part on
 * sinh hoạt chuyên đề): created with each cell's paper, the draft resolution written, sent to the members for
 * comments, commented on, issued and passed on. Each write answers with the session as the actor reads it.
 */
export function thematicSessionRoutes(fastify: FastifyInstance, deps: Deps) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const { db } = deps.database;
  const now = () => nowOf(deps);
  const today = () => isoDateInVietnam(now());
  const base = '/thematic/sessions';

  app.post(base, { schema: { tags, body: createSessionSchema } }, async (request, reply) => {
    const actor = requireActor(request.actor);
    const id = await createSession(db, actor, request.body, isoDateInVietnam(now()));
    reply.status(201);
    return readSession(db, actor, id, today());
  });

  app.get(base, { schema: { tags, querystring: sessionListQuerySchema } }, async (request) =>
    listSessions(db, requireActor(request.actor), request.query.org, request.query.year),
  );

  app.get(`${base}/:id`, { schema: { tags, params: idParams } }, async (request) =>
    readSession(db, requireActor(request.actor), request.params.id, today()),
  );

  app.post(
    `${base}/:id/papers`,
    { schema: { tags, params: idParams, body: sessionPaperSchema } },
    async (request, reply) => {
      const actor = requireActor(request.actor);
      await assignPaper(db, actor, request.params.id, request.body);
      reply.status(201);
      return readSession(db, actor, request.params.id, today());
    },
  );

  app.post(
    `${base}/:id/resolution`,
    { schema: { tags, params: idParams, body: resolutionDraftSchema } },
    async (request, reply) => {
      const actor = requireActor(request.actor);
      await draftResolution(db, actor, request.params.id, request.body.text);
      reply.status(201);
      return readSession(db, actor, request.params.id, today());
    },
  );

  app.post(`${base}/:id/resolution/share`, { schema: { tags, params: idParams } }, async (request) => {
    const actor = requireActor(request.actor);
    await shareResolution(db, actor, request.params.id, now());
    return readSession(db, actor, request.params.id, today());
  });

  app.post(
    `${base}/:id/resolution/comments`,
    { schema: { tags, params: idParams, body: sessionCommentSchema } },
    async (request, reply) => {
      const actor = requireActor(request.actor);
      await commentResolution(db, actor, request.params.id, request.body.text);
      reply.status(201);
      return readSession(db, actor, request.params.id, today());
    },
  );

  app.post(
    `${base}/:id/resolution/issue`,
    { schema: { tags, params: idParams, body: issueResolutionSchema } },
    async (request) => {
      const actor = requireActor(request.actor);
      const at = now();
      await issueResolution(db, actor, request.params.id, request.body, at, isoDateInVietnam(at));
      return readSession(db, actor, request.params.id, today());
    },
  );
}
