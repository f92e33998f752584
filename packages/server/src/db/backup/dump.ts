/**
 * `nennep backup`: the whole database as one backup file (format.ts), read inside one REPEATABLE READ
 * READ ONLY transaction, so the file is one instant of the database even while the server writes.
 */
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import type { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGzip, type Gzip } from 'node:zlib';
import type { Database, Db } from '../client.ts';
import { auditEvents } from '../schema/index.ts';
import { ident, MIGRATIONS_TABLE, qualified, readCatalog } from './catalog.ts';
import {
  BACKUP_END,
  BACKUP_FORMAT,
  BACKUP_MAGIC,
  BackupError,
  type BackupHeader,
  type BackupSummary,
  countRows,
  SECTION_END,
  summaryOf,
  type TableProgress,
  tableLine,
} from './format.ts';
import { type Session, withSession } from './session.ts';

export interface BackupOptions {
  /** The time written in the header: from the caller's clock. */
  now: Date;
  onTable?: TableProgress;
}

/** Writes through gzip into `out`, waiting whenever the consumer is behind. */
class GzipSink {
  readonly #gzip: Gzip = createGzip();
  readonly #done: Promise<void>;

  constructor(out: Writable) {
    this.#done = pipeline(this.#gzip, out);
    this.#done.catch(() => undefined);
  }

  async write(chunk: Buffer | string) {
    if (!this.#gzip.write(chunk)) await Promise.race([once(this.#gzip, 'drain'), this.#done]);
  }

  async end() {
    this.#gzip.end();
    await this.#done;
  }

  destroy(error: Error) {
    this.#gzip.destroy(error);
  }
}

/** The header: what the snapshot holds, counted inside it. */
async function readHeader(session: Session, engine: Database['driver'], now: Date): Promise<BackupHeader> {
  const catalog = await readCatalog(session);
  if (!catalog.tables.some((t) => t.name === MIGRATIONS_TABLE)) {
    throw new BackupError(
      'not-initialised',
      'Cơ sở dữ liệu chưa được khởi tạo (chưa có bảng nennep_migrations): chạy `nennep migrate` trước.',
      'The database is not initialised (no nennep_migrations table): run `nennep migrate` first.',
    );
  }
  const migrations = await session.query<{ tag: string }>(
    `SELECT tag FROM ${qualified(MIGRATIONS_TABLE)} ORDER BY tag COLLATE "C"`,
  );
  const tables: BackupHeader['tables'] = [];
  for (const table of catalog.tables) {
    const [count] = await session.query<{ rows: string }>(
      `SELECT count(*)::text AS rows FROM ${qualified(table.name)}`,
    );
    tables.push({ name: table.name, columns: table.columns, rows: Number(count?.rows ?? 0) });
  }
  // A sequence is outside transactions: read now, it is at least as far as every row of the snapshot.
  const sequences: BackupHeader['sequences'] = [];
  for (const name of catalog.sequences) {
    const [state] = await session.query<{ last: string; called: boolean }>(
      `SELECT last_value::text AS last, is_called AS called FROM ${qualified(name)}`,
    );
    if (state) sequences.push({ name, lastValue: state.last, isCalled: state.called });
  }
  const [version] = await session.query<{ v: string }>(`SELECT current_setting('server_version') AS v`);
  return {
    format: BACKUP_FORMAT,
    createdAt: now.toISOString(),
    engine,
    serverVersion: version?.v ?? '',
    migrations: migrations.map((m) => m.tag),
    tables,
    sequences,
  };
}

/** Writes a backup of the whole database into `out` (gzip), and ends `out`. */
export async function writeBackup(
  database: Database,
  out: Writable,
  options: BackupOptions,
): Promise<BackupSummary> {
  const sink = new GzipSink(out);
  try {
    const header = await withSession(database, 'snapshot', async (session) => {
      const header = await readHeader(session, database.driver, options.now);
      await sink.write(`${BACKUP_MAGIC}\t${BACKUP_FORMAT}\n${JSON.stringify(header)}\n`);
      for (const [index, table] of header.tables.entries()) {
        await sink.write(`${tableLine(table.name)}\n`);
        const columns = table.columns.map((c) => ident(c.name)).join(', ');
        let rows = 0;
        for await (const chunk of session.copyOut(`${qualified(table.name)} (${columns})`)) {
          rows += countRows(chunk);
          await sink.write(chunk);
        }
        // Cannot differ inside one snapshot; checked so that a file never says what it does not hold.
        if (rows !== table.rows) throw new Error(`${table.name}: counted ${table.rows} rows, copied ${rows}`);
        await sink.write(`${SECTION_END}\n`);
        options.onTable?.({ table: table.name, rows, index: index + 1, total: header.tables.length });
      }
      await sink.write(`${BACKUP_END}\n`);
      return header;
    });
    await sink.end();
    return summaryOf(header);
  } catch (error) {
    sink.destroy(error instanceof Error ? error : new Error(String(error)));
    throw error;
  }
}

/**
 * Writes a backup to `file`: first `file.part`, renamed once complete, so `file` is never half a backup.
 * Readable by its owner only (mode 0600): it holds every member's personal data.
 */
export async function backupToFile(
  database: Database,
  file: string,
  options: BackupOptions,
): Promise<BackupSummary> {
  const part = `${file}.part`;
  try {
    const summary = await writeBackup(
      database,
      createWriteStream(part, { mode: 0o600, flush: true }),
      options,
    );
    await rename(part, file);
    return summary;
  } catch (error) {
    await rm(part, { force: true });
    throw error;
  }
}

/**
 * The audit event of a backup, written after it (the backup's own transaction is read-only): a backup
 * opens every member's personal data, and each opening of personal data is recorded (db/schema/audit.ts).
 */
export async function recordBackup(db: Db, summary: BackupSummary, via: 'cli' | 'server', at: Date) {
  await db.insert(auditEvents).values({
    at,
    actorId: null,
    actorName: 'system',
    action: 'database.backed_up',
    entityType: 'backup',
    entityId: summary.createdAt,
    orgPath: '/',
    detail: { tables: summary.tables, rows: summary.rows, engine: summary.engine, via },
  });
}
