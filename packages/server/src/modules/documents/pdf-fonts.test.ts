/**
 * The PDF's font: the shipped Liberation Serif (the serif of the DOCX's Times New Roman, by its widths),
 * embedded, drawing every Vietnamese letter. Uses poppler-utils (`pdffonts`, `pdftotext`), which CI installs.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { sampleMinutesModel, sampleResolutionModel } from './fixtures.ts';
import { renderMinutesPdf, renderResolutionPdf } from './index.ts';
import { FONT_DIR } from './pdf-fonts.ts';
import { pdfText, run } from './testing.ts';

const FACES = ['Regular', 'Bold', 'Italic', 'BoldItalic'] as const;

/** Every Vietnamese letter: the twelve vowels with no tone and the five tones, đ, in both cases. */
const VIETNAMESE = (() => {
  const tones = ['', '\u0300', '\u0301', '\u0309', '\u0303', '\u0323'];
  const lower = [...'aăâeêioôơuưy'].flatMap((vowel) =>
    tones.map((tone) => `${vowel}${tone}`.normalize('NFC')),
  );
  const letters = [...lower, 'đ'];
  return [...letters, ...letters.map((l) => l.toLocaleUpperCase('vi'))];
})();

/** The font names `pdffonts` lists for a PDF, with whether each is embedded. */
async function fontsOf(pdf: Buffer): Promise<{ name: string; embedded: boolean }[]> {
  const dir = mkdtempSync(path.join(tmpdir(), 'nennep-pdffonts-'));
  try {
    const file = path.join(dir, 'doc.pdf');
    writeFileSync(file, pdf);
    const lines = (await run('pdffonts', [file])).toString('utf8').trim().split('\n').slice(2);
    return lines.map((line) => {
      const cells = line.trim().split(/\s+/);
      // name, type (one or more words), encoding, emb, sub, uni, object, generation
      return { name: cells[0] ?? '', embedded: cells[cells.length - 5] === 'yes' };
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * The glyph a TrueType font's Unicode `cmap` (format 4, platform 3 encoding 1) gives a character of the
 * Basic Multilingual Plane; 0 is .notdef, "no glyph".
 */
function glyphOf(font: Buffer, char: string): number {
  const code = char.codePointAt(0) ?? 0;
  const tables = font.readUInt16BE(4);
  let cmap = -1;
  for (let i = 0; i < tables; i++) {
    if (font.toString('latin1', 12 + 16 * i, 16 + 16 * i) === 'cmap') cmap = font.readUInt32BE(20 + 16 * i);
  }
  if (cmap < 0) throw new Error('no cmap');
  let sub = -1;
  for (let i = 0; i < font.readUInt16BE(cmap + 2); i++) {
    const at = cmap + 4 + 8 * i;
    if (font.readUInt16BE(at) === 3 && font.readUInt16BE(at + 2) === 1)
      sub = cmap + font.readUInt32BE(at + 4);
  }
  if (sub < 0 || font.readUInt16BE(sub) !== 4) throw new Error('no Unicode BMP cmap (format 4)');
  const segments = font.readUInt16BE(sub + 6) / 2;
  const ends = sub + 14;
  const starts = ends + 2 * segments + 2;
  const deltas = starts + 2 * segments;
  const offsets = deltas + 2 * segments;
  for (let s = 0; s < segments; s++) {
    if (code > font.readUInt16BE(ends + 2 * s)) continue;
    if (code < font.readUInt16BE(starts + 2 * s)) return 0;
    const delta = font.readInt16BE(deltas + 2 * s);
    const offset = font.readUInt16BE(offsets + 2 * s);
    if (offset === 0) return (code + delta) & 0xffff;
    const at = offsets + 2 * s + offset + 2 * (code - font.readUInt16BE(starts + 2 * s));
    const glyph = font.readUInt16BE(at);
    return glyph === 0 ? 0 : (glyph + delta) & 0xffff;
  }
  return 0;
}

describe('the PDF font', () => {
  it('is shipped in the repository, beside its licence', () => {
    const licence = readFileSync(path.join(FONT_DIR, 'OFL.txt'), 'utf8');
    expect(licence).toContain('SIL OPEN FONT LICENSE Version 1.1');
    expect(licence).toContain('Reserved Font Name Liberation');
    for (const face of FACES) {
      expect(readFileSync(path.join(FONT_DIR, `LiberationSerif-${face}.ttf`)).readUInt32BE(0)).toBe(
        0x00010000,
      );
    }
  });

  it('draws every Vietnamese letter in each of its four faces', () => {
    expect(VIETNAMESE).toHaveLength(2 * (12 * 6 + 1));
    for (const face of FACES) {
      const font = readFileSync(path.join(FONT_DIR, `LiberationSerif-${face}.ttf`));
      const missing = VIETNAMESE.filter((letter) => glyphOf(font, letter) === 0);
      expect(missing, face).toEqual([]);
      // The reader itself: a character the font has no glyph for gives 0.
      expect(glyphOf(font, '\u4e00'), face).toBe(0);
    }
  });

  it('is the serif embedded in the minutes and the resolution, and no Roboto', async () => {
    for (const pdf of [
      await renderMinutesPdf(sampleMinutesModel()),
      await renderResolutionPdf(sampleResolutionModel()),
    ]) {
      const fonts = await fontsOf(pdf);
      expect(fonts.length).toBeGreaterThan(0);
      for (const font of fonts) {
        expect(font.name).toMatch(/^[A-Z]{6}\+LiberationSerif(-Bold|-Italic|-BoldItalic)?$/);
        expect(font.embedded, font.name).toBe(true);
      }
      expect(fonts.some((f) => /roboto/i.test(f.name))).toBe(false);
    }
  });

  it('keeps every Vietnamese letter of the minutes, and the whole alphabet, as pdftotext reads it', async () => {
    const model = sampleMinutesModel();
    // The letters with diacritics the sample prints (the score sheet's " — n/m điểm" endings are not printed).
    const used = new Set(
      [...JSON.stringify(model)].filter((c) => c.charCodeAt(0) > 0x7f && /\p{L}/u.test(c)),
    );
    expect(used.size).toBeGreaterThan(40);
    const alphabet = VIETNAMESE.join(' ');
    model.discussion[0]?.opinions.push({ speaker: 'Nguyễn Văn Đức', text: alphabet });
    const text = (await pdfText(await renderMinutesPdf(model))).normalize('NFC');
    expect([...used].filter((c) => !text.includes(c))).toEqual([]);
    // pdftotext guesses the spaces of a justified line of one-letter words: compare without them.
    expect(text.replace(/\s+/g, '')).toContain(VIETNAMESE.join(''));
  });
});
