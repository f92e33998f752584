/**
 * What makes a rendered document's bytes repeatable ("rendering an adopted meeting again yields the same
 * bytes", domain.md §3). Every date written into a document comes from the document's own date line, never
 * from the clock:
 * - DOCX: `docx` writes the current time into `docProps/core.xml` and into every zip entry; the first is
 *   replaced by `coreXml`, the second patched in place by `normaliseZip` (the compressed data, which `docx`
 *   deflates with its bundled, platform-independent fflate, is left as it is).
 * - PDF: pdfkit derives the file ID from the `info` dictionary (an MD5 of it), so a fixed creation date
 *   makes the whole file repeatable; see `pdf.ts`.
 */

/** Used when a document's date line cannot be read: the earliest date a zip entry can carry. */
export const FALLBACK_DATE = new Date(Date.UTC(1980, 0, 1));

/**
 * The date of a document from its place-date line ("Ninh Kiều, ngày 05 tháng 02 năm 2026"), at midnight
 * UTC, or the fallback date when the line holds none.
 */
export function documentDate(placeDate: string): Date {
  const match = /ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})/u.exec(placeDate);
  if (!match) return FALLBACK_DATE;
  const [day, month, year] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  const valid = date.getUTCDate() === day && date.getUTCMonth() === month - 1 && year >= 1980 && year < 2100;
  return valid ? date : FALLBACK_DATE;
}

const escapeXml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** `docProps/core.xml` with fixed dates, in the shape `docx` writes it. */
export function coreXml(meta: { title: string; subject: string; creator: string; date: Date }): string {
  const when = meta.date.toISOString().replace(/\.\d{3}Z$/, 'Z');
  const stamp = (name: string) => `<dcterms:${name} xsi:type="dcterms:W3CDTF">${when}</dcterms:${name}>`;
  return [
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>',
    '<cp:coreProperties',
    ' xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties"',
    ' xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/"',
    ' xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">',
    `<dc:title>${escapeXml(meta.title)}</dc:title>`,
    `<dc:subject>${escapeXml(meta.subject)}</dc:subject>`,
    `<dc:creator>${escapeXml(meta.creator)}</dc:creator>`,
    `<cp:lastModifiedBy>${escapeXml(meta.creator)}</cp:lastModifiedBy>`,
    '<cp:revision>1</cp:revision>',
    stamp('created'),
    stamp('modified'),
    '</cp:coreProperties>',
  ].join('');
}

/** MS-DOS time and date fields of a zip entry (2-second resolution), from the date's UTC fields. */
function dosDateTime(date: Date): { time: number; day: number } {
  const time = (date.getUTCHours() << 11) | (date.getUTCMinutes() << 5) | (date.getUTCSeconds() >> 1);
  const day = ((date.getUTCFullYear() - 1980) << 9) | ((date.getUTCMonth() + 1) << 5) | date.getUTCDate();
  return { time, day };
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

/** One entry of a zip file, as its central directory describes it. */
export interface ZipEntry {
  name: string;
  /** Offset of the entry's central directory record and of its local header. */
  central: number;
  local: number;
}

/** The entries of a zip file, read from its central directory (no zip64, as `docx` never writes it). */
export function zipEntries(zip: Buffer): ZipEntry[] {
  let end = zip.length - 22;
  while (end >= 0 && zip.readUInt32LE(end) !== EOCD) end--;
  if (end < 0) throw new Error('Not a zip file: no end of central directory');
  const count = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  const entries: ZipEntry[] = [];
  for (let i = 0; i < count; i++) {
    if (zip.readUInt32LE(at) !== CENTRAL) throw new Error(`Zip central directory broken at ${at}`);
    const nameLength = zip.readUInt16LE(at + 28);
    const skip = nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
    const local = zip.readUInt32LE(at + 42);
    if (zip.readUInt32LE(local) !== LOCAL) throw new Error(`Zip local header missing at ${local}`);
    entries.push({
      name: zip.toString('utf8', at + 46, at + 46 + nameLength),
      central: at,
      local,
    });
    at += 46 + skip;
  }
  return entries;
}

/** A copy of the zip with every entry's modification time set to `date`. */
export function normaliseZip(zip: Buffer, date: Date): Buffer {
  const out = Buffer.from(zip);
  const { time, day } = dosDateTime(date);
  for (const entry of zipEntries(out)) {
    out.writeUInt16LE(time, entry.central + 12);
    out.writeUInt16LE(day, entry.central + 14);
    out.writeUInt16LE(time, entry.local + 10);
    out.writeUInt16LE(day, entry.local + 12);
  }
  return out;
}
