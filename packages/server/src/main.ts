import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { isoDateInVietnam } from '@nennep/core';
import { buildApp } from './app.ts';
import { runAlertsCommand } from './cli/alerts.ts';
import { runBackupCommand, runRestoreCommand } from './cli/backup.ts';
import { createAdmin } from './cli/create-admin.ts';
import { runDuesImportCommand } from './cli/dues-import.ts';
import { runDuesPortalCommand } from './cli/dues-portal.ts';
import { runRatingsImportCommand } from './cli/ratings-import.ts';
import { loadConfig } from './config.ts';
import { startBackupSocket } from './db/backup/socket.ts';
import { DataDirBusyError } from './db/lock.ts';
import { openDatabase } from './db/open.ts';
import { openReadReplica } from './db/replica.ts';
import { fillFingerprints, pendingFingerprints } from './modules/documents/fingerprints.ts';
import { type ImportKind, runImport } from './modules/imports/service.ts';
import { startMailer } from './modules/inbox/mailer.ts';
import { findOrg, orgStats } from './modules/orgs/queries.ts';
import { runScaleSeed } from './seed/scale/cli.ts';
import { isSeeded, seedDemo } from './seed/seed-demo.ts';

const USAGE = `Cách dùng / usage: nennep <lệnh>
  start                       chạy máy chủ web và API (PORT, HOST, DATABASE_URL, NENNEP_DATA_DIR)
  migrate                     áp dụng các bản chuyển đổi cơ sở dữ liệu
  seed-demo                   nạp tổ chức mẫu (Đảng bộ tỉnh Hồng Châu, một năm sinh hoạt tính đến hôm nay)
  seed-demo --scale province|small [--cells N] [--seed N]
                              sinh dữ liệu cả tỉnh (120 xã, 10.000 chi bộ, 400.000 đảng viên) bằng COPY
                              generate a whole province with COPY (reproducible from --seed)
  create-admin --username U --org MÃ [--org-name TÊN] [--name TÊN] [--password MK]
                              tạo quản trị viên đầu tiên trên một tổ chức (tạo tổ chức gốc nếu chưa có)
  import orgs|members TỆP     nhập tổ chức hoặc đảng viên từ .xlsx / .csv
  import dues-basis|dues TỆP  nhập căn cứ đóng đảng phí hoặc các khoản đã đóng (cả tệp hoặc không gì)
  import dues-portal TỆP [--map "Cột=trường,…"]
                              nhập sao kê đảng phí từ Cổng Dịch vụ công (ghi các dòng khớp đảng viên)
  import ratings TỆP          nhập kết quả xếp loại tổ chức đảng, đảng viên (year, period, subject, code,
                              score, level, notes; cả tệp hoặc không gì)
  stats MÃ                    thống kê một tổ chức (JSON)
  alerts [--date YYYY-MM-DD]  gửi cảnh báo sinh hoạt chi bộ vào hộp thư
  backup TỆP                  sao lưu toàn bộ cơ sở dữ liệu vào TỆP (được cả khi máy chủ đang chạy)
                              back up the whole database to FILE (also while the server runs)
  restore TỆP [--replace]     khôi phục từ TỆP vào cơ sở dữ liệu trống (--replace: xóa dữ liệu hiện có)
                              restore FILE into an empty database (--replace: delete what is there)`;

