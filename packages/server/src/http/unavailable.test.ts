/**
 * The database out of reach (issue 12, fault 9): 503 with Retry-After and words in both languages, never
 * 500; a read is tried once more, a write never. The whole app runs here against a PostgreSQL pool
 * pointed at a closed port (what a restart looks like to node-postgres), on either test database.
 */
import { createServer } from 'node:net';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app.ts';
import { type Database, openPostgres } from '../db/client.ts';
import { handleError } from './errors.ts';
import { SESSION_COOKIE } from './session.ts';
import {
  isConnectionError,
  isTransientConflict,
  RETRY_AFTER_SECONDS,
  registerReadRetry,
} from './unavailable.ts';

/** A port nothing listens on: taken from the system, then released. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  if (!address || typeof address === 'string') throw new Error('no port');
  return address.port;
}

const refused = () =>
  Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });

describe('the classifier of connection errors', () => {
  it.each([
    ['ECONNREFUSED', refused()],
    ['ECONNRESET', Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' })],
    ['57P01 admin shutdown', Object.assign(new Error('terminating connection'), { code: '57P01' })],
    ['08006 connection failure', Object.assign(new Error('x'), { code: '08006' })],
    ['08001 cannot connect', Object.assign(new Error('x'), { code: '08001' })],
    ['Connection terminated', new Error('Connection terminated unexpectedly')],
    ['wrapped by Drizzle', new Error('Failed query: SELECT 1', { cause: refused() })],
  ])('knows %s', (_, error) => {
    expect(isConnectionError(error)).toBe(true);
  });

  it.each([
    ['a unique violation', Object.assign(new Error('duplicate key'), { code: '23505' })],
    ['a syntax error', Object.assign(new Error('syntax error'), { code: '42601' })],
    ['a plain error', new Error('boom')],
    ['nothing', undefined],
  ])('leaves %s alone', (_, error) => {
    expect(isConnectionError(error)).toBe(false);
  });
});

describe('routes while the database is unreachable', () => {
  let app: FastifyInstance;
  let database: Database;

  beforeAll(async () => {
    database = await openPostgres(`postgres://postgres@127.0.0.1:${await closedPort()}/nennep`, 2);
    // The start's own query (interrupted imports) answers nothing: the outage begins after the start.
    app = await buildApp(
      {
        database: { ...database, raw: { query: async () => [] } },
        config: { secureCookies: false, sessionDays: 1 },
      },
      { webDist: null },
    );
    await app.ready();
  });
  afterAll(async () => {
    await app.close();
    await database.close();
  });

  it('answers a read 503 with Retry-After in both languages, never 500', async () => {
    for (const [lang, words] of [
      ['vi', /Cơ sở dữ liệu tạm thời không truy cập được/],
      ['en', /database is briefly unreachable/],
    ] as const) {
      const response = await app.inject({
        method: 'GET',
        url: '/api/members',
        headers: { 'accept-language': lang },
        cookies: { [SESSION_COOKIE]: 'a-session' },
      });
      expect(response.statusCode).toBe(503);
      expect(response.headers['retry-after']).toBe(String(RETRY_AFTER_SECONDS));
      expect(response.json().error.message).toMatch(words);
    }
  });

  it('answers a write 503 too', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'someone', password: 'not-the-password' },
    });
    expect(response.statusCode).toBe(503);
    expect(response.headers['retry-after']).toBe(String(RETRY_AFTER_SECONDS));
  });
});

describe('the retry of a read', () => {
  let app: FastifyInstance;
  const calls = { flaky: 0, down: 0, write: 0 };

  beforeAll(async () => {
    app = Fastify();
    app.setErrorHandler(handleError);
    registerReadRetry(app);
    app.get('/flaky', async () => {
      calls.flaky++;
      if (calls.flaky === 1) throw refused();
      return { ok: true };
    });
    app.get('/down', async () => {
      calls.down++;
      throw refused();
    });
    app.post('/write', async () => {
      calls.write++;
      throw refused();
    });
    app.get('/bug', async () => {
      throw new Error('a bug, not an outage');
    });
    app.post('/deadlock', async () => {
      // As Drizzle hands it on: the driver's error, SQLSTATE 40P01, as the cause.
      throw new Error('Failed query: UPDATE …', {
        cause: Object.assign(new Error('deadlock detected'), { code: '40P01' }),
      });
    });
    await app.ready();
  });
  afterAll(() => app.close());

  it('runs a read again once when its first attempt met a connection error', async () => {
    const response = await app.inject({ method: 'GET', url: '/flaky' });
    expect(response.statusCode).toBe(200);
    expect(calls.flaky).toBe(2);
  });

  it('gives up after the second attempt with 503', async () => {
    const response = await app.inject({ method: 'GET', url: '/down' });
    expect(response.statusCode).toBe(503);
    expect(calls.down).toBe(2);
  });

  it('never runs a write twice', async () => {
    const response = await app.inject({ method: 'POST', url: '/write' });
    expect(response.statusCode).toBe(503);
    expect(calls.write).toBe(1);
  });

  it('answers a transaction the database rolled back for a deadlock 503, to be sent again', async () => {
    const response = await app.inject({ method: 'POST', url: '/deadlock' });
    expect(response.statusCode).toBe(503);
    expect(response.headers['retry-after']).toBe('1');
    expect(response.json().error).toMatchObject({ code: 'conflict_retry' });
    expect(response.json().error.message).toMatch(/chưa có gì được lưu/);
    expect(isTransientConflict(Object.assign(new Error('x'), { code: '40001' }))).toBe(true);
    expect(isTransientConflict(Object.assign(new Error('x'), { code: '23505' }))).toBe(false);
  });

  it('leaves other failures a 500', async () => {
    const response = await app.inject({ method: 'GET', url: '/bug' });
    expect(response.statusCode).toBe(500);
  });
});
