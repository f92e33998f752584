/**
 * The .xlsx half of the reader: a small zip reader and a scanner over the first sheet's XML, streamed
 * through inflate. Numeric cells with a date format become ISO dates (yyyy-mm-dd), as do `t="d"` cells.
 */
import { StringDecoder } from 'node:string_decoder';
import { createInflateRaw, inflateRawSync } from 'node:zlib';
import { finish, type Sheet, type SheetRow, unreadable } from './sheet.ts';

interface ZipEntry {
  method: number;
  compressedSize: number;
  offset: number;
}

function readZip(buffer: Buffer): Map<string, ZipEntry> {
  const damaged = () => unreadable('Tệp .xlsx bị hỏng.', 'The .xlsx file is damaged.');
  let eocd = -1;
  for (let p = buffer.length - 22; p >= Math.max(0, buffer.length - 65_557); p--) {
    if (buffer.readUInt32LE(p) === 0x06054b50) {
      eocd = p;
      break;
    }
  }
  if (eocd < 0) throw damaged();
  const count = buffer.readUInt16LE(eocd + 10);
  let p = buffer.readUInt32LE(eocd + 16);
  const entries = new Map<string, ZipEntry>();
  for (let k = 0; k < count; k++) {
    if (p + 46 > buffer.length || buffer.readUInt32LE(p) !== 0x02014b50) throw damaged();
    const nameLength = buffer.readUInt16LE(p + 28);
    const extraLength = buffer.readUInt16LE(p + 30);
    const commentLength = buffer.readUInt16LE(p + 32);
    const name = buffer.toString('utf8', p + 46, p + 46 + nameLength);
    const header = buffer.readUInt32LE(p + 42);
    if (header + 30 > buffer.length) throw damaged();
    const dataStart = header + 30 + buffer.readUInt16LE(header + 26) + buffer.readUInt16LE(header + 28);
    entries.set(name, {
      method: buffer.readUInt16LE(p + 10),
      compressedSize: buffer.readUInt32LE(p + 20),
      offset: dataStart,
    });
    p += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

function entryData(buffer: Buffer, entry: ZipEntry): Buffer {
  const data = buffer.subarray(entry.offset, entry.offset + entry.compressedSize);
  return entry.method === 0 ? data : inflateRawSync(data);
}

async function* entryText(buffer: Buffer, entry: ZipEntry): AsyncGenerator<string> {
  const data = buffer.subarray(entry.offset, entry.offset + entry.compressedSize);
  const decoder = new StringDecoder('utf8');
  if (entry.method === 0) {
    yield decoder.write(data) + decoder.end();
    return;
  }
  const inflate = createInflateRaw({ chunkSize: 1 << 20 });
  inflate.end(data);
  for await (const chunk of inflate) yield decoder.write(chunk as Buffer);
  yield decoder.end();
}

// ---------------------------------------------------------------- xlsx

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
function firstSheetPath(zip: Map<string, ZipEntry>, buffer: Buffer): { path: string; date1904: boolean } {
  const text = (name: string) => {
    const entry = zip.get(name);
    return entry ? entryData(buffer, entry).toString('utf8') : '';
  };
  const workbook = text('xl/workbook.xml');
  const date1904 = /<workbookPr\b[^>]*date1904="(1|true)"/.test(workbook);
  const rid = /<sheet\b[^>]*\br:id="([^"]+)"/.exec(workbook)?.[1];
  const rels = text('xl/_rels/workbook.xml.rels');
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

/** The cells of one `<row>` body, placed by their column letters. */
function rowCells(text: string, from: number, to: number, read: CellReader): string[] {
  const cells: string[] = [];
  let pos = from;
  while (pos < to) {
    const start = text.indexOf('<c', pos);
    if (start < 0 || start >= to) break;
    const after = text.charCodeAt(start + 2);
    const tagEnd = text.indexOf('>', start);
    if (after !== 32 && after !== 62 && after !== 47 && after > 32) {
      pos = tagEnd + 1;
      continue;
    }
    const empty = text.charCodeAt(tagEnd - 1) === 47;
    const tag = text.slice(start + 2, empty ? tagEnd - 1 : tagEnd);
    let body = '';
    if (empty) pos = tagEnd + 1;
    else {
      const close = text.indexOf('</c>', tagEnd);
      body = text.slice(tagEnd + 1, close);
      pos = close + 4;
    }
    const ref = attrOf(tag, 'r');
    const index = ref ? columnIndex(ref) : cells.length;
    while (cells.length < index) cells.push('');
    cells[index] = read(tag, body);
  }
  return cells;
}

type CellReader = (tag: string, body: string) => string;

function cellReader(shared: string[], dates: boolean[], date1904: boolean): CellReader {
  const isoOf = new Map<number, string>();
  return (tag, body) => {
    const type = attrOf(tag, 't') ?? 'n';
    if (type === 'inlineStr') return runsText(body);
    const open = body.indexOf('<v>');
    if (open < 0) return '';
    const raw = body.slice(open + 3, body.indexOf('</v>', open));
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

function sharedStrings(xml: string): string[] {
  const list: string[] = [];
  let pos = 0;
  for (;;) {
    const start = xml.indexOf('<si', pos);
    if (start < 0) break;
    const tagEnd = xml.indexOf('>', start);
    if (xml.charCodeAt(tagEnd - 1) === 47) {
      list.push('');
      pos = tagEnd + 1;
      continue;
    }
    const close = xml.indexOf('</si>', tagEnd);
    const body = xml.slice(tagEnd + 1, close);
    // Fast path for the usual `<t>text</t>` item.
    if (body.startsWith('<t>') && body.indexOf('<', 3) === body.length - 4)
      list.push(unescapeXml(body.slice(3, -4)));
    else list.push(runsText(body));
    pos = close + 5;
  }
  return list;
}

export async function parseXlsx(buffer: Buffer): Promise<Sheet> {
  const zip = readZip(buffer);
  const { path, date1904 } = firstSheetPath(zip, buffer);
  const sheet = zip.get(path);
  if (!sheet)
    throw unreadable('Không tìm thấy trang tính trong tệp .xlsx.', 'No worksheet in the .xlsx file.');
  const stylesEntry = zip.get('xl/styles.xml');
  const dates = stylesEntry ? dateStyles(entryData(buffer, stylesEntry).toString('utf8')) : [];
  const sstEntry = zip.get('xl/sharedStrings.xml');
  const shared = sstEntry ? sharedStrings(entryData(buffer, sstEntry).toString('utf8')) : [];
  const read = cellReader(shared, dates, date1904);

  const records: SheetRow[] = [];
  let text = '';
  for await (const chunk of entryText(buffer, sheet)) {
    text += chunk;
    let pos = 0;
    for (;;) {
      const start = text.indexOf('<row', pos);
      if (start < 0) break;
      const tagEnd = text.indexOf('>', start);
      if (tagEnd < 0) break;
      const empty = text.charCodeAt(tagEnd - 1) === 47;
      const close = empty ? tagEnd : text.indexOf('</row>', tagEnd);
      if (close < 0) break;
      const tag = text.slice(start + 4, empty ? tagEnd - 1 : tagEnd);
      const row = Number(attrOf(tag, 'r')) || (records.at(-1)?.row ?? 0) + 1;
      records.push({ row, cells: empty ? [] : rowCells(text, tagEnd + 1, close, read) });
      pos = empty ? tagEnd + 1 : close + 6;
    }
    text = text.slice(pos);
  }
  return finish(records);
}
