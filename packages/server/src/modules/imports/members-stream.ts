/**
 * A members file read, validated and written in batches (issue 14: a province's members, a million rows, in
 * bounded memory). The rows come from the reader chunk by chunk (parse.ts `openSpreadsheet`); every
 * `batchSize` rows the stored members with the batch's codes are loaded, the batch is validated
 * (validate-members.ts, the codes seen before carried over so that a repeat names its earlier row) and, when
 * writing and no row so far has an error, COPYed (commit.ts) while the reader goes on with the next batch.
 * A row with an error stops the writing, not the reading: every row is still checked and reported. The
 * caller's one transaction makes it all-or-nothing: an outcome with errors must be rolled back
 * (`RolledBack`), since the batches before the first error were written.
 *
 * Memory: one batch of rows, the codes seen (tens of bytes a row), the first `MAX_REPORTED_ERRORS` errors.
 */
import type { Conn } from '../../db/bulk.ts';
import type { Actor } from '../../http/access.ts';
import { commitMembers, loadMembers, loadOrgs } from './commit.ts';
import { FileError, type SheetRow } from './parse.ts';
import type { ImportError, ImportRecords, MappedColumns } from './validate.ts';
import { validateMembers } from './validate-members.ts';

/** Rows validated and written together. */
export const MEMBER_BATCH = 10_000;

/** Errors kept for the report; past them the rows are still checked and counted. */
export const MAX_REPORTED_ERRORS = 1_000;

export interface StreamCounts {
  create: number;
  update: number;
  unchanged: number;
}

export interface StreamOutcome {
  errors: ImportError[];
  summary: StreamCounts;
  /** Present when written. */
  result?: { created: number; updated: number; unchanged: number };
  /** Paths of the cells written to, for the audit summary. */
  paths: string[];
  /** Data rows read. */
  total: number;
}

/** A file's row with its cells in the order of the import's columns, trimmed. */
export const mapRow = (row: SheetRow, from: readonly number[]): SheetRow => ({
  row: row.row,
  cells: from.map((i) => (row.cells[i] ?? '').trim()),
});

/** The outcome of a write that found errors: thrown to roll the transaction back, caught by `outcomeOf`. */
export class RolledBack extends Error {
  constructor(readonly outcome: StreamOutcome) {
    super('import rolled back');
  }
}

/** The outcome a transaction rolled back with, else the error again. */
export function outcomeOf(error: unknown): StreamOutcome {
  if (error instanceof RolledBack) return error.outcome;
  throw error;
}

/** Counts the rows left in a stream (a file whose mapping failed: the preview still says how many). */
export async function countRows(rows: AsyncIterable<SheetRow[]>): Promise<number> {
  let total = 0;
  for await (const chunk of rows) total += chunk.length;
  return total;
}

export interface StreamOptions {
  /** COPY each valid batch (in the caller's transaction); false: only validate (a preview). */
  write: boolean;
  batchSize?: number;
  /** Rows written (or found unchanged) so far, as each COPY ends. */
  onRows?: (rows: number) => void;
  /** Rows read so far, after each batch. */
  onRead?: (rows: number) => void;
}

/**
 * Validates (and, asked, writes) the rows of a members file batch by batch on `conn`. A file that turns out
 * damaged while it is read comes back as an error on row 0; a limit refusal (limits.ts) is thrown.
 */
export async function streamMembers(
  conn: Conn,
  columns: MappedColumns,
  rows: AsyncIterable<SheetRow[]>,
  actor: Actor | null,
  today: string,
  options: StreamOptions,
): Promise<StreamOutcome> {
  const batchSize = Math.max(1, options.batchSize ?? MEMBER_BATCH);
  const orgs = await loadOrgs(conn);
  const byCode = new Map(orgs.map((o) => [o.code, o]));
  const seen = new Map<string, number>();
  const errors: ImportError[] = [];
  let errorCount = 0;
  const summary: StreamCounts = { create: 0, update: 0, unchanged: 0 };
  const paths = new Set<string>();
  const codeIndex = columns.keys.indexOf('member_code');
  let total = 0;
  /** The COPY of the batch before, in flight while the next batch is read. */
  let writing: Promise<void> | null = null;
  let failure: { error: unknown } | null = null;

  const settle = async () => {
    if (writing) await writing;
    writing = null;
    if (failure) throw failure.error;
  };

  const flush = async (batch: SheetRow[]) => {
    const records: ImportRecords = { kind: 'members', keys: columns.keys, rows: batch };
    const codes = new Set<string>();
    if (codeIndex >= 0)
      for (const r of batch) if (r.cells[codeIndex]) codes.add(r.cells[codeIndex] as string);
    // One statement at a time on the transaction's connection: the COPY before ends first.
    await settle();
    const existing = await loadMembers(conn, [...codes]);
    const found = validateMembers(records, byCode, existing, actor, today, seen);
    const { plan } = found;
    summary.create += plan.creates.length;
    summary.update += plan.updates.length;
    summary.unchanged += plan.unchanged;
    errorCount += found.errors.length;
    for (const e of found.errors) if (errors.length < MAX_REPORTED_ERRORS) errors.push(e);
    if (!options.write || errorCount > 0) return;
    for (const m of plan.creates) paths.add(m.orgPath);
    for (const u of plan.updates) paths.add(u.after.orgPath);
    options.onRows?.(plan.unchanged);
    writing = commitMembers(conn, plan, actor, today, options.onRows).catch((error: unknown) => {
      failure = { error };
    });
  };

  let batch: SheetRow[] = [];
  try {
    for await (const chunk of rows) {
      for (const row of chunk) {
        batch.push(mapRow(row, columns.from));
        if (batch.length >= batchSize) {
          const full = batch;
          batch = [];
          total += full.length;
          await flush(full);
          options.onRead?.(total);
        }
      }
    }
    if (batch.length > 0) {
      total += batch.length;
      await flush(batch);
      options.onRead?.(total);
    }
  } catch (error) {
    await settle().catch(() => undefined);
    if (!(error instanceof FileError)) throw error;
    errorCount++;
    errors.push({ row: 0, field: 'file', message: error.text });
  }
  await settle();
  if (errorCount > errors.length) {
    const more = errorCount - errors.length;
    errors.push({
      row: 0,
      field: 'file',
      message: {
        vi: `Còn ${more.toLocaleString('vi-VN')} lỗi khác không liệt kê; hãy sửa các lỗi trên rồi nhập lại.`,
        en: `${more.toLocaleString('en-GB')} more errors are not listed; fix those above and import again.`,
      },
    });
  }
  const outcome: StreamOutcome = { errors, summary, paths: [...paths], total };
  if (options.write && errorCount === 0) {
    outcome.result = { created: summary.create, updated: summary.update, unchanged: summary.unchanged };
  }
  return outcome;
}
