/**
 * Imports of organisations and members: parse → map the columns → validate against the database →
 * (when the whole file is valid) one all-or-nothing commit. A members file is read, validated and written
 * in batches inside that one transaction (members-stream.ts), never held whole. The CLI calls `runImport` (headers as they
 * stand); the API previews into `import_jobs` with a column mapping and commits a stored job later,
 * re-validating inside the commit's transaction (jobs.ts).
 */
import { randomUUID } from 'node:crypto';
import type { AuditAction, ImportResultDto, ImportRowErrorDto, ImportSummaryDto, Locale } from '@nennep/core';
import { type Conn, withTransaction } from '../../db/bulk.ts';
import type { Database } from '../../db/client.ts';
import type { Actor } from '../../http/access.ts';
import { columnLabel, columnsOf, type ImportKind } from './columns.ts';
import { commitMembers, commitOrgs, loadMembers, loadOrgs } from './commit.ts';
import { DEFAULT_IMPORT_LIMITS, type ImportLimits, isLimitRefusal, limitsFor } from './limits.ts';
import { exactMapping, mappingErrors } from './mapping.ts';
import { countRows, outcomeOf, RolledBack, type StreamOutcome, streamMembers } from './members-stream.ts';
import { FileError, openSpreadsheet, parseSpreadsheet, type Sheet } from './parse.ts';
import { type ImportError, type ImportRecords, mappedColumns, toRecords } from './validate.ts';
import { validateMembers } from './validate-members.ts';
import { validateOrgs } from './validate-orgs.ts';

export type { ImportKind } from './columns.ts';

/** What a file would do, what a commit wrote, an error as the caller reads it: core's imports/types.ts. */
export type Counts = ImportSummaryDto;
export type Result = ImportResultDto;
export type RenderedError = ImportRowErrorDto;

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
      `import.${kind}` satisfies AuditAction,
      id,
      commonPath(outcome.paths),
      JSON.stringify({ fileName, ...outcome.result }),
    ],
  );
}

/**
 * Parses a file; a file that cannot be read comes back as an error on row 0. A file beyond a limit
 * (limits.ts) is refused by a thrown 413 / 400, which the API sends as it is.
 */
export async function readSheet(
  buffer: Buffer,
  fileName: string,
  limits: ImportLimits = DEFAULT_IMPORT_LIMITS,
): Promise<{ sheet: Sheet; errors: [] } | { sheet: null; errors: ImportError[] }> {
  try {
    return { sheet: await parseSpreadsheet(buffer, fileName, limits), errors: [] };
  } catch (error) {
    if (!(error instanceof FileError)) throw error;
    return { sheet: null, errors: [{ row: 0, field: 'file', message: error.text }] };
  }
}

/**
 * Parses a file into records of a kind with its headers as they stand (the command line: no mapping
 * step); file-level problems come back as errors on row 0 or 1.
 */
export async function readRecords(kind: ImportKind, buffer: Buffer, fileName: string) {
  let read: Awaited<ReturnType<typeof readSheet>>;
  try {
    read = await readSheet(buffer, fileName);
  } catch (error) {
    // The command line reports a file beyond a limit as it reports any unreadable file.
    if (!isLimitRefusal(error)) throw error;
    const [refusal] = error.fields;
    if (!refusal) throw error;
    read = { sheet: null, errors: [{ row: 0, field: 'file', message: refusal.message }] };
  }
  if (!read.sheet) return { records: { kind, keys: [], rows: [] } as ImportRecords, errors: read.errors };
  return toRecords(kind, read.sheet, exactMapping(kind, read.sheet.header));
}

/**
 * Validates a file as of `today` and, if the whole file is valid, commits it in one transaction (CLI:
 * actor null, trusted). Errors are in the actor's language (Vietnamese for the CLI).
 */
export async function runImport(
  database: Database,
  actor: Actor | null,
  kind: ImportKind,
  buffer: Buffer,
  fileName: string,
  today: string,
  onProgress?: (done: number, total: number) => void,
  options: { batchSize?: number } = {},
): Promise<{ valid: boolean; total: number; errors: RenderedError[]; summary: Counts; result?: Result }> {
  const locale = actor?.locale ?? 'vi';
  if (kind === 'members') {
    const outcome = await runMembersImport(database, actor, buffer, fileName, today, onProgress, options);
    return {
      valid: outcome.errors.length === 0,
      total: outcome.total,
      errors: outcome.errors.map((e) => renderError(kind, e, locale)),
      summary: outcome.summary,
      result: outcome.result,
    };
  }
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

/** A file-level problem as the command line reports it: an error on row 0 (or 1: the columns). */
const fileProblem = (errors: ImportError[], total = 0): StreamOutcome => ({
  errors,
  summary: { create: 0, update: 0, unchanged: 0 },
  paths: [],
  total,
});

/**
 * A members file as the command line imports it (headers as they stand): read, validated and written in
 * batches inside one transaction (members-stream.ts), rolled back whole when any row has an error.
 */
async function runMembersImport(
  database: Database,
  actor: Actor | null,
  buffer: Buffer,
  fileName: string,
  today: string,
  onProgress: ((done: number, total: number) => void) | undefined,
  options: { batchSize?: number },
): Promise<StreamOutcome> {
  try {
    const stream = await openSpreadsheet(buffer, fileName, limitsFor('members', DEFAULT_IMPORT_LIMITS));
    const mapping = exactMapping('members', stream.header);
    const mapped = mappingErrors('members', mapping).map((e) => ({ row: 1, ...e }));
    if (mapped.length > 0) return fileProblem(mapped, await countRows(stream.rows));
    let done = 0;
    let read = 0;
    return await withTransaction(database, async (conn) => {
      const outcome = await streamMembers(
        conn,
        mappedColumns('members', mapping),
        stream.rows,
        actor,
        today,
        {
          write: true,
          batchSize: options.batchSize,
          onRead: (rows) => {
            read = rows;
          },
          onRows: (rows) => {
            done += rows;
            onProgress?.(done, Math.max(done, read));
          },
        },
      );
      if (!outcome.result) throw new RolledBack(outcome);
      await auditImport(conn, actor, 'members', randomUUID(), fileName, outcome);
      onProgress?.(outcome.total, outcome.total);
      return outcome;
    }).catch(outcomeOf);
  } catch (error) {
    // The command line reports an unreadable file, or one beyond a limit, as an error of the file.
    if (error instanceof FileError) return fileProblem([{ row: 0, field: 'file', message: error.text }]);
    const refusal = isLimitRefusal(error) ? error.fields[0] : undefined;
    if (!refusal) throw error;
    return fileProblem([{ row: 0, field: 'file', message: refusal.message }]);
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
