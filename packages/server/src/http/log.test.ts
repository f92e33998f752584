/**
 * Personal data never reaches the log (issue 12, fault 7): database errors carry their parameters
 * (Drizzle's "Failed query … params:"), their detail ("Failing row contains (…)") and quoted values in
 * their message; a search carries its words in the query string. The whole log of these requests is
 * searched for every personal value they used.
 */
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app.ts';
import type { Database } from '../db/client.ts';
import { members } from '../db/schema/index.ts';
import { createTestDatabase } from '../test/db.ts';
import { errorForLog, scrub } from './log.ts';

const PHONE = '0912345678';
const CITIZEN_ID = '001085012345';
const BIRTH = '1985-03-15';
const NAME = 'Nguyễn Thị Hoa';

const lines: string[] = [];
let app: FastifyInstance;
let database: Database;

beforeAll(async () => {
  database = await createTestDatabase();
  app = await buildApp(
    { database, config: { secureCookies: false, sessionDays: 1 } },
    { logger: true, logStream: { write: (line) => lines.push(line) }, webDist: null },
  );
  // Faults on purpose, with the personal values a member's record holds.
  app.get('/api/test/drizzle', async () => {
    // No member code, no name: NOT NULL fails, and PostgreSQL's detail lists the whole failing row.
    await database.db
      .insert(members)
      .values({ citizenId: CITIZEN_ID, phone: PHONE, birthDate: BIRTH } as never);
  });
  app.get('/api/test/raw', async () => database.raw.query('SELECT $1::date AS d', [PHONE]));
  app.get('/api/test/literal', async () =>
    database.db.execute(sql`SELECT ${`${NAME} ${CITIZEN_ID}`}::int AS n`),
  );
  await app.ready();
});
afterAll(async () => {
  await app.close();
  await database.close();
});

const logged = () => lines.join('');

describe('the log of failed requests', () => {
  it('names the database error without its parameters, detail or values', async () => {
    for (const url of ['/api/test/drizzle', '/api/test/raw', '/api/test/literal']) {
      const response = await app.inject({ method: 'GET', url });
      expect(response.statusCode).toBe(500);
      expect(response.body).not.toContain(PHONE);
    }
    const text = logged();
    for (const value of [PHONE, CITIZEN_ID, BIRTH, NAME, 'Hoa', '0912', '001085'])
      expect(text).not.toContain(value);
    const errors = lines.map((l) => JSON.parse(l)).filter((l) => l.msg === 'unhandled error');
    expect(errors.map((l) => l.err.db?.code)).toEqual(['23502', '22008', '22P02']);
    expect(errors[0].err.db).toMatchObject({ table: 'members', column: 'member_code' });
    expect(errors[0].err.query).toContain('insert into "members"');
    expect(errors[0].err.stack).toMatch(/^\s+at /);
  });

  it('logs a request by its path, never its query string', async () => {
    await app.inject({ method: 'GET', url: `/api/members?q=${PHONE}&name=${encodeURIComponent(NAME)}` });
    const requests = lines.map((l) => JSON.parse(l)).filter((l) => l.req);
    expect(requests.at(-1)?.req.url).toBe('/api/members?…');
    expect(logged()).not.toContain(PHONE);
  });
});

describe('scrub', () => {
  it('keeps SQL names and takes out values', () => {
    expect(scrub(`duplicate key value violates unique constraint "members_member_code_key"`)).toBe(
      'duplicate key value violates unique constraint "members_member_code_key"',
    );
    expect(scrub(`invalid input syntax for type date: "${PHONE}"`)).toBe(
      'invalid input syntax for type date: "…"',
    );
    expect(scrub(`value ${CITIZEN_ID} and '${NAME}' at 2026-05-04`)).toBe("value … and '…' at …");
    expect(errorForLog(new Error(`no member with phone ${PHONE}`)).message).toBe('no member with phone …');
  });
});
