import {
  type CommitteeReportModel,
  isoDateInVietnam,
  issueReportSchema,
  type ReportStatusDto,
  type ReportStatusLine,
  reportDocumentQuerySchema,
  reportQuerySchema,
  reportStatusQuerySchema,
  saveReportWordsSchema,
} from '@nennep/core';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { type Deps, type FeatureModule, nowOf } from '../../deps.ts';
import { requireActor } from '../../http/access.ts';
import { renderCommitteeReportDocx, renderCommitteeReportXlsx } from '../documents/index.ts';
import { issueCommitteeReport, saveReportWords } from './commands.ts';
import { draftReport, presentReport } from './model.ts';
import { reportingCommittee, reportPeriodOf } from './policy.ts';
import { reportRow, type StatusRow, statusRows } from './queries.ts';

const tags = ['reports'];

const statusLine = (row: StatusRow): ReportStatusLine => ({
  code: row.code,
  name: row.name,
  status: row.status === 'issued' ? 'issued' : row.status === 'draft' ? 'draft' : 'none',
  number: row.status === 'issued' ? row.number : null,
  issuedAt: row.issuedAt,
  issuedBy: row.issuedBy,
});

/** Reports upward: a committee's quarterly or half-year report on its cells' meetings, and who has issued. */
function reportRoutes(fastify: FastifyInstance, deps: Deps) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const { db } = deps.database;
  const clock = () => {
    const now = nowOf(deps);
    return { now, today: isoDateInVietnam(now) };
  };

  app.get('/reports', { schema: { tags, querystring: reportQuerySchema } }, async (request) => {
    const actor = requireActor(request.actor);
    const committee = await reportingCommittee(db, actor, request.query.committee, 'committee');
    const { today } = clock();
    const period = reportPeriodOf(request.query.period, today, 'period');
    const row = await reportRow(db, committee.id, period.key);
    const draft =
      row?.status === 'issued' ? null : await draftReport(db, actor, committee, period, today, row?.words);
    return presentReport(db, committee, period, row, draft);
  });

  app.put('/reports', { schema: { tags, body: saveReportWordsSchema } }, async (request) => {
    const actor = requireActor(request.actor);
    const at = clock();
    const { committee, period } = await saveReportWords(db, actor, request.body, at);
    const row = await reportRow(db, committee.id, period.key);
    return presentReport(
      db,
      committee,
      period,
      row,
      await draftReport(db, actor, committee, period, at.today, row?.words),
    );
  });

  app.post('/reports/issue', { schema: { tags, body: issueReportSchema } }, async (request) => {
    const actor = requireActor(request.actor);
    return issueCommitteeReport(db, actor, request.body, clock());
  });

  app.get(
    '/reports/document',
    { schema: { tags, querystring: reportDocumentQuerySchema } },
    async (request, reply) => {
      const actor = requireActor(request.actor);
      const committee = await reportingCommittee(db, actor, request.query.committee, 'committee');
      const { today } = clock();
      const period = reportPeriodOf(request.query.period, today, 'period');
      // Issued: the frozen model, the same bytes every time. Not yet: a draft with a blank number.
      const row = await reportRow(db, committee.id, period.key);
      const model =
        row?.status === 'issued' && row.model
          ? (row.model as CommitteeReportModel)
          : (await draftReport(db, actor, committee, period, today, row?.words)).model;
      const docx = request.query.format === 'docx';
      // The DOCX issued is served as kept (a later change of layout never changes it).
      const kept = row?.status === 'issued' ? row.docx : null;
      const bytes = docx
        ? (kept ?? (await renderCommitteeReportDocx(model)))
        : await renderCommitteeReportXlsx(model);
      reply.header(
        'content-type',
        docx
          ? 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'
          : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      );
      const name = `bao-cao-sinh-hoat-chi-bo-${committee.code}-${period.key}.${request.query.format}`;
      reply.header('content-disposition', `attachment; filename="${name}"`);
      return bytes;
    },
  );

  app.get('/reports/status', { schema: { tags, querystring: reportStatusQuerySchema } }, async (request) => {
    const actor = requireActor(request.actor);
    const org = await reportingCommittee(db, actor, request.query.org, 'org');
    const period = reportPeriodOf(request.query.period, clock().today, 'period');
    const { own, children } = await statusRows(db, org, period.key);
    const dto: ReportStatusDto = {
      org: { code: org.code, name: org.name },
      period,
      own: statusLine(
        own ?? { code: org.code, name: org.name, status: null, number: null, issuedAt: null, issuedBy: null },
      ),
      children: children.map(statusLine),
    };
    return dto;
  });
}

/** Reports upward: the module's routes as one Fastify plugin, registered by app.ts. */
export const reportsModule: FeatureModule = async (app, { deps }) => {
  reportRoutes(app, deps);
};
