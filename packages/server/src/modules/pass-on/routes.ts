import {
  fieldLabel,
  isoDateInVietnam,
  PASS_ON_LIMITS,
  passedOnSchema,
  passOnListQuerySchema,
  registerPassOnSchema,
} from '@nennep/core';
import { sql } from 'drizzle-orm';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { rows } from '../../db/client.ts';
import { type Deps, type FeatureModule, nowOf } from '../../deps.ts';
import { requireActor } from '../../http/access.ts';
import { AppError, invalidField, notFound, zodFieldErrors } from '../../http/errors.ts';
import { uploadTooLarge } from '../imports/limits.ts';
import { meetingAccess } from '../meetings/policy.ts';
import { type PassOnFile, recordPassedOn, registerDocument } from './commands.ts';
import { presentDocument } from './queries.ts';
import { documentStatus, listDocuments, meetingItems, visibleDocument } from './read.ts';

const tags = ['documents-to-pass-on'];
const idParams = z.object({ id: z.coerce.number().int().positive() });

/** Control characters (a NUL above all, which PostgreSQL refuses in text) never reach what is kept. */
const clean = (text: string) => text.replace(/\p{Cc}/gu, '').trim();

/** The form's fields and its one file (multipart), the file read up to the size limit (413 beyond). */
async function readForm(request: FastifyRequest) {
  if (!request.isMultipart())
    throw invalidField('file', { vi: 'Hãy chọn tệp văn bản.', en: 'Choose a file.' });
  const fields: Record<string, string> = {};
  let file: PassOnFile | null = null;
  for await (const part of request.parts({ limits: { fileSize: PASS_ON_LIMITS.fileBytes, files: 1 } })) {
    if (part.type === 'file') {
      const bytes = await part.toBuffer().catch((error: unknown) => {
        const code = (error as { code?: string }).code;
        throw code === 'FST_REQ_FILE_TOO_LARGE' ? uploadTooLarge(PASS_ON_LIMITS.fileBytes) : error;
      });
      file = {
        fileName: clean(part.filename).slice(0, 255) || 'van-ban',
        contentType: clean(part.mimetype) || 'application/octet-stream',
        bytes,
      };
    } else {
      const value = String(part.value);
      // As http/no-nul.ts does for JSON bodies: PostgreSQL refuses a NUL in text, so it is a 400 here.
      if (value.includes('\u0000')) {
        throw invalidField(part.fieldname, {
          vi: `${fieldLabel(part.fieldname, 'vi')}: có ký tự NUL (\\0), không lưu được. Hãy xóa ký tự đó.`,
          en: `${fieldLabel(part.fieldname, 'en')}: contains a NUL character (\\0), which cannot be stored. Remove it.`,
        });
      }
      fields[part.fieldname] = value;
    }
  }
  const parsed = registerPassOnSchema.safeParse(fields);
  if (!parsed.success) {
    const errors = zodFieldErrors(parsed.error.issues);
    const first = errors[0];
    throw new AppError(400, 'validation', { detail: first?.message ?? { vi: '', en: '' } }, errors);
  }
  if (!file || file.bytes.length === 0)
    throw invalidField('file', { vi: 'Hãy chọn tệp văn bản.', en: 'Choose a file.' });
  return { input: parsed.data, file };
}

/**
 * Superior documents passed on to every cell (issue 17 item 2): registered by a committee, listed for a
 * committee or a cell, followed per document, passed on at a meeting.
 */
function passOnRoutes(fastify: FastifyInstance, deps: Deps) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const { db } = deps.database;
  const today = () => isoDateInVietnam(nowOf(deps));
  const { visible } = meetingAccess(db);

  app.post('/documents-to-pass-on', { schema: { tags } }, async (request, reply) => {
    const actor = requireActor(request.actor);
    const { input, file } = await readForm(request);
    const id = await registerDocument(db, actor, input, file, today());
    reply.status(201);
    const { doc } = await visibleDocument(db, actor, id);
    return presentDocument(doc);
  });

  app.get(
    '/documents-to-pass-on',
    { schema: { tags, querystring: passOnListQuerySchema } },
    async (request) => {
      const actor = requireActor(request.actor);
      return { items: await listDocuments(db, actor, request.query.org) };
    },
  );

  app.get('/documents-to-pass-on/:id', { schema: { tags, params: idParams } }, async (request) => {
    const actor = requireActor(request.actor);
    return presentDocument((await visibleDocument(db, actor, request.params.id)).doc);
  });

  app.get('/documents-to-pass-on/:id/status', { schema: { tags, params: idParams } }, async (request) =>
    documentStatus(db, requireActor(request.actor), request.params.id, today()),
  );

  app.get(
    '/documents-to-pass-on/:id/file',
    { schema: { tags, params: idParams } },
    async (request, reply) => {
      const actor = requireActor(request.actor);
      const { doc } = await visibleDocument(db, actor, request.params.id);
      const [file] = await rows<{ contentType: string; bytes: Buffer | Uint8Array }>(
        db,
        sql`SELECT content_type AS "contentType", bytes FROM pass_on_documents WHERE id = ${doc.id}`,
      );
      if (!file) throw notFound('pass_on_document');
      reply.header('content-type', file.contentType);
      reply.header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(doc.fileName)}`);
      return Buffer.isBuffer(file.bytes) ? file.bytes : Buffer.from(file.bytes);
    },
  );

  app.get('/meetings/:id/documents-to-pass-on', { schema: { tags, params: idParams } }, async (request) => {
    const actor = requireActor(request.actor);
    return { items: await meetingItems(db, await visible(actor, request.params.id)) };
  });

  app.post(
    '/meetings/:id/documents-to-pass-on/:documentId/passed-on',
    {
      schema: {
        tags,
        params: idParams.extend({ documentId: z.coerce.number().int().positive() }),
        body: passedOnSchema,
      },
    },
    async (request, reply) => {
      const actor = requireActor(request.actor);
      const { id, documentId } = request.params;
      await recordPassedOn(db, actor, id, documentId, request.body.presenterCode);
      reply.status(201);
      return { items: await meetingItems(db, await visible(actor, id)) };
    },
  );
}

/** Documents to pass on: the module's routes as one Fastify plugin, registered by app.ts. */
export const passOnModule: FeatureModule = async (app, { deps }) => {
  passOnRoutes(app, deps);
};
