/**
 * The members import through the API, read in batches (members-stream.ts): the preview reads the file
 * through and validates every row against the database; the job keeps the uploaded file itself (its bytes,
 * at most the upload limit, and the file columns the mapping reads), never its rows; the commit reads the
 * file again, batch by batch, inside its one transaction.
 */
import type { Conn } from '../../db/bulk.ts';
import type { Database } from '../../db/client.ts';
import type { Actor } from '../../http/access.ts';
import { type MappingView, resolveMapping, viewOf } from './job-mapping.ts';
import { DEFAULT_IMPORT_LIMITS, type ImportLimits, limitsFor } from './limits.ts';
import { type Mapping, mappingErrors } from './mapping.ts';
import { countRows, type StreamCounts, type StreamOutcome, streamMembers } from './members-stream.ts';
import { FileError, openSpreadsheet, type SheetStream } from './parse.ts';
import { type ImportError, type MappedColumns, mappedColumns } from './validate.ts';

/** A members file waiting in `import_jobs.rows` between preview and commit. */
interface StoredFile extends MappedColumns {
  encoding: 'file+base64';
  data: string;
}

export interface MembersPreview {
  keys: string[];
  errors: ImportError[];
  summary: StreamCounts;
  total: number;
  mapping: Mapping | null;
  view: MappingView | null;
  /** What the job stores when the file is valid (jsonb `rows`: a members file, or an other kind's rows). */
  stored: unknown[] | null;
}

/** Queries outside any transaction: a preview reads, each batch as the database stands then. */
const readOnly = (database: Database): Conn => ({
  query: (text, params) => database.raw.query(text, params),
  copy: () => Promise.reject(new Error('a preview writes nothing')),
});

/** Checks a members file as of `today`; `chosen` is the user's mapping, when given. */
export async function previewMembers(
  database: Database,
  actor: Actor,
  buffer: Buffer,
  fileName: string,
  today: string,
  chosen: readonly (string | null)[] | undefined,
  limits: ImportLimits = DEFAULT_IMPORT_LIMITS,
  batchSize?: number,
): Promise<MembersPreview> {
  const summary = { create: 0, update: 0, unchanged: 0 };
  let stream: SheetStream;
  try {
    stream = await openSpreadsheet(buffer, fileName, limitsFor('members', limits));
  } catch (error) {
    if (!(error instanceof FileError)) throw error;
    const errors = [{ row: 0, field: 'file', message: error.text }];
    return { keys: [], errors, summary, total: 0, mapping: null, view: null, stored: null };
  }
  const sheet = { header: stream.header, rows: stream.head };
  const mapping = await resolveMapping(database, actor, 'members', sheet, chosen);
  const view = viewOf('members', mapping, sheet);
  const columns = mappedColumns('members', mapping);
  const mapped = mappingErrors('members', mapping).map((e) => ({ row: 1, ...e }));
  if (mapped.length > 0) {
    const total = await countRows(stream.rows).catch((error: unknown) => {
      if (error instanceof FileError) return stream.head.length;
      throw error;
    });
    return { keys: columns.keys, errors: mapped, summary, total, mapping, view, stored: null };
  }
  const outcome = await streamMembers(readOnly(database), columns, stream.rows, actor, today, {
    write: false,
    batchSize,
  });
  const valid = outcome.errors.length === 0;
  return {
    keys: columns.keys,
    errors: outcome.errors,
    summary: outcome.summary,
    total: outcome.total,
    mapping,
    view,
    stored: valid ? [{ encoding: 'file+base64', data: buffer.toString('base64'), ...columns }] : null,
  };
}

/** The members file a job stores, or null (a job of the organisations: its rows). */
export function storedMemberFile(stored: unknown[]): StoredFile | null {
  const [file] = stored as StoredFile[];
  return file?.encoding === 'file+base64' ? file : null;
}

/**
 * Reads a stored members file again and writes it in batches on `conn` (the commit's transaction). Its
 * limits are the preview's, but for the reading time: the file was read through once already.
 */
export async function commitMemberFile(
  conn: Conn,
  file: StoredFile,
  fileName: string,
  actor: Actor,
  today: string,
  onRows: (rows: number) => void,
  limits: ImportLimits = DEFAULT_IMPORT_LIMITS,
  batchSize?: number,
): Promise<StreamOutcome> {
  const again = { ...limitsFor('members', limits), maxReadMs: Number.POSITIVE_INFINITY };
  const stream = await openSpreadsheet(Buffer.from(file.data, 'base64'), fileName, again);
  return streamMembers(conn, file, stream.rows, actor, today, { write: true, onRows, batchSize });
}
