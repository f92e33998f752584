import { type HomeDto, isoDateInVietnam } from '@nennep/core';
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { rows } from '../../db/client.ts';
import { type Deps, type FeatureModule, nowOf } from '../../deps.ts';
import { requireActor } from '../../http/access.ts';
import { committeeHome } from './committee.ts';
import { memberHome } from './member.ts';
import { secretaryHome } from './secretary.ts';

/** A phone's page is short: the first few of each kind of organisation the account answers for. */
const MAX_CELLS = 5;
const MAX_COMMITTEES = 3;

/**
 * `GET /api/home`: the next job of each role the account holds — the cells it runs (secretary), its own
 * cell (member), the committees it sits on (commune or province). Visitors' visits have their own list.
 */
function homeRoutes(fastify: FastifyInstance, deps: Deps) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const { db } = deps.database;

  app.get('/home', { schema: { tags: ['home'] } }, async (request): Promise<HomeDto> => {
    const actor = requireActor(request.actor);
    const now = nowOf(deps);
    const today = isoDateInVietnam(now);
    const granted = actor.grants.filter((g) => g.role !== 'visitor' && g.role !== 'member');
    const ids = [...new Set(granted.map((g) => g.orgId))];
    const orgs = ids.length
      ? await rows<{ id: number; code: string; name: string; path: string; kind: string }>(
          db,
          sql`SELECT id::int AS id, code, name, path, kind FROM orgs WHERE status = 'active' AND id IN (${sql.join(
            ids.map((id) => sql`${id}`),
            sql`, `,
          )}) ORDER BY sort_key, id`,
        )
      : [];
    const isCell = (kind: string) => kind === 'cell' || kind === 'grassroots_cell';
    const runs = (orgId: number) =>
      granted.some((g) => g.orgId === orgId && (g.role === 'cell_secretary' || g.role === 'admin'));
    const secretary = [];
    for (const cell of orgs.filter((o) => isCell(o.kind) && runs(o.id)).slice(0, MAX_CELLS))
      secretary.push(await secretaryHome(db, cell, today));
    const committees = [];
    for (const org of orgs.filter((o) => !isCell(o.kind)).slice(0, MAX_COMMITTEES))
      committees.push(await committeeHome(db, org, today));
    const [own] = actor.memberId
      ? await rows<{ id: number; orgId: number; orgCode: string; orgName: string }>(
          db,
          sql`SELECT m.id::int AS id, o.id::int AS "orgId", o.code AS "orgCode", o.name AS "orgName"
              FROM members m JOIN orgs o ON o.id = m.org_id
              WHERE m.id = ${actor.memberId} AND m.status IN ('official', 'probationary')`,
        )
      : [];
    return {
      today,
      secretary,
      member: own ? await memberHome(db, own, today, now) : null,
      committees,
    };
  });
}

/** The home page of each role: the module's routes as one Fastify plugin, registered by app.ts. */
export const homeModule: FeatureModule = async (app, { deps }) => {
  homeRoutes(app, deps);
};
