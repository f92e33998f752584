import type { FastifyInstance } from 'fastify';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app.ts';
import type { Deps } from '../deps.ts';
import { SESSION_COOKIE } from '../http/session.ts';
import { createTestDatabase } from '../test/db.ts';
import { buildAccount, buildMember, buildOrg, TEST_PASSWORD } from '../test/factories.ts';
import { caughtUp, onReplica, type TestReplica, testReplica } from '../test/replica.ts';
import { type Database, openPostgres } from './client.ts';
import { LSN_COOKIE, openReadReplica, parseLsn, type ReadReplica, readReplica } from './replica.ts';

const CLOCK = () => new Date('2026-06-10T03:00:00Z');
/** A port nothing listens on: the replica "down". */
const DEAD_URL = 'postgres://postgres@127.0.0.1:1/none';

async function appOn(database: Database, replica?: ReadReplica) {
  const deps: Deps = { database, config: { secureCookies: false, sessionDays: 14 }, clock: CLOCK, replica };
  const app = await buildApp(deps, { webDist: null });
  await app.ready();
  return app;
}

async function seed(database: Database) {
  const { db } = database;
  await buildOrg(db, { code: 'T', name: 'Đảng bộ xã Thử', kind: 'grassroots_committee' });
  await buildOrg(db, { code: 'C1', name: 'Chi bộ thôn 1', kind: 'cell', category: 'village', parent: 'T' });
  await buildAccount(db, 'admin', 'admin', 'T');
  await buildMember(db, { code: 'OLD', name: 'Nguyễn Văn Cũ', org: 'C1' });
}

type Cookies = Record<string, string>;
const cookieHeader = (cookies: Cookies) =>
  Object.entries(cookies)
    .map(([name, value]) => `${name}=${value}`)
    .join('; ');

async function signIn(app: FastifyInstance) {
  const response = await app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { username: 'admin', password: TEST_PASSWORD },
  });
  expect(response.statusCode).toBe(200);
  const session = response.cookies.find((c) => c.name === SESSION_COOKIE)?.value ?? '';
  return { session, csrf: (response.json() as { csrfToken: string }).csrfToken, response };
}

async function memberCodes(app: FastifyInstance, cookies: Cookies): Promise<string[]> {
  const response = await app.inject({
    method: 'GET',
    url: '/api/members?org=T',
    headers: { cookie: cookieHeader(cookies) },
  });
  expect(response.statusCode).toBe(200);
  return (response.json() as { items: { memberCode: string }[] }).items.map((m) => m.memberCode).sort();
}

