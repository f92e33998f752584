/**
 * Import benchmark: 100,000 members from an .xlsx file (parse + validate + commit, `runImport` as the CLI
 * runs it) against a raw COPY of the same rows, as COPY text, into an empty copy of the members table
 * (`LIKE members INCLUDING ALL`: same columns, identity, defaults and indexes) in the same database.
 *
 * Each measurement runs in its own child process, so the peak RSS reported is the import's alone
 * (for PGlite that includes the embedded database itself, as in `npm start`).
 */
import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CELL_KINDS, foldForSearch, isoDateInVietnam, nameSortKey } from '@nennep/core';
import ExcelJS from 'exceljs';
import { copyLine, withTransaction } from '../packages/server/src/db/bulk.ts';
import { type Database, openPglite, openPostgres } from '../packages/server/src/db/client.ts';
import { migrate } from '../packages/server/src/db/migrate.ts';
import {
  POSITION_LABELS,
  SEX_LABELS,
  STATUS_LABELS,
} from '../packages/server/src/modules/imports/columns.ts';
import { MEMBER_COLUMNS } from '../packages/server/src/modules/imports/commit.ts';
import { runImport } from '../packages/server/src/modules/imports/service.ts';
import { generateDemoData, generateMembers } from '../packages/server/src/seed/demo-data.ts';

export type Target = { driver: 'pglite'; dir: string } | { driver: 'postgres'; url: string };
export interface ImportFigures {
  importMs: number;
  copyMs: number;
  ratio: number;
  peakRssMb: number;
  /** COPY into a copy of the table without its indexes, for reference (not the ratio's base). */
  copyNoIndexMs: number;
}

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const MEMBER_SEED = 20260101;
export const BENCH_ROWS = Number(process.env.BENCH_ROWS ?? 100_000);

function benchData() {
  const { orgs } = generateDemoData();
  const cells = orgs.filter((o) => CELL_KINDS.includes(o.kind)).map((o) => o.code);
  return { orgs, members: generateMembers(BENCH_ROWS, cells, MEMBER_SEED) };
}

/** The day the imports are validated against: the real one, as the CLI does (this script is an entry point). */
const today = () => isoDateInVietnam(new Date());

const day = (iso: string | null) => (iso ? new Date(`${iso}T00:00:00Z`) : null);

