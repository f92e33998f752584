/**
 * Imports of organisations and members: parse → validate against the database → (when the whole file is
 * valid) one all-or-nothing commit. The CLI calls `runImport`; the API previews into `import_jobs` and
 * commits a stored job later, re-validating inside the commit's transaction.
 */
import { randomUUID } from 'node:crypto';
import { gunzipSync, gzipSync } from 'node:zlib';
import { isoDateInVietnam, type Locale } from '@nennep/core';
import { eq } from 'drizzle-orm';
import { type Conn, withTransaction } from '../../db/bulk.ts';
import type { Database } from '../../db/client.ts';
import { importJobs } from '../../db/schema/index.ts';
import type { Actor } from '../../http/access.ts';
import { AppError, conflict, notFound } from '../../http/errors.ts';
import { columnLabel, columnsOf, type ImportKind } from './columns.ts';
import { commitMembers, commitOrgs, loadMembers, loadOrgs } from './commit.ts';
import { FileError, parseSpreadsheet, type SheetRow } from './parse.ts';
import { type ImportError, type ImportRecords, toRecords } from './validate.ts';
import { validateMembers } from './validate-members.ts';
import { validateOrgs } from './validate-orgs.ts';

export type { ImportKind } from './columns.ts';

export interface Counts {
  create: number;
  update: number;
  unchanged: number;
}
export interface Result {
  created: number;
  updated: number;
  unchanged: number;
}
export interface RenderedError {
  row: number;
  field: string;
  message: string;
}

export interface Outcome {
  errors: ImportError[];
  summary: Counts;
  /** Present when written. */
  result?: Result;
  /** Paths of the organisations touched, for the audit summary. */
  paths: string[];
}

/** An error as the caller reads it: the column named, in their language. */
export function renderError(kind: ImportKind, error: ImportError, locale: Locale): RenderedError {
  const label =
    error.field === 'file' ? (locale === 'vi' ? 'Tệp' : 'file') : columnLabel(kind, error.field, locale);
  return { row: error.row, field: error.field, message: `${label}: ${error.message[locale]}` };
}

/** Validates records against the database seen by `conn` and, when asked and valid, writes them. */
export async function applyRecords(
  conn: Conn,
  records: ImportRecords,
  actor: Actor | null,
  today: string,
  write: boolean,
  onRows?: (rows: number) => void,
): Promise<Outcome> {
  const orgs = await loadOrgs(conn);
  if (records.kind === 'orgs') {
    const { errors, plan } = validateOrgs(records, orgs, actor);
    const summary = { create: plan.creates.length, update: plan.updates.length, unchanged: plan.unchanged };
    if (errors.length > 0 || !write) return { errors, summary, paths: [] };
    onRows?.(plan.unchanged);
    const { paths } = await commitOrgs(conn, plan, orgs, actor);
    onRows?.(plan.creates.length + plan.updates.length);
    return {
      errors,
      summary,
      paths: [...paths, ...plan.updates.map((u) => u.org.path)],
      result: resultOf(summary),
    };
  }
  const index = records.keys.indexOf('member_code');
  const codes = index < 0 ? [] : [...new Set(records.rows.map((r) => r.cells[index] ?? '').filter(Boolean))];
  const existing = await loadMembers(conn, codes);
  const byCode = new Map(orgs.map((o) => [o.code, o]));
  const { errors, plan } = validateMembers(records, byCode, existing, actor, today);
  const summary = { create: plan.creates.length, update: plan.updates.length, unchanged: plan.unchanged };
  if (errors.length > 0 || !write) return { errors, summary, paths: [] };
  onRows?.(plan.unchanged);
  await commitMembers(conn, plan, actor, today, onRows);
  const paths = new Set([...plan.creates.map((m) => m.orgPath), ...plan.updates.map((u) => u.after.orgPath)]);
  return { errors, summary, paths: [...paths], result: resultOf(summary) };
}

const resultOf = (s: Counts): Result => ({ created: s.create, updated: s.update, unchanged: s.unchanged });

/** The deepest node path every touched path lies under ('/' when none is shared). */
function commonPath(paths: string[]): string {
  if (paths.length === 0) return '/';
  let prefix = paths[0] ?? '/';
  for (const p of paths) {
    let i = 0;
    while (i < prefix.length && i < p.length && prefix[i] === p[i]) i++;
    prefix = prefix.slice(0, i);
  }
  return prefix.slice(0, prefix.lastIndexOf('/') + 1) || '/';
}

/**
 * The one summary audit event of an import (the per-entity trail is in org_events / member_events).
 * An import that changed nothing writes nothing, not even this.
 */
export async function auditImport(
  conn: Conn,
  actor: Actor | null,
  kind: ImportKind,
  id: string,
  fileName: string,
  outcome: Outcome,
) {
  if (!outcome.result || outcome.result.created + outcome.result.updated === 0) return;
  await conn.query(
    `INSERT INTO audit_events (actor_id, actor_name, action, entity_type, entity_id, org_path, detail)
     VALUES ($1, $2, $3, 'import', $4, $5, $6::jsonb)`,
    [
      actor?.id ?? null,
      actor?.username ?? 'system',
      `import.${kind}`,
      id,
      commonPath(outcome.paths),
      JSON.stringify({ fileName, ...outcome.result }),
    ],
  );
}

