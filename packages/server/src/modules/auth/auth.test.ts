import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAccount, buildOrg, buildTestApp, login, TEST_PASSWORD } from '../../test/factories.ts';
import { LOCK_AFTER } from './service.ts';

let ctx: Awaited<ReturnType<typeof buildTestApp>>;

beforeAll(async () => {
  ctx = await buildTestApp();
  await buildOrg(ctx.db, { code: 'ROOT', kind: 'committee' });
  await buildAccount(ctx.db, 'alice', 'admin', 'ROOT');
  await buildAccount(ctx.db, 'bob', 'admin', 'ROOT');
  await buildAccount(ctx.db, 'carol', 'admin', 'ROOT');
});
afterAll(() => ctx.close());

const loginRequest = (username: string, password: string, headers: Record<string, string> = {}) =>
  ctx.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password }, headers });

describe('login and sessions', () => {
  it('sets an HttpOnly, SameSite session cookie and returns the grants', async () => {
    const response = await loginRequest('alice', TEST_PASSWORD);
    expect(response.statusCode).toBe(200);
    const cookie = response.cookies.find((c) => c.name === 'nennep_session');
    expect(cookie?.httpOnly).toBe(true);
    expect(cookie?.sameSite).toBe('Strict');
    expect(response.json()).toMatchObject({
      username: 'alice',
      grants: [{ role: 'admin', orgCode: 'ROOT' }],
    });
  });

  it('refuses a wrong password in Vietnamese, and in English when asked', async () => {
    const vi = await loginRequest('alice', 'wrong-password');
    expect(vi.statusCode).toBe(401);
    expect(vi.json().error.message).toBe('Tên đăng nhập hoặc mật khẩu không đúng.');
    const en = await loginRequest('alice', 'wrong-password', { 'accept-language': 'en' });
    expect(en.json().error.message).toBe('Wrong username or password.');
  });

  it('names the missing field', async () => {
    const response = await ctx.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'alice' },
    });
    expect(response.json().error.fields?.[0]).toMatchObject({ field: 'password' });
    expect(response.json().error.fields[0].message).toContain('Mật khẩu');
  });

  it('locks an account after repeated failures, even for the right password', async () => {
    for (let i = 0; i < LOCK_AFTER; i++) await loginRequest('bob', 'nope-nope');
    const locked = await loginRequest('bob', TEST_PASSWORD);
    expect(locked.statusCode).toBe(429);
    expect(locked.json().error.message).toContain('tạm khóa');
  });

  it('requires the anti-forgery token on cookie-authenticated writes', async () => {
    const session = await loginRequest('carol', TEST_PASSWORD);
    const cookie = `nennep_session=${session.cookies.find((c) => c.name === 'nennep_session')?.value}`;
    const withoutToken = await ctx.app.inject({
      method: 'POST',
      url: '/api/orgs',
      headers: { cookie },
      payload: { code: 'X1', name: 'X', kind: 'grassroots_committee', parentCode: 'ROOT' },
    });
    expect(withoutToken.statusCode).toBe(403);
    expect(withoutToken.json().error.code).toBe('csrf');
  });

  it('changes the password and ends the session on logout', async () => {
    const client = await login(ctx.app, 'carol');
    const bad = await client.post('/api/auth/password', {
      currentPassword: 'wrong',
      newPassword: 'new-password-1',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields[0].field).toBe('currentPassword');
    const ok = await client.post('/api/auth/password', {
      currentPassword: TEST_PASSWORD,
      newPassword: 'new-password-1',
    });
    expect(ok.statusCode).toBe(200);
    expect((await loginRequest('carol', 'new-password-1')).statusCode).toBe(200);
    expect((await client.post('/api/auth/logout')).statusCode).toBe(200);
    expect((await client.get('/api/auth/me')).statusCode).toBe(401);
  });

  it('answers 401 without a session', async () => {
    const response = await ctx.app.inject({ method: 'GET', url: '/api/orgs/tree' });
    expect(response.statusCode).toBe(401);
  });
});

describe('session expiry by the app clock', () => {
  it('ends the session once its days have passed on the clock', async () => {
    let now = new Date('2026-05-01T09:00:00+07:00');
    const timed = await buildTestApp({ clock: () => now, sessionDays: 2 });
    try {
      await buildOrg(timed.db, { code: 'ROOT', kind: 'committee' });
      await buildAccount(timed.db, 'dave', 'admin', 'ROOT');
      const client = await login(timed.app, 'dave');
      now = new Date('2026-05-03T08:59:00+07:00');
      expect((await client.get('/api/auth/me')).statusCode).toBe(200);
      now = new Date('2026-05-03T09:00:00+07:00');
      expect((await client.get('/api/auth/me')).statusCode).toBe(401);
    } finally {
      await timed.close();
    }
  });
});
