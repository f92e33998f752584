/**
 * Import benchmark: 100,000 members from an .xlsx file (parse + validate + commit, `runImport` as the CLI
 * runs it) against a raw COPY of the same rows, as COPY text, into an empty copy of the members table
 * (`LIKE members INCLUDING ALL`: same columns, identity, defaults and indexes) in the same database.
 *
 * Each measurement runs in its own child process, so the peak RSS reported is the import's alone
 * (for PGlite that includes the embedded database itself, as in `npm start`).
 * `benchImportMillion` (BENCH_ONLY=import-million): the same on PostgreSQL with a million members, the
 * .xlsx written as a stream (xlsx-stream.ts), as the `million` entry of bench/results/import.json.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CELL_KINDS, foldForSearch, isoDateInVietnam, nameSortKey } from '@nennep/core';
import ExcelJS from 'exceljs';
import { copyLine, withTransaction } from '../packages/server/src/db/bulk.ts';
import { type Database, openPglite, openPostgres } from '../packages/server/src/db/client.ts';
import { migrate } from '../packages/server/src/db/migrate.ts';
import {
  MEMBER_COLUMNS as MEMBER_TEMPLATE,
  POSITION_LABELS,
  SEX_LABELS,
  STATUS_LABELS,
} from '../packages/server/src/modules/imports/columns.ts';
import { MEMBER_COLUMNS } from '../packages/server/src/modules/imports/commit.ts';
import { runImport } from '../packages/server/src/modules/imports/service.ts';
import { generateDemoData, generateMembers } from '../packages/server/src/seed/demo-data.ts';
import { memberValues } from '../packages/server/src/seed/scale/load-tree.ts';
import { withBenchDatabase } from './pg.ts';
import { writeXlsx } from './xlsx-stream.ts';

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

function benchData(rows = BENCH_ROWS) {
  const { orgs } = generateDemoData();
  const cells = orgs.filter((o) => CELL_KINDS.includes(o.kind)).map((o) => o.code);
  return { orgs, members: generateMembers(rows, cells, MEMBER_SEED).map(adult) };
}

/**
 * The generator's rare member admitted before 18 (a few in a million; none in 100,000), born earlier:
 * the import would refuse the row (Điều lệ Đảng, Điều 1: từ 18 tuổi).
 */
function adult<T extends { birth_date: string | null; admission_date: string }>(m: T): T {
  if (!m.birth_date) return m;
  let year = Number(m.birth_date.slice(0, 4));
  // Born on 29 February: 18 on 1 March of a common year, where the generator may admit on 28 February.
  const day = m.birth_date.slice(4) === '-02-29' ? '-02-28' : m.birth_date.slice(4);
  if (day === m.birth_date.slice(4) && m.admission_date >= `${year + 18}${day}`) return m;
  while (m.admission_date < `${year + 18}${day}`) year--;
  return { ...m, birth_date: `${year}${day}` };
}

/** The day the imports are validated against: the real one, as the CLI does (this script is an entry point). */
const today = () => isoDateInVietnam(new Date());

const day = (iso: string | null) => (iso ? new Date(`${iso}T00:00:00Z`) : null);

/** The template's headers (the Vietnamese ones the import matches as they stand). */
const HEADER = MEMBER_TEMPLATE.map((c) => c.vi);

type BenchMember = ReturnType<typeof benchData>['members'][number];
const cellsOf = (m: BenchMember) => [
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
];

