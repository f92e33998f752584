/**
 * The limits one import file must keep (config.ts `ImportLimits`, docs/OPERATIONS.md), and their
 * refusals: 413 for a file too large to take in (upload, uncompressed parts, reading time), 400 for what
 * the file holds (too many rows, a cell too long). Every refusal names the field `file`, in both languages.
 */
import { DEFAULT_IMPORT_LIMITS, type ImportLimits } from '../../config.ts';
import { AppError, type Bilingual } from '../../http/errors.ts';

export { DEFAULT_IMPORT_LIMITS, type ImportLimits };

/**
 * The limits of a file of this kind. A members file is read, validated and written in batches, never held
 * whole, so it may hold a province's members (`maxMemberRows`, 1,000,000 by default: Hà Nội has about
 * 500,000): its rows, its cells and its worksheet's size grow in that proportion over the others' limits.
 * The upload's size, the shared strings (kept while the sheet is read) and the reading time stay as they are.
 */
export function limitsFor(kind: 'orgs' | 'members', limits: ImportLimits): ImportLimits {
  if (kind !== 'members' || limits.maxMemberRows <= limits.maxRows) return limits;
  const scale = limits.maxMemberRows / limits.maxRows;
  return {
    ...limits,
    maxRows: limits.maxMemberRows,
    maxCells: Math.round(limits.maxCells * scale),
    maxSheetBytes: Math.round(limits.maxSheetBytes * scale),
  };
}

const refuse = (status: 400 | 413, text: Bilingual) =>
  new AppError(status, 'validation', { detail: text }, [{ field: 'file', message: text }]);

const MB = 1024 * 1024;
const vi = (n: number) => n.toLocaleString('vi-VN');
const en = (n: number) => n.toLocaleString('en-GB');
const mb = (bytes: number) => Math.round((bytes / MB) * 10) / 10;

/** A refusal of the file as too large or too long (status 400 or 413, field `file`). */
export const isLimitRefusal = (error: unknown): error is AppError =>
  error instanceof AppError &&
  (error.status === 413 || error.status === 400) &&
  error.fields[0]?.field === 'file';

export const uploadTooLarge = (limit: number) =>
  refuse(413, {
    vi: `Tệp quá lớn: tối đa ${vi(mb(limit))} MB.`,
    en: `The file is too large: at most ${en(mb(limit))} MB.`,
  });

export const partTooLarge = (part: string, limit: number) =>
  refuse(413, {
    vi: `Tệp quá lớn: phần ${part} khi giải nén vượt quá ${vi(mb(limit))} MB.`,
    en: `The file is too large: its part ${part} exceeds ${en(mb(limit))} MB once uncompressed.`,
  });

export const tooManyRows = (limit: number) =>
  refuse(400, {
    vi: `Tệp có quá nhiều dòng: mỗi lần nhập tối đa ${vi(limit)} dòng dữ liệu; hãy chia thành nhiều tệp.`,
    en: `The file has too many rows: at most ${en(limit)} data rows per import; split it into several files.`,
  });

/** A cell longer than allowed; `where` is its place ("C7") when known. */
export const cellTooLong = (limit: number, where: string | null) =>
  refuse(
    400,
    where
      ? {
          vi: `Ô ${where} dài quá ${vi(limit)} ký tự.`,
          en: `Cell ${where} is longer than ${en(limit)} characters.`,
        }
      : {
          vi: `Tệp có một ô dài quá ${vi(limit)} ký tự.`,
          en: `The file has a cell longer than ${en(limit)} characters.`,
        },
  );

export const tooManyCells = (limit: number) =>
  refuse(400, {
    vi: `Tệp có quá nhiều ô: tối đa ${vi(limit)} ô (số dòng × số cột); hãy chia thành nhiều tệp.`,
    en: `The file has too many cells: at most ${en(limit)} (rows × columns); split it into several files.`,
  });

/** Columns of a spreadsheet: A … XFD. */
export const SPREADSHEET_COLUMNS = 16_384;

/** A cell placed beyond the last column a spreadsheet has (XFD). */
export const columnOutOfRange = (row: number) =>
  refuse(400, {
    vi: `Dòng ${row} có ô nằm ngoài cột cuối cùng của bảng tính (XFD).`,
    en: `Row ${row} has a cell beyond the last column of a spreadsheet (XFD).`,
  });

export const rowTooLong = (row: number) =>
  refuse(400, {
    vi: `Dòng ${row} quá dài (quá nhiều ô hoặc ô quá dài).`,
    en: `Row ${row} is too long (too many or too long cells).`,
  });

export const readTooLong = (ms: number) =>
  refuse(413, {
    vi: `Tệp quá lớn để đọc trong ${vi(Math.round(ms / 1000))} giây; hãy chia thành nhiều tệp.`,
    en: `The file is too large to read within ${en(Math.round(ms / 1000))} seconds; split it into several files.`,
  });

/** Column letters of a 0-based index: 0 → A, 27 → AB. */
export function columnName(index: number): string {
  let name = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26))
    name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

/**
 * The budget of one read: rows counted as they come and a deadline. The deadline is a duration measured
 * on the process's monotonic clock, not a date, so it does not come from the app's injected clock.
 */
export class ReadBudget {
  private rows = 0;
  private cellCount = 0;
  private deadline: number;

  constructor(readonly limits: ImportLimits) {
    this.deadline = performance.now() + limits.maxReadMs;
  }

  /** Counts one non-empty row (the header included). */
  row() {
    this.rows++;
    if (this.rows > this.limits.maxRows + 1) throw tooManyRows(this.limits.maxRows);
  }

  /** Counts the cells of a row kept, the empty ones before a filled one included. */
  cells(count: number) {
    this.cellCount += count;
    if (this.cellCount > this.limits.maxCells) throw tooManyCells(this.limits.maxCells);
  }

  /** A cell's text, refused when longer than allowed. */
  cell(text: string, where: () => string | null): string {
    if (text.length > this.limits.maxCellChars) throw cellTooLong(this.limits.maxCellChars, where());
    return text;
  }

  /** Moves the deadline by time spent outside the read (the import writing a batch): only reading counts. */
  extend(ms: number) {
    this.deadline += ms;
  }

  time() {
    if (performance.now() > this.deadline) throw readTooLong(this.limits.maxReadMs);
  }
}