/** Writes the organisations CSV and the members .xlsx (Vietnamese headers and values, date cells). */
export async function prepareFiles(dir: string) {
  const { orgs, members } = benchData();
  const orgsCsv = path.join(dir, 'orgs.csv');
  const quote = (v: string | null) => (v && /[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : (v ?? ''));
  const lines = [
    'code,name,kind,category,parent_code',
    ...orgs.map((o) => [o.code, o.name, o.kind, o.category, o.parent_code].map(quote).join(',')),
  ];
  writeFileSync(orgsCsv, `${lines.join('\n')}\n`);
  const membersXlsx = path.join(dir, 'members.xlsx');
  const writer = new ExcelJS.stream.xlsx.WorkbookWriter({
    filename: membersXlsx,
    useSharedStrings: true,
    useStyles: true,
  });
  const sheet = writer.addWorksheet('Đảng viên');
  sheet
    .addRow([
      'Mã đảng viên',
      'Họ và tên',
      'Giới tính',
      'Ngày sinh',
      'Mã chi bộ',
      'Trạng thái',
      'Ngày vào Đảng',
      'Ngày chính thức',
      'Chức vụ',
      'Số thẻ đảng viên',
      'Miễn sinh hoạt từ',
      'Ghi chú',
    ])
    .commit();
  for (const m of members) {
    const row = sheet.addRow([
      m.member_code,
      m.full_name,
      SEX_LABELS[m.sex],
      day(m.birth_date),
      m.org_code,
      STATUS_LABELS[m.status],
      day(m.admission_date),
      day(m.official_date),
      POSITION_LABELS[m.position],
      m.party_card_no,
      day(m.exempt_from),
      m.notes,
    ]);
    for (const column of [4, 7, 8, 11]) row.getCell(column).numFmt = 'dd/mm/yyyy';
    row.commit();
  }
  await sheet.commit();
  await writer.commit();
  return { orgsCsv, membersXlsx };
}

async function open(target: Target): Promise<Database> {
  const database =
    target.driver === 'pglite' ? await openPglite(target.dir) : await openPostgres(target.url, 4);
  await migrate(database.raw);
  return database;
}

/** Child: load the organisations, then time COPY of the members (as text) into empty copies of `members`. */
async function childCopy(database: Database, orgsCsv: string) {
  const orgs = await runImport(database, null, 'orgs', readFileSync(orgsCsv), 'orgs.csv', today());
  if (!orgs.valid) throw new Error(`orgs import failed: ${JSON.stringify(orgs.errors.slice(0, 3))}`);
  const { members } = benchData();
  const cells = new Map(
    (
      await database.raw.query<{ id: number; code: string; path: string }>(
        'SELECT id::int AS id, code, path FROM orgs',
      )
    ).map((o) => [o.code, o]),
  );
  const lines = members.map((m) => {
    const cell = cells.get(m.org_code);
    return copyLine([
      m.member_code,
      m.full_name,
      nameSortKey(m.full_name),
      foldForSearch(m.full_name),
      m.sex,
      m.birth_date,
      cell?.id,
      cell?.path,
      m.status,
      m.admission_date,
      m.official_date,
      m.position,
      m.party_card_no,
      m.exempt_from,
      m.notes,
    ]);
  });
  const time = async (table: string, like: string) => {
    await database.raw.query(`DROP TABLE IF EXISTS ${table}`);
    await database.raw.query(`CREATE TABLE ${table} (LIKE members ${like})`);
    const started = performance.now();
    await withTransaction(database, (conn) => conn.copy(table, MEMBER_COLUMNS, lines));
    const ms = performance.now() - started;
    await database.raw.query(`DROP TABLE ${table}`);
    return ms;
  };
  const copyNoIndexMs = await time('bench_members_copy_bare', 'INCLUDING ALL EXCLUDING INDEXES');
  const copyMs = await time('bench_members_copy', 'INCLUDING ALL');
  return { copyMs, copyNoIndexMs };
}

/** Child: time the members import exactly as `nennep import members FILE` runs it. */
async function childImport(database: Database, membersXlsx: string) {
  const started = performance.now();
  const report = await runImport(
    database,
    null,
    'members',
    readFileSync(membersXlsx),
    'members.xlsx',
    today(),
  );
  const importMs = performance.now() - started;
  if (!report.valid || report.result?.created !== BENCH_ROWS) {
    throw new Error(
      `members import failed: ${JSON.stringify(report.errors.slice(0, 3))} ${JSON.stringify(report.result)}`,
    );
  }
  return { importMs, peakRssMb: process.resourceUsage().maxRSS / 1024 };
}

function runChild(step: 'copy' | 'import', target: Target, file: string): Promise<Record<string, number>> {
  const where = target.driver === 'pglite' ? target.dir : target.url;
  const args = [
    path.join(ROOT, 'packages/server/bin/run-ts.mjs'),
    path.join(ROOT, 'bench/import.ts'),
    '--child',
    step,
    target.driver,
    where,
    file,
  ];
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'], env: process.env });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
    });
    child.on('error', reject);
    child.on('exit', (code) => {
      const last = out.trim().split('\n').pop() ?? '';
      if (code === 0) resolve(JSON.parse(last) as Record<string, number>);
      else reject(new Error(`bench child ${step} (${target.driver}) exited with ${code}: ${out}`));
    });
  });
}

/** Runs both measurements on a fresh database of the target. */
export async function benchImport(
  target: Target,
  files: { orgsCsv: string; membersXlsx: string },
): Promise<ImportFigures> {
  const copy = await runChild('copy', target, files.orgsCsv);
  const imported = await runChild('import', target, files.membersXlsx);
  const round = (n: number | undefined) => Math.round((n ?? 0) * 10) / 10;
  const importMs = round(imported.importMs);
  const copyMs = round(copy.copyMs);
  return {
    importMs,
    copyMs,
    ratio: Math.round((importMs / copyMs) * 100) / 100,
    peakRssMb: Math.round(imported.peakRssMb ?? 0),
    copyNoIndexMs: round(copy.copyNoIndexMs),
  };
}

if (process.argv[2] === '--child') {
  const [, , , step, driver, where, file] = process.argv;
  const target: Target =
    driver === 'pglite' ? { driver, dir: where ?? '' } : { driver: 'postgres', url: where ?? '' };
  const database = await open(target);
  try {
    const result =
      step === 'copy' ? await childCopy(database, file ?? '') : await childImport(database, file ?? '');
    process.stdout.write(`${JSON.stringify(result)}\n`);
  } finally {
    await database.close();
  }
}
