import { hash, verify } from '@node-rs/argon2';
import { eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { accounts, sessions } from '../../db/schema/index.ts';
import type { Actor } from '../../http/access.ts';
import { audit } from '../../http/audit.ts';
import { AppError, invalidField } from '../../http/errors.ts';
import { createSession, hashToken } from '../../http/session.ts';
import { recordFailure, recordSuccess, releaseAddress, reserveAddress, reservePair } from './lockout.ts';

export { LOCK_AFTER, LOCK_MINUTES, THROTTLE_AFTER, THROTTLE_MINUTES } from './lockout.ts';

/** argon2id with the library's defaults (m = 19 MiB, t = 2), as OWASP recommends. */
export const hashPassword = (password: string) => hash(password);

// A hash to verify against when the username is unknown, so both paths do the same work.
let dummyHash: Promise<string> | null = null;

/**
 * Checks a username and password at `now` (the caller's clock), within the limits of lockout.ts: the
 * address and the (address, username) pair are counted before the password is checked, whether the
 * username exists or not, and a failure is answered the same either way. Every outcome on an account
 * leaves an audit event.
 */
export async function login(
  db: Db,
  input: { username: string; password: string; ip: string },
  days: number,
  now: Date,
) {
  const username = input.username.trim().toLowerCase();
  await reserveAddress(db, input.ip, now);
  // An attempt held back by its pair's wait is no guess: the address gets it back.
  const pairFailures = await reservePair(db, input.ip, username, now).catch(async (error: unknown) => {
    await releaseAddress(db, input.ip);
    throw error;
  });
  const [account] = await db.select().from(accounts).where(eq(accounts.username, username));
  dummyHash ??= hashPassword('not-a-real-password');
  const ok = await verify(account?.passwordHash ?? (await dummyHash), input.password);
  if (!account || !ok || account.disabled) {
    await db.transaction((tx) => recordFailure(tx, username, pairFailures, now));
    throw new AppError(401, 'bad_credentials');
  }
  return db.transaction(async (tx) => {
    await tx.update(accounts).set({ failedLogins: 0, lockedUntil: null }).where(eq(accounts.id, account.id));
    await recordSuccess(tx, input.ip, username, now);
    const session = await createSession(tx, account.id, days, now);
    await audit(tx, { id: account.id, username: account.username } as Actor, {
      action: 'auth.login',
      entityType: 'account',
      entityId: account.id,
      orgPath: '/',
    });
    return session;
  });
}

export async function logout(db: Db, actor: Actor, token: string) {
  await db.transaction(async (tx) => {
    await tx.delete(sessions).where(eq(sessions.tokenHash, hashToken(token)));
    await audit(tx, actor, {
      action: 'auth.logout',
      entityType: 'account',
      entityId: actor.id,
      orgPath: '/',
    });
  });
}

/** Changes one's own password; other sessions of the account end. */
export async function changePassword(db: Db, actor: Actor, token: string, current: string, next: string) {
  const [account] = await db.select().from(accounts).where(eq(accounts.id, actor.id));
  if (!account || !(await verify(account.passwordHash, current))) {
    throw invalidField('currentPassword', {
      vi: 'Mật khẩu hiện tại không đúng.',
      en: 'Current password is wrong.',
    });
  }
  const passwordHash = await hashPassword(next);
  await db.transaction(async (tx) => {
    await tx.update(accounts).set({ passwordHash }).where(eq(accounts.id, actor.id));
    await tx.execute(
      sql`DELETE FROM sessions WHERE account_id = ${actor.id} AND token_hash <> ${hashToken(token)}`,
    );
    await audit(tx, actor, {
      action: 'auth.password_changed',
      entityType: 'account',
      entityId: actor.id,
      orgPath: '/',
    });
  });
}

export async function setLocale(db: Db, actor: Actor, locale: 'vi' | 'en') {
  await db.transaction(async (tx) => {
    await tx.update(accounts).set({ locale }).where(eq(accounts.id, actor.id));
    await audit(tx, actor, {
      action: 'auth.locale',
      entityType: 'account',
      entityId: actor.id,
      orgPath: '/',
      detail: { locale },
    });
  });
}
