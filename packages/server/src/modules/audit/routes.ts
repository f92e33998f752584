import type { AuditEventDto, AuditLogDto } from '@nennep/core';
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { rows } from '../../db/client.ts';
import type { Deps, FeatureModule } from '../../deps.ts';
import { narrowScopes, requireActor } from '../../http/access.ts';
import { forbidden } from '../../http/errors.ts';
import { assertCanRead } from '../orgs/policy.ts';
import { findOrg } from '../orgs/queries.ts';

const query = z.object({
  org: z.string().trim().max(40).optional(),
  page: z.coerce.number().int().min(1).max(100000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});

/** The audit log of an admin's subtree, newest first. */
function auditRoutes(fastify: FastifyInstance, deps: Deps) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const { db } = deps.database;
  app.get(
    '/audit',
    { schema: { tags: ['audit'], querystring: query } },
    async (request): Promise<AuditLogDto> => {
      const actor = requireActor(request.actor);
      const org = request.query.org ? assertCanRead(actor, await findOrg(db, request.query.org)) : null;
      const scopes = narrowScopes(actor, ['admin'], org?.path ?? null);
      if (scopes.length === 0) throw forbidden();
      const where = sql.join(
        scopes.map((s) => sql`org_path LIKE ${`${s}%`}`),
        sql` OR `,
      );
      const [count] = await rows<{ n: number }>(
        db,
        sql`SELECT count(*)::int AS n FROM audit_events WHERE ${where}`,
      );
      const items = await rows<Omit<AuditEventDto, 'at'> & { at: Date | string }>(
        db,
        sql`SELECT at, actor_name AS "actorName", action, entity_type AS "entityType", entity_id AS "entityId", detail
          FROM audit_events WHERE ${where} ORDER BY at DESC, id DESC
          LIMIT ${request.query.pageSize} OFFSET ${(request.query.page - 1) * request.query.pageSize}`,
      );
      return {
        total: count?.n ?? 0,
        page: request.query.page,
        items: items.map((item) => ({ ...item, at: new Date(item.at).toISOString() })),
      };
    },
  );
}

/** The audit trail: the module's routes as one Fastify plugin, registered by app.ts. */
export const auditModule: FeatureModule = async (app, { deps }) => {
  auditRoutes(app, deps);
};
