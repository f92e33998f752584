import { hash, verify } from '@node-rs/argon2';
import { eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { accounts, loginThrottle, sessions } from '../../db/schema/index.ts';
import type { Actor } from '../../http/access.ts';
import { audit } from '../../http/audit.ts';
import { AppError, invalidField } from '../../http/errors.ts';
import { createSession, hashToken } from '../../http/session.ts';

/** Failures before an account is locked, and for how long. */
export const LOCK_AFTER = 5;
export const LOCK_MINUTES = 15;
/** Failures from one address in a window before that address is throttled. */
export const THROTTLE_AFTER = 20;
export const THROTTLE_MINUTES = 15;

/** argon2id with the library's defaults (m = 19 MiB, t = 2), as OWASP recommends. */
export const hashPassword = (password: string) => hash(password);

// A hash to verify against when the username is unknown, so both paths take the same time.
let dummyHash: Promise<string> | null = null;

async function throttleFailure(tx: Db, key: string, now: Date) {
  await tx.execute(sql`
    INSERT INTO login_throttle (key, failures, window_start) VALUES (${key}, 1, ${now.toISOString()})
    ON CONFLICT (key) DO UPDATE SET
      failures = CASE WHEN login_throttle.window_start < ${now.toISOString()}::timestamptz - make_interval(mins => ${THROTTLE_MINUTES})
                      THEN 1 ELSE login_throttle.failures + 1 END,
      window_start = CASE WHEN login_throttle.window_start < ${now.toISOString()}::timestamptz - make_interval(mins => ${THROTTLE_MINUTES})
                      THEN ${now.toISOString()}::timestamptz ELSE login_throttle.window_start END`);
}

/**
 * Checks a username and password at `now` (the caller's clock). Throttles by client address and locks
 * the account for LOCK_MINUTES after LOCK_AFTER failures in a row; every outcome leaves an audit event.
 */
export async function login(
  db: Db,
  input: { username: string; password: string; ip: string },
  days: number,
  now: Date,
) {
  const ipKey = `ip:${input.ip}`;
  const [throttle] = await db.select().from(loginThrottle).where(eq(loginThrottle.key, ipKey));
  if (
    throttle &&
    throttle.failures >= THROTTLE_AFTER &&
    now.getTime() - throttle.windowStart.getTime() < THROTTLE_MINUTES * 60_000
  ) {
    throw new AppError(429, 'throttled', { minutes: THROTTLE_MINUTES });
  }
  const username = input.username.trim().toLowerCase();
  const [account] = await db.select().from(accounts).where(eq(accounts.username, username));
  if (account?.lockedUntil && account.lockedUntil > now) {
    const minutes = Math.ceil((account.lockedUntil.getTime() - now.getTime()) / 60_000);
    throw new AppError(429, 'locked', { minutes });
  }
  dummyHash ??= hashPassword('not-a-real-password');
  const ok = await verify(account?.passwordHash ?? (await dummyHash), input.password);
  if (!account || !ok || account.disabled) {
    await db.transaction(async (tx) => {
      await throttleFailure(tx, ipKey, now);
      if (account) {
        const failures = account.failedLogins + 1;
        const lockedUntil = failures >= LOCK_AFTER ? new Date(now.getTime() + LOCK_MINUTES * 60_000) : null;
        await tx
          .update(accounts)
          .set({ failedLogins: lockedUntil ? 0 : failures, lockedUntil })
          .where(eq(accounts.id, account.id));
        await audit(tx, null, {
          action: lockedUntil ? 'auth.locked' : 'auth.login_failed',
          entityType: 'account',
          entityId: account.id,
          orgPath: '/',
          detail: { username },
        });
      }
    });
    throw new AppError(401, 'bad_credentials');
  }
  return db.transaction(async (tx) => {
    await tx.update(accounts).set({ failedLogins: 0, lockedUntil: null }).where(eq(accounts.id, account.id));
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
