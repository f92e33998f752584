/**
 * One transaction on one connection for a backup or a restore, the same on PGlite and PostgreSQL: queries,
 * COPY out and COPY in of raw COPY text (PGlite through its '/dev/blob', node-postgres through
 * pg-copy-streams), and a Drizzle handle on the same transaction for the audit event.
 */
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { PGlite, Transaction } from '@electric-sql/pglite';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import type pg from 'pg';
import { from as copyFrom, to as copyTo } from 'pg-copy-streams';
import type { Database, Db } from '../client.ts';
import * as schema from '../schema/index.ts';

export interface Session {
  query<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
  /** `COPY <source> TO …`: the rows in COPY text format, in chunks. */
  copyOut(source: string): AsyncIterable<Buffer>;
  /** `COPY <target> FROM …` with these bytes (whole rows, each ending in `\n`). */
  copyIn(target: string, blocks: readonly Uint8Array<ArrayBuffer>[]): Promise<void>;
  db: Db;
}

/**
 * `snapshot`: REPEATABLE READ READ ONLY, so every table is read as of one instant while the server keeps
 * writing (on PGlite the transaction also holds the single connection: requests wait for its end).
 * `write`: an ordinary transaction, all or nothing.
 */
export type SessionMode = 'snapshot' | 'write';

/**
 * Text formats pinned for the transaction, so the COPY text means the same on both ends whatever the
 * server's defaults: ISO dates, PostgreSQL intervals, exact floats, hex bytea, times in UTC (timestamptz
 * values carry their offset, so the zone changes only how they are written).
 */
const SETTINGS = [
  "SET LOCAL DateStyle = 'ISO, YMD'",
  "SET LOCAL IntervalStyle = 'postgres'",
  "SET LOCAL TimeZone = 'UTC'",
  'SET LOCAL extra_float_digits = 3',
  "SET LOCAL bytea_output = 'hex'",
];

export async function withSession<T>(
  database: Database,
  mode: SessionMode,
  work: (session: Session) => Promise<T>,
): Promise<T> {
  const { native } = database;
  if (native.driver === 'pglite') {
    return native.pglite.transaction(async (tx) => {
      if (mode === 'snapshot') await tx.query('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY');
      for (const setting of SETTINGS) await tx.query(setting);
      return work(pgliteSession(tx));
    });
  }
  const client = await native.pool.connect();
  try {
    await client.query(mode === 'snapshot' ? 'BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY' : 'BEGIN');
    for (const setting of SETTINGS) await client.query(setting);
    const result = await work(postgresSession(client));
    await client.query('COMMIT');
    client.release();
    return result;
  } catch (error) {
    // The connection may be inside a COPY: closing it is the sure way back, and the server rolls back.
    client.release(true);
    throw error;
  }
}

function pgliteSession(tx: Transaction): Session {
  return {
    query: async <R>(text: string, params?: unknown[]) => (await tx.query<R>(text, params)).rows,
    async *copyOut(source) {
      const result = await tx.query(`COPY ${source} TO '/dev/blob'`);
      if (result.blob) yield Buffer.from(await result.blob.arrayBuffer());
    },
    async copyIn(target, blocks) {
      if (blocks.length === 0) return;
      await tx.query(`COPY ${target} FROM '/dev/blob'`, [], { blob: new Blob([...blocks]) });
    },
    // PGlite's transaction answers queries like the client; Drizzle needs nothing more of it (db/bulk.ts).
    db: drizzlePglite({ client: tx as unknown as PGlite, schema }) as unknown as Db,
  };
}

function postgresSession(client: pg.PoolClient): Session {
  return {
    query: async <R>(text: string, params?: unknown[]) => (await client.query(text, params)).rows as R[],
    async *copyOut(source) {
      const stream = client.query(copyTo(`COPY ${source} TO STDOUT`));
      for await (const chunk of stream) yield chunk as Buffer;
    },
    async copyIn(target, blocks) {
      if (blocks.length === 0) return;
      await pipeline(Readable.from(blocks), client.query(copyFrom(`COPY ${target} FROM STDIN`)));
    },
    db: drizzlePg({ client, schema }) as unknown as Db,
  };
}
