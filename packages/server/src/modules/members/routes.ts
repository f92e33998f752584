import {
  changeStatusSchema,
  createMemberSchema,
  isoDateInVietnam,
  memberCodeSchema,
  memberListQuerySchema,
  periodSchema,
  transferMemberSchema,
  updateMemberSchema,
} from '@nennep/core';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { type Deps, nowOf } from '../../app.ts';
import { type Actor, requireActor } from '../../http/access.ts';
import { audit } from '../../http/audit.ts';
import { notFound } from '../../http/errors.ts';
import { assertCanRead } from '../orgs/policy.ts';
import { findOrg, findOrgById } from '../orgs/queries.ts';
import { addPeriod, changeStatus, createMember, transferMember, updateMember } from './commands.ts';
import { exportColumns, exportMembers, membersWorkbook } from './export.ts';
import {
  assertCanReadMember,
  assertCanWriteMember,
  canReadPersonal,
  canWriteMember,
  listScopes,
} from './policy.ts';
import { findMember, listMembers, type MemberRow, memberHistory, memberPeriodsOf } from './queries.ts';

const codeParams = z.object({ code: memberCodeSchema });
const tags = ['members'];

export function memberRoutes(fastify: FastifyInstance, deps: Deps) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const { db } = deps.database;
  const today = () => isoDateInVietnam(nowOf(deps));

  const readable = async (actor: Actor, code: string) =>
    assertCanReadMember(actor, await findMember(db, code));
  const writable = async (actor: Actor, code: string) => {
    const member = await readable(actor, code);
    assertCanWriteMember(actor, member);
    return member;
  };
  /** An organisation named in a request must be visible and, for writes, manageable. */
  const targetOrg = async (actor: Actor, code: string) => {
    const org = assertCanRead(actor, await findOrg(db, code));
    assertCanWriteMember(actor, { id: -1, orgPath: org.path });
    return org;
  };
  const scopeOf = async (actor: Actor, orgCode: string | undefined) => {
    if (!orgCode) return listScopes(actor, null);
    const org = assertCanRead(actor, await findOrg(db, orgCode));
    return listScopes(actor, org.path);
  };

  async function present(actor: Actor, member: MemberRow) {
    const org = await findOrgById(db, member.orgId);
    return {
      memberCode: member.memberCode,
      fullName: member.fullName,
      sex: member.sex,
      orgCode: org?.code ?? '',
      orgName: org?.name ?? '',
      status: member.status,
      statusDate: member.statusDate,
      position: member.position,
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
    return listMembers(db, scopes, request.query, today());
  });

  app.get(
    '/members/export.xlsx',
    { schema: { tags, querystring: memberListQuerySchema } },
    async (request, reply) => {
      const actor = requireActor(request.actor);
      const scopes = await scopeOf(actor, request.query.org);
      const columns = exportColumns(actor, scopes);
      const list = await exportMembers(db, scopes, request.query, today(), columns);
      await db.transaction((tx) =>
        audit(tx, actor, {
          action: 'member.exported',
          entityType: 'member_list',
          entityId: request.query.org ?? '*',
          orgPath: scopes[0] ?? '/',
          detail: { rows: list.length, fields: columns.map((c) => c.key) },
        }),
      );
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
    const member = await readable(actor, request.params.code);
    if (!canReadPersonal(actor, member)) throw notFound('member');
    await db.transaction((tx) =>
      audit(tx, actor, {
        action: 'member.personal_viewed',
        entityType: 'member',
        entityId: member.memberCode,
        orgPath: member.orgPath,
      }),
    );
    return {
      birthDate: member.birthDate,
      ethnicity: member.ethnicity,
      religion: member.religion,
      hometown: member.hometown,
      citizenId: member.citizenId,
      phone: member.phone,
    };
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
    const org = await targetOrg(actor, request.body.orgCode);
    const created = await db.transaction((tx) => createMember(tx, actor, request.body, org, today()));
    reply.status(201);
    return present(actor, created);
  });

  app.patch(
    '/members/:code',
    { schema: { tags, params: codeParams, body: updateMemberSchema } },
    async (request) => {
      const actor = requireActor(request.actor);
      const member = await writable(actor, request.params.code);
      const patch = Object.fromEntries(
        Object.entries(request.body).filter(([, v]) => v !== undefined),
      ) as Partial<MemberRow>;
      await db.transaction((tx) => updateMember(tx, actor, member, patch, nowOf(deps)));
      return present(actor, await readable(actor, member.memberCode));
    },
  );

  app.post(
    '/members/:code/transfer',
    { schema: { tags, params: codeParams, body: transferMemberSchema } },
    async (request) => {
      const actor = requireActor(request.actor);
      const member = await writable(actor, request.params.code);
      const to = await targetOrg(actor, request.body.toOrgCode);
      await db.transaction((tx) =>
        transferMember(tx, actor, member, to, request.body.date, nowOf(deps), request.body.note),
      );
      return present(actor, await readable(actor, member.memberCode));
    },
  );

  app.post(
    '/members/:code/status',
    { schema: { tags, params: codeParams, body: changeStatusSchema } },
    async (request) => {
      const actor = requireActor(request.actor);
      const member = await writable(actor, request.params.code);
      await db.transaction((tx) =>
        changeStatus(
          tx,
          actor,
          member,
          request.body.status,
          request.body.date,
          nowOf(deps),
          request.body.reason,
        ),
      );
      return present(actor, await readable(actor, member.memberCode));
    },
  );

  app.post(
    '/members/:code/periods',
    { schema: { tags, params: codeParams, body: periodSchema } },
    async (request) => {
      const actor = requireActor(request.actor);
      const member = await writable(actor, request.params.code);
      const attachedTo = request.body.orgCode
        ? assertCanRead(actor, await findOrg(db, request.body.orgCode))
        : null;
      await db.transaction((tx) => addPeriod(tx, actor, member, request.body, attachedTo, today()));
      return present(actor, await readable(actor, member.memberCode));
    },
  );
}
