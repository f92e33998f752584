/**
 * Bulk writes inside one transaction on one connection, the same on PGlite and PostgreSQL: COPY in text
 * format (PGlite reads it from a blob, node-postgres streams it with pg-copy-streams), and ids reserved
 * from an identity sequence in one statement. Imports, the demo seed and the benchmarks use it.
 */
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { from as copyFromStdin } from 'pg-copy-streams';
import type { Database, Db } from './client.ts';
import * as schema from './schema/index.ts';

/** One connection inside one transaction. */
export interface Conn {
  query<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
  /** COPY rows (each already in COPY text format, without the line end) into a table. */
  copy(table: string, columns: readonly string[], lines: readonly string[]): Promise<void>;
}

const copySql = (table: string, columns: readonly string[], source: string) =>
  `COPY ${table} (${columns.join(', ')}) FROM ${source}`;

/**
 * Runs `work` in one transaction on one connection of either driver. PGlite's own `transaction()`
 * holds its lock, so concurrent requests wait instead of slipping into the import's transaction.
 */
export function withTransaction<T>(database: Database, work: (conn: Conn) => Promise<T>): Promise<T> {
  return withBulkTransaction(database, (conn) => work(conn));
}

/**
 * `withTransaction` with a Drizzle handle on the same connection and transaction, for work that mixes COPY
 * with the services (the demo seed): everything commits or nothing does. The services called through it
 * must not open transactions of their own (none of the meeting, supervision or recommendation ones do).
 */
export async function withBulkTransaction<T>(
  database: Database,
  work: (conn: Conn, db: Db) => Promise<T>,
): Promise<T> {
  const { native } = database;
  if (native.driver === 'pglite') {
    return native.pglite.transaction((tx) => {
      const conn: Conn = {
        query: async <R>(text: string, params?: unknown[]) => (await tx.query<R>(text, params)).rows,
        copy: async (table, columns, lines) => {
          await tx.query(copySql(table, columns, "'/dev/blob'"), [], {
            blob: new Blob([`${lines.join('\n')}\n`]),
          });
        },
      };
      // PGlite's transaction object answers queries like the client; Drizzle needs nothing more of it.
      return work(conn, drizzlePglite({ client: tx as unknown as PGlite, schema }) as unknown as Db);
    });
  }
  const client = await native.pool.connect();
  const conn: Conn = {
    query: async <R>(text: string, params?: unknown[]) => (await client.query(text, params)).rows as R[],
    copy: async (table, columns, lines) => {
      const stream = client.query(copyFromStdin(copySql(table, columns, 'STDIN')));
      await pipeline(Readable.from([`${lines.join('\n')}\n`]), stream);
    },
  };
  try {
    await client.query('BEGIN');
    const result = await work(conn, drizzlePg({ client, schema }) as unknown as Db);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

const COPY_ESCAPES: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };

/** One value in COPY text format. */
export function copyValue(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return '\\N';
  if (typeof value !== 'string') return String(value);
  return /[\\\t\n\r]/.test(value) ? value.replace(/[\\\t\n\r]/g, (c) => COPY_ESCAPES[c] ?? c) : value;
}

export const copyLine = (values: readonly (string | number | boolean | null | undefined)[]) =>
  values.map(copyValue).join('\t');

const CHUNK = 10_000;

/**
 * COPY in chunks, reporting the rows written after each. The next chunk's text is built while the
 * previous one is in flight (on PostgreSQL the server works meanwhile).
 */
export async function copyChunked(
  conn: Conn,
  table: string,
  columns: readonly string[],
  count: number,
  line: (index: number) => string,
  onRows?: (rows: number) => void,
) {
  let inFlight: Promise<void> | null = null;
  for (let start = 0; start < count; start += CHUNK) {
    const end = Math.min(count, start + CHUNK);
    const lines: string[] = [];
    for (let i = start; i < end; i++) lines.push(line(i));
    if (inFlight) await inFlight;
    inFlight = conn.copy(table, columns, lines).then(() => onRows?.(end - start));
  }
  if (inFlight) await inFlight;
}

/** Reserves `count` ids from a table's identity sequence in one statement. */
export async function reserveIds(
  conn: Conn,
  table: 'orgs' | 'members' | 'meetings',
  count: number,
): Promise<number[]> {
  if (count === 0) return [];
  const [sequence] = await conn.query<{ name: string }>(
    `SELECT pg_get_serial_sequence('${table}', 'id') AS name`,
  );
  const [row] = await conn.query<{ ids: number[] }>(
    `SELECT array_agg(nextval('${sequence?.name}'::regclass)::int) AS ids FROM generate_series(1, $1::int)`,
    [count],
  );
  return row?.ids ?? [];
}
