import {
  committeeQuerySchema,
  coverageQuerySchema,
  createAssignmentSchema,
  createGroupSchema,
  isoDateInVietnam,
  issueSupervisionReportSchema,
  makePlanSchema,
  planQuerySchema,
  quarterlyReportQuerySchema,
  type SupervisionReportModel,
  updateGroupSchema,
} from '@nennep/core';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { type Deps, type FeatureModule, nowOf, readDbOf } from '../../deps.ts';
import { requireActor } from '../../http/access.ts';
import { renderSupervisionReportDocx, renderSupervisionReportXlsx } from '../documents/index.ts';
import { assertCanRead } from '../orgs/policy.ts';
import { findOrg } from '../orgs/queries.ts';
import {
  addAssignment,
  addWorkingGroup,
  changeWorkingGroup,
  finishAssignment,
  issueSupervisionReport,
  planVisits,
  publishVisitPlan,
} from './commands.ts';
import { coverageOf } from './coverage.ts';
import { listAssignments, listGroups } from './groups.ts';
import { periodFor } from './planner-input.ts';
import { presentPlan } from './plans.ts';
import { managedCommittee } from './policy.ts';
import { visitorPool } from './queries.ts';
import { issuedReport } from './report-issue.ts';
import { reportModel } from './report-model.ts';
import { supervisionVisitRoutes } from './routes-visits.ts';

const tags = ['supervision'];
const idParams = z.object({ id: z.coerce.number().int().positive() });

/** The committee's side of supervision: visitors, working groups, assignments, plans, coverage, report. */
function supervisionRoutes(fastify: FastifyInstance, deps: Deps) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const { db } = deps.database;
  const today = () => isoDateInVietnam(nowOf(deps));

  app.get(
    '/supervision/visitors',
    { schema: { tags, querystring: committeeQuerySchema } },
    async (request) => {
      const actor = requireActor(request.actor);
      const committee = await managedCommittee(db, actor, request.query.committee, 'committee');
      return { items: await visitorPool(db, committee.id, committee.path) };
    },
  );

  app.get('/supervision/groups', { schema: { tags, querystring: committeeQuerySchema } }, async (request) => {
    const actor = requireActor(request.actor);
    const committee = await managedCommittee(db, actor, request.query.committee, 'committee');
    return { items: await listGroups(db, committee) };
  });

  app.post('/supervision/groups', { schema: { tags, body: createGroupSchema } }, async (request, reply) => {
    const actor = requireActor(request.actor);
    const id = await addWorkingGroup(db, actor, request.body);
    reply.status(201);
    return { id };
  });

  app.patch(
    '/supervision/groups/:id',
    { schema: { tags, params: idParams, body: updateGroupSchema } },
    async (request) => {
      const actor = requireActor(request.actor);
      await changeWorkingGroup(db, actor, request.params.id, request.body);
      return { id: request.params.id };
    },
  );

  app.get(
    '/supervision/assignments',
    { schema: { tags, querystring: committeeQuerySchema } },
    async (request) => {
      const actor = requireActor(request.actor);
      const committee = await managedCommittee(db, actor, request.query.committee, 'committee');
      return { items: await listAssignments(db, committee) };
    },
  );

  app.post(
    '/supervision/assignments',
    { schema: { tags, body: createAssignmentSchema } },
    async (request, reply) => {
      const actor = requireActor(request.actor);
      const id = await addAssignment(db, actor, request.body);
      reply.status(201);
      return { id };
    },
  );

  app.delete(
    '/supervision/assignments/:id',
    { schema: { tags, params: idParams, querystring: committeeQuerySchema } },
    async (request) => {
      const actor = requireActor(request.actor);
      await finishAssignment(db, actor, request.query.committee, request.params.id, nowOf(deps));
      return { ended: true };
    },
  );

  app.get('/supervision/plans', { schema: { tags, querystring: planQuerySchema } }, async (request) => {
    const actor = requireActor(request.actor);
    const committee = await managedCommittee(db, actor, request.query.committee, 'committee');
    const { period, rules } = await periodFor(db, committee, request.query.period, 'period');
    return presentPlan(db, actor, committee, period, rules, today());
  });

  app.post('/supervision/plans', { schema: { tags, body: makePlanSchema } }, async (request) => {
    const actor = requireActor(request.actor);
    const { committeeCode, periodKey } = request.body;
    const committee = await planVisits(db, actor, committeeCode, periodKey, nowOf(deps));
    const { period, rules } = await periodFor(db, committee, request.body.periodKey);
    return presentPlan(db, actor, committee, period, rules, today());
  });

  app.post('/supervision/plans/:id/publish', { schema: { tags, params: idParams } }, async (request) => {
    const actor = requireActor(request.actor);
    const { committee, periodKey } = await publishVisitPlan(db, actor, request.params.id, nowOf(deps));
    const { period, rules } = await periodFor(db, committee, periodKey);
    return presentPlan(db, actor, committee, period, rules, today());
  });

  app.get(
    '/supervision/coverage',
    { schema: { tags, querystring: coverageQuerySchema } },
    async (request) => {
      const actor = requireActor(request.actor);
      const org = assertCanRead(actor, await findOrg(db, request.query.org));
      const committee = await managedCommittee(db, actor, org.code, 'org');
      const { period, rules } = await periodFor(db, committee, request.query.period, 'period');
      const issued = await issuedReport(db, committee.id, period.key);
      const report = issued
        ? { number: issued.number, issuedAt: issued.issuedAt.toISOString(), sha256: issued.sha256 }
        : null;
      // Coverage may come from the replica (DATABASE_READ_URL), up to this session's last write.
      const coverage = await coverageOf(await readDbOf(deps, request), committee, period, rules, today());
      return { ...coverage, report };
    },
  );

  app.post(
    '/supervision/report/issue',
    { schema: { tags, body: issueSupervisionReportSchema } },
    async (request) => {
      const actor = requireActor(request.actor);
      return issueSupervisionReport(db, actor, request.body, today());
    },
  );

  app.get(
    '/supervision/report',
    { schema: { tags, querystring: quarterlyReportQuerySchema } },
    async (request, reply) => {
      const actor = requireActor(request.actor);
      const committee = await managedCommittee(db, actor, request.query.committee, 'committee');
      const { period, rules } = await periodFor(db, committee, request.query.period, 'period');
      // Issued: the frozen model, the same bytes every time. Not yet: a draft with a blank number.
      const issued = await issuedReport(db, committee.id, period.key);
      const model = issued
        ? (issued.model as SupervisionReportModel)
        : await reportModel(db, actor, committee, period, rules, today());
      const docx = request.query.format === 'docx';
      // The DOCX issued is served as kept (a later change of layout never changes it).
      const bytes = docx
        ? (issued?.docx ?? (await renderSupervisionReportDocx(model)))
        : await renderSupervisionReportXlsx(model);
      const name = `bao-cao-du-sinh-hoat-${period.key}.${request.query.format}`;
      reply.header(
        'content-type',
        docx
          ? 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'
          : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      );
      reply.header('content-disposition', `attachment; filename="${name}"`);
      return bytes;
    },
  );
}

/**
 * Supervision: the committee’s side and the visits: the module's routes as one Fastify plugin, registered by
 * app.ts.
 */
export const supervisionModule: FeatureModule = async (app, { deps }) => {
  supervisionRoutes(app, deps);
  supervisionVisitRoutes(app, deps);
};
