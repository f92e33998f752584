/**
 * `nennep restore`: loads a backup file (format.ts) into a migrated database whose migrations are the
 * backup's, in one transaction: every table or none. A database that already holds data is refused unless
 * `replace`, which empties every table inside the same transaction.
 */
import { createReadStream } from 'node:fs';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { createGunzip, type Gunzip } from 'node:zlib';
import type { Database } from '../client.ts';
import { auditEvents } from '../schema/index.ts';
import { type Catalog, ident, MIGRATIONS_TABLE, qualified, readCatalog } from './catalog.ts';
import {
  BACKUP_END,
  BACKUP_FORMAT,
  BACKUP_MAGIC,
  BackupError,
  type BackupHeader,
  type BackupSummary,
  backupHeaderSchema,
  corrupt,
  LineReader,
  RowBlocks,
  summaryOf,
  type TableProgress,
  tableLine,
} from './format.ts';
import type { Session } from './session.ts';
import { withSession } from './session.ts';

export interface RestoreOptions {
  /** Empty every table first, in the same transaction; without it a database holding data is refused. */
  replace?: boolean;
  /** The time of the audit event: from the caller's clock. */
  now: Date;
  onTable?: TableProgress;
  /** Where the backup came from (a file name), for the audit event. */
  source?: string;
}

/** gunzip's chunks; its errors (a damaged byte, a file cut short, not gzip at all) become `corrupt`. */
async function* unzipped(gunzip: Gunzip): AsyncIterable<Buffer> {
  try {
    for await (const chunk of gunzip) yield chunk as Buffer;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? '';
    if (code.startsWith('Z_')) throw corrupt(`gzip: ${(error as Error).message}`);
    throw error;
  }
}

/** The first two lines: the format line and the JSON header. */
export async function readBackupHeader(reader: LineReader): Promise<BackupHeader> {
  const first = await reader.next();
  const [magic, version] = (first?.toString('utf8') ?? '').split('\t');
  if (magic !== BACKUP_MAGIC) {
    throw new BackupError(
      'corrupt',
      'Đây không phải tệp sao lưu của Nền Nếp; không ghi gì vào cơ sở dữ liệu.',
      'This is not a Nền Nếp backup file; nothing was written to the database.',
    );
  }
  if (version !== String(BACKUP_FORMAT)) {
    throw new BackupError(
      'version',
      `Tệp sao lưu theo định dạng phiên bản ${version}, phiên bản Nền Nếp này chỉ đọc định dạng ${BACKUP_FORMAT}: ` +
        'hãy khôi phục bằng phiên bản đã tạo ra nó.',
      `The backup uses format version ${version}; this version of Nền Nếp reads format ${BACKUP_FORMAT} only: ` +
        'restore it with the version that made it.',
    );
  }
  let json: unknown;
  try {
    json = JSON.parse(await reader.text());
  } catch (error) {
    if (error instanceof BackupError) throw error;
    throw corrupt('phần đầu không phải JSON / the header is not JSON');
  }
  const header = backupHeaderSchema.safeParse(json);
  if (!header.success) throw corrupt('phần đầu sai cấu trúc / the header is malformed');
  return header.data;
}

const list = (names: readonly string[]) =>
  names.length > 5 ? `${names.slice(0, 5).join(', ')} … (+${names.length - 5})` : names.join(', ');