async function serve() {
  const config = loadConfig();
  const database = await openDatabase(config, 'server');
  if (database.embedded && !(await isSeeded(database.db))) {
    console.log('Đang nạp dữ liệu mẫu (lần chạy đầu)… / seeding the demo organisation…');
    console.log(describeSeed(await seedDemo(database, { now: new Date() })));
  }
  // Dashboards and lists read from the streaming replica when DATABASE_READ_URL names one (db/replica.ts).
  const replica = await openReadReplica(config, database);
  const app = await buildApp({ database, config, replica }, { logger: true });
  // Documents loaded in bulk (the demo's year) get their SHA-256 in the background, between requests.
  const fingerprinting = new AbortController();
  void fillFingerprints(database.db, { signal: fingerprinting.signal }).then(
    (stored) => stored > 0 && app.log.info(`fingerprints of ${stored} documents stored`),
    (error: unknown) => app.log.error(error, 'fingerprints'),
  );
  const stopMailer = config.smtpUrl ? startMailer(database.db, config.smtpUrl, config.mailFrom) : () => {};
  // `nennep backup` asks the server, which holds the embedded database's folder (db/backup/socket.ts).
  const stopBackups = database.embedded
    ? await startBackupSocket(database, config.dataDir, { clock: () => new Date(), log: app.log })
    : async () => {};
  const stop = async () => {
    fingerprinting.abort();
    stopMailer();
    await stopBackups();
    await app.close();
    await replica?.close();
    await database.close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  await app.listen({ port: config.port, host: config.host });
  console.log(`Nền Nếp: http://${config.host}:${config.port}  (API docs: /api/docs)`);
}

function describeSeed(s: Awaited<ReturnType<typeof seedDemo>>): string {
  return (
    `Đã nạp ${s.orgs} tổ chức, ${s.members} đảng viên, ${s.accounts} tài khoản, ${s.meetings.adopted} cuộc họp ` +
    `đã thông qua biên bản. / Seeded ${s.orgs} organisations, ${s.members} members, ${s.meetings.adopted} adopted meetings.`
  );
}

async function withDatabase<T>(
  purpose: string,
  work: (db: Awaited<ReturnType<typeof openDatabase>>) => Promise<T>,
) {
  const database = await openDatabase(loadConfig(), purpose);
  try {
    return await work(database);
  } finally {
    await database.close();
  }
}

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case 'start':
      await serve();
      return -1;
    case 'migrate':
      await withDatabase('migrate', async () => console.log('Đã áp dụng chuyển đổi / migrations applied.'));
      return 0;
    case 'seed-demo': {
      const { values } = parseArgs({
        args: rest,
        options: { scale: { type: 'string' }, cells: { type: 'string' }, seed: { type: 'string' } },
      });
      if (values.scale !== undefined || values.cells !== undefined)
        return withDatabase('seed-demo', (database) => runScaleSeed(database, values, new Date()));
      return withDatabase('seed-demo', async (database) => {
        if (await isSeeded(database.db)) {
          console.log('Dữ liệu mẫu đã có / demo data already present.');
          return 0;
        }
        console.log(describeSeed(await seedDemo(database, { now: new Date() })));
        const total = await pendingFingerprints(database.db);
        const stored = await fillFingerprints(database.db);
        console.log(
          `Đã tính mã băm của ${stored}/${total} văn bản. / ${stored} document fingerprints stored.`,
        );
        return 0;
      });
    }
    case 'create-admin': {
      const { values } = parseArgs({
        args: rest,
        options: {
          username: { type: 'string' },
          org: { type: 'string' },
          'org-name': { type: 'string' },
          name: { type: 'string' },
          password: { type: 'string' },
        },
      });
      return withDatabase('create-admin', (database) => createAdmin(database.db, values));
    }
    case 'import': {
      const [kind, file] = rest;
      if (kind === 'dues-portal' && file) {
        const { values } = parseArgs({ args: rest.slice(2), options: { map: { type: 'string' } } });
        return withDatabase('import', (database) => runDuesPortalCommand(database, file, values.map));
      }
      if ((kind === 'dues-basis' || kind === 'dues') && file)
        return withDatabase('import', (database) => runDuesImportCommand(database, kind, file));
      if (kind === 'ratings' && file)
        return withDatabase('import', (database) => runRatingsImportCommand(database, file, new Date()));
      if ((kind !== 'orgs' && kind !== 'members') || !file) {
        console.error(USAGE);
        return 2;
      }
      const buffer = readFileSync(file);
      return withDatabase('import', async (database) => {
        const today = isoDateInVietnam(new Date());
        const report = await runImport(
          database,
          null,
          kind as ImportKind,
          buffer,
          file,
          today,
          (done, total) => {
            if (process.stderr.isTTY) process.stderr.write(`\r${done}/${total}`);
          },
        );
        if (!report.valid) {
          for (const error of report.errors)
            console.error(`Dòng ${error.row}, cột ${error.field}: ${error.message}`);
          console.error(`Tệp có ${report.errors.length} lỗi; không ghi gì vào hệ thống.`);
          return 1;
        }
        console.log(JSON.stringify(report.result));
        return 0;
      });
    }
    case 'alerts': {
      const { values } = parseArgs({ args: rest, options: { date: { type: 'string' } } });
      return withDatabase('alerts', (database) => runAlertsCommand(database, values.date));
    }
    case 'backup':
      return runBackupCommand(loadConfig(), rest);
    case 'restore':
      return runRestoreCommand(loadConfig(), rest);
    case 'stats': {
      const [code] = rest;
      if (!code) {
        console.error(USAGE);
        return 2;
      }
      return withDatabase('stats', async (database) => {
        const org = await findOrg(database.db, code);
        if (!org) {
          console.error(`Không tìm thấy tổ chức ${code}. / No organisation ${code}.`);
          return 1;
        }
        console.log(
          JSON.stringify(await orgStats(database.db, org.path, isoDateInVietnam(new Date())), null, 2),
        );
        return 0;
      });
    }
    default:
      console.log(USAGE);
      return command ? 2 : 0;
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code >= 0) process.exit(code);
  },
  (error: unknown) => {
    if (error instanceof DataDirBusyError) console.error(error.message);
    else console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
