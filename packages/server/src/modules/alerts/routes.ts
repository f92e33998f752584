import { ALERT_KINDS, isoDateInVietnam, isoDateSchema } from '@nennep/core';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { type Deps, nowOf } from '../../app.ts';
import { requireActor, scopesOf } from '../../http/access.ts';
import { audit } from '../../http/audit.ts';
import { forbidden } from '../../http/errors.ts';
import { type AlertRun, runAlerts } from './service.ts';

const tags = ['alerts'];

/** Adds one scope's run to the total. */
export function addRuns(total: AlertRun, run: AlertRun): AlertRun {
  const byKind = { ...total.byKind };
  for (const [kind, n] of Object.entries(run.byKind) as [keyof AlertRun['byKind'], number][])
    byKind[kind] += n;
  return { raised: total.raised + run.raised, notified: total.notified + run.notified, byKind };
}

/** Raising the alerts on demand: an admin runs them over the subtrees it administers. */
export function alertRoutes(fastify: FastifyInstance, deps: Deps) {
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
      const total = await db.transaction(async (tx) => {
        let sum: AlertRun = {
          raised: 0,
          notified: 0,
          byKind: Object.fromEntries(ALERT_KINDS.map((k) => [k, 0])) as AlertRun['byKind'],
        };
        // One run and one audit event per administered subtree, so each subtree's log shows its own counts.
        for (const scope of scopes) {
          const run = await runAlerts(tx, today, [scope]);
          await audit(tx, actor, {
            action: 'alerts.run',
            entityType: 'alerts',
            entityId: today,
            orgPath: scope,
            detail: { date: today, raised: run.raised, notified: run.notified, byKind: run.byKind },
          });
          sum = addRuns(sum, run);
        }
        return sum;
      });
      return { date: today, ...total };
    },
  );
}
