/**
 * Imports through the API: a preview parses the file, maps its columns (the template's headers as they
 * stand; otherwise the user's choice, a remembered mapping of the same file shape, or a guess), validates
 * it against the database and stores the mapped rows in `import_jobs`; a commit re-validates them inside
 * its one transaction, writes everything or nothing, and remembers the mapping it used.
 */
import { randomUUID } from 'node:crypto';
import { gunzipSync, gzipSync } from 'node:zlib';
import type { Locale } from '@nennep/core';
import { eq } from 'drizzle-orm';
import { withTransaction } from '../../db/bulk.ts';
import type { Database } from '../../db/client.ts';
import { importJobs } from '../../db/schema/index.ts';
import type { Actor } from '../../http/access.ts';
import { AppError, conflict, invalidField, notFound } from '../../http/errors.ts';
import { columnsOf, type ImportKind } from './columns.ts';
import type { ImportLimits } from './limits.ts';
import {
  chosenMapping,
  exactMapping,
  guessMapping,
  type Mapping,
  type MappingSource,
  savedMapping,
  storedColumns,
} from './mapping.ts';
import { findSavedMapping, saveMapping } from './mapping-store.ts';
import type { Sheet, SheetRow } from './parse.ts';
import { type SampleRow, sampleOf } from './sample.ts';
import {
  applyRecords,
  auditImport,
  type Counts,
  type Outcome,
  type Result,
  readSheet,
  renderError,
} from './service.ts';
import { type ImportError, type ImportRecords, toRecords } from './validate.ts';

interface JobReport {
  keys: string[];
  summary: Counts;
  errors: ImportError[];
  result?: Result;
  error?: string;
  /** The process stopped during the commit (recoverInterruptedImports): nothing was written. */
  interrupted?: boolean;
  /** The mapping of a file whose headers are not the template's, remembered at commit. */
  mapping?: { source: MappingSource; shape: string; columns: Record<string, string | null> };
}

/** The mapping step as the import page shows it. */
export interface MappingView {
  source: MappingSource;
  needed: boolean;
  columns: Mapping['columns'];
  /** The import's columns, in template order. */
  targets: { key: string; header: string; required: boolean; date: boolean }[];
  /** The first rows (only when the mapping is needed: otherwise the page does not show them). */
  sample: SampleRow[];
}

/**
 * The rows of a previewed job, stored as one gzipped JSON string inside the jsonb column: a 100,000-row
 * file is a few MB that PostgreSQL (or PGlite's WebAssembly heap) keeps as one value instead of parsing
 * a tree of 100,000 arrays.
 */
interface StoredRows {
  encoding: 'gzip+base64';
  data: string;
}

function packRows(rows: SheetRow[]): StoredRows[] {
  const json = JSON.stringify(rows.map((r) => [r.row, ...r.cells]));
  return [{ encoding: 'gzip+base64', data: gzipSync(json).toString('base64') }];
}

function unpackRows(stored: unknown[]): SheetRow[] {
  const [packed] = stored as StoredRows[];
  if (packed?.encoding !== 'gzip+base64') return [];
  const list = JSON.parse(gunzipSync(Buffer.from(packed.data, 'base64')).toString('utf8')) as [
    number,
    ...string[],
  ][];
  return list.map(([row, ...cells]) => ({ row, cells }));
}

/** The mapping of a file: the user's, else the template's headers, else a remembered one, else a guess. */
async function resolveMapping(
  database: Database,
  actor: Actor,
  kind: ImportKind,
  sheet: Sheet,
  chosen: readonly (string | null)[] | undefined,
): Promise<Mapping> {
  if (chosen) {
    if (chosen.length !== sheet.header.length) {
      throw invalidField('columns', {
        vi: `Cách ghép cột không khớp tệp: tệp có ${sheet.header.length} cột, cách ghép có ${chosen.length}.`,
        en: `The column mapping does not fit the file: the file has ${sheet.header.length} columns, the mapping ${chosen.length}.`,
      });
    }
    const keys = new Set(columnsOf(kind).map((c) => c.key));
    const unknown = chosen.find((k) => k !== null && !keys.has(k));
    if (unknown) {
      throw invalidField('columns', {
        vi: `Không có cột "${unknown}" trong tệp nhập này.`,
        en: `This import has no column "${unknown}".`,
      });
    }
    return chosenMapping(kind, sheet.header, chosen);
  }
  const exact = exactMapping(kind, sheet.header);
  if (!exact.needed) return exact;
  const saved = await findSavedMapping(database.raw, actor, kind, exact.shape);
  return saved ? savedMapping(kind, sheet.header, saved) : guessMapping(kind, sheet);
}

function viewOf(kind: ImportKind, mapping: Mapping, sheet: Sheet): MappingView {
  return {
    source: mapping.source,
    needed: mapping.needed,
    columns: mapping.columns,
    targets: columnsOf(kind).map((c) => ({ key: c.key, header: c.vi, required: c.required, date: !!c.date })),
    sample: mapping.needed ? sampleOf(kind, sheet, mapping) : [],
  };
}

