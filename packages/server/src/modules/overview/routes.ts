import { isoDateInVietnam, orgCodeSchema } from '@nennep/core';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { type Deps, type FeatureModule, nowOf } from '../../deps.ts';
import { requireActor } from '../../http/access.ts';
import { forbidden } from '../../http/errors.ts';
import { findOrg, findOrgById } from '../orgs/queries.ts';
import { assertCanOverview, meetingsOverview, OVERVIEW_READERS } from './service.ts';

const querystring = z.object({
  org: orgCodeSchema.optional(),
  month: z
    .string()
    .regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'YYYY-MM')
    .optional(),
});

/** The committee's monthly view of its cells' meetings. */
function overviewRoutes(fastify: FastifyInstance, deps: Deps) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const { db } = deps.database;

  app.get('/meetings-overview', { schema: { tags: ['meetings'], querystring } }, async (request) => {
    const actor = requireActor(request.actor);
    let org = request.query.org ? await findOrg(db, request.query.org) : null;
    if (!request.query.org) {
      // Without ?org= the view opens on the first subtree the actor follows as admin or committee member.
      const grant = actor.grants.find((g) => OVERVIEW_READERS.includes(g.role));
      if (!grant) throw forbidden();
      org = await findOrgById(db, grant.orgId);
    }
    const root = assertCanOverview(actor, org);
    const today = isoDateInVietnam(nowOf(deps));
    const overview = await meetingsOverview(db, root, request.query.month ?? today.slice(0, 7), today);
    return { org: { code: root.code, name: root.name }, ...overview };
  });
}

/** The committee’s overview: the module's routes as one Fastify plugin, registered by app.ts. */
export const overviewModule: FeatureModule = async (app, { deps }) => {
  overviewRoutes(app, deps);
};
