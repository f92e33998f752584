/**
 * Hand-made .xlsx files for the import limits tests: a small zip writer, and deflate streams that
 * inflate to far more than they weigh (a segment compressed with a full flush is byte-aligned and
 * stands alone, so the same compressed bytes repeated N times inflate to N copies of the segment).
 */
import { constants, deflateRawSync } from 'node:zlib';

const MB = 1024 * 1024;

/** A raw deflate stream of `head`, then `unit` repeated to `totalBytes`, then `tail`. */
export function bomb(head: string, unit: string, totalBytes: number, tail: string): Buffer {
  const segment = Buffer.from(unit.repeat(Math.max(1, Math.floor(MB / unit.length))));
  const flush = { finishFlush: constants.Z_FULL_FLUSH };
  const times = Math.ceil(totalBytes / segment.length);
  const body = deflateRawSync(segment, flush);
  return Buffer.concat([
    deflateRawSync(Buffer.from(head), flush),
    ...Array.from({ length: times }, () => body),
    deflateRawSync(Buffer.from(tail)),
  ]);
}

/** A part of the zip: deflated bytes (from `bomb` or `deflated`), or text stored as it is. */
export type Part = { deflated: Buffer } | string;

export const deflated = (text: string): Part => ({ deflated: deflateRawSync(Buffer.from(text)) });

/** A zip file of these parts (CRCs left at zero: the reader under test does not check them). */
export function zipOf(parts: Record<string, Part>): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, part] of Object.entries(parts)) {
    const data = typeof part === 'string' ? Buffer.from(part) : part.deflated;
    const method = typeof part === 'string' ? 0 : 8;
    const fileName = Buffer.from(name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(method, 8);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(typeof part === 'string' ? data.length : 0xffffffff, 22);
    local.writeUInt16LE(fileName.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(method, 10);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(typeof part === 'string' ? data.length : 0xffffffff, 24);
    central.writeUInt16LE(fileName.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, fileName, data);
    centrals.push(central, fileName);
    offset += local.length + fileName.length + data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(centrals.length / 2, 8);
  end.writeUInt16LE(centrals.length / 2, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';

export const SHEET_HEAD = `${XML}<worksheet ${NS}><sheetData>`;
export const SHEET_TAIL = '</sheetData></worksheet>';
export const STRINGS_HEAD = `${XML}<sst ${NS}>`;
export const STRINGS_TAIL = '</sst>';

/** A workbook of one sheet; parts given replace the plain ones (sheet, shared strings, styles). */
export function workbookOf(parts: { sheet: Part; strings?: Part; styles?: Part }): Buffer {
  return zipOf({
    '[Content_Types].xml': deflated(
      `${XML}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>`,
    ),
    'xl/workbook.xml': deflated(
      `${XML}<workbook ${NS} xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Dữ liệu" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    ),
    'xl/_rels/workbook.xml.rels': deflated(
      `${XML}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
    ),
    'xl/worksheets/sheet1.xml': parts.sheet,
    ...(parts.strings ? { 'xl/sharedStrings.xml': parts.strings } : {}),
    ...(parts.styles ? { 'xl/styles.xml': parts.styles } : {}),
  });
}

/** An inline-string cell. */
export const cell = (ref: string, text: string) => `<c r="${ref}" t="inlineStr"><is><t>${text}</t></is></c>`;
