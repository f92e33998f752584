/**
 * The .xlsx half of the reader: a scanner over the first sheet's XML, streamed through inflate (zip.ts),
 * handing on its rows chunk by chunk (a members import validates and writes them in batches meanwhile).
 * The XML is scanned as bytes: each chunk once, an element cut by a chunk boundary carried over (and
 * searched on from where the search stopped), every text decoded from its own bytes, so nothing keeps a
 * chunk alive. Numeric cells with a date format become ISO dates (yyyy-mm-dd), as do `t="d"` cells.
 * Limits (limits.ts): the size of each part once inflated, of a cell, of a row, the rows, the time.
 */

import {
  cellTooLong,
  columnName,
  columnOutOfRange,
  partTooLarge,
  type ReadBudget,
  rowTooLong,
  SPREADSHEET_COLUMNS,
} from './limits.ts';
import { type SheetRow, unreadable } from './sheet.ts';
import { entryChunks, entryText, readZip, type ZipEntry } from './zip.ts';

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function unescapeXml(text: string): string {
  if (!text.includes('&') && !text.includes('_x')) return text;
  return text
    .replace(/&(#x[0-9a-fA-F]+|#\d+|amp|lt|gt|quot|apos);/g, (_, e: string) =>
      e[0] === '#'
        ? String.fromCodePoint(e[1] === 'x' ? Number.parseInt(e.slice(2), 16) : Number(e.slice(1)))
        : (ENTITIES[e] ?? ''),
    )
    .replace(/_x([0-9a-fA-F]{4})_/g, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));
}

/**
 * The text of the bytes `from`–`to` when they are one plain `<t>…</t>` run (the usual string item),
 * else null.
 */
function plainRun(data: Buffer, from: number, to: number): string | null {
  if (data[from] !== 0x3c || data[from + 1] !== 0x74 || data[from + 2] !== GT) return null;
  const end = findByte(data, 0x3c, from + 3);
  if (end !== to - 4 || data[end + 1] !== SLASH || data[end + 2] !== 0x74) return null;
  return unescapeXml(data.toString('utf8', from + 3, end));
}

/** The text of a string item (`<si>` or `<is>`): its `<t>` runs, phonetic runs left out. */
function runsText(xml: string): string {
  const body = xml.includes('<rPh') ? xml.replace(/<rPh\b[\s\S]*?<\/rPh>/g, '') : xml;
  let text = '';
  for (const m of body.matchAll(/<t(?:\s[^>]*)?>([\s\S]*?)<\/t>/g)) text += m[1];
  return unescapeXml(text);
}

/** Built-in number formats that show dates (ECMA-376 §18.8.30). */
const BUILTIN_DATE_FORMATS = new Set([
  14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 30, 36, 45, 46, 47, 50, 57, 58,
]);

function isDateFormat(code: string): boolean {
  const bare = code.replace(/"[^"]*"|\[[^\]]*\]|\\./g, '');
  return /[dmy]/i.test(bare) && !/^[#0.,%\s]*$/.test(bare);
}

/** Which cell styles (`s` attribute) show a date. */
function dateStyles(xml: string): boolean[] {
  const custom = new Map<number, string>();
  for (const m of xml.matchAll(/<numFmt\b([^>]*)\/?>/g)) {
    const id = Number(attrOf(m[1] ?? '', 'numFmtId'));
    custom.set(id, unescapeXml(attrOf(m[1] ?? '', 'formatCode') ?? ''));
  }
  const cellXfs = /<cellXfs\b[^>]*>([\s\S]*?)<\/cellXfs>/.exec(xml)?.[1] ?? '';
  return [...cellXfs.matchAll(/<xf\b([^>]*)/g)].map((m) => {
    const id = Number(attrOf(m[1] ?? '', 'numFmtId') ?? 0);
    const format = custom.get(id);
    return format === undefined ? BUILTIN_DATE_FORMATS.has(id) : isDateFormat(format);
  });
}

function serialToIso(days: number, date1904: boolean): string {
  const epoch = date1904 ? Date.UTC(1904, 0, 1) : Date.UTC(1899, 11, 30);
  return new Date(epoch + days * 86_400_000).toISOString().slice(0, 10);
}

function columnIndex(ref: string): number {
  let index = 0;
  for (const ch of ref) {
    const code = ch.charCodeAt(0);
    if (code < 65 || code > 90) break;
    index = index * 26 + (code - 64);
  }
  return index - 1;
}

/** Path of the first worksheet, from workbook.xml and its relationships. */
function firstSheetPath(workbook: string, rels: string): { path: string; date1904: boolean } {
  const date1904 = /<workbookPr\b[^>]*date1904="(1|true)"/.test(workbook);
  const rid = /<sheet\b[^>]*\br:id="([^"]+)"/.exec(workbook)?.[1];
  let target: string | undefined;
  for (const m of rels.matchAll(/<Relationship\b([^>]*)\/?>/g)) {
    if (attrOf(m[1] ?? '', 'Id') === rid) target = attrOf(m[1] ?? '', 'Target');
  }
  if (!target) return { path: 'xl/worksheets/sheet1.xml', date1904 };
  return { path: target.startsWith('/') ? target.slice(1) : `xl/${target.replace(/^\.\//, '')}`, date1904 };
}

