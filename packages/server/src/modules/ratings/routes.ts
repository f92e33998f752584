import {
  decideRatingSchema,
  isoDateInVietnam,
  notRatedSchema,
  proposeRatingSchema,
  type RatingDeadlineDto,
  type RatingListDto,
  type RatingPeriod,
  ratingDeadline,
  ratingListQuerySchema,
  ratingPeriodEnd,
  ratingSuggestedQuerySchema,
  ratingSummaryQuerySchema,
  selfAssessSchema,
} from '@nennep/core';
import { type SQL, sql } from 'drizzle-orm';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Db } from '../../db/client.ts';
import { type FeatureModule, nowOf, readDbOf } from '../../deps.ts';
import { type Actor, assertCan, narrowScopes, requireActor } from '../../http/access.ts';
import { forbidden, notFound } from '../../http/errors.ts';
import { assertCanRead } from '../orgs/policy.ts';
import { findOrg } from '../orgs/queries.ts';
import { ratingsByCommune } from './by-commune.ts';
import { decide, propose, selfAssess, setNotRated } from './commands.ts';
import { ratingImportRoutes } from './import-routes.ts';
import { RATING_READERS } from './policy.ts';
import { presentRating, ratingRows, ratingRulesAt } from './queries.ts';
import { ratingQuotaRoutes } from './quota-route.ts';
import { ratingReportRoutes } from './report-routes.ts';
import { suggestRating } from './suggest.ts';
import { ratingSummary } from './summary.ts';

const tags = ['ratings'];
/** The most a list answers at once; `total` says how many matched. */
const LIST_LIMIT = 2000;

/**
 * Which rows of a subtree the actor sees: staff (admin, committee, a cell's secretary) those inside their
 * scopes; a member only his or her own (domain.md §10).
 */
function visibleWhere(actor: Actor, orgPath: string): SQL {
  const scopes = narrowScopes(actor, RATING_READERS, orgPath);
  const parts = scopes.map((s) => sql`r.org_path LIKE ${`${s}%`}`);
  if (actor.memberId) {
    parts.push(
      sql`(r.subject = 'member' AND r.subject_id = ${actor.memberId} AND r.org_path LIKE ${`${orgPath}%`})`,
    );
  }
  if (parts.length === 0) throw forbidden();
  return sql`(${sql.join(parts, sql` OR `)})`;
}

/**
 * The period's deadline by the rules in force for the organisation at the period's end (HD 43-HD/BTCTW, the
 * dates marked `verify`), and whether today in Vietnam is past it.
 */
async function deadlineOf(
  db: Db,
  path: string,
  year: number,
  period: RatingPeriod,
  now: Date,
): Promise<RatingDeadlineDto> {
  const rules = await ratingRulesAt(db, path, ratingPeriodEnd(year, period));
  const deadline = ratingDeadline(rules, year, period);
  // ISO dates compare as strings.
  return { deadline, overdue: isoDateInVietnam(now) > deadline };
}

async function presentOne(db: Db, actor: Actor, id: number) {
  const [row] = await ratingRows(db, sql`r.id = ${id}`, 1);
  if (!row) throw notFound('rating');
  return presentRating(actor, row);
}

/** The year's review (issue 15): the steps, the list of a subtree, the summary. */
export const ratingsModule: FeatureModule = async (fastify, { deps }) => {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const { db } = deps.database;
  ratingImportRoutes(fastify, deps);
  ratingReportRoutes(fastify, deps);
  ratingQuotaRoutes(fastify, deps);

  app.get(
    '/ratings/suggested',
    { schema: { tags, querystring: ratingSuggestedQuerySchema } },
    async (request) => {
      const actor = requireActor(request.actor);
      return suggestRating(await readDbOf(deps, request), actor, request.query, nowOf(deps));
    },
  );

  app.get('/ratings', { schema: { tags, querystring: ratingListQuerySchema } }, async (request) => {
    const actor = requireActor(request.actor);
    const q = request.query;
    const org = assertCanRead(actor, await findOrg(db, q.org));
    const where: SQL[] = [visibleWhere(actor, org.path), sql`r.year = ${q.year}`];
    if (q.period) where.push(sql`r.period = ${q.period}`);
    if (q.subject) where.push(sql`r.subject = ${q.subject}`);
    const filter = sql.join(where, sql` AND `);
    const readDb = await readDbOf(deps, request);
    const list = await ratingRows(readDb, filter, LIST_LIMIT + 1);
    const answer: RatingListDto = {
      items: list.slice(0, LIST_LIMIT).map((r) => presentRating(actor, r)),
      total: list.length,
      limit: LIST_LIMIT,
      ...(await deadlineOf(readDb, org.path, q.year, q.period ?? 'year', nowOf(deps))),
    };
    return answer;
  });

  app.get(
    '/ratings/summary',
    { schema: { tags, querystring: ratingSummaryQuerySchema } },
    async (request) => {
      const actor = requireActor(request.actor);
      const org = assertCanRead(actor, await findOrg(db, request.query.org));
      assertCan(actor, RATING_READERS, org.path);
      const readDb = await readDbOf(deps, request);
      const { year, period } = request.query;
      const summary = await ratingSummary(readDb, org, year, period);
      return { ...summary, ...(await deadlineOf(readDb, org.path, year, period, nowOf(deps))) };
    },
  );

  // The dashboard per unit (issue 15 point 5): readers as for the summary.
  app.get(
    '/ratings/by-commune',
    { schema: { tags, querystring: ratingSummaryQuerySchema } },
    async (request) => {
      const actor = requireActor(request.actor);
      const org = assertCanRead(actor, await findOrg(db, request.query.org));
      assertCan(actor, RATING_READERS, org.path);
      const readDb = await readDbOf(deps, request);
      return ratingsByCommune(readDb, org, request.query.year, request.query.period);
    },
  );

  app.post('/ratings/self-assess', { schema: { tags, body: selfAssessSchema } }, async (request) => {
    const actor = requireActor(request.actor);
    const id = await selfAssess(db, actor, request.body, nowOf(deps));
    return presentOne(db, actor, id);
  });

  app.post('/ratings/propose', { schema: { tags, body: proposeRatingSchema } }, async (request) => {
    const actor = requireActor(request.actor);
    const id = await propose(db, actor, request.body, nowOf(deps));
    return presentOne(db, actor, id);
  });

  app.post('/ratings/decide', { schema: { tags, body: decideRatingSchema } }, async (request) => {
    const actor = requireActor(request.actor);
    const id = await decide(db, actor, request.body, nowOf(deps));
    return presentOne(db, actor, id);
  });

  app.post('/ratings/not-rated', { schema: { tags, body: notRatedSchema } }, async (request) => {
    const actor = requireActor(request.actor);
    const id = await setNotRated(db, actor, request.body, nowOf(deps));
    return presentOne(db, actor, id);
  });
};
