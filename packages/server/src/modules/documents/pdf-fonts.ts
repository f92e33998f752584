/**
 * The PDF's fonts: Liberation Serif (SIL OFL 1.1; its widths are Times New Roman's, and it draws every
 * Vietnamese letter), shipped in packages/server/assets/fonts beside its licence and found relative to
 * this file, so a clean clone prints the same PDF with or without system fonts. Loaded once into
 * pdfmake's virtual file system without the OpenType layout tables.
 *
 * Why strip GSUB/GPOS/GDEF and the older `kern` table: pdfkit parses every font anew for every document,
 * and decoding those tables and shaping each word with them took about half the time of a PDF. They only
 * add kerning (which Word leaves off for Times New Roman by default, so the DOCX has none) and ligatures;
 * every Vietnamese letter is a precomposed glyph reached through `cmap`, and the renderer NFC-normalises its
 * text so that decomposed input reaches those glyphs too. The stripped copy lives in memory only, and
 * pdfkit embeds a subset of it in the document (OFL 1.1 leaves documents made with the font free).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import pdfMake from 'pdfmake';

/** The family name the PDF's document definition uses. */
export const PDF_FONT = 'LiberationSerif';

/** packages/server/assets/fonts, from packages/server/src/modules/documents. */
export const FONT_DIR = fileURLToPath(new URL('../../../assets/fonts/', import.meta.url));
const VFS_DIR = 'nennep-fonts';
const FILES = {
  normal: 'LiberationSerif-Regular.ttf',
  bold: 'LiberationSerif-Bold.ttf',
  italics: 'LiberationSerif-Italic.ttf',
  bolditalics: 'LiberationSerif-BoldItalic.ttf',
} as const;
const DROPPED = new Set(['GSUB', 'GPOS', 'GDEF', 'kern']);

/** A TrueType font without the given tables: the table directory is rewritten, the other tables copied. */
export function withoutTables(font: Buffer, dropped: Set<string>): Buffer {
  const count = font.readUInt16BE(4);
  const kept: { tag: string; checksum: number; data: Buffer }[] = [];
  for (let i = 0; i < count; i++) {
    const at = 12 + 16 * i;
    const tag = font.toString('latin1', at, at + 4);
    const offset = font.readUInt32BE(at + 8);
    const length = font.readUInt32BE(at + 12);
    if (!dropped.has(tag)) {
      kept.push({ tag, checksum: font.readUInt32BE(at + 4), data: font.subarray(offset, offset + length) });
    }
  }
  const head = Buffer.alloc(12 + 16 * kept.length);
  font.copy(head, 0, 0, 4);
  // searchRange, entrySelector and rangeShift describe the directory for binary search.
  const power = 2 ** Math.floor(Math.log2(kept.length));
  head.writeUInt16BE(kept.length, 4);
  head.writeUInt16BE(power * 16, 6);
  head.writeUInt16BE(Math.log2(power), 8);
  head.writeUInt16BE(kept.length * 16 - power * 16, 10);
  const parts: Buffer[] = [head];
  let offset = head.length;
  kept.forEach((table, i) => {
    const at = 12 + 16 * i;
    head.write(table.tag, at, 'latin1');
    head.writeUInt32BE(table.checksum, at + 4);
    head.writeUInt32BE(offset, at + 8);
    head.writeUInt32BE(table.data.length, at + 12);
    const padded = Buffer.alloc(Math.ceil(table.data.length / 4) * 4);
    table.data.copy(padded);
    parts.push(padded);
    offset += padded.length;
  });
  return Buffer.concat(parts);
}

interface VirtualFs {
  writeFileSync(name: string, data: Buffer): void;
}

const isVirtualFs = (value: unknown): value is VirtualFs =>
  typeof value === 'object' && value !== null && typeof Reflect.get(value, 'writeFileSync') === 'function';

type FontFiles = Record<keyof typeof FILES, string>;
let fonts: FontFiles | null = null;

/** The serif family as pdfmake's font dictionary entry, loading the fonts on first use. */
export function serifFonts(): FontFiles {
  if (fonts) return fonts;
  const vfs: unknown = Reflect.get(pdfMake, 'virtualfs');
  if (!isVirtualFs(vfs)) throw new Error('pdfmake has no virtual file system: is this its Node.js build?');
  const load = (file: string) => {
    const name = `${VFS_DIR}/${file}`;
    vfs.writeFileSync(name, withoutTables(readFileSync(`${FONT_DIR}${file}`), DROPPED));
    return name;
  };
  fonts = {
    normal: load(FILES.normal),
    bold: load(FILES.bold),
    italics: load(FILES.italics),
    bolditalics: load(FILES.bolditalics),
  };
  return fonts;
}
