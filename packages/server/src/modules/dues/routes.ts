import {
  duesArrearsQuerySchema,
  duesArrearsSchema,
  duesLedgerQuerySchema,
  duesLedgerSchema,
  duesStatementQuerySchema,
  recordDuesBasisSchema,
  recordDuesPaymentsSchema,
  recordDuesReasonSchema,
  recordDuesReliefSchema,
} from '@nennep/core';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { type FeatureModule, nowOf, readDbOf } from '../../deps.ts';
import { assertCan, requireActor } from '../../http/access.ts';
import { forbidden } from '../../http/errors.ts';
import { assertCanRead } from '../orgs/policy.ts';
import { findOrg } from '../orgs/queries.ts';
import { recordBasis, recordPayments, recordReason, recordRelief } from './commands.ts';
import { arrearsOf, ledgerOf, statementOf } from './ledger.ts';
import { DUES_READERS } from './policy.ts';
import { portalRoutes } from './portal-routes.ts';
import { memberById } from './queries.ts';
import { duesReportRoutes } from './report-routes.ts';

const tags = ['dues'];

/**
 * Party dues (issue 16; domain.md §7, QĐ 01-QĐ/TW): the month's ledger and the year's arrears of a subtree
 * (its committees, administrators and the cell's secretary), a member's own statement, and the commands
 * that keep the ledger.
 */
export const duesModule: FeatureModule = async (fastify, { deps }) => {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const { db } = deps.database;
  portalRoutes(fastify, deps);
  duesReportRoutes(fastify, deps);

  app.get(
    '/dues/ledger',
    { schema: { tags, querystring: duesLedgerQuerySchema, response: { 200: duesLedgerSchema } } },
    async (request) => {
      const actor = requireActor(request.actor);
      const org = assertCanRead(actor, await findOrg(db, request.query.org));
      assertCan(actor, DUES_READERS, org.path);
      return ledgerOf(await readDbOf(deps, request), org.path, request.query.month);
    },
  );

  app.get(
    '/dues/arrears',
    { schema: { tags, querystring: duesArrearsQuerySchema, response: { 200: duesArrearsSchema } } },
    async (request) => {
      const actor = requireActor(request.actor);
      const org = assertCanRead(actor, await findOrg(db, request.query.org));
      assertCan(actor, DUES_READERS, org.path);
      return arrearsOf(await readDbOf(deps, request), org.path, request.query.year, nowOf(deps));
    },
  );

  app.get('/dues/mine', { schema: { tags, querystring: duesStatementQuerySchema } }, async (request) => {
    const actor = requireActor(request.actor);
    const member = actor.memberId ? await memberById(db, actor.memberId) : null;
    // An account that is no member has no statement of its own.
    if (!member) throw forbidden();
    return statementOf(await readDbOf(deps, request), member, request.query.year, nowOf(deps));
  });

  app.post('/dues/basis', { schema: { tags, body: recordDuesBasisSchema } }, async (request) =>
    recordBasis(db, requireActor(request.actor), request.body),
  );

  app.post('/dues/relief', { schema: { tags, body: recordDuesReliefSchema } }, async (request) =>
    recordRelief(db, requireActor(request.actor), request.body),
  );

  app.post('/dues/payments', { schema: { tags, body: recordDuesPaymentsSchema } }, async (request) =>
    recordPayments(db, requireActor(request.actor), request.body, nowOf(deps)),
  );

  app.post('/dues/reasons', { schema: { tags, body: recordDuesReasonSchema } }, async (request) =>
    recordReason(db, requireActor(request.actor), request.body),
  );
};
