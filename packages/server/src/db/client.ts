import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import type { SQL } from 'drizzle-orm';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
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

/** Opens PostgreSQL through a connection URL. */
export async function openPostgres(url: string, max = 10): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max });
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
