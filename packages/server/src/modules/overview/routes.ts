import { isoDateInVietnam, type OverviewDto, orgCodeSchema, type QualityFiguresDto } from '@nennep/core';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../db/client.ts';
import { type Deps, type FeatureModule, nowOf, readDbOf } from '../../deps.ts';
import { type Actor, requireActor } from '../../http/access.ts';
import { forbidden } from '../../http/errors.ts';
import { findOrg, findOrgById } from '../orgs/queries.ts';
import { assertCanOverview, meetingsOverview, OVERVIEW_READERS, qualityFigures } from './service.ts';

/** The most cells one page of the overview lists (a province holds ten thousand). */
export const OVERVIEW_PAGE_MAX = 500;

const querystring = z.object({
  org: orgCodeSchema.optional(),
  month: z
    .string()
    .regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'YYYY-MM')
    .optional(),
});
const pageQuery = querystring.extend({
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
  limit: z.coerce.number().int().min(1).max(OVERVIEW_PAGE_MAX).default(OVERVIEW_PAGE_MAX),
});

/** The node read: `?org=`, else the first subtree the actor follows as admin or committee member. */
async function nodeOf(db: Db, actor: Actor, code: string | undefined) {
  let org = code ? await findOrg(db, code) : null;
  if (!code) {
    const grant = actor.grants.find((g) => OVERVIEW_READERS.includes(g.role));
    if (!grant) throw forbidden();
    org = await findOrgById(db, grant.orgId);
  }
  return assertCanOverview(actor, org);
}

/** The committee's monthly view of its cells' meetings, and its figures per level of the tree. */
function overviewRoutes(fastify: FastifyInstance, deps: Deps) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const { db } = deps.database;

  app.get(
    '/meetings-overview',
    { schema: { tags: ['meetings'], querystring: pageQuery } },
    async (request): Promise<OverviewDto> => {
      const actor = requireActor(request.actor);
      const root = await nodeOf(db, actor, request.query.org);
      const today = isoDateInVietnam(nowOf(deps));
      const { offset, limit } = request.query;
      const month = request.query.month ?? today.slice(0, 7);
      // The figures may come from the replica (DATABASE_READ_URL), up to this session's last write.
      const readDb = await readDbOf(deps, request);
      const overview = await meetingsOverview(readDb, root, month, today, { offset, limit });
      return {
        org: { code: root.code, name: root.name },
        ...overview,
        total: overview.summary.cells,
        offset,
      };
    },
  );

  app.get(
    '/meetings-overview/figures',
    { schema: { tags: ['meetings'], querystring } },
    async (request): Promise<QualityFiguresDto> => {
      const actor = requireActor(request.actor);
      const root = await nodeOf(db, actor, request.query.org);
      const today = isoDateInVietnam(nowOf(deps));
      const readDb = await readDbOf(deps, request);
      return qualityFigures(readDb, root, request.query.month ?? today.slice(0, 7), today);
    },
  );
}

/** The committee’s overview: the module's routes as one Fastify plugin, registered by app.ts. */
export const overviewModule: FeatureModule = async (app, { deps }) => {
  overviewRoutes(app, deps);
};
