import type { AuditAction } from '@nennep/core';
/**
 * Guessing passwords, bounded without letting a stranger keep anyone out or learn which usernames exist.
 *
 * - Per client address: at most THROTTLE_AFTER attempts that fail in a THROTTLE_MINUTES window.
 * - Per address and username pair (known or not: the same answer and the same work for both): after
 *   LOCK_AFTER failures the pair waits LOCK_MINUTES, doubling with each further failure up to a day. Only
 *   that address is held back, so whoever guesses the admin's password elsewhere does not lock the admin.
 * - Per account: the failures from anywhere are counted; at NOTIFY_AFTER (and each multiple) the owner is
 *   told in the inbox, once a day at most.
 *
 * Every count is taken in one SQL statement before the password is checked (a reservation), so parallel
 * attempts cannot all read the same old count: an attempt over a limit is answered 429 without a check,
 * and a successful sign-in gives its reservation back.
 */
import { isoDateInVietnam } from '@nennep/core';
import { sql } from 'drizzle-orm';
import { type Db, rows } from '../../db/client.ts';
import { AppError } from '../../http/errors.ts';
import { notify } from '../inbox/service.ts';

/** Failures from one address on one username before that pair waits; the wait then doubles, up to a day. */
export const LOCK_AFTER = 5;
export const LOCK_MINUTES = 15;
export const LOCK_MAX_MINUTES = 24 * 60;
/** Failures from one address in a window before that address is throttled. */
export const THROTTLE_AFTER = 20;
export const THROTTLE_MINUTES = 15;
/** Failures on one account, from anywhere, after which its owner is told. */
export const NOTIFY_AFTER = 10;

export const addressKey = (ip: string) => `ip:${ip}`;
/** The address first: it holds no space, so the username after the first space is whole. */
export const pairKey = (ip: string, username: string) => `pair:${ip} ${username}`;

const minutesUntil = (until: Date, now: Date) =>
  Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 60_000));

/** The wait of a pair after `failures` failures (failures ≥ LOCK_AFTER), in minutes. */
export const waitMinutes = (failures: number) =>
  Math.min(LOCK_MAX_MINUTES, LOCK_MINUTES * 2 ** Math.max(0, failures - LOCK_AFTER));

/**
 * Counts an attempt from an address, atomically, unless the address has used its attempts of the window:
 * then 429, and the refused attempt is not counted (the window is not stretched by it).
 */
export async function reserveAddress(db: Db, ip: string, now: Date) {
  const key = addressKey(ip);
  const at = now.toISOString();
  await db.execute(
    sql`INSERT INTO login_throttle (key, failures, window_start) VALUES (${key}, 0, ${at}) ON CONFLICT (key) DO NOTHING`,
  );
  const expired = sql`window_start <= ${at}::timestamptz - make_interval(mins => ${THROTTLE_MINUTES})`;
  const [counted] = await rows<{ failures: number }>(
    db,
    sql`UPDATE login_throttle SET
          failures = CASE WHEN ${expired} THEN 1 ELSE failures + 1 END,
          window_start = CASE WHEN ${expired} THEN ${at}::timestamptz ELSE window_start END
        WHERE key = ${key} AND (failures < ${THROTTLE_AFTER} OR ${expired})
        RETURNING failures`,
  );
  if (counted) return;
  const [held] = await rows<{ window_start: string }>(
    db,
    sql`SELECT window_start::text FROM login_throttle WHERE key = ${key}`,
  );
  const since = held ? new Date(held.window_start).getTime() : now.getTime();
  throw new AppError(429, 'throttled', {
    minutes: minutesUntil(new Date(since + THROTTLE_MINUTES * 60_000), now),
  });
}

/**
 * Counts an attempt on a username from an address, atomically, unless the pair is waiting: then 429.
 * The UPDATE's condition is checked again on the row as another attempt left it (PostgreSQL re-reads a
 * row it waited for), so of N parallel attempts exactly the allowed number pass.
 */