function writeOrgsCsv(dir: string, orgs: ReturnType<typeof benchData>['orgs']) {
  const orgsCsv = path.join(dir, 'orgs.csv');
  const quote = (v: string | null) => (v && /[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : (v ?? ''));
  const lines = [
    'code,name,kind,category,parent_code',
    ...orgs.map((o) => [o.code, o.name, o.kind, o.category, o.parent_code].map(quote).join(',')),
  ];
  writeFileSync(orgsCsv, `${lines.join('\n')}\n`);
  return orgsCsv;
}

/** Writes the organisations CSV and the members .xlsx (Vietnamese headers and values, date cells). */
export async function prepareFiles(dir: string) {
  const { orgs, members } = benchData();
  const orgsCsv = writeOrgsCsv(dir, orgs);
  const membersXlsx = path.join(dir, 'members.xlsx');
  const writer = new ExcelJS.stream.xlsx.WorkbookWriter({
    filename: membersXlsx,
    useSharedStrings: true,
    useStyles: true,
  });
  const sheet = writer.addWorksheet('Đảng viên');
  sheet.addRow(HEADER).commit();
  for (const m of members) {
    const row = sheet.addRow(cellsOf(m));
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
    return copyLine(
      memberValues(m, cell?.id, cell?.path, [nameSortKey(m.full_name), foldForSearch(m.full_name)]),
    );
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
  const rows = BENCH_ROWS;
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
  if (!report.valid || report.result?.created !== rows) {
    throw new Error(
      `members import failed: ${JSON.stringify(report.errors.slice(0, 3))} ${JSON.stringify(report.result)}`,
    );
  }
  return { importMs, peakRssMb: process.resourceUsage().maxRSS / 1024 };
}

function runChild(
  step: 'copy' | 'import',
  target: Target,
  file: string,
  rows = BENCH_ROWS,
): Promise<Record<string, number>> {
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
    const env = { ...process.env, BENCH_ROWS: String(rows) };
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'], env });
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

// ---------------------------------------------------------------- a million members (issue 14)

/** Members of the `million` entry (BENCH_MILLION_ROWS to try it smaller). */
export const MILLION_ROWS = Number(process.env.BENCH_MILLION_ROWS ?? 1_000_000);

export interface MillionFigures {
  rows: number;
  importMs: number;
  copyMs: number;
  ratio: number;
  peakRssMb: number;
  /** The .xlsx's size, and how long writing it (streamed) took: not part of the ratio. */
  fileMb: number;
  writeMs: number;
}

/** The organisations CSV and `rows` members as .xlsx, written as a stream (xlsx-stream.ts). */
async function prepareMillion(dir: string, rows: number) {
  mkdirSync(dir, { recursive: true });
  const { orgs, members } = benchData(rows);
  const orgsCsv = writeOrgsCsv(dir, orgs);
  const membersXlsx = path.join(dir, `members-${rows}.xlsx`);
  const started = performance.now();
  await writeXlsx(membersXlsx, HEADER, members.map(cellsOf));
  return { orgsCsv, membersXlsx, writeMs: performance.now() - started };
}

/**
 * The `million` entry of bench/results/import.json: a million members from .xlsx on PostgreSQL, the import
 * (`nennep import members`: read, validated and COPYed in batches in one transaction) against COPY of the
 * same rows into a copy of `members` with its indexes; peak RSS of the importing process.
 */
export async function benchImportMillion(work: string, log: (text: string) => void): Promise<MillionFigures> {
  const rows = MILLION_ROWS;
  log(`Import, a million: writing ${rows.toLocaleString('en')} members as .xlsx (streamed)…`);
  const files = await prepareMillion(path.join(work, 'million'), rows);
  const fileMb = Math.round(statSync(files.membersXlsx).size / 1024 / 102.4) / 10;
  log(
    `Import, a million: ${fileMb} MB in ${Math.round(files.writeMs / 1000)} s; PostgreSQL: COPY and import…`,
  );
  const figures = await withBenchDatabase('nennep_million', async (url) => {
    const target: Target = { driver: 'postgres', url };
    const copy = await runChild('copy', target, files.orgsCsv, rows);
    const imported = await runChild('import', target, files.membersXlsx, rows);
    return { copy, imported };
  });
  const round = (n: number | undefined) => Math.round((n ?? 0) * 10) / 10;
  const importMs = round(figures.imported.importMs);
  const copyMs = round(figures.copy.copyMs);
  const million: MillionFigures = {
    rows,
    importMs,
    copyMs,
    ratio: Math.round((importMs / copyMs) * 100) / 100,
    peakRssMb: Math.round(figures.imported.peakRssMb ?? 0),
    fileMb,
    writeMs: Math.round(files.writeMs),
  };
  // Added to the results of the 100,000-row runs, which `npm run bench` keeps (keptMillion).
  const results = path.join(ROOT, 'bench/results/import.json');
  const json = existsSync(results)
    ? (JSON.parse(readFileSync(results, 'utf8')) as Record<string, unknown>)
    : {};
  writeFileSync(results, `${JSON.stringify({ ...json, million }, null, 2)}\n`);
  return million;
}

/** The `million` entry already in bench/results/import.json, kept when the 100,000-row figures are rewritten. */
export function keptMillion(): MillionFigures | undefined {
  const results = path.join(ROOT, 'bench/results/import.json');
  if (!existsSync(results)) return undefined;
  return (JSON.parse(readFileSync(results, 'utf8')) as { million?: MillionFigures }).million;
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
