import { isoDateInVietnam, type Role, recommendationDashboardQuerySchema } from '@nennep/core';
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { type Deps, nowOf, readDbOf } from '../../deps.ts';
import { assertCan, requireActor } from '../../http/access.ts';
import { assertCanRead } from '../orgs/policy.ts';
import { findOrg } from '../orgs/queries.ts';
import { dashboardOf } from './dashboard.ts';
import { recommendationsWorkbook } from './dashboard-workbook.ts';
import { presentAll, recommendationRows } from './queries.ts';

const tags = ['recommendations'];
/** Staff who see the figures of a subtree: its committee, its administrators, a cell's secretary. */
const DASHBOARD_READERS: readonly Role[] = ['admin', 'committee_member', 'cell_secretary'];

export function recommendationDashboardRoutes(fastify: FastifyInstance, deps: Deps) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const { db } = deps.database;
  const today = () => isoDateInVietnam(nowOf(deps));
  const scoped = async (actor: ReturnType<typeof requireActor>, code: string) => {
    const org = assertCanRead(actor, await findOrg(db, code));
    assertCan(actor, DASHBOARD_READERS, org.path);
    return org;
  };

  app.get(
    '/recommendations-dashboard',
    { schema: { tags, querystring: recommendationDashboardQuerySchema } },
    async (request) => {
      const actor = requireActor(request.actor);
      const org = await scoped(actor, request.query.org);
      // The figures may come from the replica (DATABASE_READ_URL), up to this session's last write.
      const readDb = await readDbOf(deps, request);
      return dashboardOf(readDb, actor, org, request.query.from, request.query.to, today());
    },
  );

  app.get(
    '/recommendations-export',
    { schema: { tags, querystring: recommendationDashboardQuerySchema } },
    async (request, reply) => {
      const actor = requireActor(request.actor);
      const org = await scoped(actor, request.query.org);
      const { from, to } = request.query;
      const dashboard = await dashboardOf(db, actor, org, from, to, today());
      const list = await recommendationRows(
        db,
        sql`r.org_path LIKE ${`${org.path}%`} AND r.raised_on BETWEEN ${from} AND ${to}`,
        sql`r.raised_on, r.id`,
        50_000,
      );
      const bytes = await recommendationsWorkbook(dashboard, await presentAll(db, actor, list, today()));
      reply.header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
      reply.header('content-disposition', `attachment; filename="kien-nghi-${org.code}-${from}-${to}.xlsx"`);
      return bytes;
    },
  );
}
