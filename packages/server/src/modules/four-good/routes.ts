import {
  CELL_KINDS,
  type FourGoodListDto,
  fourGoodAssessSchema,
  fourGoodQuerySchema,
  fourGoodRegisterSchema,
  fourGoodResultSchema,
  fourGoodWithdrawSchema,
  isoDateInVietnam,
} from '@nennep/core';
import { sql } from 'drizzle-orm';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Db } from '../../db/client.ts';
import { type FeatureModule, nowOf, readDbOf } from '../../deps.ts';
import { type Actor, narrowScopes, requireActor } from '../../http/access.ts';
import { forbidden, notFound } from '../../http/errors.ts';
import { assertCanRead } from '../orgs/policy.ts';
import { findOrg } from '../orgs/queries.ts';
import { assess, recordResult, register, withdraw } from './commands.ts';
import { FOUR_GOOD_READERS, mayRegister } from './policy.ts';
import { presentAll } from './queries.ts';

const tags = ['four-good'];

/** One cell's registration for a year, as the commands answer it. */
async function presentOne(db: Db, actor: Actor, code: string, year: number, now: Date) {
  const [item] = await presentAll(db, actor, sql`o.code = ${code} AND g.year = ${year}`, year, now);
  if (!item) throw notFound('org');
  return item;
}

/** "Chi bộ bốn tốt" (issue 15 point 6): the registrations of a subtree with their criteria, and the commands. */
export const fourGoodModule: FeatureModule = async (fastify, { deps }) => {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const { db } = deps.database;

  app.get('/four-good', { schema: { tags, querystring: fourGoodQuerySchema } }, async (request) => {
    const actor = requireActor(request.actor);
    const { year } = request.query;
    const org = assertCanRead(actor, await findOrg(db, request.query.org));
    // Staff of the subtree (a secretary his or her cell only); a member gets 403.
    const scopes = narrowScopes(actor, FOUR_GOOD_READERS, org.path);
    if (scopes.length === 0) throw forbidden();
    const inScope = sql.join(
      scopes.map((s) => sql`g.org_path LIKE ${`${s}%`}`),
      sql` OR `,
    );
    const now = nowOf(deps);
    const readDb = await readDbOf(deps, request);
    const items = await presentAll(
      readDb,
      actor,
      sql`g.year = ${year} AND (${inScope})`,
      year,
      now,
      org.path,
    );
    const isCell = (CELL_KINDS as readonly string[]).includes(org.kind) && org.kind !== 'party_group';
    const answer: FourGoodListDto = {
      year,
      items,
      canRegister:
        isCell &&
        org.status === 'active' &&
        mayRegister(actor, org.path) &&
        year >= Number(isoDateInVietnam(now).slice(0, 4)) &&
        !items.some((i) => i.org.code === org.code),
    };
    return answer;
  });

  app.post('/four-good/register', { schema: { tags, body: fourGoodRegisterSchema } }, async (request) => {
    const actor = requireActor(request.actor);
    const now = nowOf(deps);
    const code = await register(db, actor, request.body, now);
    return presentOne(db, actor, code, request.body.year, now);
  });

  app.post('/four-good/withdraw', { schema: { tags, body: fourGoodWithdrawSchema } }, async (request) => {
    const actor = requireActor(request.actor);
    const now = nowOf(deps);
    const code = await withdraw(db, actor, request.body, now);
    return presentOne(db, actor, code, request.body.year, now);
  });

  app.post('/four-good/assess', { schema: { tags, body: fourGoodAssessSchema } }, async (request) => {
    const actor = requireActor(request.actor);
    const now = nowOf(deps);
    const code = await assess(db, actor, request.body, now);
    return presentOne(db, actor, code, request.body.year, now);
  });

  app.post('/four-good/result', { schema: { tags, body: fourGoodResultSchema } }, async (request) => {
    const actor = requireActor(request.actor);
    const now = nowOf(deps);
    const code = await recordResult(db, actor, request.body, now);
    return presentOne(db, actor, code, request.body.year, now);
  });
};
