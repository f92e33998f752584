import { opinionEditSchema } from '@nennep/core';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../deps.ts';
import { requireActor } from '../../http/access.ts';
import { editOpinion, REMOVABLE, removeMeetingItem } from './corrections.ts';
import { meetingParams } from './params.ts';

const tags = ['meetings'];
const itemParams = meetingParams.extend({ itemId: z.coerce.number().int().positive() });

/**
 * Corrections while the minutes are open: a mistyped opinion, task, guest, vote or material is removed, an
 * opinion is reworded. Adopted or cancelled meetings refuse (409); the history keeps what was removed.
 */
export function meetingCorrectionRoutes(fastify: FastifyInstance, deps: Deps) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const { db } = deps.database;

  for (const removable of REMOVABLE) {
    app.delete(
      `/meetings/:id/${removable.path}/:itemId`,
      { schema: { tags, params: itemParams } },
      async (request) => {
        const actor = requireActor(request.actor);
        await removeMeetingItem(db, actor, request.params.id, removable, request.params.itemId);
        return { ok: true };
      },
    );
  }

  app.patch(
    '/meetings/:id/opinions/:itemId',
    { schema: { tags, params: itemParams, body: opinionEditSchema } },
    async (request) => {
      const actor = requireActor(request.actor);
      await editOpinion(db, actor, request.params.id, request.params.itemId, request.body);
      return { ok: true };
    },
  );
}