async function addMember(app: FastifyInstance, session: string, csrf: string, code: string) {
  const response = await app.inject({
    method: 'POST',
    url: '/api/members',
    headers: { cookie: `${SESSION_COOKIE}=${session}`, 'x-csrf-token': csrf },
    payload: {
      memberCode: code,
      fullName: 'Đặng Thị Mới',
      sex: 'female',
      orgCode: 'C1',
      status: 'probationary',
      admissionDate: '2026-05-01',
    },
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.cookies.find((c) => c.name === LSN_COOKIE)?.value;
}

describe('WAL positions', () => {
  it('parses pg_lsn text into comparable numbers and refuses anything else', () => {
    expect(parseLsn('0/3000000')).toBe(0x3000000n);
    expect(parseLsn('16/B374D848')).toBe((0x16n << 32n) + 0xb374d848n);
    expect((parseLsn('1/0') ?? 0n) > (parseLsn('0/FFFFFFFF') ?? 0n)).toBe(true);
    for (const bad of [undefined, null, '', '16', '16/', 'x/1', '1/2/3', '123456789/0', '0/3000000; a=b'])
      expect(parseLsn(bad)).toBeNull();
  });
});

describe('a replica out of reach', () => {
  it('sends every read to the primary, even without a write of the session', async () => {
    const primary = await createTestDatabase();
    const dead = await openPostgres(DEAD_URL, 1);
    const warnings: string[] = [];
    const replica = readReplica(primary, dead, { warn: (m) => warnings.push(m) });
    try {
      expect(await replica.dbFor(null)).toBe(primary.db);
      expect(await replica.dbFor(parseLsn('0/1'))).toBe(primary.db);
      expect(warnings).toHaveLength(1);
    } finally {
      await replica.close();
      await primary.close();
    }
  });
  it('does not wait for a replica that never answers (cut off by the network)', async () => {
    const primary = await createTestDatabase();
    let asked = 0;
    const silent: Database = {
      ...primary,
      raw: {
        query: () => {
          asked += 1;
          return new Promise<never>(() => {});
        },
      },
    };
    const replica = readReplica(primary, silent, { warn: () => {} });
    try {
      // It answers at all (a replica that never answers would hang here until the test's own timeout).
      expect(await replica.dbFor(null)).toBe(primary.db);
      expect(asked).toBe(1);
      // Left alone for a while: the next read goes to the primary without asking the replica again.
      expect(await replica.dbFor(null)).toBe(primary.db);
      expect(asked).toBe(1);
    } finally {
      await primary.close();
    }
  });
});

const primaryUrl = process.env.TEST_DATABASE_URL;

if (!primaryUrl) {
  // PGlite's pass: the single-database path (PostgreSQL's pass below runs a real primary and replica).
  describe('one database (no DATABASE_READ_URL)', () => {
    it('reads from the one database and sets no WAL cookie', async () => {
      const database = await createTestDatabase();
      const app = await appOn(database);
      try {
        await seed(database);
        const { session, csrf, response } = await signIn(app);
        expect(response.cookies.some((c) => c.name === LSN_COOKIE)).toBe(false);
        expect(await addMember(app, session, csrf, 'NEW1')).toBeUndefined();
        expect(await memberCodes(app, { [SESSION_COOKIE]: session })).toEqual(['NEW1', 'OLD']);
      } finally {
        await app.close();
        await database.close();
      }
    });

    it('refuses DATABASE_READ_URL without a PostgreSQL primary', async () => {
      const database = await createTestDatabase();
      try {
        await expect(
          openReadReplica({ databaseUrl: null, databaseReadUrl: DEAD_URL }, database),
        ).rejects.toThrow(/DATABASE_READ_URL needs DATABASE_URL/);
        expect(await openReadReplica({ databaseUrl: null, databaseReadUrl: null }, database)).toBeUndefined();
      } finally {
        await database.close();
      }
    });
  });
} else {
  describe('a PostgreSQL primary and its streaming replica', () => {
    let standby: TestReplica;
    let database: Database;
    let replicaDatabase: Database;
    let app: FastifyInstance;
    /** A superuser connection to the replica's server, to pause and resume its replay. */
    let control: pg.Client;

    beforeAll(async () => {
      standby = await testReplica(primaryUrl);
      database = await createTestDatabase();
      const [row] = await database.raw.query<{ name: string }>('SELECT current_database() AS name');
      const pool = database.native.driver === 'postgres' ? database.native.pool : null;
      if (!row || !pool) throw new Error('no PostgreSQL test database');
      await seed(database);
      await caughtUp(pool, standby.url);
      replicaDatabase = await openPostgres(onReplica(standby.url, row.name), 4, true);
      app = await appOn(database, readReplica(database, replicaDatabase));
      control = new pg.Client({ connectionString: standby.url });
      await control.connect();
    }, 120_000);

    afterAll(async () => {
      await control?.query('SELECT pg_wal_replay_resume()');
      await control?.end();
      await app?.close();
      // The replica's pool first: dropping the database on the primary ends its sessions on the replica.
      await replicaDatabase?.close();
      await database?.close();
      await standby?.stop();
    }, 60_000);

    it('a session reads its own write while the replica lags, and the replica once it has caught up', async () => {
      const pool = database.native.driver === 'postgres' ? database.native.pool : null;
      if (!pool) throw new Error('no pool');
      const { session, csrf, response } = await signIn(app);
      // Signing in writes (the session row): its answer carries the primary's position too.
      expect(parseLsn(response.cookies.find((c) => c.name === LSN_COOKIE)?.value)).not.toBeNull();
      await caughtUp(pool, standby.url);

      // The replica stops replaying: whatever is written now is on the primary only.
      await control.query('SELECT pg_wal_replay_pause()');
      try {
        const lsn = await addMember(app, session, csrf, 'NEW1');
        expect(parseLsn(lsn)).not.toBeNull();
        const writer = { [SESSION_COOKIE]: session, [LSN_COOKIE]: lsn ?? '' };
        // The writer sees its write (from the primary: the replica has not replayed it)…
        expect(await memberCodes(app, writer)).toEqual(['NEW1', 'OLD']);
        // …while the same list without the position is read from the replica, which does not hold it yet.
        expect(await memberCodes(app, { [SESSION_COOKIE]: session })).toEqual(['OLD']);
        // A forged position beyond anything written only sends that browser to the primary.
        expect(await memberCodes(app, { ...writer, [LSN_COOKIE]: 'FFFFFFFF/0' })).toEqual(['NEW1', 'OLD']);
        // Dashboards read the replica too, and answer.
        for (const url of [
          '/api/meetings-overview?org=T&month=2026-06',
          '/api/meetings-overview/figures?org=T&month=2026-06',
          '/api/recommendations-dashboard?org=T&from=2026-01-01&to=2026-06-30',
        ]) {
          const answer = await app.inject({ method: 'GET', url, headers: { cookie: cookieHeader(writer) } });
          expect(answer.statusCode, `${url}: ${answer.body}`).toBe(200);
        }
      } finally {
        await control.query('SELECT pg_wal_replay_resume()');
      }

      // Caught up: the writer's reads go to the replica again. A row written on the primary behind the
      // session's back while replay is paused shows which database answered.
      const lsn = await addMember(app, session, csrf, 'NEW2');
      await caughtUp(pool, standby.url);
      await control.query('SELECT pg_wal_replay_pause()');
      try {
        await buildMember(database.db, { code: 'NEW3', name: 'Lê Văn Sau', org: 'C1' });
        const writer = { [SESSION_COOKIE]: session, [LSN_COOKIE]: lsn ?? '' };
        expect(await memberCodes(app, writer)).toEqual(['NEW1', 'NEW2', 'OLD']);
      } finally {
        await control.query('SELECT pg_wal_replay_resume()');
      }
    });

    it('a replica that is not a standby (promoted, or the wrong URL) is not read', async () => {
      const warnings: string[] = [];
      const same = readReplica(database, database, { warn: (m) => warnings.push(m) });
      expect(await same.dbFor(null)).toBe(database.db);
      expect(warnings.join()).toMatch(/not a standby/);
    });
  });
}
