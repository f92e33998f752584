import { type ImportPreviewDto, isoDateInVietnam } from '@nennep/core';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { type Deps, type FeatureModule, nowOf } from '../../deps.ts';
import { requireActor } from '../../http/access.ts';
import { localeOf } from '../../http/errors.ts';
import { IMPORT_KINDS, type ImportKind } from './columns.ts';
import { commitImportJob, importJobStatus, previewImport } from './jobs.ts';
import { DEFAULT_IMPORT_LIMITS } from './limits.ts';
import { assertMayImport } from './policy.ts';
import { renderError } from './service.ts';
import { renderTemplate, TEMPLATE_NAMES } from './templates.ts';
import { uploadedSheet } from './upload.ts';

const tags = ['imports'];
const jobParams = z.object({ jobId: z.uuid() });
/**
 * The user's column mapping: one import column key per file column, in the file's order, separated by
 * commas; an empty place ignores that column ("full_name,,birth_date").
 */
const previewQuery = z.object({
  columns: z
    .string()
    .max(4000)
    .regex(/^[a-z_,]*$/)
    .optional(),
});
const chosenOf = (columns: string | undefined) =>
  columns === undefined ? undefined : columns.split(',').map((k) => k || null);

/** Import of organisations and members (preview, commit, templates). */
function importRoutes(fastify: FastifyInstance, deps: Deps) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const { database } = deps;

  app.get(
    '/imports/templates/:name',
    { schema: { tags, params: z.object({ name: z.enum(TEMPLATE_NAMES) }) } },
    async (request, reply) => {
      requireActor(request.actor);
      const { body, contentType } = await renderTemplate(request.params.name);
      reply.header('content-type', contentType);
      reply.header('content-disposition', `attachment; filename="${request.params.name}"`);
      return body;
    },
  );

  app.post(
    '/imports/:kind',
    {
      schema: {
        tags,
        params: z.object({ kind: z.enum(IMPORT_KINDS as [ImportKind, ...ImportKind[]]) }),
        querystring: previewQuery,
      },
    },
    async (request): Promise<ImportPreviewDto> => {
      const actor = requireActor(request.actor);
      const { kind } = request.params;
      assertMayImport(actor, kind);
      const limits = deps.config.importLimits ?? DEFAULT_IMPORT_LIMITS;
      const { buffer, fileName } = await uploadedSheet(request, limits.maxFileBytes, `${kind}.xlsx`);
      const preview = await previewImport(
        database,
        actor,
        kind,
        buffer,
        fileName,
        isoDateInVietnam(nowOf(deps)),
        chosenOf(request.query.columns),
        limits,
      );
      const locale = localeOf(request);
      return {
        jobId: preview.jobId,
        fileName: preview.fileName,
        total: preview.total,
        valid: preview.valid,
        errors: preview.errors.map((e) => renderError(kind, e, locale)),
        summary: preview.summary,
        mapping: preview.mapping,
      };
    },
  );

  app.post('/imports/:jobId/commit', { schema: { tags, params: jobParams } }, async (request) => {
    const actor = requireActor(request.actor);
    const limits = deps.config.importLimits ?? DEFAULT_IMPORT_LIMITS;
    return commitImportJob(database, actor, request.params.jobId, isoDateInVietnam(nowOf(deps)), limits);
  });

  app.get('/imports/:jobId', { schema: { tags, params: jobParams } }, async (request) => {
    const actor = requireActor(request.actor);
    return importJobStatus(database, actor, request.params.jobId, localeOf(request));
  });
}

/**
 * Imports of organisations and members from spreadsheets: the module's routes as one Fastify plugin,
 * registered by app.ts.
 */
export const importsModule: FeatureModule = async (app, { deps }) => {
  importRoutes(app, deps);
};