export async function reservePair(db: Db, ip: string, username: string, now: Date): Promise<number> {
  const key = pairKey(ip, username);
  const at = now.toISOString();
  await db.execute(
    sql`INSERT INTO login_throttle (key, failures, window_start) VALUES (${key}, 0, ${at}) ON CONFLICT (key) DO NOTHING`,
  );
  const stale = sql`window_start <= ${at}::timestamptz - make_interval(mins => ${LOCK_MAX_MINUTES})`;
  const [counted] = await rows<{ failures: number }>(
    db,
    sql`UPDATE login_throttle SET
          failures = CASE WHEN ${stale} THEN 1 ELSE failures + 1 END,
          window_start = ${at}
        WHERE key = ${key} AND (failures < ${LOCK_AFTER} OR ${stale} OR ${at}::timestamptz >= window_start
          + make_interval(mins => LEAST(${LOCK_MAX_MINUTES}::int,
              (${LOCK_MINUTES}::int * power(2, LEAST(failures - ${LOCK_AFTER}::int, 16)))::int)))
        RETURNING failures`,
  );
  if (counted) return counted.failures;
  const [held] = await rows<{ failures: number; window_start: string }>(
    db,
    sql`SELECT failures, window_start::text FROM login_throttle WHERE key = ${key}`,
  );
  const since = held ? new Date(held.window_start).getTime() : now.getTime();
  const until = new Date(since + waitMinutes(held?.failures ?? LOCK_AFTER) * 60_000);
  throw new AppError(429, 'locked', { minutes: minutesUntil(until, now) });
}

/**
 * A failed attempt on a username: one statement whatever the username, counting the failure on the
 * account when there is one and recording it in the audit log; the owner is told past NOTIFY_AFTER.
 */
export async function recordFailure(tx: Db, username: string, pairFailures: number, now: Date) {
  const action: AuditAction = pairFailures >= LOCK_AFTER ? 'auth.locked' : 'auth.login_failed';
  const [hit] = await rows<{ id: number; failures: number }>(
    tx,
    sql`WITH hit AS (
          UPDATE accounts SET failed_logins = failed_logins + 1 WHERE username = ${username}
          RETURNING id, failed_logins)
        INSERT INTO audit_events (actor_id, actor_name, action, entity_type, entity_id, org_path, detail)
        SELECT NULL, 'system', ${action}, 'account', id::text, '/',
               jsonb_build_object('username', ${username}::text, 'failures', failed_logins)
        FROM hit
        RETURNING entity_id::int AS id, (detail->>'failures')::int AS failures`,
  );
  // At 10, 20, 30 … failures, and once a day at most (the dedupe key): no extra work on every attempt.
  if (hit && hit.failures % NOTIFY_AFTER === 0) {
    const day = isoDateInVietnam(now);
    await notify(tx, [hit.id], {
      kind: 'auth.failures',
      title: `Tài khoản của bạn đã bị đăng nhập sai ${hit.failures} lần`,
      body:
        'Có người đã nhập sai mật khẩu nhiều lần khi đăng nhập vào tài khoản của bạn. Nếu không phải bạn, ' +
        'hãy đổi mật khẩu và báo cho quản trị viên. Lần đăng nhập đúng tiếp theo sẽ đặt lại số lần đếm.',
      link: '/password',
      dedupeKey: `auth.failures:${day}`,
    });
  }
}

/** Gives an address back the attempt it reserved (the attempt was no guess, or a right one). */
export async function releaseAddress(db: Db, ip: string) {
  await db.execute(
    sql`UPDATE login_throttle SET failures = GREATEST(failures - 1, 0) WHERE key = ${addressKey(ip)}`,
  );
}

/** A successful sign-in: the pair starts again, the address gets its reservation back, old rows go. */
export async function recordSuccess(tx: Db, ip: string, username: string, now: Date) {
  await tx.execute(sql`DELETE FROM login_throttle WHERE key = ${pairKey(ip, username)}`);
  await releaseAddress(tx, ip);
  await tx.execute(
    sql`DELETE FROM login_throttle WHERE window_start < ${now.toISOString()}::timestamptz - interval '2 days'`,
  );
}

/** Lifts the waits of every address on an account's username (an administrator set a new password). */
export async function clearLoginWaits(tx: Db, accountId: number) {
  await tx.execute(
    sql`DELETE FROM login_throttle WHERE key LIKE 'pair:%'
          AND substr(key, strpos(key, ' ') + 1) = (SELECT username FROM accounts WHERE id = ${accountId})`,
  );
}
