/**
 * The import of results through the API (issue 15 point 4), as the web's import does it: the file is uploaded
 * to `POST /api/ratings/import/preview` (row-by-row errors, nothing written), then the same file to
 * `POST /api/ratings/import/commit`, which checks it again inside its one transaction and writes all or nothing.
 * The report of `GET /api/ratings/report` rides along (report-routes.ts).
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { type Deps, nowOf } from '../../deps.ts';
import { requireActor } from '../../http/access.ts';
import { localeOf } from '../../http/errors.ts';
import { DEFAULT_IMPORT_LIMITS } from '../imports/limits.ts';
import { uploadedSheet } from '../imports/upload.ts';
import { assertMayImportRatings, importRatings, type RatingImportReport } from './import.ts';

const tags = ['ratings'];

async function uploaded(request: FastifyRequest, deps: Deps) {
  const limits = deps.config.importLimits ?? DEFAULT_IMPORT_LIMITS;
  return { ...(await uploadedSheet(request, limits.maxFileBytes, 'ratings.xlsx')), limits };
}

/** The report as the caller reads it: each error with its row, column and words in the caller's language. */
const present = (report: RatingImportReport, locale: 'vi' | 'en') => ({
  ...report,
  errors: report.errors.map((e) => ({ row: e.row, field: e.field, message: e.message[locale] })),
});

export function ratingImportRoutes(fastify: FastifyInstance, deps: Deps) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const { db } = deps.database;
  for (const step of ['preview', 'commit'] as const) {
    app.post(`/ratings/import/${step}`, { schema: { tags } }, async (request) => {
      const actor = requireActor(request.actor);
      assertMayImportRatings(actor);
      const { buffer, fileName, limits } = await uploaded(request, deps);
      const report = await importRatings(
        db,
        actor,
        { buffer, fileName },
        nowOf(deps),
        step === 'commit',
        limits,
      );
      return present(report, localeOf(request));
    });
  }
}
