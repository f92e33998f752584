/**
 * The type of each element of a Party document (HD 36-HD/VPTW), read from the DOCX's XML: `w:sz` in
 * half-points, bold, italics and underline of every run of the element, against the `HD36` table — and
 * that table against docs/DOCUMENTS.md, which states it in words.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { MINUTE_TAKER, sampleMinutesModel, sampleResolutionModel } from './fixtures.ts';
import { renderMinutesDocx, renderResolutionDocx, renderSupervisionReportDocx } from './index.ts';
import { HD36, type Hd36Element, PARTY_NAME, type TypeSpec } from './party-layout.ts';
import { sampleSupervisionReportModel } from './supervision-fixtures.ts';

const DOCUMENTS_MD = fileURLToPath(new URL('../../../../../docs/DOCUMENTS.md', import.meta.url));

interface RunStyle {
  text: string;
  /** Half-points, as `w:sz` holds them; null when the run sets none. */
  halfPoints: number | null;
  bold: boolean;
  italics: boolean;
  underline: boolean;
}

interface ParagraphRuns {
  text: string;
  runs: RunStyle[];
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const unescapeXml = (text: string) =>
  text.replace(/&(amp|lt|gt|quot|apos);/g, (_, name: string) => ENTITIES[name] ?? '');

/** A toggle property (`w:b`, `w:i`) is on when present without a false value. */
const toggle = (props: string, tag: string) => {
  const m = new RegExp(`<w:${tag}(?: w:val="([^"]*)")?/>`).exec(props);
  return m !== null && !['false', '0', 'off'].includes(m[1] ?? 'true');
};

function runStyle(run: string): RunStyle {
  const props = /<w:rPr>([\s\S]*?)<\/w:rPr>/.exec(run)?.[1] ?? '';
  const size = /<w:sz w:val="(\d+)"\/>/.exec(props)?.[1];
  const underline = /<w:u w:val="([^"]+)"\/>/.exec(props)?.[1];
  return {
    text: [...run.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => unescapeXml(m[1] ?? '')).join(''),
    halfPoints: size ? Number(size) : null,
    bold: toggle(props, 'b'),
    italics: toggle(props, 'i'),
    underline: underline !== undefined && underline !== 'none',
  };
}

/** The paragraphs of `word/document.xml`, each with its runs and their type. */
async function paragraphsOf(docx: Buffer): Promise<ParagraphRuns[]> {
  const xml = (await (await JSZip.loadAsync(docx)).file('word/document.xml')?.async('string')) ?? '';
  return (xml.match(/<w:p[ >][\s\S]*?<\/w:p>/g) ?? []).map((p) => {
    const runs = (p.match(/<w:r[ >][\s\S]*?<\/w:r>/g) ?? []).map(runStyle).filter((r) => r.text !== '');
    return { text: runs.map((r) => r.text).join(''), runs };
  });
}

const expected = (spec: TypeSpec) => ({
  halfPoints: spec.size * 2,
  bold: spec.bold,
  italics: spec.italics,
  underline: spec.underline,
});

/** Every run of the paragraph `text` (a run containing it, for body text) is typed as HD 36 sets `element`. */
function expectElement(paragraphs: ParagraphRuns[], element: Hd36Element, text: string, partOfRun = false) {
  const spec = HD36[element];
  const runs = partOfRun
    ? paragraphs.flatMap((p) => p.runs).filter((r) => r.text.includes(text))
    : (paragraphs.find((p) => p.text.trim() === text)?.runs ?? []);
  expect(runs.length, `${element}: "${text}" not found`).toBeGreaterThan(0);
  for (const run of runs) {
    const { halfPoints, bold, italics, underline } = run;
    expect({ halfPoints, bold, italics, underline }, `${element}: "${run.text}"`).toEqual(expected(spec));
    if (spec.upperCase) expect(run.text, element).toBe(run.text.toLocaleUpperCase('vi'));
  }
}

describe('the HD 36 table', () => {
  it('prints every element within the sizes HD 36 allows', () => {
    for (const [element, spec] of Object.entries(HD36)) {
      expect(spec.size, element).toBeGreaterThanOrEqual(spec.allowed[0]);
      expect(spec.size, element).toBeLessThanOrEqual(spec.allowed[1]);
    }
  });

  it('is what docs/DOCUMENTS.md states, row by row', () => {
    const rows = new Map(
      readFileSync(DOCUMENTS_MD, 'utf8')
        .split('\n')
        .filter((line) => /^\| `\w+`/.test(line))
        .map((line) => line.split('|').map((cell) => cell.trim()))
        .map((cells) => [
          cells[1]?.replaceAll('`', '') ?? '',
          { hd36: cells[2] ?? '', ours: cells[3] ?? '' },
        ]),
    );
    expect([...rows.keys()].sort()).toEqual(Object.keys(HD36).sort());
    for (const [element, spec] of Object.entries(HD36)) {
      const words = [
        `${spec.size} pt`,
        spec.upperCase ? 'upper case' : 'normal case',
        spec.bold ? 'bold' : 'regular',
        spec.italics ? 'italic' : 'upright',
        ...(spec.underline ? ['underlined'] : []),
      ].join(', ');
      expect(rows.get(element)?.ours, element).toBe(words);
      const [low, high] = spec.allowed;
      expect(rows.get(element)?.hd36, element).toContain(low === high ? `cỡ ${low}` : `cỡ ${low}–${high}`);
    }
  });
});

