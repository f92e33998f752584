import {
  createOrgSchema,
  dissolveOrgSchema,
  isoDateInVietnam,
  mergeOrgSchema,
  moveOrgSchema,
  type OrgDetailDto,
  type OrgDto,
  orgCodeSchema,
  renameOrgSchema,
  setOrgNamingSchema,
  splitOrgSchema,
} from '@nennep/core';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { type Deps, type FeatureModule, nowOf } from '../../deps.ts';
import { type Actor, ANY_ROLE, requireActor, scopesOf } from '../../http/access.ts';
import { createOrg, dissolveOrg, mergeOrg, moveOrg, renameOrg, splitOrg } from './commands.ts';
import { namingOf, setNaming } from './naming.ts';
import { assertCanRead, orgAbilities } from './policy.ts';
import {
  ancestorsOf,
  findOrg,
  findOrgById,
  type OrgRow,
  orgHistory,
  orgStats,
  searchOrgs,
  treeChildren,
  treeRoots,
} from './queries.ts';

const codeParams = z.object({ code: orgCodeSchema });
const tags = ['orgs'];

async function presentOrg(deps: Deps, actor: Actor, org: OrgRow): Promise<OrgDetailDto> {
  const { db } = deps.database;
  const parent = org.parentId ? await findOrgById(db, org.parentId) : null;
  const [childCount] = await deps.database.raw.query<{ n: number }>(
    "SELECT count(*)::int AS n FROM orgs WHERE parent_id = $1 AND status = 'active'",
    [org.id],
  );
  return {
    id: org.id,
    code: org.code,
    name: org.name,
    kind: org.kind as OrgDto['kind'],
    category: org.category as OrgDto['category'],
    parentCode: parent?.code ?? null,
    path: org.path,
    depth: org.depth,
    status: org.status as OrgDto['status'],
    childCount: childCount?.n ?? 0,
    naming: await namingOf(db, org),
    abilities: orgAbilities(actor, org),
    ancestors: await ancestorsOf(db, org, scopesOf(actor, ANY_ROLE)),
  };
}

function orgRoutes(fastify: FastifyInstance, deps: Deps) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const { db } = deps.database;
  const today = () => isoDateInVietnam(nowOf(deps));
  const readable = async (actor: Actor, code: string) => assertCanRead(actor, await findOrg(db, code));

  app.get(
    '/orgs/tree',
    {
      schema: {
        tags,
        querystring: z.object({
          parent: orgCodeSchema.optional(),
          ended: z.enum(['true', 'false']).optional(),
        }),
      },
    },
    async (request) => {
      const actor = requireActor(request.actor);
      if (!request.query.parent) return { roots: await treeRoots(db, scopesOf(actor, ANY_ROLE)) };
      const parent = await readable(actor, request.query.parent);
      return { children: await treeChildren(db, parent.id, request.query.ended === 'true') };
    },
  );

  app.get(
    '/orgs/search',
    { schema: { tags, querystring: z.object({ q: z.string().trim().max(100).default('') }) } },
    async (request) => {
      const actor = requireActor(request.actor);
      return { items: await searchOrgs(db, scopesOf(actor, ANY_ROLE), request.query.q) };
    },
  );

  app.get('/orgs/:code', { schema: { tags, params: codeParams } }, async (request) => {
    const actor = requireActor(request.actor);
    return presentOrg(deps, actor, await readable(actor, request.params.code));
  });

  app.get('/orgs/:code/stats', { schema: { tags, params: codeParams } }, async (request) => {
    const actor = requireActor(request.actor);
    const org = await readable(actor, request.params.code);
    return orgStats(db, org.path, today());
  });

  app.get('/orgs/:code/history', { schema: { tags, params: codeParams } }, async (request) => {
    const actor = requireActor(request.actor);
    const org = await readable(actor, request.params.code);
    const items = await orgHistory(db, org.id);
    return { items: items.map((i) => ({ kind: i.kind, at: i.at, data: i.data, actorName: i.actor_name })) };
  });

  app.post('/orgs', { schema: { tags, body: createOrgSchema } }, async (request, reply) => {
    const actor = requireActor(request.actor);
    const created = await createOrg(db, actor, request.body);
    reply.status(201);
    return presentOrg(deps, actor, created);
  });

  app.post(
    '/orgs/:code/rename',
    { schema: { tags, params: codeParams, body: renameOrgSchema } },
    async (request) => {
      const actor = requireActor(request.actor);
      await renameOrg(db, actor, request.params.code, request.body.name, request.body.note);
      return presentOrg(deps, actor, await readable(actor, request.params.code));
    },
  );

  app.put(
    '/orgs/:code/naming',
    { schema: { tags, params: codeParams, body: setOrgNamingSchema } },
    async (request) => {
      const actor = requireActor(request.actor);
      const { note, ...words } = request.body;
      await setNaming(db, actor, request.params.code, words, note);
      return presentOrg(deps, actor, await readable(actor, request.params.code));
    },
  );

  app.post(
    '/orgs/:code/move',
    { schema: { tags, params: codeParams, body: moveOrgSchema } },
    async (request) => {
      const actor = requireActor(request.actor);
      await moveOrg(db, actor, request.params.code, request.body);
      return presentOrg(deps, actor, await readable(actor, request.params.code));
    },
  );

  app.post(
    '/orgs/:code/merge',
    { schema: { tags, params: codeParams, body: mergeOrgSchema } },
    async (request) => {
      const actor = requireActor(request.actor);
      await mergeOrg(db, actor, request.params.code, request.body, nowOf(deps));
      return presentOrg(deps, actor, await readable(actor, request.body.intoCode));
    },
  );

  app.post(
    '/orgs/:code/split',
    { schema: { tags, params: codeParams, body: splitOrgSchema } },
    async (request, reply) => {
      const actor = requireActor(request.actor);
      const created = await splitOrg(db, actor, request.params.code, request.body, today());
      reply.status(201);
      return presentOrg(deps, actor, created);
    },
  );

  app.post(
    '/orgs/:code/dissolve',
    { schema: { tags, params: codeParams, body: dissolveOrgSchema } },
    async (request) => {
      const actor = requireActor(request.actor);
      await dissolveOrg(db, actor, request.params.code, nowOf(deps), request.body.note);
      return presentOrg(deps, actor, await readable(actor, request.params.code));
    },
  );
}

/**
 * The organisation tree: read, created, renamed, moved, merged, split, dissolved: the module's routes as one
 * Fastify plugin, registered by app.ts.
 */
export const orgsModule: FeatureModule = async (app, { deps }) => {
  orgRoutes(app, deps);
};
