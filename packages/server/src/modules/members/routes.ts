import {
  changeStatusSchema,
  createMemberSchema,
  isoDateInVietnam,
  type MemberDetailDto,
  memberCodeSchema,
  memberListQuerySchema,
  periodSchema,
  transferMemberSchema,
  updateMemberSchema,
} from '@nennep/core';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { type Deps, type FeatureModule, nowOf, readDbOf } from '../../deps.ts';
import { type Actor, requireActor } from '../../http/access.ts';
import { assertCanRead } from '../orgs/policy.ts';
import { findOrg, findOrgById } from '../orgs/queries.ts';
import { addPeriod, changeStatus, createMember, transferMember, updateMember } from './commands.ts';
import { exportColumns, exportMembers, membersWorkbook, recordExport } from './export.ts';
import { readPersonal } from './personal.ts';
import { assertCanReadMember, canReadPersonal, canWriteMember, listScopes } from './policy.ts';
import { findMember, listMembers, type MemberRow, memberHistory, memberPeriodsOf } from './queries.ts';

const codeParams = z.object({ code: memberCodeSchema });
const tags = ['members'];

function memberRoutes(fastify: FastifyInstance, deps: Deps) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const { db } = deps.database;
  const today = () => isoDateInVietnam(nowOf(deps));

  const readable = async (actor: Actor, code: string) =>
    assertCanReadMember(actor, await findMember(db, code));
  const scopeOf = async (actor: Actor, orgCode: string | undefined) => {
    if (!orgCode) return listScopes(actor, null);
    const org = assertCanRead(actor, await findOrg(db, orgCode));
    return listScopes(actor, org.path);
  };

  async function present(actor: Actor, member: MemberRow): Promise<MemberDetailDto> {
    const org = await findOrgById(db, member.orgId);
    return {
      memberCode: member.memberCode,
      fullName: member.fullName,
      // The columns hold the vocabulary of core's members/types.ts (checked on every write).
      sex: member.sex as MemberDetailDto['sex'],
      orgCode: org?.code ?? '',
      orgName: org?.name ?? '',
      status: member.status as MemberDetailDto['status'],
      statusDate: member.statusDate,
      position: member.position as MemberDetailDto['position'],
      admissionDate: member.admissionDate,
      officialDate: member.officialDate,
      partyCardNo: member.partyCardNo,
      notes: member.notes,
      exempt: member.exemptFrom !== null && member.exemptFrom <= today(),
      exemptFrom: member.exemptFrom,
      periods: await memberPeriodsOf(db, member.id),
      abilities: { update: canWriteMember(actor, member), readPersonal: canReadPersonal(actor, member) },
    };
  }

  app.get('/members', { schema: { tags, querystring: memberListQuerySchema } }, async (request) => {
    const actor = requireActor(request.actor);
    const scopes = await scopeOf(actor, request.query.org);
    // A list may come from the replica (DATABASE_READ_URL), up to this session's last write.
    return listMembers(await readDbOf(deps, request), scopes, request.query, today());
  });

  app.get(
    '/members/export.xlsx',
    { schema: { tags, querystring: memberListQuerySchema } },
    async (request, reply) => {
      const actor = requireActor(request.actor);
      const scopes = await scopeOf(actor, request.query.org);
      const columns = exportColumns(actor, scopes);
      const list = await exportMembers(db, scopes, request.query, today(), columns);
      await recordExport(db, actor, { orgCode: request.query.org, scopes, rows: list.length, columns });
      reply.header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
      reply.header('content-disposition', 'attachment; filename="dang-vien.xlsx"');
      return membersWorkbook(list, columns);
    },
  );

  app.get('/members/:code', { schema: { tags, params: codeParams } }, async (request) => {
    const actor = requireActor(request.actor);
    return present(actor, await readable(actor, request.params.code));
  });

  app.get('/members/:code/personal', { schema: { tags, params: codeParams } }, async (request) => {
    const actor = requireActor(request.actor);
    return readPersonal(db, actor, request.params.code);
  });

  app.get('/members/:code/history', { schema: { tags, params: codeParams } }, async (request) => {
    const actor = requireActor(request.actor);
    const member = await readable(actor, request.params.code);
    const items = await memberHistory(db, member.id);
    return {
      items: items.map((i) => ({
        kind: i.kind,
        date: i.date,
        at: i.at,
        fromOrg: i.from_org,
        toOrg: i.to_org,
        data: i.data,
        actorName: i.actor_name,
      })),
    };
  });

  app.post('/members', { schema: { tags, body: createMemberSchema } }, async (request, reply) => {
    const actor = requireActor(request.actor);
    const created = await createMember(db, actor, request.body, today());
    reply.status(201);
    return present(actor, created);
  });

  app.patch(
    '/members/:code',
    { schema: { tags, params: codeParams, body: updateMemberSchema } },
    async (request) => {
      const actor = requireActor(request.actor);
      const patch = Object.fromEntries(
        Object.entries(request.body).filter(([, v]) => v !== undefined),
      ) as Partial<MemberRow>;
      await updateMember(db, actor, request.params.code, patch, nowOf(deps));
      return present(actor, await readable(actor, request.params.code));
    },
  );

  app.post(
    '/members/:code/transfer',
    { schema: { tags, params: codeParams, body: transferMemberSchema } },
    async (request) => {
      const actor = requireActor(request.actor);
      await transferMember(db, actor, request.params.code, request.body, nowOf(deps));
      return present(actor, await readable(actor, request.params.code));
    },
  );

  app.post(
    '/members/:code/status',
    { schema: { tags, params: codeParams, body: changeStatusSchema } },
    async (request) => {
      const actor = requireActor(request.actor);
      await changeStatus(db, actor, request.params.code, request.body, nowOf(deps));
      return present(actor, await readable(actor, request.params.code));
    },
  );

  app.post(
    '/members/:code/periods',
    { schema: { tags, params: codeParams, body: periodSchema } },
    async (request) => {
      const actor = requireActor(request.actor);
      await addPeriod(db, actor, request.params.code, request.body, today());
      return present(actor, await readable(actor, request.params.code));
    },
  );
}

/**
 * Party members: lists, the record, its history, personal data, export: the module's routes as one Fastify
 * plugin, registered by app.ts.
 */
export const membersModule: FeatureModule = async (app, { deps }) => {
  memberRoutes(app, deps);
};