/** Value of an attribute in the text of a start tag. */
function attrOf(tag: string, name: string): string | undefined {
  const key = `${name}="`;
  let i = tag.indexOf(key);
  while (i > 0 && tag.charCodeAt(i - 1) > 32) i = tag.indexOf(key, i + 1);
  if (i < 0) return undefined;
  const from = i + key.length;
  return tag.slice(from, tag.indexOf('"', from));
}

// ---------------------------------------------------------------- scanning bytes

const GT = 0x3e;
const SLASH = 0x2f;
/** A byte that may follow a tag's name: white space, `>` or `/`. */
const endsName = (byte: number | undefined) =>
  byte === 0x20 || byte === GT || byte === SLASH || byte === 0x09 || byte === 0x0a || byte === 0x0d;

/**
 * Where `needle` first occurs in `data` at or after `from`, or -1. A plain loop: the XML has a `<` every
 * few bytes, where a native search per small element costs more than it saves.
 */
function find(data: Buffer, needle: Uint8Array, from: number): number {
  const first = needle[0];
  const last = data.length - needle.length;
  outer: for (let at = from; at <= last; at++) {
    if (data[at] !== first) continue;
    for (let k = 1; k < needle.length; k++) if (data[at + k] !== needle[k]) continue outer;
    return at;
  }
  return -1;
}

/** Where the byte `byte` first occurs at or after `from`, or -1. */
function findByte(data: Buffer, byte: number, from: number): number {
  for (let at = from; at < data.length; at++) if (data[at] === byte) return at;
  return -1;
}

const bytes = (text: string) => Buffer.from(text, 'latin1');
const CELL_OPEN = bytes('<c');
const CELL_CLOSE = bytes('</c>');
const VALUE_OPEN = bytes('<v>');
const VALUE_CLOSE = bytes('</v>');

/** Where the start tag `open` (`<row`, not `<rowBreaks`) begins at or after `from`; -1 if not seen whole. */
function findOpen(data: Buffer, open: Uint8Array, from: number): number {
  for (let at = find(data, open, from); at >= 0; at = find(data, open, at + 1)) {
    if (endsName(data[at + open.length])) return at;
  }
  return -1;
}

/** One whole element in `data`: start tag from `start` to `tagEnd` (`>`), body up to `bodyEnd`. */
interface Element {
  data: Buffer;
  start: number;
  tagEnd: number;
  bodyEnd: number;
  empty: boolean;
}

/**
 * Calls `each` for every `<name …>…</name>` (or `<name …/>`) element of the streamed XML, yielding after
 * each chunk (so that a caller may hand on what `each` gathered). An element longer than `maxBytes` is
 * refused by `tooLong(bytes so far)` as soon as it grows past it.
 */
