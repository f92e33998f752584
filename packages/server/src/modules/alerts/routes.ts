import { isoDateInVietnam, isoDateSchema } from '@nennep/core';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { type Deps, type FeatureModule, nowOf } from '../../deps.ts';
import { requireActor, scopesOf } from '../../http/access.ts';
import { forbidden } from '../../http/errors.ts';
import { runAlertsFor } from './run.ts';

const tags = ['alerts'];

/** Raising the alerts on demand: an admin runs them over the subtrees it administers. */
function alertRoutes(fastify: FastifyInstance, deps: Deps) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const { db } = deps.database;

  app.post(
    '/alerts/run',
    { schema: { tags, body: z.object({ date: isoDateSchema.optional() }).optional() } },
    async (request) => {
      const actor = requireActor(request.actor);
      const scopes = scopesOf(actor, ['admin']);
      if (scopes.length === 0) throw forbidden();
      const today = request.body?.date ?? isoDateInVietnam(nowOf(deps));
      const total = await runAlertsFor(db, actor, scopes, today);
      return { date: today, ...total };
    },
  );
}

/** Alerts raised on demand: the module's routes as one Fastify plugin, registered by app.ts. */
export const alertsModule: FeatureModule = async (app, { deps }) => {
  alertRoutes(app, deps);
};
