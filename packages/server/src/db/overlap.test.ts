/**
 * Overlapping queries on one connection (issue 12, fault 15): pg 8 queues them with a deprecation warning,
 * pg 9 refuses them. The tests' PostgreSQL pools refuse them at once (client.ts `refuseOverlappingQueries`),
 * so a `Promise.all` of queries inside a transaction fails the test that reaches it.
 * On PGlite (one connection, its own queue) the same transaction runs its queries in turn.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../test/db.ts';
import { type Database, OverlappingQueryError, rows } from './client.ts';

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

/** The error, or the one it wraps (Drizzle wraps driver errors in its own). */
function rootOf(error: unknown): unknown {
  let current = error;
  while (current instanceof Error && !(current instanceof OverlappingQueryError) && current.cause)
    current = current.cause;
  return current;
}

const overlapping = () =>
  database.db.transaction(async (tx) => {
    const [slow, quick] = await Promise.all([
      rows<{ n: number }>(tx, sql`SELECT 1 AS n FROM pg_sleep(0.05)`),
      rows<{ n: number }>(tx, sql`SELECT 2 AS n`),
    ]);
    return [slow[0]?.n, quick[0]?.n];
  });

describe('queries on one connection', () => {
  it('one after another inside a transaction pass', async () => {
    const result = await database.db.transaction(async (tx) => {
      const first = await rows<{ n: number }>(tx, sql`SELECT 1 AS n`);
      const second = await rows<{ n: number }>(tx, sql`SELECT 2 AS n`);
      return [first[0]?.n, second[0]?.n];
    });
    expect(result).toEqual([1, 2]);
  });

  it('side by side on the pool pass (each takes its own connection)', async () => {
    const [a, b] = await Promise.all([
      rows<{ n: number }>(database.db, sql`SELECT 1 AS n FROM pg_sleep(0.05)`),
      rows<{ n: number }>(database.db, sql`SELECT 2 AS n`),
    ]);
    expect([a[0]?.n, b[0]?.n]).toEqual([1, 2]);
  });

  it(`side by side inside a transaction: refused on PostgreSQL, queued by PGlite (${process.env.TEST_DATABASE_URL ? 'postgres' : 'pglite'})`, async () => {
    if (database.driver === 'postgres') {
      const error = await overlapping().then(
        () => null,
        (e: unknown) => e,
      );
      expect(rootOf(error)).toBeInstanceOf(OverlappingQueryError);
      // The connection went back to the pool usable: the next transaction runs.
      expect(await rows<{ n: number }>(database.db, sql`SELECT 3 AS n`)).toEqual([{ n: 3 }]);
    } else {
      expect(await overlapping()).toEqual([1, 2]);
    }
  });
});
