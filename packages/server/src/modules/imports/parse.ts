/**
 * Reads the first sheet of an .xlsx workbook or a .csv file into rows of strings, as a stream of chunks
 * (`openSpreadsheet`: the members import validates and writes them in batches meanwhile) or whole
 * (`parseSpreadsheet`: the organisations, the tests).
 *
 * xlsx: a small zip reader and a scanner over the sheet XML, streamed through inflate, instead of
 * exceljs: on 100,000 rows it is several times faster and keeps memory flat (bench/import.ts).
 * Numeric cells with a date format become ISO dates (yyyy-mm-dd), as do `t="d"` cells.
 * csv: UTF-8 with or without BOM, CRLF or LF, quoted fields (RFC 4180); `,` `;` or tab, chosen from
 * the header line. Row numbers are those a spreadsheet shows (header = 1); empty rows are skipped.
 */
import {
  cellTooLong,
  columnName,
  columnOutOfRange,
  DEFAULT_IMPORT_LIMITS,
  type ImportLimits,
  ReadBudget,
  SPREADSHEET_COLUMNS,
  uploadTooLarge,
} from './limits.ts';
import { type Sheet, type SheetRow, unreadable } from './sheet.ts';
import { xlsxRows } from './xlsx.ts';

export { FileError, type Sheet, type SheetRow } from './sheet.ts';

/** A file being read: its header and first rows already, the rest as it comes. */
export interface SheetStream {
  header: string[];
  /** The first data rows, read ahead (at least `HEAD_ROWS` when the file has them): mapping, sample. */
  head: SheetRow[];
  /** Every data row, the head's first, in chunks; read once. Past a limit it throws, as the open does. */
  rows: AsyncIterable<SheetRow[]>;
}

/** Rows read ahead for the mapping step (its guess reads the first 30). */
export const HEAD_ROWS = 30;

/** The reader's chunks, the time the caller keeps each one not counted against the reading time. */
async function* timed(chunks: AsyncIterable<SheetRow[]>, budget: ReadBudget) {
  for await (const chunk of chunks) {
    const handed = performance.now();
    yield chunk;
    budget.extend(performance.now() - handed);
  }
}

/**
 * Opens a file within the import limits (limits.ts): beyond one, a 413 or 400 naming the field `file` is
 * thrown, here or while the rows are read; a file that cannot be read at all is a FileError.
 */
export async function openSpreadsheet(
  buffer: Buffer,
  fileName: string,
  limits: ImportLimits = DEFAULT_IMPORT_LIMITS,
): Promise<SheetStream> {
  if (buffer.length > limits.maxFileBytes) throw uploadTooLarge(limits.maxFileBytes);
  const budget = new ReadBudget(limits);
  const isZip = buffer.length >= 4 && buffer.readUInt32LE(0) === 0x04034b50;
  if (!isZip && buffer.length >= 4 && buffer.readUInt32BE(0) === 0xd0cf11e0) {
    throw unreadable(
      'Định dạng .xls cũ không được hỗ trợ: hãy lưu tệp thành .xlsx hoặc CSV UTF-8.',
      'The old .xls format is not supported: save the file as .xlsx or CSV UTF-8.',
    );
  }
  if (!isZip && /\.xlsx$/i.test(fileName))
    throw unreadable('Tệp .xlsx bị hỏng.', 'The .xlsx file is damaged.');
  const source = timed(isZip ? xlsxRows(buffer, budget) : csvChunks(buffer, budget), budget);
  const iterator = source[Symbol.asyncIterator]();
  let header: string[] | null = null;
  const head: SheetRow[] = [];
  let done = false;
  while (head.length < HEAD_ROWS) {
    const next = await iterator.next();
    if (next.done) {
      done = true;
      break;
    }
    for (const row of next.value) {
      if (header) head.push(row);
      else header = row.cells.map((c) => c.trim());
    }
  }
  if (!header) throw unreadable('Tệp không có dữ liệu.', 'The file holds no data.');
  async function* rows() {
    try {
      if (head.length > 0) yield head;
      if (done) return;
      for (let next = await iterator.next(); !next.done; next = await iterator.next()) yield next.value;
    } finally {
      // Left early (an error, a refusal): the inflater stops too.
      await iterator.return?.();
    }
  }
  return { header, head, rows: rows() };
}

