import { createHash, randomBytes } from 'node:crypto';
import { isoDateInVietnam, type Locale, type Role } from '@nennep/core';
import { and, eq, gt } from 'drizzle-orm';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Db } from '../db/client.ts';
import { accounts, grants, orgs, sessions } from '../db/schema/index.ts';
import { visitorCells } from '../modules/supervision/visitor-scope.ts';
import type { Actor, ActorGrant } from './access.ts';
import { AppError } from './errors.ts';

export const SESSION_COOKIE = 'nennep_session';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');
export const newToken = () => randomBytes(32).toString('base64url');

/** Loads the account and grants behind a session token, or null when unknown or expired at `now`. */
export async function actorForToken(
  db: Db,
  token: string,
  now: Date,
  today = isoDateInVietnam(now),
): Promise<Actor | null> {
  const [row] = await db
    .select({
      id: accounts.id,
      username: accounts.username,
      displayName: accounts.displayName,
      memberId: accounts.memberId,
      locale: accounts.locale,
      disabled: accounts.disabled,
      csrfToken: sessions.csrfToken,
    })
    .from(sessions)
    .innerJoin(accounts, eq(accounts.id, sessions.accountId))
    .where(and(eq(sessions.tokenHash, hashToken(token)), gt(sessions.expiresAt, now)));
  if (!row || row.disabled) return null;
  const grantRows = await db
    .select({ role: grants.role, orgId: orgs.id, orgCode: orgs.code, orgName: orgs.name, path: orgs.path })
    .from(grants)
    .innerJoin(orgs, eq(orgs.id, grants.orgId))
    .where(eq(grants.accountId, row.id));
  const given: ActorGrant[] = grantRows.map((g) => ({ ...g, role: g.role as Role }));
  const visitorOf = given.filter((g) => g.role === 'visitor');
  const visiting = visitorOf.length > 0 ? await visitorCells(db, row.id, visitorOf, today) : [];
  return {
    id: row.id,
    username: row.username,
    displayName: row.displayName,
    memberId: row.memberId,
    locale: (row.locale === 'en' ? 'en' : 'vi') as Locale,
    csrfToken: row.csrfToken,
    grants: [...given.filter((g) => g.role !== 'visitor'), ...visiting],
    visitorOf,
  };
}

/** Creates a session row lasting `days` from `now`; returns the cookie token (only its hash is stored). */
export async function createSession(db: Db, accountId: number, days: number, now: Date) {
  const token = newToken();
  const csrfToken = newToken();
  const expiresAt = new Date(now.getTime() + days * 86_400_000);
  await db.insert(sessions).values({ tokenHash: hashToken(token), accountId, csrfToken, expiresAt });
  return { token, csrfToken, expiresAt };
}

export function sessionToken(request: FastifyRequest): string | null {
  return request.cookies[SESSION_COOKIE] ?? null;
}

/**
 * Reads the session cookie on every request, and refuses cookie-authenticated writes that do not
 * carry the session's anti-forgery token in `x-csrf-token` (login is the one write without a session).
 */
export function registerSession(app: FastifyInstance, db: Db, clock: () => Date) {
  app.decorateRequest('actor', null);
  app.addHook('onRequest', async (request) => {
    const token = sessionToken(request);
    request.actor = token ? await actorForToken(db, token, clock()) : null;
    if (request.actor && !SAFE_METHODS.has(request.method)) {
      const header = request.headers['x-csrf-token'];
      if (header !== request.actor.csrfToken) throw new AppError(403, 'csrf');
    }
  });
}
