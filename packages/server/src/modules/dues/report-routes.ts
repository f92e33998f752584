/**
 * The remittance of a subtree (issue 16 point 5): `GET /api/dues/remittance?org=CODE&year=YYYY[&month=]` as
 * data for the dashboard, `GET /api/dues/report.docx` (the Party report) and `GET /api/dues/report.xlsx` (the
 * sổ thu nộp đảng phí) with the same query. Access as the ledger's: the subtree's administrators, committees
 * and the cell's secretary (domain.md §10); another subtree does not exist for them (404), a member is
 * refused (403).
 */
import { duesRemittanceQuerySchema } from '@nennep/core';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { type Deps, nowOf, readDbOf } from '../../deps.ts';
import { type Actor, assertCan, requireActor } from '../../http/access.ts';
import { assertCanRead } from '../orgs/policy.ts';
import { findOrg } from '../orgs/queries.ts';
import { DUES_READERS } from './policy.ts';
import { remittanceOf } from './remittance.ts';
import { duesReportModel, renderDuesReportDocx } from './report.ts';
import { renderDuesReportXlsx } from './workbook.ts';

const tags = ['dues'];

const TYPES = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;

export function duesReportRoutes(fastify: FastifyInstance, deps: Deps) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const { db } = deps.database;

  /** The node asked for, once the actor may read the subtree's dues. */
  async function readable(actor: Actor, code: string) {
    const org = assertCanRead(actor, await findOrg(db, code));
    assertCan(actor, DUES_READERS, org.path);
    return org;
  }

  app.get(
    '/dues/remittance',
    { schema: { tags, querystring: duesRemittanceQuerySchema } },
    async (request) => {
      const q = request.query;
      const org = await readable(requireActor(request.actor), q.org);
      return remittanceOf(await readDbOf(deps, request), org, q.year, q.month, nowOf(deps));
    },
  );

  for (const format of ['docx', 'xlsx'] as const) {
    app.get(
      `/dues/report.${format}`,
      { schema: { tags, querystring: duesRemittanceQuerySchema } },
      async (request, reply) => {
        const actor = requireActor(request.actor);
        const q = request.query;
        const org = await readable(actor, q.org);
        const readDb = await readDbOf(deps, request);
        const model = await duesReportModel(readDb, org, q.year, q.month, actor.displayName, nowOf(deps));
        const body =
          format === 'xlsx' ? await renderDuesReportXlsx(model) : await renderDuesReportDocx(model);
        const name = `so-thu-nop-dang-phi-${org.code}-${q.month ?? q.year}.${format}`;
        reply.header('content-type', TYPES[format]);
        reply.header('content-disposition', `attachment; filename="${name}"`);
        return body;
      },
    );
  }
}
