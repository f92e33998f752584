import { soTayPostedSchema } from '@nennep/core';
import { asc, eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { materials } from '../../db/schema/index.ts';
import { type Deps, nowOf } from '../../deps.ts';
import { requireActor } from '../../http/access.ts';
import { issuerOf } from '../orgs/naming.ts';
import { findOrgById } from '../orgs/queries.ts';
import { capitalised, namedMeeting } from './meeting-name.ts';
import { meetingParams } from './params.ts';
import { canReadRecord, meetingAccess } from './policy.ts';
import { presentMeeting } from './present.ts';
import { recordSoTayPosting, undoSoTayPosting } from './so-tay.ts';
import { buildSoTayPackage } from './so-tay-package.ts';

const tags = ['meetings'];

/**
 * The Sổ tay đảng viên điện tử (issue 17 item 4; HD 42-HD/BTCTW (28/10/2025)): the package to post on the
 * app, and the record that it was posted.
 */
export function soTayRoutes(fastify: FastifyInstance, deps: Deps) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const { db } = deps.database;
  const { visible } = meetingAccess(db);

  /** One PDF: the agenda, then the materials the reader may see (members: those already published). */
  app.get(
    '/meetings/:id/so-tay-package.pdf',
    { schema: { tags, params: meetingParams } },
    async (request, reply) => {
      const actor = requireActor(request.actor);
      const meeting = await visible(actor, request.params.id);
      const now = nowOf(deps);
      const files = (
        await db
          .select()
          .from(materials)
          .where(eq(materials.meetingId, meeting.id))
          .orderBy(asc(materials.id))
      ).filter((m) => canReadRecord(actor, meeting) || m.publishAt <= now);
      const cell = await findOrgById(db, meeting.orgId);
      const named = await namedMeeting(db, meeting.id);
      if (!cell || !named) throw new Error(`meeting ${meeting.id}: its cell is missing`);
      const issuer = await issuerOf(db, cell);
      const pdf = await buildSoTayPackage({
        heading: issuer.heading,
        meetingName: capitalised(named.name.vi),
        date: meeting.scheduledDate,
        startTime: meeting.startTime,
        place: meeting.place,
        agenda: meeting.agenda,
        materials: files.map((m) => ({ fileName: m.fileName, contentType: m.contentType, bytes: m.bytes })),
      });
      reply.header('content-type', 'application/pdf');
      reply.header('content-disposition', `attachment; filename="so-tay-${meeting.scheduledDate}.pdf"`);
      return pdf;
    },
  );

  app.post(
    '/meetings/:id/so-tay-posted',
    { schema: { tags, params: meetingParams, body: soTayPostedSchema } },
    async (request) => {
      const actor = requireActor(request.actor);
      const now = nowOf(deps);
      await recordSoTayPosting(db, actor, request.params.id, new Date(request.body.postedAt), now);
      return presentMeeting(db, actor, await visible(actor, request.params.id), now);
    },
  );

  app.delete('/meetings/:id/so-tay-posted', { schema: { tags, params: meetingParams } }, async (request) => {
    const actor = requireActor(request.actor);
    await undoSoTayPosting(db, actor, request.params.id);
    return presentMeeting(db, actor, await visible(actor, request.params.id), nowOf(deps));
  });
}