/**
 * Checks a file against the database as of `today` (the caller's clock) and stores it as a job;
 * `chosen` is the user's mapping (one import column key or null per file column), when given.
 */
export async function previewImport(
  database: Database,
  actor: Actor,
  kind: ImportKind,
  buffer: Buffer,
  fileName: string,
  today: string,
  chosen?: readonly (string | null)[],
  limits?: ImportLimits,
) {
  const read = await readSheet(buffer, fileName, limits);
  let records: ImportRecords = { kind, keys: [], rows: [] };
  let errors: ImportError[] = read.errors;
  let mapping: Mapping | null = null;
  if (read.sheet) {
    mapping = await resolveMapping(database, actor, kind, read.sheet, chosen);
    ({ records, errors } = toRecords(kind, read.sheet, mapping));
  }
  let outcome: Outcome = { errors, summary: { create: 0, update: 0, unchanged: 0 }, paths: [] };
  if (errors.length === 0) {
    outcome = await withTransaction(database, (conn) => applyRecords(conn, records, actor, today, false));
  }
  const valid = outcome.errors.length === 0;
  const id = randomUUID();
  const report: JobReport = { keys: records.keys, summary: outcome.summary, errors: outcome.errors };
  if (mapping?.needed) {
    report.mapping = { source: mapping.source, shape: mapping.shape, columns: storedColumns(mapping) };
  }
  await database.raw.query(
    `DELETE FROM import_jobs WHERE created_at < now() - interval '2 days' AND status <> 'committed'`,
  );
  await database.db.insert(importJobs).values({
    id,
    kind,
    accountId: actor.id,
    fileName,
    status: valid ? 'ready' : 'invalid',
    total: records.rows.length,
    processed: 0,
    rows: valid ? packRows(records.rows) : null,
    report: report as unknown as Record<string, unknown>,
  });
  return {
    jobId: id,
    fileName,
    total: records.rows.length,
    valid,
    errors: outcome.errors,
    summary: outcome.summary,
    kind,
    mapping: mapping && read.sheet ? viewOf(kind, mapping, read.sheet) : null,
  };
}

/** Advisory lock class of a commit in progress, taken with hashtext(job id); 4242 is the migrations'. */
const COMMIT_LOCK = 4243;

/**
 * The jobs this process is committing, with the number of requests at it. PGlite has one session, whose
 * advisory locks it may always take again: there, being committed is known from this count (PGlite's
 * data folder has one process). Either way the commit's last statement checks the job is still its own.
 */
const committingHere = new Map<string, number>();

const INTERRUPTED = {
  vi: 'Lần ghi trước bị gián đoạn (máy chủ đã dừng giữa chừng); chưa có gì được ghi. Hãy ghi lại.',
  en: 'The previous commit was interrupted (the server stopped midway); nothing was written. Commit again.',
};

/**
 * Marks failed the jobs left 'committing' by a process that stopped mid-commit (all of them, or `id`),
 * so that they may be committed again; returns how many. Nothing of theirs was written: the commit is one
 * transaction, which takes the job's advisory lock first and ends only if the job is still 'committing'.
 * A job whose lock another process holds is still being committed and is left alone.
 */
export async function recoverInterruptedImports(database: Database, id?: string): Promise<number> {
  const recovered = await database.raw.query<{ id: string }>(
    `UPDATE import_jobs SET status = 'failed', processed = 0,
       report = coalesce(report, '{}'::jsonb) || '{"interrupted": true}'::jsonb
     WHERE status = 'committing' AND ($1::text IS NULL OR id = $1) AND NOT (id = ANY($2::text[]))
       AND pg_try_advisory_xact_lock(${COMMIT_LOCK}, hashtext(id))
     RETURNING id`,
    [id ?? null, [...committingHere.keys()]],
  );
  return recovered.length;
}

async function findJob(database: Database, actor: Actor, id: string) {
  const [job] = await database.db.select().from(importJobs).where(eq(importJobs.id, id));
  if (!job || job.accountId !== actor.id) throw notFound('import');
  return { ...job, kind: job.kind as ImportKind, report: (job.report ?? {}) as unknown as JobReport };
}

export async function importJobStatus(database: Database, actor: Actor, id: string, locale: Locale) {
  const job = await findJob(database, actor, id);
  return {
    jobId: job.id,
    kind: job.kind,
    fileName: job.fileName,
    status: job.status,
    total: job.total,
    processed: job.processed,
    valid: job.status !== 'invalid',
    summary: job.report.summary ?? null,
    result: job.report.result ?? null,
    error: job.report.interrupted ? INTERRUPTED[locale] : (job.report.error ?? null),
    errors: (job.report.errors ?? []).map((e) => renderError(job.kind, e, locale)),
  };
}

