import {
  addVisitSchema,
  availabilitySchema,
  checkInSchema,
  isoDateInVietnam,
  updateVisitSchema,
  visitAddendumSchema,
  visitReportSchema,
  visitsQuerySchema,
} from '@nennep/core';
import { eq, sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { visitorUnavailability } from '../../db/schema/index.ts';
import { type Deps, nowOf } from '../../deps.ts';
import { type Actor, requireActor } from '../../http/access.ts';
import { invalidField, notFound } from '../../http/errors.ts';
import { periodFor } from './planner-input.ts';
import { assertCanSeeVisit, managedCommittee } from './policy.ts';
import { findVisit, presentVisit, type VisitRow, visitRows } from './queries.ts';
import {
  addVisitAddendum,
  addVisitByHand,
  changeVisit,
  checkInVisit,
  fileVisitReport,
  setAvailability,
} from './visit-commands.ts';
import { VISITOR_GRACE_DAYS } from './visitor-scope.ts';
import { rulesOfVisit, visitDetail } from './visits.ts';

const tags = ['supervision'];
const idParams = z.object({ id: z.coerce.number().int().positive() });

/** The visitor's side (phone first) and the committee's hand edits of single visits. */
export function supervisionVisitRoutes(fastify: FastifyInstance, deps: Deps) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const { db } = deps.database;
  const today = () => isoDateInVietnam(nowOf(deps));
  const visible = async (actor: Actor, id: number) => assertCanSeeVisit(actor, await findVisit(db, id));
  /** The visit as it is after a command. */
  const fresh = async (id: number) => {
    const visit = await findVisit(db, id);
    if (!visit) throw notFound('visit');
    return visit;
  };
  const present = async (actor: Actor, visit: VisitRow) =>
    presentVisit(actor, visit, today(), (await rulesOfVisit(db, visit)).reportDueDays);

  app.get('/supervision/visits', { schema: { tags, querystring: visitsQuerySchema } }, async (request) => {
    const actor = requireActor(request.actor);
    const { committee: code, period: key, mine } = request.query;
    let list: VisitRow[];
    if (mine === 'true' || !code) {
      const since = sql`(v.status IN ('planned', 'checked_in') OR v.scheduled_date >= ${today()}::date - ${VISITOR_GRACE_DAYS}::int)`;
      list = await visitRows(
        db,
        sql`v.account_id = ${actor.id} AND p.status = 'published' AND v.status <> 'cancelled' AND ${
          key ? sql`v.period_key = ${key}` : since
        }`,
      );
    } else {
      const committee = await managedCommittee(db, actor, code, 'committee');
      if (!key) {
        throw invalidField('period', {
          vi: 'Hãy chọn kỳ (ví dụ 2027-Q1).',
          en: 'Choose a period (e.g. 2027-Q1).',
        });
      }
      const { period } = await periodFor(db, committee, key, 'period');
      list = await visitRows(db, sql`v.committee_org_id = ${committee.id} AND v.period_key = ${period.key}`);
    }
    return { items: await Promise.all(list.map((v) => present(actor, v))) };
  });

  app.get('/supervision/visits/:id', { schema: { tags, params: idParams } }, async (request) => {
    const actor = requireActor(request.actor);
    const visit = await visible(actor, request.params.id);
    return visitDetail(db, actor, visit, today(), nowOf(deps));
  });

  app.post('/supervision/visits', { schema: { tags, body: addVisitSchema } }, async (request, reply) => {
    const actor = requireActor(request.actor);
    const id = await addVisitByHand(db, actor, request.body);
    reply.status(201);
    return present(actor, await fresh(id));
  });

  app.patch(
    '/supervision/visits/:id',
    { schema: { tags, params: idParams, body: updateVisitSchema } },
    async (request) => {
      const actor = requireActor(request.actor);
      await changeVisit(db, actor, request.params.id, request.body);
      return present(actor, await fresh(request.params.id));
    },
  );

  app.post(
    '/supervision/visits/:id/check-in',
    { schema: { tags, params: idParams, body: checkInSchema } },
    async (request) => {
      const actor = requireActor(request.actor);
      const at = request.body.at ? new Date(request.body.at) : nowOf(deps);
      await checkInVisit(db, actor, request.params.id, today(), at);
      return present(actor, await fresh(request.params.id));
    },
  );

  app.put(
    '/supervision/visits/:id/report',
    { schema: { tags, params: idParams, body: visitReportSchema } },
    async (request) => {
      const actor = requireActor(request.actor);
      await fileVisitReport(db, actor, request.params.id, request.body, today());
      return visitDetail(db, actor, await fresh(request.params.id), today(), nowOf(deps));
    },
  );

  app.post(
    '/supervision/visits/:id/addenda',
    { schema: { tags, params: idParams, body: visitAddendumSchema } },
    async (request, reply) => {
      const actor = requireActor(request.actor);
      const visit = await addVisitAddendum(db, actor, request.params.id, request.body.text);
      reply.status(201);
      return visitDetail(db, actor, visit, today(), nowOf(deps));
    },
  );

  app.get('/supervision/availability', { schema: { tags } }, async (request) => {
    const actor = requireActor(request.actor);
    const days = await db
      .select({ day: visitorUnavailability.day })
      .from(visitorUnavailability)
      .where(eq(visitorUnavailability.accountId, actor.id))
      .orderBy(visitorUnavailability.day);
    return { unavailableDates: days.map((d) => d.day) };
  });

  app.put('/supervision/availability', { schema: { tags, body: availabilitySchema } }, async (request) => {
    const actor = requireActor(request.actor);
    const dates = [...new Set(request.body.unavailableDates)].sort();
    await setAvailability(db, actor, dates);
    return { unavailableDates: dates };
  });
}