describe('the DOCX prints each element as HD 36 sets it', () => {
  it('minutes: header, title, subject, body, signatures', async () => {
    const model = sampleMinutesModel();
    const p = await paragraphsOf(await renderMinutesDocx(model));
    expectElement(p, 'party', PARTY_NAME);
    expectElement(p, 'superior', model.header.superior);
    expectElement(p, 'issuer', model.header.issuer);
    expectElement(p, 'star', '*');
    expectElement(p, 'number', model.header.number);
    expectElement(p, 'placeDate', model.header.placeDate);
    expectElement(p, 'typeName', 'BIÊN BẢN');
    expectElement(p, 'subject', model.subtitle);
    expectElement(p, 'body', model.place, true);
    expectElement(p, 'signerTitle', model.signatures.left.title);
    expectElement(p, 'signerTitle', model.signatures.right.title);
    expectElement(p, 'signerName', MINUTE_TAKER);
  });

  it('resolution: header, title, subject, grounds, "QUYẾT NGHỊ:", signature, recipients', async () => {
    const model = sampleResolutionModel();
    const p = await paragraphsOf(await renderResolutionDocx(model));
    expectElement(p, 'party', PARTY_NAME);
    expectElement(p, 'superior', model.header.superior);
    expectElement(p, 'issuer', model.header.issuer);
    expectElement(p, 'star', '*');
    expectElement(p, 'number', 'Số 05-NQ/CB');
    expectElement(p, 'placeDate', model.header.placeDate);
    expectElement(p, 'typeName', 'NGHỊ QUYẾT');
    expectElement(p, 'subject', model.subtitle);
    expectElement(p, 'body', '- Căn cứ Điều lệ Đảng Cộng sản Việt Nam;');
    expectElement(p, 'body', model.adoption);
    expectElement(p, 'heading', 'CHI BỘ KHU VỰC 3 QUYẾT NGHỊ:');
    expectElement(p, 'authority', 'T/M CHI BỘ');
    expectElement(p, 'signerTitle', 'BÍ THƯ');
    expectElement(p, 'signerName', model.signature.name);
    expectElement(p, 'recipientsLabel', 'Nơi nhận:');
    expectElement(p, 'recipients', '- Đảng ủy phường Ninh Kiều (để báo cáo),');
    expectElement(p, 'recipients', '- Lưu chi bộ.');
  });

  it('supervision report: header, title, subject, parts, collective signature, recipients', async () => {
    const model = sampleSupervisionReportModel();
    const p = await paragraphsOf(await renderSupervisionReportDocx(model));
    expectElement(p, 'party', PARTY_NAME);
    expectElement(p, 'superior', 'ĐẢNG BỘ THÀNH PHỐ HÀ NỘI');
    expectElement(p, 'issuer', 'HUYỆN ỦY ĐAN PHƯỢNG');
    expectElement(p, 'star', '*');
    expectElement(p, 'number', 'Số 215-BC/HU');
    expectElement(p, 'placeDate', model.placeDateLine);
    expectElement(p, 'typeName', 'BÁO CÁO');
    expectElement(p, 'subject', 'Kết quả dự sinh hoạt chi bộ quý I/2027');
    expectElement(p, 'body', 'Huyện ủy Đan Phượng báo cáo kết quả dự sinh hoạt chi bộ quý I/2027', true);
    expectElement(p, 'heading', 'I. TÌNH HÌNH CHUNG');
    expectElement(p, 'authority', 'T/M BAN THƯỜNG VỤ');
    expectElement(p, 'signerTitle', 'PHÓ BÍ THƯ');
    expectElement(p, 'signerName', model.signature.name);
    expectElement(p, 'recipientsLabel', 'Nơi nhận:');
    expectElement(p, 'recipients', '- Ban Thường vụ Thành ủy Hà Nội (để báo cáo),');
    expectElement(p, 'recipients', '- Lưu Văn phòng.');
  });

  it('sets Times New Roman as the default font of the document', async () => {
    const zip = await JSZip.loadAsync(await renderResolutionDocx(sampleResolutionModel()));
    const styles = (await zip.file('word/styles.xml')?.async('string')) ?? '';
    const defaults = /<w:docDefaults>[\s\S]*?<\/w:docDefaults>/.exec(styles)?.[0] ?? '';
    expect(defaults).toMatch(/<w:rFonts [^>]*w:ascii="Times New Roman"/);
    expect(defaults).toContain(`<w:sz w:val="${HD36.body.size * 2}"/>`);
  });
});
