/**
 * `GET /api/ratings/report?org=CODE&year=YYYY[&period=Q1]&format=docx|xlsx` (issue 15 point 5): the summary's
 * figures as the Party report (DOCX) or the workbook per level of the tree (XLSX), with the summary's access.
 */
import { ratingSummaryQuerySchema } from '@nennep/core';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { type Deps, nowOf, readDbOf } from '../../deps.ts';
import { assertCan, requireActor } from '../../http/access.ts';
import { assertCanRead } from '../orgs/policy.ts';
import { findOrg } from '../orgs/queries.ts';
import { RATING_READERS } from './policy.ts';
import { ratingReportModel, renderRatingReportDocx } from './report.ts';
import { renderRatingReportXlsx } from './workbook.ts';

const reportQuerySchema = ratingSummaryQuerySchema.extend({
  format: z.enum(['docx', 'xlsx']).default('docx'),
});

const TYPES = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;

export function ratingReportRoutes(fastify: FastifyInstance, deps: Deps) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const { db } = deps.database;
  app.get(
    '/ratings/report',
    { schema: { tags: ['ratings'], querystring: reportQuerySchema } },
    async (request, reply) => {
      const actor = requireActor(request.actor);
      const q = request.query;
      const org = assertCanRead(actor, await findOrg(db, q.org));
      assertCan(actor, RATING_READERS, org.path);
      const readDb = await readDbOf(deps, request);
      const model = await ratingReportModel(readDb, org, q.year, q.period, actor.displayName, nowOf(deps));
      const body =
        q.format === 'xlsx' ? await renderRatingReportXlsx(model) : await renderRatingReportDocx(model);
      const name = `bao-cao-xep-loai-${org.code}-${q.year}${q.period === 'year' ? '' : `-${q.period}`}.${q.format}`;
      reply.header('content-type', TYPES[q.format]);
      reply.header('content-disposition', `attachment; filename="${name}"`);
      return body;
    },
  );
}
