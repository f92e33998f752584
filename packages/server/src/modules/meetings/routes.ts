import {
  agendaItemSchema,
  cancelSchema,
  createMeetingSchema,
  isoDateInVietnam,
  meetingListQuerySchema,
  planMeetingsSchema,
  preparedSchema,
  rescheduleSchema,
  updateMeetingSchema,
} from '@nennep/core';
import { eq, sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { rows } from '../../db/client.ts';
import { materials } from '../../db/schema/index.ts';
import { type Deps, type FeatureModule, nowOf } from '../../deps.ts';
import { type Actor, ANY_ROLE, narrowScopes, requireActor } from '../../http/access.ts';
import { forbidden, invalidField, notFound } from '../../http/errors.ts';
import { assertCanRead } from '../orgs/policy.ts';
import { findOrg } from '../orgs/queries.ts';
import { agendaPrefillRoutes } from './agenda-prefill.ts';
import {
  addMaterial,
  addMeeting,
  addMeetingAgendaItem,
  cancelMeeting,
  markPrepared,
  notifyMeeting,
  planSubtreeMeetings,
  rescheduleMeeting,
  updateMeeting,
} from './commands.ts';
import { invitationList } from './invitations.ts';
import { meetingParams } from './params.ts';
import { assertNotAdopted, canReadRecord, meetingAccess } from './policy.ts';
import { presentMeeting, presentSummary } from './present.ts';
import type { MeetingRow } from './queries.ts';
import { meetingCorrectionRoutes } from './routes-corrections.ts';
import { meetingDaysRoutes } from './routes-days.ts';
import { minutesRoutes } from './routes-docs.ts';
import { meetingRunRoutes } from './routes-run.ts';
import { soTayRoutes } from './routes-so-tay.ts';

const tags = ['meetings'];

function meetingRoutes(fastify: FastifyInstance, deps: Deps) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const { db } = deps.database;
  const { visible, runnable } = meetingAccess(db);
  const today = () => isoDateInVietnam(nowOf(deps));
  /** The meeting as it is after a change, shown to the actor. */
  const shown = async (actor: Actor, id: number) =>
    presentMeeting(db, actor, await visible(actor, id), nowOf(deps));

  app.get('/meetings', { schema: { tags, querystring: meetingListQuerySchema } }, async (request) => {
    const actor = requireActor(request.actor);
    const org = request.query.org ? assertCanRead(actor, await findOrg(db, request.query.org)) : null;
    const scopes = narrowScopes(actor, ANY_ROLE, org?.path ?? null);
    if (scopes.length === 0) throw forbidden();
    const day = today();
    const from = request.query.from ?? `${day.slice(0, 7)}-01`;
    const to = request.query.to ?? `${day.slice(0, 4)}-12-31`;
    const inScope = sql.join(
      scopes.map((s) => sql`m.org_path LIKE ${`${s}%`}`),
      sql` OR `,
    );
    const list = await rows<MeetingRow & { orgCode: string; orgName: string }>(
      db,
      sql`SELECT m.id::int AS id, m.org_id::int AS "orgId", m.org_path AS "orgPath", m.kind, m.status, m.combined, m.title,
            m.scheduled_date::text AS "scheduledDate", m.start_time AS "startTime", m.place, m.total, m.level,
            o.code AS "orgCode", o.name AS "orgName"
          FROM meetings m JOIN orgs o ON o.id = m.org_id
          WHERE (${inScope}) AND m.scheduled_date BETWEEN ${from} AND ${to}
            ${request.query.kind ? sql`AND m.kind = ${request.query.kind}` : sql``}
          ORDER BY m.scheduled_date, m.start_time, o.sort_key LIMIT 5000`,
    );
    return { from, to, items: list.map(presentSummary) };
  });

  app.post('/meetings/plan', { schema: { tags, body: planMeetingsSchema } }, async (request) => {
    const actor = requireActor(request.actor);
    return planSubtreeMeetings(db, actor, request.body, today());
  });

  app.post('/meetings', { schema: { tags, body: createMeetingSchema } }, async (request, reply) => {
    const actor = requireActor(request.actor);
    const meeting = await addMeeting(db, actor, request.body, today());
    reply.status(201);
    return presentMeeting(db, actor, meeting, nowOf(deps));
  });

  app.get('/meetings/:id', { schema: { tags, params: meetingParams } }, async (request) => {
    const actor = requireActor(request.actor);
    return presentMeeting(db, actor, await visible(actor, request.params.id), nowOf(deps));
  });

  app.patch(
    '/meetings/:id',
    { schema: { tags, params: meetingParams, body: updateMeetingSchema } },
    async (request) => {
      const actor = requireActor(request.actor);
      const body = request.body;
      if (Object.values(body).every((value) => value === undefined)) {
        throw invalidField('body', {
          vi: 'Không có gì để thay đổi: hãy gửi ít nhất một trường (địa điểm, tiêu đề, chương trình, chủ trì, thư ký).',
          en: 'Nothing to change: send at least one field (place, title, agenda, chair, minute taker).',
        });
      }
      await updateMeeting(db, actor, request.params.id, body);
      return shown(actor, request.params.id);
    },
  );

  app.post(
    '/meetings/:id/reschedule',
    { schema: { tags, params: meetingParams, body: rescheduleSchema } },
    async (request) => {
      const actor = requireActor(request.actor);
      await rescheduleMeeting(db, actor, request.params.id, request.body, today());
      return shown(actor, request.params.id);
    },
  );

  app.post(
    '/meetings/:id/cancel',
    { schema: { tags, params: meetingParams, body: cancelSchema } },
    async (request) => {
      const actor = requireActor(request.actor);
      await cancelMeeting(db, actor, request.params.id, request.body.reason);
      return shown(actor, request.params.id);
    },
  );

  /** Who the invitation will reach, shown before it is sent. */
  app.get('/meetings/:id/invitations', { schema: { tags, params: meetingParams } }, async (request) => {
    const actor = requireActor(request.actor);
    const meeting = await runnable(actor, request.params.id);
    assertNotAdopted(meeting);
    return invitationList(db, meeting, today());
  });

  /** Tells the cell's members and the committee members who follow the cell: time, place, agenda. */
  app.post('/meetings/:id/notify', { schema: { tags, params: meetingParams } }, async (request) => {
    const actor = requireActor(request.actor);
    return notifyMeeting(db, actor, request.params.id, today());
  });

  /** The secretaries (or the cell committee, informally) record that they prepared the meeting together. */
  app.post(
    '/meetings/:id/prepared',
    { schema: { tags, params: meetingParams, body: preparedSchema } },
    async (request) => {
      const actor = requireActor(request.actor);
      await markPrepared(db, actor, request.params.id, request.body.note ?? null);
      return shown(actor, request.params.id);
    },
  );

  app.post(
    '/meetings/:id/agenda',
    { schema: { tags, params: meetingParams, body: agendaItemSchema } },
    async (request, reply) => {
      const actor = requireActor(request.actor);
      await addMeetingAgendaItem(db, actor, request.params.id, request.body);
      reply.status(201);
      return shown(actor, request.params.id);
    },
  );

  app.post(
    '/meetings/:id/materials',
    {
      schema: {
        tags,
        params: meetingParams,
        querystring: z.object({ publishAt: z.iso.datetime({ offset: true }).optional() }),
      },
    },
    async (request, reply) => {
      const actor = requireActor(request.actor);
      // Rights and status first (nothing is read of a file the meeting would refuse), then again under the
      // lock, by the command.
      assertNotAdopted(await runnable(actor, request.params.id));
      const file = request.isMultipart() ? await request.file() : undefined;
      if (!file) throw invalidField('file', { vi: 'Hãy chọn tệp tài liệu.', en: 'Choose a file.' });
      const bytes = await file.toBuffer();
      const publishAt = request.query.publishAt ? new Date(request.query.publishAt) : nowOf(deps);
      // Control characters (a NUL above all, which PostgreSQL refuses in text) never reach the name kept.
      const fileName =
        file.filename
          .replace(/\p{Cc}/gu, '')
          .trim()
          .slice(0, 255) || 'tai-lieu';
      const contentType = file.mimetype.replace(/\p{Cc}/gu, '') || 'application/octet-stream';
      const id = await addMaterial(db, actor, request.params.id, {
        fileName,
        contentType,
        bytes,
        publishAt,
        uploadedAt: nowOf(deps),
      });
      reply.status(201);
      return { id };
    },
  );

  app.get(
    '/meetings/:id/materials/:materialId',
    { schema: { tags, params: meetingParams.extend({ materialId: z.coerce.number().int().positive() }) } },
    async (request, reply) => {
      const actor = requireActor(request.actor);
      const meeting = await visible(actor, request.params.id);
      const [file] = await db.select().from(materials).where(eq(materials.id, request.params.materialId));
      const published = file && (file.publishAt <= nowOf(deps) || canReadRecord(actor, meeting));
      if (!file || file.meetingId !== meeting.id || !published) throw notFound('material');
      reply.header('content-type', file.contentType);
      reply.header(
        'content-disposition',
        `attachment; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
      );
      return file.bytes;
    },
  );
}

/**
 * Meetings: planning and preparing, running, corrections, spreading the days, minutes and adoption: the
 * module's routes as one Fastify plugin, registered by app.ts.
 */
export const meetingsModule: FeatureModule = async (app, { deps }) => {
  meetingRoutes(app, deps);
  meetingRunRoutes(app, deps);
  agendaPrefillRoutes(app, deps);
  meetingCorrectionRoutes(app, deps);
  meetingDaysRoutes(app, deps);
  minutesRoutes(app, deps);
  soTayRoutes(app, deps);
};
