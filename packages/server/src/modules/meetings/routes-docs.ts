import { addendumSchema, adoptSchema } from '@nennep/core';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { type Deps, nowOf } from '../../app.ts';
import { requireActor } from '../../http/access.ts';
import { notFound } from '../../http/errors.ts';
import { addAddendum, adoptMinutes } from './adopt.ts';
import { documentBytes } from './issued-bytes.ts';
import { lockMeetingRow } from './lock.ts';
import { canReadRecord } from './policy.ts';
import { meetingAccess, meetingParams, runnableBy } from './routes.ts';

const tags = ['minutes'];
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** Minutes and resolution as DOCX and PDF; adoption; dated addenda. */
export function minutesRoutes(fastify: FastifyInstance, deps: Deps) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const { db } = deps.database;
  const { visible, write } = meetingAccess(deps);

  app.get(
    '/meetings/:id/documents/:name',
    {
      schema: {
        tags,
        params: meetingParams.extend({
          name: z.enum(['minutes.docx', 'minutes.pdf', 'resolution.docx', 'resolution.pdf']),
        }),
        querystring: z.object({ addenda: z.enum(['true', 'false']).optional() }),
      },
    },
    async (request, reply) => {
      const actor = requireActor(request.actor);
      const meeting = await visible(actor, request.params.id);
      const [doc, format] = request.params.name.split('.') as ['minutes' | 'resolution', 'docx' | 'pdf'];
      // Members read adopted resolutions; the minutes and drafts are for those who read the record.
      const memberMayRead = doc === 'resolution' && meeting.status === 'adopted';
      if (!canReadRecord(actor, meeting) && !memberMayRead) throw notFound('meeting');
      const bytes = await documentBytes(db, meeting, doc, format, request.query.addenda === 'true');
      const fileName = `${doc === 'minutes' ? 'bien-ban' : 'nghi-quyet'}-${meeting.scheduledDate}.${format}`;
      reply.header('content-type', format === 'docx' ? DOCX : 'application/pdf');
      reply.header('content-disposition', `attachment; filename="${fileName}"`);
      return bytes;
    },
  );

  app.post(
    '/meetings/:id/adopt',
    { schema: { tags, params: meetingParams, body: adoptSchema } },
    async (request) => {
      const actor = requireActor(request.actor);
      // The same lock as every write: a write waiting for it then finds the minutes adopted. The time of
      // adoption is read once the lock is held, after every write that went before.
      return write(actor, request.params.id, (tx, meeting) =>
        adoptMinutes(tx, actor, meeting, request.body, nowOf(deps)),
      );
    },
  );

  app.post(
    '/meetings/:id/addenda',
    { schema: { tags, params: meetingParams, body: addendumSchema } },
    async (request, reply) => {
      const actor = requireActor(request.actor);
      // After adoption, by design: the row is locked all the same, so an addendum waits for the adoption.
      const id = await db.transaction(async (tx) => {
        const meeting = await lockMeetingRow(tx, request.params.id, runnableBy(actor));
        return addAddendum(tx, actor, meeting, request.body.date, request.body.text);
      });
      reply.status(201);
      return { id };
    },
  );
}
