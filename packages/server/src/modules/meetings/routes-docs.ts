import { addendumSchema, adoptSchema } from '@nennep/core';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { type Deps, nowOf } from '../../deps.ts';
import { requireActor } from '../../http/access.ts';
import { notFound } from '../../http/errors.ts';
import { addMeetingAddendum, adoptMeeting } from './commands.ts';
import { documentBytes } from './issued-bytes.ts';
import { meetingParams } from './params.ts';
import { canReadRecord, meetingAccess } from './policy.ts';

const tags = ['minutes'];
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
/** The documents of a meeting by their file name: which document, in which format. */
const DOCUMENTS = {
  'minutes.docx': { doc: 'minutes', format: 'docx' },
  'minutes.pdf': { doc: 'minutes', format: 'pdf' },
  'resolution.docx': { doc: 'resolution', format: 'docx' },
  'resolution.pdf': { doc: 'resolution', format: 'pdf' },
} as const;

/** Minutes and resolution as DOCX and PDF; adoption; dated addenda. */
export function minutesRoutes(fastify: FastifyInstance, deps: Deps) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const { db } = deps.database;
  const { visible } = meetingAccess(db);

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
      const { doc, format } = DOCUMENTS[request.params.name];
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
      return adoptMeeting(db, actor, request.params.id, request.body, () => nowOf(deps));
    },
  );

  app.post(
    '/meetings/:id/addenda',
    { schema: { tags, params: meetingParams, body: addendumSchema } },
    async (request, reply) => {
      const actor = requireActor(request.actor);
      const id = await addMeetingAddendum(db, actor, request.params.id, request.body);
      reply.status(201);
      return { id };
    },
  );
}
