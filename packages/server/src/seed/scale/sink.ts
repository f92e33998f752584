/**
 * Lines for COPY gathered per table and sent in chunks as they fill, so a province never sits in memory
 * whole: the next chunk is built while the previous one is in flight (as `copyChunked` does).
 */
import { type Conn, copyLine } from '../../db/bulk.ts';

type Value = string | number | boolean | null | undefined;

const CHUNK = 20_000;

export class CopySink {
  private readonly buffers = new Map<string, string[]>();
  private inFlight: Promise<void> = Promise.resolve();
  /** Rows written per table. */
  readonly counts = new Map<string, number>();

  constructor(
    private readonly conn: Conn,
    private readonly columns: Readonly<Record<string, readonly string[]>>,
  ) {}

  /** Adds a row (values in the table's column order); sends the table's chunk when it is full. */
  async add(table: string, values: readonly Value[]): Promise<void> {
    let buffer = this.buffers.get(table);
    if (!buffer) {
      buffer = [];
      this.buffers.set(table, buffer);
    }
    buffer.push(copyLine(values));
    if (buffer.length >= CHUNK) await this.flush(table);
  }

  private async flush(table: string) {
    const lines = this.buffers.get(table) ?? [];
    if (lines.length === 0) return;
    this.buffers.set(table, []);
    const columns = this.columns[table];
    if (!columns) throw new Error(`no columns for ${table}`);
    await this.inFlight;
    this.counts.set(table, (this.counts.get(table) ?? 0) + lines.length);
    this.inFlight = this.conn.copy(table, columns, lines);
  }

  /** Waits for the chunk in flight, so another statement may run on the connection. */
  async settle(): Promise<void> {
    await this.inFlight;
  }

  /** Sends what is left, table by table in the order the columns were given. */
  async close(): Promise<void> {
    for (const table of Object.keys(this.columns)) await this.flush(table);
    await this.inFlight;
  }
}
