import {
  answerRecommendationSchema,
  createRecommendationSchema,
  declineRecommendationSchema,
  foldForSearch,
  forwardRecommendationSchema,
  isoDateInVietnam,
  mergeRecommendationSchema,
  noteSchema,
  type RecommendationDetailDto,
  recommendationListQuerySchema,
} from '@nennep/core';
import { type SQL, sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { rows } from '../../db/client.ts';
import { type Deps, type FeatureModule, nowOf } from '../../deps.ts';
import { type Actor, ANY_ROLE, narrowScopes, requireActor } from '../../http/access.ts';
import { forbidden, invalidField, notFound } from '../../http/errors.ts';
import { assertCanRead } from '../orgs/policy.ts';
import { findOrg } from '../orgs/queries.ts';
import { heldBySql } from './events.ts';
import {
  answerRecommendation,
  assertMayAttach,
  attachToRecommendation,
  declineRecommendation,
  forwardRecommendation,
  mergeRecommendation,
  startRecommendation,
} from './handle.ts';
import { assertCanSee, handledOrgIds, levelOf, mayForwardTo } from './policy.ts';
import { eventsOf, findRecommendation, presentAll, recommendationRows } from './queries.ts';
import { recordRecommendation } from './raise.ts';
import { recommendationDashboardRoutes } from './routes-dashboard.ts';
import { meetingRecommendationRoutes } from './routes-meeting.ts';
import { memberRecommendationRoutes } from './routes-member.ts';

const tags = ['recommendations'];
/** The most a list answers at once; `total` says how many matched. */
const LIST_LIMIT = 500;
const idParams = z.object({ id: z.coerce.number().int().positive() });

/** Recommendations: lists (own cell, subtree, one's inbox, one's own), the detail, every step of the way. */
function recommendationRoutes(fastify: FastifyInstance, deps: Deps) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const { db } = deps.database;
  const today = () => isoDateInVietnam(nowOf(deps));
  const visible = async (actor: Actor, id: number) => assertCanSee(actor, await findRecommendation(db, id));
  const detail = async (actor: Actor, id: number): Promise<RecommendationDetailDto> => {
    const rec = await visible(actor, id);
    const [dto] = await presentAll(db, actor, [rec], today());
    if (!dto) throw notFound('recommendation');
    const chain = await rows<{ id: number; path: string; code: string; name: string; kind: string }>(
      db,
      sql`SELECT id::int AS id, path, code, name, kind FROM orgs
          WHERE ${rec.orgPath} LIKE path || '%' AND status = 'active' ORDER BY depth DESC`,
    );
    return {
      ...dto,
      events: await eventsOf(db, rec.id),
      routes: chain
        .filter((o) => mayForwardTo(rec, o))
        .map((o) => ({ code: o.code, name: o.name, level: levelOf(o, rec.orgPath, null) })),
    };
  };

  app.get(
    '/recommendations',
    { schema: { tags, querystring: recommendationListQuerySchema } },
    async (request) => {
      const actor = requireActor(request.actor);
      const q = request.query;
      const org = q.org ? assertCanRead(actor, await findOrg(db, q.org)) : null;
      const scopes = narrowScopes(actor, ANY_ROLE, org?.path ?? null);
      if (scopes.length === 0) throw forbidden();
      const where: SQL[] = [
        sql`(${sql.join(
          scopes.map((s) => sql`r.org_path LIKE ${`${s}%`}`),
          sql` OR `,
        )})`,
      ];
      if (q.mine === 'true') where.push(sql`r.raised_by_member_id = ${actor.memberId ?? 0}`);
      const handled = handledOrgIds(actor);
      const ours = handled.length
        ? sql`r.handler_org_id IN (${sql.join(
            handled.map((id) => sql`${id}`),
            sql`, `,
          )})`
        : sql`FALSE`;
      if (q.inbox === 'true')
        where.push(sql`${ours} AND r.status IN ('received', 'assigned', 'in_progress')`);
      if (q.passed === 'true') {
        // Passed on by one of our levels, answered elsewhere, on its way back to the cell's meeting.
        where.push(sql`r.status = 'answered' AND NOT (${ours}) AND ${heldBySql(handled)}`);
      }
      if (q.status) where.push(sql`r.status = ${q.status}`);
      if (q.open === 'true') where.push(sql`r.status IN ('received', 'assigned', 'in_progress')`);
      if (q.meeting) where.push(sql`(r.meeting_id = ${q.meeting} OR r.answer_meeting_id = ${q.meeting})`);
      if (q.visit) where.push(sql`r.visit_id = ${q.visit}`);
      if (q.overdue === 'true') {
        where.push(sql`r.status IN ('received', 'assigned', 'in_progress') AND r.due_date < ${today()}`);
      }
      if (q.q) where.push(sql`r.search_text LIKE ${`%${foldForSearch(q.q)}%`}`);
      if (q.from) where.push(sql`r.raised_on >= ${q.from}`);
      if (q.to) where.push(sql`r.raised_on <= ${q.to}`);
      const filter = sql.join(where, sql` AND `);
      const list = await recommendationRows(db, filter, sql`r.raised_on DESC, r.id DESC`, LIST_LIMIT);
      const [count] = await rows<{ n: number }>(
        db,
        sql`SELECT count(*)::int AS n FROM recommendations r WHERE ${filter}`,
      );
      return {
        items: await presentAll(db, actor, list, today()),
        total: count?.n ?? list.length,
        limit: LIST_LIMIT,
      };
    },
  );

  app.post(
    '/recommendations',
    { schema: { tags, body: createRecommendationSchema } },
    async (request, reply) => {
      const actor = requireActor(request.actor);
      const id = await recordRecommendation(db, actor, request.body);
      reply.status(201);
      return detail(actor, id);
    },
  );

  app.get('/recommendations/:id', { schema: { tags, params: idParams } }, async (request) =>
    detail(requireActor(request.actor), request.params.id),
  );

  app.post(
    '/recommendations/:id/forward',
    { schema: { tags, params: idParams, body: forwardRecommendationSchema } },
    async (request) => {
      const actor = requireActor(request.actor);
      await forwardRecommendation(db, actor, request.params.id, request.body, today());
      return detail(actor, request.params.id);
    },
  );

  app.post(
    '/recommendations/:id/start',
    { schema: { tags, params: idParams, body: noteSchema } },
    async (request) => {
      const actor = requireActor(request.actor);
      await startRecommendation(db, actor, request.params.id, request.body.note ?? null);
      return detail(actor, request.params.id);
    },
  );

  app.post(
    '/recommendations/:id/answer',
    { schema: { tags, params: idParams, body: answerRecommendationSchema } },
    async (request) => {
      const actor = requireActor(request.actor);
      await answerRecommendation(db, actor, request.params.id, request.body.answer, nowOf(deps), today());
      return detail(actor, request.params.id);
    },
  );

  app.post(
    '/recommendations/:id/decline',
    { schema: { tags, params: idParams, body: declineRecommendationSchema } },
    async (request) => {
      const actor = requireActor(request.actor);
      await declineRecommendation(db, actor, request.params.id, request.body.reason);
      return detail(actor, request.params.id);
    },
  );

  app.post(
    '/recommendations/:id/merge',
    { schema: { tags, params: idParams, body: mergeRecommendationSchema } },
    async (request) => {
      const actor = requireActor(request.actor);
      await mergeRecommendation(db, actor, request.params.id, request.body.intoId);
      return detail(actor, request.params.id);
    },
  );

  app.post(
    '/recommendations/:id/attachments',
    { schema: { tags, params: idParams } },
    async (request, reply) => {
      const actor = requireActor(request.actor);
      // Rights and state first (nothing is read of a file that would be refused), then again under the lock.
      assertMayAttach(actor, await visible(actor, request.params.id));
      const file = request.isMultipart() ? await request.file() : undefined;
      if (!file) throw invalidField('file', { vi: 'Hãy chọn tệp đính kèm.', en: 'Choose a file.' });
      const bytes = await file.toBuffer();
      await attachToRecommendation(db, actor, request.params.id, {
        fileName: file.filename,
        contentType: file.mimetype,
        bytes,
      });
      reply.status(201);
      return detail(actor, request.params.id);
    },
  );

  app.get(
    '/recommendations/:id/attachments/:fileId',
    { schema: { tags, params: idParams.extend({ fileId: z.coerce.number().int().positive() }) } },
    async (request, reply) => {
      const actor = requireActor(request.actor);
      const rec = await visible(actor, request.params.id);
      const [file] = await rows<{ fileName: string; contentType: string; bytes: Buffer }>(
        db,
        sql`SELECT file_name AS "fileName", content_type AS "contentType", bytes FROM recommendation_attachments
            WHERE id = ${request.params.fileId} AND recommendation_id = ${rec.id}`,
      );
      if (!file) throw notFound('attachment');
      reply.header('content-type', file.contentType);
      reply.header(
        'content-disposition',
        `attachment; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
      );
      return Buffer.isBuffer(file.bytes) ? file.bytes : Buffer.from(file.bytes);
    },
  );
}

/**
 * Recommendations: the lists and every step, the dashboard, a meeting’s side, a member’s own: the module's
 * routes as one Fastify plugin, registered by app.ts.
 */
export const recommendationsModule: FeatureModule = async (app, { deps }) => {
  recommendationRoutes(app, deps);
  recommendationDashboardRoutes(app, deps);
  meetingRecommendationRoutes(app, deps);
  memberRecommendationRoutes(app, deps);
};
