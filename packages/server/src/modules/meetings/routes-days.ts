import { CELL_KINDS, isoDateInVietnam, meetingDaysSchema, orgCodeSchema } from '@nennep/core';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { type Deps, nowOf } from '../../app.ts';
import { type Actor, requireActor } from '../../http/access.ts';
import { forbidden, invalidField } from '../../http/errors.ts';
import { assertCanRead, canSpreadDays } from '../orgs/policy.ts';
import { findOrg } from '../orgs/queries.ts';
import { applyMeetingDays, meetingDaysPlan } from './meeting-days.ts';

const params = z.object({ code: orgCodeSchema });
const tags = ['meetings'];

/** Spreading a committee's cells over the meeting window: the plan first, then applying it. */
export function meetingDaysRoutes(fastify: FastifyInstance, deps: Deps) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const { db } = deps.database;
  const today = () => isoDateInVietnam(nowOf(deps));
  const committeeFor = async (actor: Actor, code: string) => {
    const org = assertCanRead(actor, await findOrg(db, code));
    if ((CELL_KINDS as readonly string[]).includes(org.kind)) {
      throw invalidField('orgCode', {
        vi: 'Dàn đều ngày họp là việc của cấp ủy xã, phường, cơ quan: hãy chọn cấp ủy, không chọn một chi bộ.',
        en: 'Spreading meeting days is a committee’s job: choose the committee, not a cell.',
      });
    }
    if (!canSpreadDays(actor, org)) throw forbidden();
    return org;
  };

  app.get(
    '/orgs/:code/meeting-days',
    { schema: { tags, params, querystring: meetingDaysSchema } },
    async (request) => {
      const org = await committeeFor(requireActor(request.actor), request.params.code);
      return meetingDaysPlan(db, org, request.query.month, today());
    },
  );

  app.post(
    '/orgs/:code/meeting-days',
    { schema: { tags, params, body: meetingDaysSchema } },
    async (request) => {
      const actor = requireActor(request.actor);
      const org = await committeeFor(actor, request.params.code);
      return db.transaction((tx) => applyMeetingDays(tx, actor, org, request.body.month, today()));
    },
  );
}
