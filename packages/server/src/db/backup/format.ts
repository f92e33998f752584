/**
 * The backup file of `nennep backup`: one gzip stream, the same whichever engine wrote it, so a backup of
 * the embedded database restores into PostgreSQL and back.
 *
 *   NENNEP-BACKUP<TAB>1                        the format and its version
 *   {"format":1,"createdAt":…,"tables":[…]}    the header, one JSON line (BackupHeader)
 *   TABLE "orgs"                               then, for each table of the header, in its order:
 *   1<TAB>Đảng bộ tỉnh…                          its rows in COPY text format (one line each: tabs,
 *   …                                            newlines and backslashes inside a value are escaped)
 *   \.                                           and COPY's end-of-data line
 *   NENNEP-BACKUP-END                          the end: a file cut short lacks it
 *
 * gzip's CRC catches a damaged byte; the row counts of the header and the end line catch a file cut short.
 */
import { z } from 'zod';

export const BACKUP_MAGIC = 'NENNEP-BACKUP';
export const BACKUP_FORMAT = 1;
export const BACKUP_END = 'NENNEP-BACKUP-END';
/** COPY's end-of-data line: never a row, since COPY writes a backslash inside a value as `\\`. */
export const SECTION_END = '\\.';

export const tableLine = (name: string) => `TABLE ${JSON.stringify(name)}`;

const columnSchema = z.object({ name: z.string().min(1), type: z.string().min(1) });

export const backupHeaderSchema = z.object({
  format: z.literal(BACKUP_FORMAT),
  /** When the backup was made (the injected clock), ISO 8601. */
  createdAt: z.string(),
  engine: z.enum(['pglite', 'postgres']),
  serverVersion: z.string(),
  /** Tags of the applied migrations (table nennep_migrations), sorted: the schema the rows fit. */
  migrations: z.array(z.string()),
  /** Every table of the public schema, in an order where a table comes after those it references. */
  tables: z.array(
    z.object({ name: z.string().min(1), columns: z.array(columnSchema), rows: z.number().int().min(0) }),
  ),
  /** Every sequence of the public schema (identity columns), restored with setval. */
  sequences: z.array(z.object({ name: z.string().min(1), lastValue: z.string(), isCalled: z.boolean() })),
});

export type BackupHeader = z.infer<typeof backupHeaderSchema>;
export type BackupTable = BackupHeader['tables'][number];

/** What a backup or a restore did, for the command's closing line. */
export interface BackupSummary {
  createdAt: string;
  engine: BackupHeader['engine'];
  tables: number;
  rows: number;
}

export const summaryOf = (header: BackupHeader): BackupSummary => ({
  createdAt: header.createdAt,
  engine: header.engine,
  tables: header.tables.length,
  rows: header.tables.reduce((sum, table) => sum + table.rows, 0),
});

/** Progress of a backup or a restore, after each table. */
export type TableProgress = (progress: { table: string; rows: number; index: number; total: number }) => void;

export type BackupErrorKind =
  | 'corrupt'
  | 'version'
  | 'migrations'
  | 'schema'
  | 'not-empty'
  | 'not-initialised'
  | 'server-busy'
  | 'no-server';

/** A refusal the command prints as it is, in Vietnamese then English, with a non-zero exit status. */
export class BackupError extends Error {
  constructor(
    readonly kind: BackupErrorKind,
    vi: string,
    en: string,
  ) {
    super(`${vi}\n${en}`);
    this.name = 'BackupError';
  }
}

export const corrupt = (why: string) =>
  new BackupError(
    'corrupt',
    `Tệp sao lưu hỏng hoặc không đầy đủ (${why}); không ghi gì vào cơ sở dữ liệu.`,
    `The backup file is damaged or incomplete (${why}); nothing was written to the database.`,
  );

/**
 * Reads a stream line by line, as Buffers (the rows stay bytes, never decoded). A line is a view into the
 * chunk it lies in, or a copy when it spans chunks.
 */
export class LineReader {
  readonly #source: AsyncIterator<Buffer>;
  #chunk: Buffer = Buffer.alloc(0);
  #position = 0;

  constructor(source: AsyncIterable<Buffer>) {
    this.#source = source[Symbol.asyncIterator]();
  }

  /** The next line without its `\n`; null at the end. A last line without `\n` means the file was cut. */
  async next(): Promise<Buffer | null> {
    let pieces: Buffer[] | null = null;
    for (;;) {
      const end = this.#chunk.indexOf(10, this.#position);
      if (end !== -1) {
        const piece = this.#chunk.subarray(this.#position, end);
        this.#position = end + 1;
        return pieces ? Buffer.concat([...pieces, piece]) : piece;
      }
      if (this.#position < this.#chunk.length) {
        pieces ??= [];
        pieces.push(this.#chunk.subarray(this.#position));
      }
      const { value, done } = await this.#source.next();
      if (done) {
        if (pieces) throw corrupt('dòng cuối bị cắt / last line cut');
        return null;
      }
      this.#chunk = value;
      this.#position = 0;
    }
  }

  /** The next line as text; at the end, the file was cut. */
  async text(): Promise<string> {
    const line = await this.next();
    if (line === null) throw corrupt('thiếu phần cuối / the end is missing');
    return line.toString('utf8');
  }
}

const BATCH = 1 << 20;
const NEWLINE = 10;

/** The rows of one table, copied out of the stream into 1 MB blocks, each line with its `\n`. */
export class RowBlocks {
  readonly blocks: Buffer<ArrayBuffer>[] = [];
  rows = 0;
  #current: Buffer<ArrayBuffer> = Buffer.allocUnsafe(0);
  #used = 0;

  push(line: Buffer) {
    this.rows++;
    const size = line.length + 1;
    if (size > this.#current.length - this.#used) {
      this.#seal();
      this.#current = Buffer.allocUnsafe(Math.max(BATCH, size));
    }
    line.copy(this.#current, this.#used);
    this.#current[this.#used + line.length] = NEWLINE;
    this.#used += size;
  }

  /** The blocks, the last one trimmed to its filled part. */
  finish(): Buffer<ArrayBuffer>[] {
    this.#seal();
    return this.blocks;
  }

  #seal() {
    if (this.#used > 0) this.blocks.push(this.#current.subarray(0, this.#used));
    this.#current = Buffer.allocUnsafe(0);
    this.#used = 0;
  }
}

/** Rows in a piece of COPY text output: one `\n` each. */
export function countRows(chunk: Buffer): number {
  let rows = 0;
  for (let at = chunk.indexOf(NEWLINE); at !== -1; at = chunk.indexOf(NEWLINE, at + 1)) rows++;
  return rows;
}