/** Parses a file into records of a kind; file-level problems come back as errors on row 0 or 1. */
export async function readRecords(kind: ImportKind, buffer: Buffer, fileName: string) {
  try {
    const sheet = await parseSpreadsheet(buffer, fileName);
    return toRecords(kind, sheet);
  } catch (error) {
    if (!(error instanceof FileError)) throw error;
    const records: ImportRecords = { kind, keys: [], rows: [] };
    return { records, errors: [{ row: 0, field: 'file', message: error.text }] };
  }
}

/**
 * Validates a file and, if the whole file is valid, commits it in one transaction (CLI: actor null,
 * trusted). Errors are in the actor's language (Vietnamese for the CLI).
 */
export async function runImport(
  database: Database,
  actor: Actor | null,
  kind: ImportKind,
  buffer: Buffer,
  fileName: string,
  onProgress?: (done: number, total: number) => void,
): Promise<{ valid: boolean; total: number; errors: RenderedError[]; summary: Counts; result?: Result }> {
  const locale = actor?.locale ?? 'vi';
  const { records, errors: fileErrors } = await readRecords(kind, buffer, fileName);
  const total = records.rows.length;
  const render = (list: ImportError[]) => list.map((e) => renderError(kind, e, locale));
  if (fileErrors.length > 0) {
    return {
      valid: false,
      total,
      errors: render(fileErrors),
      summary: { create: 0, update: 0, unchanged: 0 },
    };
  }
  const today = isoDateInVietnam(new Date());
  let done = 0;
  const outcome = await withTransaction(database, async (conn) => {
    const result = await applyRecords(conn, records, actor, today, true, (rows) => {
      done += rows;
      onProgress?.(done, total);
    });
    if (result.result) await auditImport(conn, actor, kind, randomUUID(), fileName, result);
    return result;
  });
  if (outcome.result) onProgress?.(total, total);
  return {
    valid: outcome.errors.length === 0,
    total,
    errors: render(outcome.errors),
    summary: outcome.summary,
    result: outcome.result,
  };
}

// ---------------------------------------------------------------- jobs (API)

interface JobReport {
  keys: string[];
  summary: Counts;
  errors: ImportError[];
  result?: Result;
  error?: string;
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

export async function previewImport(
  database: Database,
  actor: Actor,
  kind: ImportKind,
  buffer: Buffer,
  fileName: string,
) {
  const { records, errors: fileErrors } = await readRecords(kind, buffer, fileName);
  let outcome: Outcome = { errors: fileErrors, summary: { create: 0, update: 0, unchanged: 0 }, paths: [] };
  if (fileErrors.length === 0) {
    const today = isoDateInVietnam(new Date());
    outcome = await withTransaction(database, (conn) => applyRecords(conn, records, actor, today, false));
  }
  const valid = outcome.errors.length === 0;
  const id = randomUUID();
  const report: JobReport = { keys: records.keys, summary: outcome.summary, errors: outcome.errors };
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
  };
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
    error: job.report.error ?? null,
    errors: (job.report.errors ?? []).map((e) => renderError(job.kind, e, locale)),
  };
}

/** Commits a previewed job: only its uploader, only once, only if still valid against today's database. */
export async function commitImportJob(database: Database, actor: Actor, id: string): Promise<Result> {
  const job = await findJob(database, actor, id);
  if (job.status === 'committed' || job.status === 'committing') {
    throw conflict({ vi: 'Lượt nhập này đã được ghi.', en: 'This import has already been committed.' });
  }
  if (job.status !== 'ready' || !job.rows) {
    throw conflict({
      vi: 'Tệp có lỗi nên không thể ghi.',
      en: 'The file has errors; nothing can be written.',
    });
  }
  const claimed = await database.raw.query(
    `UPDATE import_jobs SET status = 'committing', processed = 0 WHERE id = $1 AND status = 'ready' RETURNING id`,
    [id],
  );
  if (claimed.length === 0)
    throw conflict({ vi: 'Lượt nhập này đã được ghi.', en: 'This import has already been committed.' });
  const records: ImportRecords = {
    kind: job.kind,
    keys: job.report.keys,
    rows: unpackRows(job.rows),
  };
  const today = isoDateInVietnam(new Date());
  let done = 0;
  try {
    const outcome = await withTransaction(database, async (conn) => {
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
      const report: JobReport = { ...job.report, result: result.result };
      await conn.query(
        `UPDATE import_jobs SET status = 'committed', processed = total, rows = NULL, report = $2::jsonb WHERE id = $1`,
        [id, JSON.stringify(report)],
      );
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

/** Records of a kind from plain objects keyed by column (demo seed, benchmarks); rows numbered from 2. */
export function recordsOf(kind: ImportKind, objects: readonly object[]): ImportRecords {
  const keys = columnsOf(kind).map((c) => c.key);
  const cell = (o: object, key: string) => {
    const value = (o as Record<string, unknown>)[key];
    return typeof value === 'string' ? value : '';
  };
  return { kind, keys, rows: objects.map((o, i) => ({ row: i + 2, cells: keys.map((k) => cell(o, k)) })) };
}
