import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';

/** COPY text-format rows into a table through one pooled connection. */
export async function copyFromText(
  pool: pg.Pool,
  table: string,
  columns: string[],
  text: string,
): Promise<void> {
  const client = await pool.connect();
  try {
    const stream = client.query(copyFrom(`COPY ${table} (${columns.join(', ')}) FROM STDIN`));
    await pipeline(Readable.from([text]), stream);
  } finally {
    client.release();
  }
}