async function checkMigrations(session: Session, catalog: Catalog, header: BackupHeader) {
  if (!catalog.tables.some((t) => t.name === MIGRATIONS_TABLE)) {
    throw new BackupError(
      'not-initialised',
      'Cơ sở dữ liệu đích chưa được khởi tạo: chạy `nennep migrate` trước.',
      'The target database is not initialised: run `nennep migrate` first.',
    );
  }
  const here = (await session.query<{ tag: string }>(`SELECT tag FROM ${qualified(MIGRATIONS_TABLE)}`)).map(
    (r) => r.tag,
  );
  const newer = header.migrations.filter((tag) => !here.includes(tag));
  const older = here.filter((tag) => !header.migrations.includes(tag));
  if (newer.length > 0) {
    throw new BackupError(
      'migrations',
      `Bản sao lưu do phiên bản Nền Nếp mới hơn tạo ra (có chuyển đổi ${list(newer)} mà phiên bản này chưa có): ` +
        'hãy nâng cấp Nền Nếp rồi khôi phục.',
      `The backup was made by a newer version of Nền Nếp (migrations ${list(newer)} are unknown here): ` +
        'upgrade, then restore.',
    );
  }
  if (older.length > 0) {
    throw new BackupError(
      'migrations',
      `Bản sao lưu do phiên bản Nền Nếp cũ hơn tạo ra (chưa có chuyển đổi ${list(older)}): ` +
        'hãy khôi phục bằng phiên bản đã tạo ra nó, rồi nâng cấp.',
      `The backup was made by an older version of Nền Nếp (without migrations ${list(older)}): ` +
        'restore it with that version, then upgrade.',
    );
  }
}

/** The same tables, columns and sequences on both sides (they are, unless someone altered the schema). */
function checkSchema(catalog: Catalog, header: BackupHeader) {
  const shape = (columns: readonly { name: string; type: string }[]) =>
    columns
      .map((c) => `${c.name} ${c.type}`)
      .sort()
      .join(', ');
  const here = new Map(catalog.tables.map((t) => [t.name, shape(t.columns)]));
  const there = new Map(header.tables.map((t) => [t.name, shape(t.columns)]));
  const differences = [
    ...[...there.keys()].filter((name) => !here.has(name)).map((name) => `-${name}`),
    ...[...here.keys()].filter((name) => !there.has(name)).map((name) => `+${name}`),
    ...[...there]
      .filter(([name, cols]) => here.has(name) && here.get(name) !== cols)
      .map(([name]) => `~${name}`),
    ...header.sequences.filter((s) => !catalog.sequences.includes(s.name)).map((s) => `-${s.name}`),
    ...catalog.sequences.filter((s) => !header.sequences.some((h) => h.name === s)).map((s) => `+${s}`),
  ];
  if (differences.length > 0) {
    throw new BackupError(
      'schema',
      `Cấu trúc cơ sở dữ liệu đích khác bản sao lưu (${list(differences)}), dù cùng chuyển đổi; không ghi gì.`,
      `The target database's schema differs from the backup's (${list(differences)}), though the migrations ` +
        'match; nothing was written.',
    );
  }
}

/** Refuses a database holding data unless `replace`; then empties every table (migrations included). */
async function emptyTables(session: Session, catalog: Catalog, replace: boolean): Promise<string[]> {
  const filled: string[] = [];
  for (const table of catalog.tables) {
    if (table.name === MIGRATIONS_TABLE) continue;
    const [row] = await session.query<{ filled: boolean }>(
      `SELECT EXISTS (SELECT 1 FROM ${qualified(table.name)}) AS filled`,
    );
    if (row?.filled) filled.push(table.name);
  }
  if (filled.length > 0 && !replace) {
    throw new BackupError(
      'not-empty',
      `Cơ sở dữ liệu đích đã có dữ liệu (bảng ${list(filled)}); không ghi gì. ` +
        'Thêm --replace để xóa hết dữ liệu hiện có và thay bằng bản sao lưu.',
      `The target database already holds data (tables ${list(filled)}); nothing was written. ` +
        'Add --replace to delete all of it and load the backup instead.',
    );
  }
  const all = [...catalog.tables.map((t) => t.name), ...catalog.derived];
  await session.query(`TRUNCATE ${all.map(qualified).join(', ')}`);
  return filled;
}

/** One table's rows, up to COPY's end-of-data line, counted against the header; kept in `into` if given. */
async function readRows(reader: LineReader, table: BackupHeader['tables'][number], into?: RowBlocks) {
  if ((await reader.text()) !== tableLine(table.name))
    throw corrupt(`không thấy bảng ${table.name} / table ${table.name} not found`);
  let rows = 0;
  for (;;) {
    const line = await reader.next();
    if (line === null) throw corrupt(`bị cắt trong bảng ${table.name} / cut inside table ${table.name}`);
    if (line.length === 2 && line[0] === 0x5c && line[1] === 0x2e) break; // `\.`
    rows++;
    into?.push(line);
  }
  if (rows !== table.rows) {
    throw corrupt(
      `bảng ${table.name} có ${rows} dòng thay vì ${table.rows} / table ${table.name} holds ${rows} rows, not ${table.rows}`,
    );
  }
}

