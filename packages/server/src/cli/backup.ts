import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { Config } from '../config.ts';
import { backupToFile, recordBackup } from '../db/backup/dump.ts';
import { BackupError, type BackupSummary, type TableProgress } from '../db/backup/format.ts';
import { restoreFromFile } from '../db/backup/restore.ts';
import { requestBackup } from '../db/backup/socket.ts';
import { type Database, openPglite, openPostgres } from '../db/client.ts';
import { acquireDataLock, DataDirBusyError, readLock } from '../db/lock.ts';
import { openDatabase } from '../db/open.ts';

/** Progress on standard error, one line per table, so standard output keeps the result only. */
const progress: TableProgress = ({ table, rows, index, total }) => {
  process.stderr.write(`  [${index}/${total}] ${table}: ${rows}\n`);
};

const megabytes = (file: string) => (statSync(file).size / 1024 / 1024).toFixed(1);

/** Opens the database as it is, without migrating it: a backup taken before an upgrade keeps the old schema. */
async function openAsIs(config: Config): Promise<Database> {
  if (config.databaseUrl) return openPostgres(config.databaseUrl, 2);
  if (!existsSync(path.join(config.dataDir, 'PG_VERSION'))) {
    throw new BackupError(
      'not-initialised',
      `Thư mục ${config.dataDir} chưa có cơ sở dữ liệu (NENNEP_DATA_DIR).`,
      `There is no database in ${config.dataDir} (NENNEP_DATA_DIR).`,
    );
  }
  const release = acquireDataLock(config.dataDir, 'backup');
  try {
    const database = await openPglite(config.dataDir);
    return {
      ...database,
      close: async () => {
        await database.close();
        release();
      },
    };
  } catch (error) {
    release();
    throw error;
  }
}

/**
 * `nennep backup FILE`: the whole database into FILE. On the embedded database held by a running server,
 * the server makes it (db/backup/socket.ts); otherwise the command opens the database itself.
 */
export async function runBackupCommand(config: Config, args: string[]): Promise<number> {
  const [target] = args;
  if (!target || args.length > 1) {
    console.error('Cách dùng / usage: nennep backup TỆP');
    return 2;
  }
  const file = path.resolve(target);
  const holder = config.databaseUrl ? null : readLock(config.dataDir);
  let summary: BackupSummary;
  if (holder) {
    if (holder.purpose !== 'server') throw new DataDirBusyError(config.dataDir, holder);
    console.error(
      `Máy chủ (tiến trình ${holder.pid}) đang chạy: nhờ máy chủ sao lưu… / asking the running server for the backup…`,
    );
    summary = await requestBackup(config.dataDir, file, progress);
  } else {
    const database = await openAsIs(config);
    try {
      const now = new Date();
      summary = await backupToFile(database, file, { now, onTable: progress });
      await recordBackup(database.db, summary, 'cli', now);
    } finally {
      await database.close();
    }
  }
  const { tables, rows } = summary;
  console.log(
    `Đã sao lưu ${tables} bảng, ${rows} dòng vào ${file} (${megabytes(file)} MB). / ` +
      `Backed up ${tables} tables, ${rows} rows.`,
  );
  return 0;
}

/**
 * `nennep restore FILE [--replace]`: loads a backup into the configured database, migrated to this version
 * first; all of it or nothing. The embedded database must not be held by a running server.
 */
export async function runRestoreCommand(config: Config, args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    options: { replace: { type: 'boolean' } },
    allowPositionals: true,
  });
  const [source] = positionals;
  if (!source || positionals.length > 1) {
    console.error('Cách dùng / usage: nennep restore TỆP [--replace]');
    return 2;
  }
  const file = path.resolve(source);
  if (!existsSync(file)) {
    console.error(`Không có tệp ${file}. / No file ${file}.`);
    return 1;
  }
  const holder = config.databaseUrl ? null : readLock(config.dataDir);
  if (holder) {
    throw new BackupError(
      'server-busy',
      `Dừng máy chủ trước khi khôi phục: thư mục dữ liệu ${config.dataDir} đang được tiến trình ${holder.pid} (${holder.purpose}) sử dụng.`,
      `Stop the server first: the data folder ${config.dataDir} is in use by process ${holder.pid} (${holder.purpose}).`,
    );
  }
  const database = await openDatabase(config, 'restore');
  try {
    const summary = await restoreFromFile(database, file, {
      replace: values.replace ?? false,
      now: new Date(),
      onTable: progress,
    });
    const { tables, rows, createdAt } = summary;
    console.log(
      `Đã khôi phục ${tables} bảng, ${rows} dòng từ bản sao lưu lúc ${createdAt}. / ` +
        `Restored ${tables} tables, ${rows} rows from the backup of ${createdAt}.`,
    );
    return 0;
  } finally {
    await database.close();
  }
}
