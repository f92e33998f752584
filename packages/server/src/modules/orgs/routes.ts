import {
  createOrgSchema,
  dissolveOrgSchema,
  isoDateInVietnam,
  mergeOrgSchema,
  moveOrgSchema,
  type OrgDto,
  orgCodeSchema,
  renameOrgSchema,
  setOrgNamingSchema,
  splitOrgSchema,
} from '@nennep/core';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { type Deps, nowOf } from '../../app.ts';
import { type Actor, ANY_ROLE, requireActor, scopesOf } from '../../http/access.ts';
import { notFound } from '../../http/errors.ts';
import { createOrg, dissolveOrg, mergeOrg, moveOrg, renameOrg, splitOrg } from './commands.ts';
import { namingOf, setNaming } from './naming.ts';
import { assertCanRead, assertCanWrite, orgAbilities } from './policy.ts';
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

async function presentOrg(
  deps: Deps,
  actor: Actor,
  org: OrgRow,
): Promise<OrgDto & { ancestors: { code: string; name: string }[] }> {
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

export function orgRoutes(fastify: FastifyInstance, deps: Deps) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const { db } = deps.database;
  const today = () => isoDateInVietnam(nowOf(deps));
  const readable = async (actor: Actor, code: string) => assertCanRead(actor, await findOrg(db, code));
  const writable = async (actor: Actor, code: string) => {
    const org = await readable(actor, code);
    assertCanWrite(actor, org);
    return org;
  };

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
    const parent = await writable(actor, request.body.parentCode);
    const created = await db.transaction((tx) => createOrg(tx, actor, request.body, parent));
    reply.status(201);
    return presentOrg(deps, actor, created);
  });

  app.post(
    '/orgs/:code/rename',
    { schema: { tags, params: codeParams, body: renameOrgSchema } },
    async (request) => {
      const actor = requireActor(request.actor);
      const org = await writable(actor, request.params.code);
      await db.transaction((tx) => renameOrg(tx, actor, org, request.body.name, request.body.note));
      return presentOrg(deps, actor, await readable(actor, org.code));
    },
  );

  app.put(
    '/orgs/:code/naming',
    { schema: { tags, params: codeParams, body: setOrgNamingSchema } },
    async (request) => {
      const actor = requireActor(request.actor);
      const org = await writable(actor, request.params.code);
      const { note, ...words } = request.body;
      await db.transaction((tx) => setNaming(tx, actor, org, words, note));
      return presentOrg(deps, actor, await readable(actor, org.code));
    },
  );

  app.post(
    '/orgs/:code/move',
    { schema: { tags, params: codeParams, body: moveOrgSchema } },
    async (request) => {
      const actor = requireActor(request.actor);
      const org = await writable(actor, request.params.code);
      const parent = await writable(actor, request.body.parentCode);
      await db.transaction((tx) => moveOrg(tx, actor, org, parent, request.body.note));
      return presentOrg(deps, actor, await readable(actor, org.code));
    },
  );

  app.post(
    '/orgs/:code/merge',
    { schema: { tags, params: codeParams, body: mergeOrgSchema } },
    async (request) => {
      const actor = requireActor(request.actor);
      const org = await writable(actor, request.params.code);
      const into = await writable(actor, request.body.intoCode);
      await db.transaction((tx) => mergeOrg(tx, actor, org, into, nowOf(deps), request.body.note));
      return presentOrg(deps, actor, await readable(actor, into.code));
    },
  );

  app.post(
    '/orgs/:code/split',
    { schema: { tags, params: codeParams, body: splitOrgSchema } },
    async (request, reply) => {
      const actor = requireActor(request.actor);
      const org = await writable(actor, request.params.code);
      const parent = org.parentId ? await findOrgById(db, org.parentId) : null;
      if (!parent) throw notFound('org');
      assertCanWrite(actor, parent);
      const created = await db.transaction((tx) => splitOrg(tx, actor, org, parent, request.body, today()));
      reply.status(201);
      return presentOrg(deps, actor, created);
    },
  );

  app.post(
    '/orgs/:code/dissolve',
    { schema: { tags, params: codeParams, body: dissolveOrgSchema } },
    async (request) => {
      const actor = requireActor(request.actor);
      const org = await writable(actor, request.params.code);
      await db.transaction((tx) => dissolveOrg(tx, actor, org, nowOf(deps), request.body.note));
      return presentOrg(deps, actor, await readable(actor, org.code));
    },
  );
}