async function* scanElements(
  chunks: AsyncIterable<Buffer>,
  name: string,
  maxBytes: number,
  budget: ReadBudget,
  tooLong: (partial: Buffer) => Error,
  each: (element: Element) => void,
) {
  const open = bytes(`<${name}`);
  const close = bytes(`</${name}>`);
  let pending: Buffer | null = null;
  /** Where, in the pending bytes, the search for the close tag goes on. */
  let resume = 0;
  for await (const chunk of chunks) {
    const data: Buffer = pending ? Buffer.concat([pending, chunk]) : chunk;
    pending = null;
    let pos = 0;
    for (;;) {
      const start = findOpen(data, open, pos);
      if (start < 0) {
        // Keep the tail that may be the beginning of the next start tag.
        pending = data.subarray(Math.max(pos, data.length - open.length));
        resume = 0;
        break;
      }
      const tagEnd = findByte(data, GT, start);
      const empty = tagEnd > 0 && data[tagEnd - 1] === SLASH;
      const bodyEnd = tagEnd < 0 || empty ? tagEnd : find(data, close, Math.max(tagEnd + 1, start + resume));
      if (bodyEnd < 0) {
        pending = data.subarray(start);
        resume = Math.max(open.length, pending.length - close.length + 1);
        if (pending.length > maxBytes) throw tooLong(pending);
        break;
      }
      resume = 0;
      each({ data, start, tagEnd, bodyEnd, empty });
      pos = empty ? tagEnd + 1 : bodyEnd + close.length;
    }
    budget.time();
    yield;
  }
}

/** Most bytes the XML of one cell may take: every character escaped (`&#x1F600;`) and its markup. */
const cellBytesOf = (budget: ReadBudget) => budget.limits.maxCellChars * 10 + 1024;

async function sharedStrings(buffer: Buffer, entry: ZipEntry | undefined, budget: ReadBudget) {
  const list: string[] = [];
  if (!entry) return list;
  const limit = budget.limits.maxSharedStringsBytes;
  const chunks = entryChunks(buffer, entry, limit, () => partTooLarge(entry.name, limit));
  const tooLong = () => cellTooLong(budget.limits.maxCellChars, null);
  const items = scanElements(
    chunks,
    'si',
    cellBytesOf(budget),
    budget,
    tooLong,
    ({ data, tagEnd, bodyEnd, empty }) => {
      if (empty) {
        list.push('');
        return;
      }
      const text =
        plainRun(data, tagEnd + 1, bodyEnd) ?? runsText(data.toString('utf8', tagEnd + 1, bodyEnd));
      if (text.length > budget.limits.maxCellChars) throw cellTooLong(budget.limits.maxCellChars, null);
      list.push(text);
    },
  );
  for await (const _ of items);
  return list;
}

type CellReader = (tag: string, data: Buffer, from: number, to: number) => string;

function cellReader(shared: string[], dates: boolean[], date1904: boolean): CellReader {
  const isoOf = new Map<number, string>();
  return (tag, data, from, to) => {
    const type = attrOf(tag, 't') ?? 'n';
    if (type === 'inlineStr') {
      // `<is><t>text</t></is>`: the run between the `<is>` tags, read from its bytes.
      const plain = data[from + 3] === GT ? plainRun(data, from + 4, to - 5) : null;
      return plain ?? runsText(data.toString('utf8', from, to));
    }
    const open = find(data, VALUE_OPEN, from);
    if (open < 0 || open >= to) return '';
    const close = find(data, VALUE_CLOSE, open);
    const raw = data.toString('utf8', open + 3, close < 0 || close > to ? to : close);
    if (type === 's') return shared[Number(raw)] ?? '';
    if (type === 'n') {
      const value = Number(raw);
      if (!dates[Number(attrOf(tag, 's') ?? 0)]) return String(value);
      const day = Math.floor(value + 1e-9);
      let iso = isoOf.get(day);
      if (iso === undefined) {
        iso = serialToIso(day, date1904);
        isoOf.set(day, iso);
      }
      return iso;
    }
    if (type === 'd') return raw.slice(0, 10);
    if (type === 'b') return raw === '1' ? 'TRUE' : 'FALSE';
    return unescapeXml(raw);
  };
}

