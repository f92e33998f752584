import { createAccountSchema, updateAccountSchema } from '@nennep/core';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps, FeatureModule } from '../../deps.ts';
import { narrowScopes, requireActor } from '../../http/access.ts';
import { forbidden } from '../../http/errors.ts';
import { assertCanRead } from '../orgs/policy.ts';
import { findOrg } from '../orgs/queries.ts';
import { createAccount, listAccounts, updateAccount } from './service.ts';

const tags = ['accounts'];

function accountRoutes(fastify: FastifyInstance, deps: Deps) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const { db } = deps.database;

  app.get(
    '/accounts',
    { schema: { tags, querystring: z.object({ org: z.string().trim().max(40).optional() }) } },
    async (request) => {
      const actor = requireActor(request.actor);
      const org = request.query.org ? assertCanRead(actor, await findOrg(db, request.query.org)) : null;
      const scopes = narrowScopes(actor, ['admin'], org?.path ?? null);
      if (scopes.length === 0) throw forbidden();
      return { items: await listAccounts(db, scopes) };
    },
  );

  app.post('/accounts', { schema: { tags, body: createAccountSchema } }, async (request, reply) => {
    const actor = requireActor(request.actor);
    const id = await createAccount(db, actor, request.body);
    reply.status(201);
    return { id };
  });

  app.patch(
    '/accounts/:id',
    {
      schema: {
        tags,
        params: z.object({ id: z.coerce.number().int().positive() }),
        body: updateAccountSchema,
      },
    },
    async (request) => {
      const actor = requireActor(request.actor);
      await updateAccount(db, actor, request.params.id, request.body);
      return { ok: true };
    },
  );
}

/** Accounts and their grants: the module's routes as one Fastify plugin, registered by app.ts. */
export const accountsModule: FeatureModule = async (app, { deps }) => {
  accountRoutes(app, deps);
};
