import type { Conn } from '../../db/bulk.ts';

/** Ids from a table's identity sequence, fetched in blocks, handed out one by one. */
export class IdPool {
  private ids: number[] = [];
  private at = 0;
  constructor(
    private readonly conn: Conn,
    private readonly table: 'meetings' | 'visits' | 'visit_plans' | 'recommendations' | 'accounts',
    /** Waits for a COPY in flight on the connection: one statement at a time on it. */
    private readonly settle: () => Promise<void> = async () => {},
  ) {}
  async ensure(count: number) {
    if (this.ids.length - this.at >= count) return;
    await this.settle();
    const [sequence] = await this.conn.query<{ name: string }>(
      `SELECT pg_get_serial_sequence('${this.table}', 'id') AS name`,
    );
    const [row] = await this.conn.query<{ ids: number[] }>(
      `SELECT array_agg(nextval('${sequence?.name}'::regclass)::int) AS ids FROM generate_series(1, $1::int)`,
      [Math.max(count, 5_000)],
    );
    this.ids = [...this.ids.slice(this.at), ...(row?.ids ?? [])];
    this.at = 0;
  }
  next(): number {
    const id = this.ids[this.at++];
    if (id === undefined) throw new Error(`${this.table}: no id reserved`);
    return id;
  }
}
