/**
 * Guessing passwords in parallel, on known and unknown usernames (issue 12, faults 4 and 5): the counts
 * are exact, the answers and the work the same for both, a stranger's guesses keep only the stranger
 * out, the wait grows, and the owner is told. Runs on PGlite and, with TEST_DATABASE_URL, on PostgreSQL.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { rows } from '../../db/client.ts';
import { buildAccount, buildOrg, buildTestApp, login, TEST_PASSWORD } from '../../test/factories.ts';
import { LOCK_AFTER, NOTIFY_AFTER, THROTTLE_AFTER } from './lockout.ts';

// The password checks, counted: an unknown username must cost one argon2 check like a known one.
const checks = vi.hoisted(() => ({ count: 0 }));
vi.mock('@node-rs/argon2', async (original) => {
  const real = await original<typeof import('@node-rs/argon2')>();
  return {
    ...real,
    verify: (...args: Parameters<typeof real.verify>) => {
      checks.count++;
      return real.verify(...args);
    },
  };
});

let now = new Date('2026-05-04T09:00:00+07:00');
let ctx: Awaited<ReturnType<typeof buildTestApp>>;

beforeAll(async () => {
  ctx = await buildTestApp({ clock: () => now });
  await buildOrg(ctx.db, { code: 'ROOT', kind: 'committee' });
  for (const name of ['quantri', 'bithu', 'dangvien', 'thuky', 'chamcham'])
    await buildAccount(ctx.db, name, 'admin', 'ROOT');
});
afterAll(() => ctx.close());

const attempt = (username: string, password: string, ip: string) =>
  ctx.app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { username, password },
    remoteAddress: ip,
  });

const parallel = (n: number, make: (i: number) => ReturnType<typeof attempt>) =>
  Promise.all(Array.from({ length: n }, (_, i) => make(i)));

function statuses(list: { statusCode: number }[]) {
  const counts: Record<number, number> = {};
  for (const r of list) counts[r.statusCode] = (counts[r.statusCode] ?? 0) + 1;
  return counts;
}

const failedLogins = async (username: string) =>
  (
    await rows<{ n: number }>(
      ctx.db,
      sql`SELECT failed_logins AS n FROM accounts WHERE username = ${username}`,
    )
  )[0]?.n;

const auditCount = async (username: string) =>
  (
    await rows<{ action: string; n: number }>(
      ctx.db,
      sql`SELECT action, count(*)::int AS n FROM audit_events WHERE detail->>'username' = ${username} GROUP BY action ORDER BY action`,
    )
  ).map((r) => `${r.action}:${r.n}`);

describe('thirty wrong passwords at once', () => {
  it('lets exactly five be checked, counts exactly five, and holds back the rest with 429', async () => {
    const answers = await parallel(30, () => attempt('quantri', 'doan-mo', '198.51.100.7'));
    expect(statuses(answers)).toEqual({ 401: LOCK_AFTER, 429: 30 - LOCK_AFTER });
    expect(await failedLogins('quantri')).toBe(LOCK_AFTER);
    // The address counts the five guesses only: the attempts held back gave their places back.
    const [address] = await rows<{ n: number }>(
      ctx.db,
      sql`SELECT failures AS n FROM login_throttle WHERE key = 'ip:198.51.100.7'`,
    );
    expect(address?.n).toBe(LOCK_AFTER);
    expect(await auditCount('quantri')).toEqual([`auth.locked:1`, `auth.login_failed:${LOCK_AFTER - 1}`]);
    // The lock holds for the right password from that address…
    const held = await attempt('quantri', TEST_PASSWORD, '198.51.100.7');
    expect(held.statusCode).toBe(429);
    expect(held.json().error.message).toBe(
      'Đăng nhập sai nhiều lần nên tạm khóa đăng nhập tài khoản này từ máy này. Thử lại sau 15 phút.',
    );
    // …and only there: the stranger does not keep the owner out.
    expect((await attempt('quantri', TEST_PASSWORD, '203.0.113.20')).statusCode).toBe(200);
    expect(await failedLogins('quantri')).toBe(0);
  });

  it('answers an unknown username exactly as a known one, with the same password checks', async () => {
    checks.count = 0;
    const unknown = await parallel(30, () => attempt('khongco', 'doan-mo', '198.51.100.8'));
    const unknownChecks = checks.count;
    checks.count = 0;
    const known = await parallel(30, () => attempt('bithu', 'doan-mo', '198.51.100.9'));
    expect(statuses(unknown)).toEqual(statuses(known));
    expect(unknownChecks).toBe(LOCK_AFTER);
    expect(checks.count).toBe(LOCK_AFTER);
    const bodies = (list: typeof known) => [...new Set(list.map((r) => r.body))].sort();
    expect(bodies(unknown)).toEqual(bodies(known));
    expect(await auditCount('khongco')).toEqual([]);
  });

  it('holds an address to its limit across usernames, exactly, in parallel', async () => {
    const answers = await parallel(40, (i) => attempt(`ten${i}`, 'doan-mo', '198.51.100.10'));
    expect(statuses(answers)).toEqual({ 401: THROTTLE_AFTER, 429: 40 - THROTTLE_AFTER });
    const throttled = answers.find((r) => r.statusCode === 429);
    expect(throttled?.json().error.code).toBe('throttled');
    // A signed-in user from the same address does not lift it, nor does the right password.
    expect((await attempt('dangvien', TEST_PASSWORD, '198.51.100.10')).statusCode).toBe(429);
  });
});

describe('the wait after repeated failures', () => {
  it('doubles with each further failure, and ends with the right password', async () => {
    const ip = '198.51.100.30';
    for (let i = 0; i < LOCK_AFTER; i++) expect((await attempt('thuky', 'sai', ip)).statusCode).toBe(401);
    const start = now;
    const at = (minutes: number) => {
      now = new Date(start.getTime() + minutes * 60_000);
    };
    try {
      at(14);
      expect((await attempt('thuky', 'sai', ip)).json().error.message).toContain('sau 1 phút');
      at(15);
      expect((await attempt('thuky', 'sai', ip)).statusCode).toBe(401);
      at(44);
      const longer = await attempt('thuky', TEST_PASSWORD, ip);
      expect(longer.statusCode).toBe(429);
      expect(longer.json().error.message).toContain('sau 1 phút');
      at(45);
      expect((await attempt('thuky', TEST_PASSWORD, ip)).statusCode).toBe(200);
      expect((await attempt('thuky', 'sai', ip)).statusCode).toBe(401);
    } finally {
      now = start;
    }
  });

  it('is lifted when an administrator sets a new password', async () => {
    const ip = '198.51.100.31';
    for (let i = 0; i < LOCK_AFTER; i++) await attempt('chamcham', 'sai', ip);
    expect((await attempt('chamcham', TEST_PASSWORD, ip)).statusCode).toBe(429);
    const admin = await login(ctx.app, 'dangvien');
    const [account] = await rows<{ id: number }>(
      ctx.db,
      sql`SELECT id::int FROM accounts WHERE username = 'chamcham'`,
    );
    const reset = await admin.patch(`/api/accounts/${account?.id}`, { password: 'mat-khau-moi-1' });
    expect(reset.statusCode).toBe(200);
    expect((await attempt('chamcham', 'mat-khau-moi-1', ip)).statusCode).toBe(200);
  });
});

describe('the owner is told', () => {
  it('once a day, in the inbox, when the account sees many failures from anywhere', async () => {
    const owner = await login(ctx.app, 'bithu');
    const inbox = async () =>
      ((await owner.get('/api/inbox')).json() as { items: { kind: string; title: string }[] }).items.filter(
        (n) => n.kind === 'auth.failures',
      );
    expect(await inbox()).toEqual([]);
    // Five addresses, three failures each: no address is held back, the account counts them all.
    for (let k = 0; k < 5; k++) for (let i = 0; i < 3; i++) await attempt('bithu', 'sai', `192.0.2.${k + 1}`);
    expect(await failedLogins('bithu')).toBe(15);
    const told = await inbox();
    expect(told).toHaveLength(1);
    expect(told[0]?.title).toBe(`Tài khoản của bạn đã bị đăng nhập sai ${NOTIFY_AFTER} lần`);
  });
});
