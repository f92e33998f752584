import { isoDateInVietnam, raiseRecommendationSchema } from '@nennep/core';
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { type Deps, nowOf } from '../../app.ts';
import { rows } from '../../db/client.ts';
import { requireActor } from '../../http/access.ts';
import { conflict, forbidden } from '../../http/errors.ts';
import { findOrgById } from '../orgs/queries.ts';
import { createRecommendation } from './commands.ts';
import { rulesReader } from './queries.ts';

/** A member raises at most this many recommendations a day (a phone's double taps, not a channel for floods). */
export const RAISES_PER_DAY = 10;

/**
 * A member raises a recommendation at any time (HD 12: đảng viên có quyền kiến nghị với chi bộ, cấp ủy): it
 * reaches the member's own cell, dated today, and follows the normal routing from there.
 */
export function memberRecommendationRoutes(fastify: FastifyInstance, deps: Deps) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const { db } = deps.database;

  app.post(
    '/recommendations/raise',
    { schema: { tags: ['recommendations'], body: raiseRecommendationSchema } },
    async (request, reply) => {
      const actor = requireActor(request.actor);
      if (!actor.memberId) throw forbidden();
      const today = isoDateInVietnam(nowOf(deps));
      const id = await db.transaction(async (tx) => {
        // The member row locked: two taps at once count against the same day's limit.
        const [member] = await rows<{ fullName: string; orgId: number }>(
          tx,
          sql`SELECT full_name AS "fullName", org_id::int AS "orgId" FROM members
              WHERE id = ${actor.memberId} AND status IN ('official', 'probationary') FOR UPDATE`,
        );
        const cell = member ? await findOrgById(tx, member.orgId) : null;
        if (!member || !cell || cell.status !== 'active') throw forbidden();
        const [raised] = await rows<{ n: number }>(
          tx,
          sql`SELECT count(*)::int AS n FROM recommendations
              WHERE raised_by_member_id = ${actor.memberId} AND source = 'member' AND raised_on = ${today}`,
        );
        if ((raised?.n ?? 0) >= RAISES_PER_DAY) {
          throw conflict(
            {
              vi: `Hôm nay đồng chí đã gửi ${RAISES_PER_DAY} kiến nghị: xin gửi tiếp vào ngày mai, hoặc nêu tại buổi sinh hoạt chi bộ.`,
              en: `You have sent ${RAISES_PER_DAY} recommendations today: please send more tomorrow, or raise them at the cell meeting.`,
            },
            'text',
          );
        }
        const rules = (await rulesReader(tx))(cell.path, today);
        return createRecommendation(
          tx,
          actor,
          {
            ...request.body,
            cell,
            source: 'member',
            raisedByMemberId: actor.memberId,
            raisedBy: member.fullName,
            raisedOn: today,
          },
          rules,
        );
      });
      reply.status(201);
      return { id };
    },
  );
}
