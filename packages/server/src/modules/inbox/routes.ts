import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { rows } from '../../db/client.ts';
import type { Deps, FeatureModule } from '../../deps.ts';
import { requireActor } from '../../http/access.ts';
import { inboxOf, markRead } from './service.ts';

const tags = ['inbox'];

/** The in-app inbox of the signed-in account, and a member's own tasks. */
function inboxRoutes(fastify: FastifyInstance, deps: Deps) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const { db } = deps.database;

  app.get('/inbox', { schema: { tags } }, async (request) => {
    const actor = requireActor(request.actor);
    const items = await inboxOf(db, actor.id);
    return { unread: items.filter((i) => !i.readAt).length, items };
  });

  app.post(
    '/inbox/:notificationId/read',
    { schema: { tags, params: z.object({ notificationId: z.coerce.number().int().positive() }) } },
    async (request) => {
      const actor = requireActor(request.actor);
      await markRead(db, actor, request.params.notificationId);
      return { ok: true };
    },
  );

  app.get('/me/tasks', { schema: { tags } }, async (request) => {
    const actor = requireActor(request.actor);
    if (!actor.memberId) return { items: [] };
    const items = await rows<{
      id: number;
      text: string;
      deadline: string | null;
      status: string;
      meetingId: number;
      meetingDate: string;
    }>(
      db,
      sql`SELECT t.id::int AS id, t.text, t.deadline::text AS deadline, t.status, m.id::int AS "meetingId",
            m.scheduled_date::text AS "meetingDate"
          FROM tasks t JOIN meetings m ON m.id = t.meeting_id
          WHERE t.member_id = ${actor.memberId} ORDER BY t.status = 'open' DESC, t.deadline NULLS LAST, t.id DESC`,
    );
    return { items };
  });
}

/**
 * The in-app inbox and a member’s own tasks: the module's routes as one Fastify plugin, registered by
 * app.ts.
 */
export const inboxModule: FeatureModule = async (app, { deps }) => {
  inboxRoutes(app, deps);
};