/** Reads a whole file within the import limits (as `openSpreadsheet`). */
export async function parseSpreadsheet(
  buffer: Buffer,
  fileName: string,
  limits: ImportLimits = DEFAULT_IMPORT_LIMITS,
): Promise<Sheet> {
  const stream = await openSpreadsheet(buffer, fileName, limits);
  const rows: SheetRow[] = [];
  for await (const chunk of stream.rows) for (const row of chunk) rows.push(row);
  return { header: stream.header, rows };
}

// ---------------------------------------------------------------- CSV

function pickDelimiter(text: string): string {
  const counts = new Map<string, number>([
    [',', 0],
    [';', 0],
    ['\t', 0],
  ]);
  let quoted = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) break;
    else if (!quoted && counts.has(ch)) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  }
  let best = ',';
  for (const [ch, n] of counts) if (n > (counts.get(best) ?? 0)) best = ch;
  return best;
}

/** Rows of a CSV at a time. */
const CSV_CHUNK = 1024;

/** The non-empty records of a CSV (the header first), in chunks. */
async function* csvChunks(buffer: Buffer, budget: ReadBudget): AsyncGenerator<SheetRow[]> {
  yield* csvRecords(buffer, budget);
}

function* csvRecords(buffer: Buffer, budget: ReadBudget): Generator<SheetRow[]> {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(buffer);
  } catch {
    throw unreadable(
      'Tệp CSV không phải mã UTF-8: khi lưu trong Excel, hãy chọn kiểu "CSV UTF-8" (phân cách bằng dấu phẩy).',
      'The CSV file is not UTF-8: in Excel choose "CSV UTF-8 (Comma delimited)".',
    );
  }
  const delimiter = pickDelimiter(text);
  const delimiterCode = delimiter.charCodeAt(0);
  let records: SheetRow[] = [];
  const maxChars = budget.limits.maxCellChars;
  let line = 1;
  let cells: string[] = [];
  let field = '';
  let i = 0;
  const n = text.length;
  const checkField = () => {
    if (field.length > maxChars) throw cellTooLong(maxChars, `${columnName(cells.length)}${line}`);
  };
  const pushField = () => {
    checkField();
    if (cells.length >= SPREADSHEET_COLUMNS) throw columnOutOfRange(line);
    cells.push(field);
    field = '';
  };
  const endRecord = () => {
    pushField();
    if (cells.some((c) => c.trim() !== '')) {
      budget.row();
      budget.cells(cells.length);
      records.push({ row: line, cells });
    }
    line++;
    if (line % 4096 === 0) budget.time();
    cells = [];
  };
  while (i < n) {
    const ch = text[i];
    if (ch === '"' && field === '') {
      // Quoted field: "" is a quote; anything else, newlines included, is kept.
      i++;
      for (;;) {
        const next = text.indexOf('"', i);
        if (next === -1) {
          field += text.slice(i);
          i = n;
          break;
        }
        field += text.slice(i, next);
        checkField();
        if (text[next + 1] === '"') {
          field += '"';
          i = next + 2;
        } else {
          i = next + 1;
          break;
        }
      }
    } else if (ch === delimiter) {
      pushField();
      i++;
    } else if (ch === '\r' || ch === '\n') {
      endRecord();
      i += ch === '\r' && text[i + 1] === '\n' ? 2 : 1;
      if (records.length >= CSV_CHUNK) {
        yield records;
        records = [];
      }
    } else {
      let j = i + 1;
      while (j < n) {
        const code = text.charCodeAt(j);
        if (code === delimiterCode || code === 10 || code === 13) break;
        j++;
      }
      field += text.slice(i, j);
      checkField();
      i = j;
    }
  }
  if (field !== '' || cells.length > 0) endRecord();
  if (records.length > 0) yield records;
}
