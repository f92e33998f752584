import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import type { SQL } from 'drizzle-orm';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { type PgDatabase, type PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import pg from 'pg';
import * as schema from './schema/index.ts';

export type Schema = typeof schema;
/** One type for both drivers: PGlite (embedded) and node-postgres (production). */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;

export interface Database {
  db: Db;
  driver: 'pglite' | 'postgres';
  /** Runs raw SQL with positional parameters, bypassing Drizzle (migrations, benchmarks). For COPY see bulk.ts. */
  raw: RawClient;
  /** The driver's own client, for work Drizzle does not cover (COPY in db/bulk.ts). */
  native: { driver: 'pglite'; pglite: PGlite } | { driver: 'postgres'; pool: pg.Pool };
  close(): Promise<void>;
  /** PGlite only: the whole data folder as a gzipped tarball (test templates, backups). */
  dump?: () => Promise<Blob>;
}

export interface RawClient {
  query<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
}

/** Options for the embedded database. */
export const PGLITE_EXTENSIONS = { pg_trgm, unaccent };

/** Wraps an open PGlite instance. */
export function fromPglite(client: PGlite): Database {
  const db = drizzlePglite({ client, schema }) as unknown as Db;
  return {
    db,
    driver: 'pglite',
    raw: {
      async query<T>(text: string, params?: unknown[]) {
        const result = await client.query<T>(text, params);
        return result.rows;
      },
    },
    native: { driver: 'pglite', pglite: client },
    close: () => client.close(),
    dump: async () => (await client.dumpDataDir('gzip')) as Blob,
  };
}

/** Opens an in-memory PGlite from a dump made by `dump()`. */
export async function loadPglite(dump: Blob): Promise<Database> {
  const client = await PGlite.create({ loadDataDir: dump, extensions: PGLITE_EXTENSIONS });
  return fromPglite(client);
}

/** Opens the embedded database in a data folder (created when missing). */
export async function openPglite(dataDir: string | null): Promise<Database> {
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  const client = await PGlite.create(dataDir ?? undefined, { extensions: PGLITE_EXTENSIONS });
  return fromPglite(client);
}

/** A second query sent on a connection still busy with one (pg 8 warns, pg 9 refuses). */
export class OverlappingQueryError extends Error {
  constructor() {
    super('client.query() while the connection is already executing a query: await each query in turn');
  }
}

/** node-postgres internals read by the guard (pg 8: the running query and those waiting behind it). */
type ClientState = { _activeQuery: unknown; _queryQueue: unknown[] };

/**
 * Makes every connection of the pool refuse a query sent while another runs on it (pg's deprecation
 * warning): overlapping queries inside one transaction (`Promise.all` on `tx`) fail the test that reaches
 * them. The refused query still runs in its turn, as pg queues it, and only then rejects, so the
 * transaction's ROLLBACK finds the connection idle and the pool gets it back clean.
 * The tests turn it on (test/db.ts); elsewhere `NENNEP_STRICT_QUERIES=1` does.
 */
export function refuseOverlappingQueries(pool: pg.Pool) {
  pool.on('connect', (client) => {
    const query = client.query.bind(client) as (...args: unknown[]) => unknown;
    const state = client as unknown as ClientState;
    (client as unknown as { query: (...args: unknown[]) => unknown }).query = (...args: unknown[]) => {
      const busy = state._activeQuery || state._queryQueue.length > 0;
      const result = query(...args);
      // Only promise-style calls are wrapped (Drizzle's); callbacks and streams (COPY) pass as they are.
      if (!busy || !(result instanceof Promise)) return result;
      return result.then(
        () => Promise.reject(new OverlappingQueryError()),
        () => Promise.reject(new OverlappingQueryError()),
      );
    };
  });
}

/** Opens PostgreSQL through a connection URL. */
export async function openPostgres(
  url: string,
  max = 10,
  strict = process.env.NENNEP_STRICT_QUERIES === '1',
): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max });
  if (strict) refuseOverlappingQueries(pool);
  // An idle connection the server ends (restart, failover) must not crash the process.
  pool.on('error', (error) => console.error(`PostgreSQL: ${error.message}`));
  // Dates stay strings ("2024-05-01"), as in PGlite with Drizzle's date columns.
  pg.types.setTypeParser(1082, (v: string) => v);
  const db = drizzlePg({ client: pool, schema }) as unknown as Db;
  return {
    db,
    driver: 'postgres',
    raw: {
      async query<T>(text: string, params?: unknown[]) {
        const result = await pool.query(text, params);
        return result.rows as T[];
      },
    },
    native: { driver: 'postgres', pool },
    close: () => pool.end(),
  };
}

/** Rows of a raw Drizzle `sql` query, the same shape on both drivers. */
export async function rows<T>(db: Db, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}

/**
 * Independent reads side by side on the pool's connections, or one after another inside a transaction, which
 * holds a single connection (overlapping queries there are refused, `refuseOverlappingQueries`).
 */
export async function readAll<T extends readonly unknown[]>(
  db: Db,
  reads: { [K in keyof T]: () => Promise<T[K]> },
): Promise<T> {
  if (!(db instanceof PgTransaction)) return (await Promise.all(reads.map((read) => read()))) as unknown as T;
  const out: unknown[] = [];
  for (const read of reads) out.push(await read());
  return out as unknown as T;
}
