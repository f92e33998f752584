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
import { eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { type Deps, nowOf } from '../../app.ts';
import { visitPlans } from '../../db/schema/index.ts';
import { requireActor } from '../../http/access.ts';
import { notFound } from '../../http/errors.ts';
import { renderSupervisionReportDocx, renderSupervisionReportXlsx } from '../documents/index.ts';
import { assertCanRead } from '../orgs/policy.ts';
import { findOrg, findOrgById } from '../orgs/queries.ts';
import { coverageOf } from './coverage.ts';
import {
  createAssignment,
  createGroup,
  endAssignment,
  findGroup,
  listAssignments,
  listGroups,
  updateGroup,
} from './groups.ts';
import { periodFor } from './planner-input.ts';
import { findPlan, makePlan, presentPlan, publishPlan } from './plans.ts';
import { managedCommittee } from './policy.ts';
import { visitorPool } from './queries.ts';
import { issuedReport, issueReport } from './report-issue.ts';
import { reportModel } from './report-model.ts';

const tags = ['supervision'];
const idParams = z.object({ id: z.coerce.number().int().positive() });

/** The committee's side of supervision: visitors, working groups, assignments, plans, coverage, report. */
export function supervisionRoutes(fastify: FastifyInstance, deps: Deps) {
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
    const committee = await managedCommittee(db, actor, request.body.committeeCode);
    const id = await db.transaction((tx) => createGroup(tx, actor, committee, request.body));
    reply.status(201);
    return { id };
  });

  app.patch(
    '/supervision/groups/:id',
    { schema: { tags, params: idParams, body: updateGroupSchema } },
    async (request) => {
      const actor = requireActor(request.actor);
      const group = await findGroup(db, request.params.id);
      const committee = group ? await findOrgById(db, group.committeeOrgId) : null;
      if (!group || !committee) throw notFound('working_group');
      const managed = await managedCommittee(db, actor, committee.code).catch(() => {
        throw notFound('working_group');
      });
      await db.transaction((tx) => updateGroup(tx, actor, managed, group.id, request.body));
      return { id: group.id };
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
      const committee = await managedCommittee(db, actor, request.body.committeeCode);
      const id = await db.transaction((tx) => createAssignment(tx, actor, committee, request.body));
      reply.status(201);
      return { id };
    },
  );

  app.delete(
    '/supervision/assignments/:id',
    { schema: { tags, params: idParams, querystring: committeeQuerySchema } },
    async (request) => {
      const actor = requireActor(request.actor);
      const committee = await managedCommittee(db, actor, request.query.committee, 'committee');
      await db.transaction((tx) => endAssignment(tx, actor, committee, request.params.id, nowOf(deps)));
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
    const committee = await managedCommittee(db, actor, request.body.committeeCode);
    await db.transaction((tx) => makePlan(tx, actor, committee, request.body.periodKey, nowOf(deps)));
    const { period, rules } = await periodFor(db, committee, request.body.periodKey);
    return presentPlan(db, actor, committee, period, rules, today());
  });

  app.post('/supervision/plans/:id/publish', { schema: { tags, params: idParams } }, async (request) => {
    const actor = requireActor(request.actor);
    const [row] = await db.select().from(visitPlans).where(eq(visitPlans.id, request.params.id));
    const owner = row ? await findOrgById(db, row.committeeOrgId) : null;
    if (!row || !owner) throw notFound('visit_plan');
    const committee = await managedCommittee(db, actor, owner.code).catch(() => {
      throw notFound('visit_plan');
    });
    const plan = await findPlan(db, committee.id, row.periodKey);
    if (!plan) throw notFound('visit_plan');
    await db.transaction((tx) => publishPlan(tx, actor, committee, plan, nowOf(deps)));
    const { period, rules } = await periodFor(db, committee, plan.periodKey);
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
      return { ...(await coverageOf(db, committee, period, rules, today())), report };
    },
  );

  app.post(
    '/supervision/report/issue',
    { schema: { tags, body: issueSupervisionReportSchema } },
    async (request) => {
      const actor = requireActor(request.actor);
      const { committeeCode, periodKey, signerTitle, signerName } = request.body;
      const committee = await managedCommittee(db, actor, committeeCode);
      const { period, rules } = await periodFor(db, committee, periodKey);
      const signer = { title: signerTitle ?? undefined, name: signerName ?? undefined };
      return db.transaction((tx) => issueReport(tx, actor, committee, period, rules, today(), signer));
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
