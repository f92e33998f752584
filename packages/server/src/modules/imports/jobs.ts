/**
 * Imports through the API: a preview parses the file, maps its columns (the template's headers as they
 * stand; otherwise the user's choice, a remembered mapping of the same file shape, or a guess), validates
 * it against the database and stores the mapped rows in `import_jobs` (a members file: the file itself,
 * read again in batches, member-jobs.ts); a commit re-validates them inside its one transaction, writes
 * everything or nothing, and remembers the mapping it used.
 */
import { randomUUID } from 'node:crypto';
import { gunzipSync, gzipSync } from 'node:zlib';
import type { ImportJobDto, ImportJobStatus, Locale } from '@nennep/core';
import { eq, getTableColumns, sql } from 'drizzle-orm';
import { withTransaction } from '../../db/bulk.ts';
import type { Database } from '../../db/client.ts';
import { importJobs } from '../../db/schema/index.ts';
import type { Actor } from '../../http/access.ts';
import { AppError, conflict, notFound } from '../../http/errors.ts';
import type { ImportKind } from './columns.ts';
import { resolveMapping, viewOf } from './job-mapping.ts';
import type { ImportLimits } from './limits.ts';
import { type Mapping, type MappingSource, storedColumns } from './mapping.ts';
import { saveMapping } from './mapping-store.ts';
import { commitMemberFile, type MembersPreview, previewMembers, storedMemberFile } from './member-jobs.ts';
import { outcomeOf, RolledBack } from './members-stream.ts';
import type { SheetRow } from './parse.ts';
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

/** The organisations' preview: the file read whole, validated whole; the job stores its rows. */
async function previewRecords(
  database: Database,
  actor: Actor,
  kind: ImportKind,
  file: {
    buffer: Buffer;
    fileName: string;
    today: string;
    chosen: readonly (string | null)[] | undefined;
    limits: ImportLimits | undefined;
  },
): Promise<MembersPreview> {
  const { chosen, today } = file;
  const read = await readSheet(file.buffer, file.fileName, file.limits);
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
  return {
    keys: records.keys,
    errors: outcome.errors,
    summary: outcome.summary,
    total: records.rows.length,
    mapping,
    view: mapping && read.sheet ? viewOf(kind, mapping, read.sheet) : null,
    stored: valid ? packRows(records.rows) : null,
  };
}

/**
 * Checks a file against the database as of `today` (the caller's clock) and stores it as a job;
 * `chosen` is the user's mapping (one import column key or null per file column), when given. A members
 * file is read in batches (member-jobs.ts), the others whole.
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
  batchSize?: number,
) {
  const read =
    kind === 'members'
      ? await previewMembers(database, actor, buffer, fileName, today, chosen, limits, batchSize)
      : await previewRecords(database, actor, kind, { buffer, fileName, today, chosen, limits });
  const { mapping } = read;
  const valid = read.errors.length === 0;
  const id = randomUUID();
  const report: JobReport = { keys: read.keys, summary: read.summary, errors: read.errors };
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
    total: read.total,
    processed: 0,
    rows: valid ? read.stored : null,
    report: report as unknown as Record<string, unknown>,
  });
  return {
    jobId: id,
    fileName,
    total: read.total,
    valid,
    errors: read.errors,
    summary: read.summary,
    kind,
    mapping: read.view,
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

/** A job without its stored rows or file (a members file is tens of MB: read by the commit alone). */
async function findJob(database: Database, actor: Actor, id: string) {
  const { rows: _stored, ...columns } = getTableColumns(importJobs);
  const [job] = await database.db
    .select({ ...columns, hasRows: sql<boolean>`${importJobs.rows} IS NOT NULL` })
    .from(importJobs)
    .where(eq(importJobs.id, id));
  if (!job || job.accountId !== actor.id) throw notFound('import');
  return { ...job, kind: job.kind as ImportKind, report: (job.report ?? {}) as unknown as JobReport };
}

export async function importJobStatus(
  database: Database,
  actor: Actor,
  id: string,
  locale: Locale,
): Promise<ImportJobDto> {
  const job = await findJob(database, actor, id);
  return {
    jobId: job.id,
    kind: job.kind,
    fileName: job.fileName,
    // The column holds only the statuses this file writes (ready, invalid, committing, committed, failed).
    status: job.status as ImportJobStatus,
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
  limits?: ImportLimits,
  batchSize?: number,
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
  if ((job.status !== 'ready' && job.status !== 'failed') || !job.hasRows) {
    throw conflict({
      vi: 'Tệp có lỗi nên không thể ghi.',
      en: 'The file has errors; nothing can be written.',
    });
  }
  committingHere.set(id, (committingHere.get(id) ?? 0) + 1);
  try {
    return await claimAndCommit(database, actor, job, today, limits, batchSize);
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
  limits?: ImportLimits,
  batchSize?: number,
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
  const [held] = await database.raw.query<{ rows: unknown[] | null }>(
    'SELECT rows FROM import_jobs WHERE id = $1',
    [id],
  );
  if (!held?.rows) throw notFound('import');
  // A members file is read again in batches; the organisations' rows were stored as read.
  const file = storedMemberFile(held.rows);
  const records: ImportRecords | null = file
    ? null
    : { kind: job.kind, keys: job.report.keys, rows: unpackRows(held.rows) };
  held.rows = null;
  let done = 0;
  try {
    const outcome = await withTransaction(database, async (conn) => {
      // Held until the transaction ends: while it is, no other process takes this job for interrupted.
      await conn.query(`SELECT pg_advisory_xact_lock(${COMMIT_LOCK}, hashtext($1))`, [id]);
      const progress = (rows: number) => {
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
      };
      const result = file
        ? await commitMemberFile(conn, file, job.fileName, actor, today, progress, limits, batchSize)
        : await applyRecords(
            conn,
            records ?? { kind: job.kind, keys: [], rows: [] },
            actor,
            today,
            true,
            progress,
          );
      // Batches before the first error were written: the transaction is rolled back.
      if (!result.result) throw new RolledBack({ ...result, total: job.total });
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
    }).catch(outcomeOf);
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
