import {
  answerRecommendationSchema,
  CELL_KINDS,
  createRecommendationSchema,
  declineRecommendationSchema,
  foldForSearch,
  forwardRecommendationSchema,
  isoDateInVietnam,
  mergeRecommendationSchema,
  noteSchema,
  type OrgKind,
  type RecommendationDetailDto,
  recommendationListQuerySchema,
} from '@nennep/core';
import { type SQL, sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { type Deps, nowOf } from '../../app.ts';
import { rows } from '../../db/client.ts';
import { recommendationAttachments } from '../../db/schema/index.ts';
import { type Actor, ANY_ROLE, assertCan, narrowScopes, requireActor } from '../../http/access.ts';
import { audit } from '../../http/audit.ts';
import { forbidden, invalidField, notFound } from '../../http/errors.ts';
import { assertCanRead } from '../orgs/policy.ts';
import { findOrg } from '../orgs/queries.ts';
import { createRecommendation } from './commands.ts';
import { heldBySql, logEvent } from './events.ts';
import { answer, decline } from './outcome.ts';
import { assertCanAct, assertCanSee, canAttach, handledOrgIds, levelOf, mayForwardTo } from './policy.ts';
import {
  assertOpen,
  eventsOf,
  findRecommendation,
  presentAll,
  recommendationRows,
  rulesReader,
} from './queries.ts';
import { forward, merge, startWork } from './routing.ts';

const tags = ['recommendations'];
/** The most a list answers at once; `total` says how many matched. */
const LIST_LIMIT = 500;
const idParams = z.object({ id: z.coerce.number().int().positive() });

/** Recommendations: lists (own cell, subtree, one's inbox, one's own), the detail, every step of the way. */
export function recommendationRoutes(fastify: FastifyInstance, deps: Deps) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const { db } = deps.database;
  const today = () => isoDateInVietnam(nowOf(deps));
  const visible = async (actor: Actor, id: number) => assertCanSee(actor, await findRecommendation(db, id));
  /** Readable (else 404) and held by a level the actor answers for (else 403 naming the level). */
  const actionable = async (actor: Actor, id: number) => assertCanAct(actor, await visible(actor, id));
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
      const cell = assertCanRead(actor, await findOrg(db, request.body.orgCode));
      assertCan(actor, ['admin', 'committee_member'], cell.path);
      if (!(CELL_KINDS as readonly OrgKind[]).includes(cell.kind as OrgKind)) {
        throw invalidField('orgCode', {
          vi: 'Kiến nghị được ghi cho chi bộ đã nêu.',
          en: 'A recommendation is recorded for the cell that raised it.',
        });
      }
      const rules = (await rulesReader(db))(cell.path, request.body.raisedOn);
      const id = await db.transaction((tx) =>
        createRecommendation(tx, actor, { ...request.body, cell, source: 'staff' }, rules),
      );
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
      const rec = await actionable(actor, request.params.id);
      const rules = (await rulesReader(db))(rec.orgPath, rec.raisedOn);
      await db.transaction((tx) => forward(tx, actor, rec, request.body, rules, today()));
      return detail(actor, rec.id);
    },
  );

  app.post(
    '/recommendations/:id/start',
    { schema: { tags, params: idParams, body: noteSchema } },
    async (request) => {
      const actor = requireActor(request.actor);
      const rec = await actionable(actor, request.params.id);
      await db.transaction((tx) => startWork(tx, actor, rec, request.body.note ?? null));
      return detail(actor, rec.id);
    },
  );

  app.post(
    '/recommendations/:id/answer',
    { schema: { tags, params: idParams, body: answerRecommendationSchema } },
    async (request) => {
      const actor = requireActor(request.actor);
      const rec = await actionable(actor, request.params.id);
      await db.transaction((tx) => answer(tx, actor, rec, request.body.answer, nowOf(deps), today()));
      return detail(actor, rec.id);
    },
  );

  app.post(
    '/recommendations/:id/decline',
    { schema: { tags, params: idParams, body: declineRecommendationSchema } },
    async (request) => {
      const actor = requireActor(request.actor);
      const rec = await actionable(actor, request.params.id);
      await db.transaction((tx) => decline(tx, actor, rec, request.body.reason));
      return detail(actor, rec.id);
    },
  );

  app.post(
    '/recommendations/:id/merge',
    { schema: { tags, params: idParams, body: mergeRecommendationSchema } },
    async (request) => {
      const actor = requireActor(request.actor);
      const rec = await actionable(actor, request.params.id);
      const into = await findRecommendation(db, request.body.intoId);
      if (!into)
        throw invalidField('intoId', { vi: 'Không có kiến nghị này.', en: 'No such recommendation.' });
      assertCanSee(actor, into);
      await db.transaction((tx) => merge(tx, actor, rec, into));
      return detail(actor, rec.id);
    },
  );

  app.post(
    '/recommendations/:id/attachments',
    { schema: { tags, params: idParams } },
    async (request, reply) => {
      const actor = requireActor(request.actor);
      const rec = await visible(actor, request.params.id);
      if (!canAttach(actor, rec)) assertCanAct(actor, rec);
      assertOpen(rec);
      const file = request.isMultipart() ? await request.file() : undefined;
      if (!file) throw invalidField('file', { vi: 'Hãy chọn tệp đính kèm.', en: 'Choose a file.' });
      const bytes = await file.toBuffer();
      await db.transaction(async (tx) => {
        await tx.insert(recommendationAttachments).values({
          recommendationId: rec.id,
          fileName: file.filename || 'dinh-kem',
          contentType: file.mimetype || 'application/octet-stream',
          size: bytes.length,
          bytes,
          uploadedBy: actor.id,
        });
        await logEvent(tx, actor, rec.id, 'attachment', { note: file.filename });
        await audit(tx, actor, {
          action: 'recommendation.attachment_added',
          entityType: 'recommendation',
          entityId: rec.id,
          orgPath: rec.orgPath,
          detail: { fileName: file.filename, size: bytes.length },
        });
      });
      reply.status(201);
      return detail(actor, rec.id);
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