/** The cells of one `<row>` body (bytes `from`–`to`), placed by their column letters. */
function rowCells(data: Buffer, from: number, to: number, row: number, read: CellReader, budget: ReadBudget) {
  const cells: string[] = [];
  const maxBytes = cellBytesOf(budget);
  let pos = from;
  while (pos < to) {
    const start = find(data, CELL_OPEN, pos);
    if (start < 0 || start >= to) break;
    const tagEnd = findByte(data, GT, start);
    if (tagEnd < 0 || tagEnd >= to) break;
    if (!endsName(data[start + 2])) {
      pos = tagEnd + 1;
      continue;
    }
    const empty = data[tagEnd - 1] === SLASH;
    const tag = data.toString('latin1', start + 2, empty ? tagEnd - 1 : tagEnd);
    let bodyEnd = tagEnd + 1;
    if (empty) pos = tagEnd + 1;
    else {
      const close = find(data, CELL_CLOSE, tagEnd);
      bodyEnd = close < 0 || close > to ? to : close;
      pos = bodyEnd + 4;
    }
    const ref = attrOf(tag, 'r');
    const index = ref ? columnIndex(ref) : cells.length;
    const max = budget.limits.maxCellChars;
    if (bodyEnd - tagEnd > maxBytes) throw cellTooLong(max, `${columnName(index)}${row}`);
    const text = read(tag, data, tagEnd + 1, bodyEnd);
    if (text.length > max) throw cellTooLong(max, `${columnName(index)}${row}`);
    if (index >= SPREADSHEET_COLUMNS || index < 0) {
      if (text.trim() === '') continue;
      throw columnOutOfRange(row);
    }
    while (cells.length < index) cells.push('');
    cells[index] = text;
  }
  return cells;
}

/** The row number of a start tag's text, else the one after `previous`. */
const rowNumber = (tag: string, previous: number) => Number(attrOf(tag, 'r')) || previous + 1;

/**
 * The non-empty rows of the first sheet (the header first), in chunks as the worksheet inflates: nothing but
 * the shared strings and the rows of one chunk is held, whatever the size of the sheet.
 */
export async function* xlsxRows(buffer: Buffer, budget: ReadBudget): AsyncGenerator<SheetRow[]> {
  const { limits } = budget;
  const zip = readZip(buffer);
  const part = (name: string) =>
    entryText(buffer, zip.get(name), limits.maxPartBytes, () => partTooLarge(name, limits.maxPartBytes));
  const { path, date1904 } = firstSheetPath(
    await part('xl/workbook.xml'),
    await part('xl/_rels/workbook.xml.rels'),
  );
  const sheet = zip.get(path);
  if (!sheet)
    throw unreadable('Không tìm thấy trang tính trong tệp .xlsx.', 'No worksheet in the .xlsx file.');
  const dates = dateStyles(await part('xl/styles.xml'));
  const shared = await sharedStrings(buffer, zip.get('xl/sharedStrings.xml'), budget);
  const read = cellReader(shared, dates, date1904);

  let records: SheetRow[] = [];
  let previous = 0;
  const chunks = entryChunks(buffer, sheet, limits.maxSheetBytes, () =>
    partTooLarge(path, limits.maxSheetBytes),
  );
  // A row may hold many cells, each up to a cell's size; a row past that is refused while it grows.
  const rowBytes = Math.max(4 * 1024 * 1024, 4 * cellBytesOf(budget));
  const tooLong = (partial: Buffer) => {
    const tagEnd = partial.indexOf(GT);
    const row = rowNumber(partial.toString('latin1', 4, tagEnd < 0 ? 64 : tagEnd), previous);
    const lastCell = partial.lastIndexOf('<c');
    if (
      lastCell >= 0 &&
      partial.length - lastCell > cellBytesOf(budget) &&
      partial.indexOf('</c>', lastCell) < 0
    ) {
      const cellTag = partial.toString('latin1', lastCell, partial.indexOf(GT, lastCell));
      const ref = attrOf(cellTag, 'r');
      return cellTooLong(limits.maxCellChars, ref ?? null);
    }
    return rowTooLong(row);
  };
  const rows = scanElements(
    chunks,
    'row',
    rowBytes,
    budget,
    tooLong,
    ({ data, start, tagEnd, bodyEnd, empty }) => {
      const row = rowNumber(data.toString('latin1', start + 4, empty ? tagEnd - 1 : tagEnd), previous);
      previous = row;
      if (empty) return;
      const cells = rowCells(data, tagEnd + 1, bodyEnd, row, read, budget);
      if (!cells.some((c) => c.trim() !== '')) return;
      budget.row();
      budget.cells(cells.length);
      records.push({ row, cells });
    },
  );
  for await (const _ of rows) {
    if (records.length === 0) continue;
    const ready = records;
    records = [];
    yield ready;
  }
}