/**
 * Commits a previewed job: only its uploader, only once, only if still valid against the database as of
 * `today` (the caller's clock).
 */
export async function commitImportJob(
  database: Database,
  actor: Actor,
  id: string,
  today: string,
): Promise<Result> {
  let job = await findJob(database, actor, id);
  if (job.status === 'committing' && (await recoverInterruptedImports(database, id)) > 0) {
    job = await findJob(database, actor, id);
  }
  if (job.status === 'committed') {
    throw conflict({ vi: 'Lượt nhập này đã được ghi.', en: 'This import has already been committed.' });
  }
  if (job.status === 'committing') {
    throw conflict({ vi: 'Lượt nhập này đang được ghi.', en: 'This import is being committed.' });
  }
  if ((job.status !== 'ready' && job.status !== 'failed') || !job.rows) {
    throw conflict({
      vi: 'Tệp có lỗi nên không thể ghi.',
      en: 'The file has errors; nothing can be written.',
    });
  }
  committingHere.set(id, (committingHere.get(id) ?? 0) + 1);
  try {
    return await claimAndCommit(database, actor, job, today);
  } finally {
    const left = (committingHere.get(id) ?? 1) - 1;
    if (left > 0) committingHere.set(id, left);
    else committingHere.delete(id);
  }
}

async function claimAndCommit(
  database: Database,
  actor: Actor,
  job: Awaited<ReturnType<typeof findJob>>,
  today: string,
): Promise<Result> {
  const { id } = job;
  const claimed = await database.raw.query(
    `UPDATE import_jobs SET status = 'committing', processed = 0,
       report = coalesce(report, '{}'::jsonb) - 'interrupted'
     WHERE id = $1 AND status IN ('ready', 'failed') RETURNING id`,
    [id],
  );
  if (claimed.length === 0)
    throw conflict({ vi: 'Lượt nhập này đã được ghi.', en: 'This import has already been committed.' });
  if (!job.rows) throw notFound('import');
  const records: ImportRecords = {
    kind: job.kind,
    keys: job.report.keys,
    rows: unpackRows(job.rows),
  };
  let done = 0;
  try {
    const outcome = await withTransaction(database, async (conn) => {
      // Held until the transaction ends: while it is, no other process takes this job for interrupted.
      await conn.query(`SELECT pg_advisory_xact_lock(${COMMIT_LOCK}, hashtext($1))`, [id]);
      const result = await applyRecords(conn, records, actor, today, true, (rows) => {
        done += rows;
        // Progress goes to the job row from outside the import's transaction (another pooled
        // connection), where any process answering the polls reads it. PGlite has one connection,
        // held by the transaction: there polls are answered once the commit ends.
        if (database.driver === 'postgres') {
          database.raw
            .query(`UPDATE import_jobs SET processed = $2 WHERE id = $1 AND status = 'committing'`, [
              id,
              done,
            ])
            .catch(() => undefined);
        }
      });
      if (!result.result) return result;
      await auditImport(conn, actor, job.kind, id, job.fileName, result);
      const mapping = job.report.mapping;
      if (mapping) await saveMapping(conn, actor, job.kind, mapping.shape, mapping.columns);
      const report: JobReport = { ...job.report, interrupted: undefined, result: result.result };
      const finished = await conn.query(
        `UPDATE import_jobs SET status = 'committed', processed = total, rows = NULL, report = $2::jsonb
         WHERE id = $1 AND status = 'committing' RETURNING id`,
        [id, JSON.stringify(report)],
      );
      // Taken for interrupted between the claim and the lock: write nothing; the user commits again.
      if (finished.length === 0) throw conflict(INTERRUPTED);
      return result;
    });
    if (outcome.result) return outcome.result;
    const report: JobReport = { ...job.report, errors: outcome.errors, summary: outcome.summary };
    await database.raw.query(
      `UPDATE import_jobs SET status = 'invalid', rows = NULL, report = $2::jsonb WHERE id = $1`,
      [id, JSON.stringify(report)],
    );
    const fields = outcome.errors.slice(0, 200).map((e) => ({
      field: `row.${e.row}.${e.field}`,
      message: { vi: renderError(job.kind, e, 'vi').message, en: renderError(job.kind, e, 'en').message },
    }));
    throw new AppError(
      409,
      'conflict',
      {
        detail: {
          vi: `Dữ liệu trong hệ thống đã thay đổi; tệp không còn hợp lệ (${outcome.errors.length} lỗi). Không ghi gì.`,
          en: `The data changed since the preview; the file is no longer valid (${outcome.errors.length} errors). Nothing was written.`,
        },
      },
      fields,
    );
  } catch (error) {
    if (!(error instanceof AppError)) {
      await database.raw.query(
        `UPDATE import_jobs SET status = 'ready', processed = 0 WHERE id = $1 AND status = 'committing'`,
        [id],
      );
    }
    throw error;
  }
}
