import { changePasswordSchema, loginSchema, type MeDto } from '@nennep/core';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { type Deps, type FeatureModule, nowOf } from '../../deps.ts';
import { type Actor, requireActor } from '../../http/access.ts';
import { actorForToken, SESSION_COOKIE, sessionToken } from '../../http/session.ts';
import { changePassword, login, logout, setLocale } from './service.ts';

export function presentMe(actor: Actor, memberCode: string | null): MeDto {
  return {
    id: actor.id,
    username: actor.username,
    displayName: actor.displayName,
    memberCode,
    locale: actor.locale,
    csrfToken: actor.csrfToken,
    grants: actor.grants.map((g) => ({ role: g.role, orgCode: g.orgCode, orgName: g.orgName })),
    visitorOf: actor.visitorOf.map((g) => ({ orgCode: g.orgCode, orgName: g.orgName })),
  };
}

async function memberCodeOf(deps: Deps, actor: Actor) {
  if (!actor.memberId) return null;
  const rows = await deps.database.raw.query<{ member_code: string }>(
    'SELECT member_code FROM members WHERE id = $1',
    [actor.memberId],
  );
  return rows[0]?.member_code ?? null;
}

function authRoutes(fastify: FastifyInstance, deps: Deps) {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const { db } = deps.database;
  const tags = ['auth'];

  app.post('/auth/login', { schema: { tags, body: loginSchema } }, async (request, reply) => {
    const now = nowOf(deps);
    const session = await login(db, { ...request.body, ip: request.ip }, deps.config.sessionDays, now);
    reply.setCookie(SESSION_COOKIE, session.token, {
      path: '/',
      httpOnly: true,
      sameSite: 'strict',
      secure: deps.config.secureCookies,
      expires: session.expiresAt,
    });
    const actor = requireActor(await actorForToken(db, session.token, now));
    return presentMe(actor, await memberCodeOf(deps, actor));
  });

  app.post('/auth/logout', { schema: { tags } }, async (request, reply) => {
    const actor = requireActor(request.actor);
    await logout(db, actor, sessionToken(request) ?? '');
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return { ok: true };
  });

  app.get('/auth/me', { schema: { tags } }, async (request) => {
    const actor = requireActor(request.actor);
    return presentMe(actor, await memberCodeOf(deps, actor));
  });

  app.post('/auth/password', { schema: { tags, body: changePasswordSchema } }, async (request) => {
    const actor = requireActor(request.actor);
    await changePassword(
      db,
      actor,
      sessionToken(request) ?? '',
      request.body.currentPassword,
      request.body.newPassword,
    );
    return { ok: true };
  });

  app.put(
    '/auth/locale',
    { schema: { tags, body: z.object({ locale: z.enum(['vi', 'en']) }) } },
    async (request) => {
      const actor = requireActor(request.actor);
      await setLocale(db, actor, request.body.locale);
      return { ok: true };
    },
  );
}

/**
 * Sign-in, sign-out, the session and one’s own password: the module's routes as one Fastify plugin,
 * registered by app.ts.
 */
export const authModule: FeatureModule = async (app, { deps }) => {
  authRoutes(app, deps);
};
