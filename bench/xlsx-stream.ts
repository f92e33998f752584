/**
 * A streaming .xlsx writer for the benchmarks (a million rows): the worksheet's XML goes through deflate
 * into the zip as it is made, piece by piece, so neither the rows' XML nor the file is ever held whole.
 * One sheet, text as inline strings, dates as date-formatted serial numbers (dd/mm/yyyy), as Excel reads
 * them. The zip entry of the sheet has a data descriptor (its sizes and CRC follow its data).
 */
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { crc32, createDeflateRaw, deflateRawSync } from 'node:zlib';

export type XlsxCell = string | Date | null | undefined;

const escapeXml = (text: string) =>
  /[&<>"]/.test(text)
    ? text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c] ?? c)
    : text;

const EPOCH = Date.UTC(1899, 11, 30);

function cellXml(value: XlsxCell): string {
  if (value === null || value === undefined || value === '') return '';
  if (value instanceof Date) return `<c s="1"><v>${(value.getTime() - EPOCH) / 86_400_000}</v></c>`;
  return `<c t="inlineStr"><is><t>${escapeXml(value)}</t></is></c>`;
}

/** A row's XML; empty cells keep their place by the cells' order (no `r`: the reader counts them). */
function rowXml(index: number, cells: readonly XlsxCell[]): string {
  let xml = `<row r="${index}">`;
  for (const value of cells) xml += cellXml(value) || '<c/>';
  return `${xml}</row>`;
}

const PARTS: [string, string][] = [
  [
    '[Content_Types].xml',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>',
  ],
  [
    '_rels/.rels',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
  ],
  [
    'xl/workbook.xml',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Đảng viên" sheetId="1" r:id="rId1"/></sheets></workbook>',
  ],
  [
    'xl/_rels/workbook.xml.rels',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>',
  ],
  [
    'xl/styles.xml',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="1"><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/></numFmts><fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts><fills count="1"><fill><patternFill patternType="none"/></fill></fills><borders count="1"><border/></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs></styleSheet>',
  ],
];

const SHEET = 'xl/worksheets/sheet1.xml';
const SHEET_HEAD =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>';
const SHEET_TAIL = '</sheetData></worksheet>';

interface Written {
  name: Buffer;
  crc: number;
  compressed: number;
  size: number;
  offset: number;
  flags: number;
}

function localHeader(name: Buffer, flags: number, crc: number, compressed: number, size: number) {
  const header = Buffer.alloc(30);
  header.writeUInt32LE(0x04034b50, 0);
  header.writeUInt16LE(20, 4);
  header.writeUInt16LE(flags | 0x0800, 6); // UTF-8 names
  header.writeUInt16LE(8, 8); // deflate
  header.writeUInt32LE(crc, 14);
  header.writeUInt32LE(compressed, 18);
  header.writeUInt32LE(size, 22);
  header.writeUInt16LE(name.length, 26);
  return Buffer.concat([header, name]);
}

function centralEntry(entry: Written) {
  const header = Buffer.alloc(46);
  header.writeUInt32LE(0x02014b50, 0);
  header.writeUInt16LE(20, 4);
  header.writeUInt16LE(20, 6);
  header.writeUInt16LE(entry.flags | 0x0800, 8);
  header.writeUInt16LE(8, 10);
  header.writeUInt32LE(entry.crc, 16);
  header.writeUInt32LE(entry.compressed, 20);
  header.writeUInt32LE(entry.size, 24);
  header.writeUInt16LE(entry.name.length, 28);
  header.writeUInt32LE(entry.offset, 42);
  return Buffer.concat([header, entry.name]);
}

/** Writes `header` and `rows` (lazily iterated) as the first sheet of an .xlsx at `file`. */
export async function writeXlsx(
  file: string,
  header: readonly string[],
  rows: Iterable<readonly XlsxCell[]>,
) {
  const out = createWriteStream(file);
  let offset = 0;
  const write = async (chunk: Buffer) => {
    offset += chunk.length;
    if (!out.write(chunk)) await once(out, 'drain');
  };
  const entries: Written[] = [];
  for (const [path, xml] of PARTS) {
    const name = Buffer.from(path);
    const data = Buffer.from(xml);
    const deflated = deflateRawSync(data);
    const entry = {
      name,
      crc: crc32(data),
      compressed: deflated.length,
      size: data.length,
      offset,
      flags: 0,
    };
    entries.push(entry);
    await write(localHeader(name, 0, entry.crc, entry.compressed, entry.size));
    await write(deflated);
  }

  const sheet: Written = { name: Buffer.from(SHEET), crc: 0, compressed: 0, size: 0, offset, flags: 0x0008 };
  entries.push(sheet);
  await write(localHeader(sheet.name, sheet.flags, 0, 0, 0));
  const deflate = createDeflateRaw({ level: 6 });
  const pending: Buffer[] = [];
  deflate.on('data', (chunk: Buffer) => {
    sheet.compressed += chunk.length;
    pending.push(chunk);
  });
  const ended = once(deflate, 'end');
  const flushDeflated = async () => {
    while (pending.length > 0) await write(pending.shift() as Buffer);
  };
  const feed = async (text: string) => {
    const data = Buffer.from(text);
    sheet.crc = crc32(data, sheet.crc);
    sheet.size += data.length;
    if (!deflate.write(data)) await once(deflate, 'drain');
    await flushDeflated();
  };
  let xml = SHEET_HEAD + rowXml(1, header);
  let index = 1;
  for (const cells of rows) {
    xml += rowXml(++index, cells);
    if (xml.length > 1 << 20) {
      await feed(xml);
      xml = '';
    }
  }
  await feed(xml + SHEET_TAIL);
  deflate.end();
  await ended;
  await flushDeflated();
  const descriptor = Buffer.alloc(16);
  descriptor.writeUInt32LE(0x08074b50, 0);
  descriptor.writeUInt32LE(sheet.crc, 4);
  descriptor.writeUInt32LE(sheet.compressed, 8);
  descriptor.writeUInt32LE(sheet.size, 12);
  await write(descriptor);

  const directory = Buffer.concat(entries.map(centralEntry));
  const start = offset;
  await write(directory);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(start, 16);
  await write(end);
  out.end();
  await once(out, 'finish');
}