/** The end line, then the end of the stream (reading to it makes gunzip check its CRC). */
async function readEnd(reader: LineReader) {
  if ((await reader.text()) !== BACKUP_END) throw corrupt('thiếu dòng kết thúc / no end line');
  if ((await reader.next()) !== null) throw corrupt('dữ liệu thừa sau phần cuối / data after the end');
}

/** A backup stream opened for reading, line by line. */
function openBackup(input: Readable) {
  const gunzip = createGunzip();
  input.on('error', (error) => gunzip.destroy(error));
  input.pipe(gunzip);
  return {
    reader: new LineReader(unzipped(gunzip)),
    close() {
      input.unpipe(gunzip);
      gunzip.destroy();
      input.destroy();
    },
  };
}

/**
 * Reads a whole backup file without touching any database: its format, header, every table's row count,
 * the end line and gzip's CRC. A damaged file is thus refused before the restore begins.
 */
export async function verifyBackupFile(file: string): Promise<BackupHeader> {
  const { reader, close } = openBackup(createReadStream(file));
  try {
    const header = await readBackupHeader(reader);
    for (const table of header.tables) await readRows(reader, table);
    await readEnd(reader);
    return header;
  } finally {
    close();
  }
}

/** Restores a backup read from `input` (gzip). Nothing is written unless all of it loads. */
export async function restoreBackup(
  database: Database,
  input: Readable,
  options: RestoreOptions,
): Promise<BackupSummary> {
  const { reader, close } = openBackup(input);
  try {
    const header = await readBackupHeader(reader);
    await withSession(database, 'write', async (session) => {
      const catalog = await readCatalog(session);
      await checkMigrations(session, catalog, header);
      checkSchema(catalog, header);
      const replaced = await emptyTables(session, catalog, options.replace ?? false);
      for (const [index, table] of header.tables.entries()) {
        const rows = new RowBlocks();
        await readRows(reader, table, rows);
        const columns = table.columns.map((c) => ident(c.name)).join(', ');
        await session.copyIn(`${qualified(table.name)} (${columns})`, rows.finish());
        options.onTable?.({
          table: table.name,
          rows: table.rows,
          index: index + 1,
          total: header.tables.length,
        });
      }
      await readEnd(reader);
      // Derived tables (roll-ups) are not in the file: recomputed from what was loaded.
      for (const table of catalog.derived)
        await session.query(`SELECT public.${ident(`${table}_rebuild`)}()`);
      for (const sequence of header.sequences) {
        // setval alone outlives a rollback (sequences are not transactional); after RESTART, which gives
        // the sequence new storage in this transaction, a rollback discards both.
        await session.query(`ALTER SEQUENCE ${qualified(sequence.name)} RESTART`);
        await session.query('SELECT setval($1::regclass, $2::bigint, $3::boolean)', [
          qualified(sequence.name),
          sequence.lastValue,
          sequence.isCalled,
        ]);
      }
      const summary = summaryOf(header);
      await session.db.insert(auditEvents).values({
        at: options.now,
        actorId: null,
        actorName: 'system',
        action: 'database.restored',
        entityType: 'backup',
        entityId: header.createdAt,
        orgPath: '/',
        detail: {
          tables: summary.tables,
          rows: summary.rows,
          engine: header.engine,
          replaced: replaced.length > 0,
          source: options.source ?? null,
        },
      });
    });
    // Fresh planner statistics for the tables just filled.
    await database.raw.query('ANALYZE');
    return summaryOf(header);
  } finally {
    close();
  }
}

/** Restores the backup in `file`, read through once first (verifyBackupFile), then loaded. */
export async function restoreFromFile(
  database: Database,
  file: string,
  options: Omit<RestoreOptions, 'source'>,
): Promise<BackupSummary> {
  await verifyBackupFile(file);
  return restoreBackup(database, createReadStream(file), { ...options, source: path.basename(file) });
}
