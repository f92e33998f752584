import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { QUALITY_LEVELS, type QualityLevel, type SupervisionReportModel } from '@nennep/core';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { zipEntries } from './deterministic.ts';
import { renderSupervisionReportDocx, renderSupervisionReportXlsx } from './index.ts';
import { sampleSupervisionReportModel } from './supervision-fixtures.ts';
import { SUPERVISION_SHEETS } from './supervision-report-xlsx.ts';
import { docxText, expectPhrases, libreOfficePdfs, pdfText, squash } from './testing.ts';

const GOLDEN = path.join(path.dirname(fileURLToPath(import.meta.url)), 'golden');
const _SOFFICE = process.env.SOFFICE_PATH ?? 'soffice';

/** Compares with the golden file, or writes it when UPDATE_GOLDEN=1 (as documents.test.ts does). */
function expectGolden(name: string, actual: Buffer) {
  const file = path.join(GOLDEN, name);
  if (process.env.UPDATE_GOLDEN === '1') {
    mkdirSync(GOLDEN, { recursive: true });
    writeFileSync(file, actual);
    return;
  }
  if (!existsSync(file)) throw new Error(`${file} is missing: run the tests once with UPDATE_GOLDEN=1`);
  expect(
    actual.equals(readFileSync(file)),
    `${name} differs from its golden file (UPDATE_GOLDEN=1 to accept)`,
  ).toBe(true);
}

/** What the report of the sample quarter must say, in the DOCX and in LibreOffice's PDF of it. */
function reportPhrases(model: SupervisionReportModel): string[] {
  return [
    'ĐẢNG BỘ THÀNH PHỐ HÀ NỘI',
    'HUYỆN ỦY ĐAN PHƯỢNG',
    'Số 215-BC/HU',
    model.placeDateLine,
    'ĐẢNG CỘNG SẢN VIỆT NAM',
    'BÁO CÁO',
    'Kết quả dự sinh hoạt chi bộ quý I/2027',
    'Huyện ủy Đan Phượng báo cáo kết quả dự sinh hoạt chi bộ quý I/2027 (từ ngày 01/01/2027 đến ngày 31/03/2027)',
    'I. TÌNH HÌNH CHUNG',
    'Thời gian dự theo chỉ tiêu: từ ngày 01/01/2027 đến ngày 31/01/2027',
    'Số chi bộ thuộc chỉ tiêu: 16 chi bộ',
    'Số chi bộ đã được dự sinh hoạt: 13/16 chi bộ (81,3%)',
    'Số chi bộ chưa được dự sinh hoạt: 3 chi bộ (đã có lịch dự: 1; quá hạn chưa dự: 2)',
    'Số lượt dự: 14 lượt (có mặt dự: 13; đã báo cáo kết quả: 13; báo cáo quá hạn: 1)',
    'II. KẾT QUẢ DỰ SINH HOẠT',
    'Chi bộ cụm dân cư số 1 (xã Thượng Mỗ)',
    'III. KIẾN NGHỊ, ĐỀ XUẤT CỦA ĐẢNG VIÊN',
    'Chi bộ thôn Quý: Đề nghị hỗ trợ kinh phí sửa chữa nhà văn hóa thôn, nơi chi bộ sinh hoạt, đã xuống cấp.',
    'IV. NHỮNG VẤN ĐỀ CẦN CẤP ỦY CHỈ ĐẠO',
    'Chi bộ thôn Bá Dương Nội: Chi bộ tự ý lùi lịch sinh hoạt, không báo cáo Đảng ủy xã; đề nghị chấn chỉnh.',
    'V. CHI BỘ CHƯA ĐƯỢC DỰ SINH HOẠT',
    // Addressed upward and signed for the collective (HD 36-HD/VPTW), not by the staff who compiled it.
    'Nơi nhận:',
    '- Ban Thường vụ Thành ủy Hà Nội (để báo cáo),',
    '- Các đồng chí Ủy viên Ban Thường vụ,',
    '- Các đảng ủy có chi bộ được dự sinh hoạt,',
    '- Lưu Văn phòng.',
    'T/M BAN THƯỜNG VỤ',
    'PHÓ BÍ THƯ',
    model.signature.name,
  ];
}

/** What the report must not say: its own standing body as a recipient, the preparer as the signer. */
const NOT_IN_REPORT = ['Ban Thường vụ Huyện ủy Đan Phượng', 'NGƯỜI LẬP BÁO CÁO', 'Nguyễn Thị Thanh Hương'];

describe('the sample quarter (Huyện ủy Đan Phượng, Quý I/2027)', () => {
  it('has figures that agree with each other', () => {
    const m = sampleSupervisionReportModel();
    const t = m.totals;
    const add = (values: number[]) => values.reduce((a, b) => a + b, 0);
    expect(add(m.byUnit.map((u) => u.targetCells))).toBe(t.targetCells);
    expect(add(m.byUnit.map((u) => u.visited))).toBe(t.visited);
    expect(add(m.byUnit.map((u) => u.toVisit))).toBe(t.toVisit);
    expect(add(m.byUnit.map((u) => u.overdue))).toBe(t.overdue);
    expect(t.visited + t.toVisit).toBe(t.targetCells);
    expect(m.notVisited).toHaveLength(t.toVisit);
    expect(m.visits).toHaveLength(t.visits);
    expect(m.visits.filter((v) => v.attended)).toHaveLength(t.attended);
    expect(new Set(m.visits.filter((v) => v.attended).map((v) => v.cellName)).size).toBe(t.visited);
    expect(add(m.byVisitor.map((v) => v.planned))).toBe(t.visits);
    expect(add(m.byVisitor.map((v) => v.reported))).toBe(t.reported);
    expect(add(m.byGroup.map((g) => g.planned))).toBe(t.visits);
    expect(add(m.byGroup.map((g) => g.reported))).toBe(t.reported);
    const count = (levels: (QualityLevel | null)[]) =>
      Object.fromEntries(QUALITY_LEVELS.map((l) => [l, levels.filter((x) => x === l).length]));
    expect(m.levels.cell).toEqual(count(m.visits.map((v) => v.cellLevel)));
    expect(m.levels.visitor).toEqual(count(m.visits.map((v) => v.visitorLevel)));
  });
});

describe('supervision report DOCX', () => {
  it('prints the header, the figures, the tables, the recommendations and the signature', async () => {
    const model = sampleSupervisionReportModel();
    const text = await docxText(await renderSupervisionReportDocx(model));
    expectPhrases(text, reportPhrases(model));
    for (const phrase of NOT_IN_REPORT) expect(text).not.toContain(phrase);
    // Tables: one cell per line. A visit with both scores and the gap; the unit row; the level counts.
    expect(text).toContain(
      '\nChi bộ thôn Thúy Hội (xã Tân Hội)\n08/01/2027\nLê Thị Thu Hằng\n91 – Tốt\n84 – Khá\n-7\n',
    );
    expect(text).toContain(
      '\nChi bộ thôn Vĩnh Kỳ (xã Tân Hội)\n15/01/2027\nNguyễn Văn Khánh\nChưa tự chấm\nKhông dự được\n\n',
    );
    expect(text).toContain(
      '\nChi bộ tổ dân phố Phùng 3 (thị trấn Phùng)\n19/01/2027\nHoàng Minh Tuấn\n89 – Khá\nChưa báo cáo\n',
    );
    expect(text).toContain('\nĐảng bộ xã Tân Hội\n4\n3\n1\n1\n');
    expect(text).toContain('\nCộng\n16\n13\n3\n2\n');
    expect(text).toContain('\nTốt\n7\n4\n');
    expect(text).toContain('\nTrung bình\n0\n2\n');
    expect(text).toContain('\nTổ công tác số 3\n3\n2\n');
    expect(text).toContain('\nChi bộ thôn Bá Dương Nội\nĐảng bộ xã Hồng Hà\nChi bộ lùi lịch sinh hoạt');
    expectPhrases(text, [
      'Trong 11 buổi sinh hoạt có cả hai kết quả, người dự xếp loại thấp hơn chi bộ tự xếp loại 4 buổi, ' +
        'bằng 7 buổi, cao hơn 0 buổi.',
      'Bình quân, điểm người dự chấm thấp hơn điểm chi bộ tự chấm 4,6 điểm.',
    ]);
  });

  it('prints Vietnamese precomposed, whatever form the model holds', async () => {
    const model = sampleSupervisionReportModel();
    const first = model.recommendations[0];
    if (first) first.text = first.text.normalize('NFD');
    const text = await docxText(await renderSupervisionReportDocx(model));
    expect(text).toBe(text.normalize('NFC'));
    expect(text).toContain(
      'Đề nghị sớm có hướng dẫn sinh hoạt chi bộ trực tuyến đối với đảng viên đi làm ăn xa.',
    );
    for (const word of ['Thượng Mỗ', 'Tiên Tân', 'Kém', 'Khá', 'ĐẢNG CỘNG SẢN VIỆT NAM'])
      expect(text).toContain(word);
  });

  it('prints a report issued before the collective signature as it was issued', async () => {
    const { signature: _signature, recipients: _recipients, ...frozen } = sampleSupervisionReportModel();
    const text = squash(await docxText(await renderSupervisionReportDocx(frozen)));
    expect(text).toContain('NGƯỜI LẬP BÁO CÁO (Ký, ghi rõ họ tên) Nguyễn Thị Thanh Hương');
    expect(text).toContain('- Ban Thường vụ Huyện ủy Đan Phượng (để báo cáo),');
  });

  it('keeps the five parts when a quarter has nothing to list', async () => {
    const model: SupervisionReportModel = {
      ...sampleSupervisionReportModel(),
      parentName: null,
      documentNumber: '07-BC/ĐU',
      byGroup: [],
      visits: [],
      recommendations: [],
      issues: [],
      notVisited: [],
    };
    const text = squash(await docxText(await renderSupervisionReportDocx(model)));
    for (const phrase of [
      'Số 07-BC/ĐU',
      'Chưa có lượt dự sinh hoạt nào trong kỳ.',
      'III. KIẾN NGHỊ, ĐỀ XUẤT CỦA ĐẢNG VIÊN Không có kiến nghị, đề xuất của đảng viên.',
      'IV. NHỮNG VẤN ĐỀ CẦN CẤP ỦY CHỈ ĐẠO Không có vấn đề cần cấp ủy chỉ đạo.',
      'V. CHI BỘ CHƯA ĐƯỢC DỰ SINH HOẠT Tất cả chi bộ thuộc chỉ tiêu đã được dự sinh hoạt.',
    ]) {
      expect(text).toContain(phrase);
    }
    expect(text).not.toContain('Tổ công tác');
    expect(text).not.toContain('Bình quân');
  });
});

describe('supervision report: repeatable bytes', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  async function twice(render: () => Promise<Buffer>): Promise<[Buffer, Buffer]> {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2031-07-09T10:11:12Z'));
    const first = await render();
    vi.setSystemTime(new Date('2044-12-30T23:59:58Z'));
    const second = await render();
    return [first, second];
  }

  it('DOCX and XLSX: the same bytes at two different times, entries dated by the report', async () => {
    for (const render of [renderSupervisionReportDocx, renderSupervisionReportXlsx]) {
      const [a, b] = await twice(() => render(sampleSupervisionReportModel()));
      expect(a.equals(b)).toBe(true);
      const zip = await JSZip.loadAsync(a);
      for (const entry of zipEntries(a)) {
        expect(zip.files[entry.name]?.date.toISOString(), entry.name).toBe('2027-04-05T00:00:00.000Z');
      }
      const core = (await zip.file('docProps/core.xml')?.async('string')) ?? '';
      expect(core).toMatch(/<dcterms:created xsi:type="dcterms:W3CDTF">2027-04-05T00:00:00(\.000)?Z</);
      expect(core).toMatch(/<dcterms:modified xsi:type="dcterms:W3CDTF">2027-04-05T00:00:00(\.000)?Z</);
    }
  });

  it('matches the golden files', async () => {
    expectGolden(
      'supervision-report.docx',
      await renderSupervisionReportDocx(sampleSupervisionReportModel()),
    );
    expectGolden(
      'supervision-report.xlsx',
      await renderSupervisionReportXlsx(sampleSupervisionReportModel()),
    );
  });
});

describe('supervision report XLSX', () => {
  async function workbook(model = sampleSupervisionReportModel()) {
    const book = new ExcelJS.Workbook();
    // exceljs declares its own Buffer (an ArrayBuffer); Node's Buffer is read all the same.
    await book.xlsx.load((await renderSupervisionReportXlsx(model)) as unknown as ArrayBuffer);
    return book;
  }
  const values = (row: ExcelJS.Row) => (Array.isArray(row.values) ? row.values.slice(1) : []);
  function rowStarting(sheet: ExcelJS.Worksheet, first: string, column = 1): ExcelJS.Row {
    for (let i = 1; i <= sheet.rowCount; i++) {
      const row = sheet.getRow(i);
      if (row.getCell(column).value === first) return row;
    }
    throw new Error(`${sheet.name}: no row starting with ${first}`);
  }

  it('has the five sheets, each with a bold, frozen header row and set column widths', async () => {
    const book = await workbook();
    expect(book.worksheets.map((s) => s.name)).toEqual([...SUPERVISION_SHEETS]);
    for (const sheet of book.worksheets) {
      expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
      expect(sheet.getRow(1).getCell(1).font?.bold).toBe(true);
      expect(sheet.getColumn(2).width).toBeGreaterThan(10);
    }
    const header = (name: string) => values(book.getWorksheet(name)?.getRow(1) as ExcelJS.Row);
    expect(header('Lượt dự')).toEqual([
      'TT',
      'Chi bộ',
      'Đơn vị',
      'Ngày dự',
      'Người dự',
      'Có mặt dự',
      'Điểm chi bộ tự chấm',
      'Chi bộ tự xếp loại',
      'Điểm người dự chấm',
      'Người dự xếp loại',
      'Chênh lệch (điểm)',
    ]);
    expect(header('Chưa được dự')).toEqual(['TT', 'Chi bộ', 'Đơn vị', 'Lý do']);
    expect(header('Kiến nghị')).toEqual(['TT', 'Loại', 'Chi bộ', 'Nội dung']);
  });

  it('holds the figures as numbers and dates as dates', async () => {
    const book = await workbook();
    const summary = book.getWorksheet('Tổng hợp') as ExcelJS.Worksheet;
    expect(rowStarting(summary, 'Số chi bộ thuộc chỉ tiêu').getCell(2).value).toBe(16);
    expect(rowStarting(summary, 'Số chi bộ đã được dự').getCell(2).value).toBe(13);
    expect(rowStarting(summary, 'Tỷ lệ chi bộ đã được dự').getCell(2).value).toBe(13 / 16);
    expect(rowStarting(summary, 'Số báo cáo quá hạn').getCell(2).value).toBe(1);
    expect(rowStarting(summary, 'Kỳ').getCell(2).value).toBe('Quý I/2027');
    expect(values(rowStarting(summary, 'Đảng bộ xã Hồng Hà'))).toEqual(['Đảng bộ xã Hồng Hà', 3, 2, 1, 1]);
    expect(values(rowStarting(summary, 'Cộng'))).toEqual(['Cộng', 16, 13, 3, 2]);
    expect(values(rowStarting(summary, 'Trung bình'))).toEqual(['Trung bình', 0, 2]);
    expect(rowStarting(summary, 'Đơn vị').font?.bold).toBe(true);

    const visits = book.getWorksheet('Lượt dự') as ExcelJS.Worksheet;
    expect(visits.rowCount).toBe(15);
    expect(values(visits.getRow(3))).toEqual([
      2,
      'Chi bộ thôn Thúy Hội',
      'Đảng bộ xã Tân Hội',
      new Date('2027-01-08T00:00:00Z'),
      'Lê Thị Thu Hằng',
      'Có',
      91,
      'Tốt',
      84,
      'Khá',
      -7,
    ]);
    expect(visits.getRow(3).getCell(4).numFmt).toBe('dd/mm/yyyy');
    const absent = rowStarting(visits, 'Chi bộ thôn Vĩnh Kỳ', 2);
    expect(absent.getCell(6).value).toBe('Không');
    expect(absent.getCell(9).value).toBeNull();

    const people = book.getWorksheet('Người dự') as ExcelJS.Worksheet;
    expect(values(rowStarting(people, 'Hoàng Minh Tuấn', 2))).toEqual([7, 'Hoàng Minh Tuấn', 2, 1]);
    expect(values(rowStarting(people, 'Tổ công tác', 2))).toEqual([
      'TT',
      'Tổ công tác',
      'Số lượt được phân công',
      'Đã báo cáo',
    ]);
    expect(values(rowStarting(people, 'Tổ công tác số 1', 2))).toEqual([1, 'Tổ công tác số 1', 7, 7]);

    const notes = book.getWorksheet('Kiến nghị') as ExcelJS.Worksheet;
    expect(notes.rowCount).toBe(1 + 5 + 3);
    expect(notes.getRow(9).getCell(2).value).toBe('Vấn đề cần cấp ủy chỉ đạo');
    expect(notes.getRow(2).getCell(4).value).toBe(
      'Đề nghị sớm có hướng dẫn sinh hoạt chi bộ trực tuyến đối với đảng viên đi làm ăn xa.',
    );

    const missing = book.getWorksheet('Chưa được dự') as ExcelJS.Worksheet;
    expect(missing.rowCount).toBe(4);
    expect(missing.getRow(3).getCell(2).value).toBe('Chi bộ cụm dân cư số 3');
  });
});

// As libreoffice.test.ts: never skipped, CI installs libreoffice-writer-nogui and poppler-utils.
describe('LibreOffice opens the supervision report DOCX', () => {
  it('and its text survives the conversion to PDF', async () => {
    const model = sampleSupervisionReportModel();
    const [pdf] = await libreOfficePdfs({ 'supervision-report': await renderSupervisionReportDocx(model) });
    expect(pdf?.subarray(0, 5).toString()).toBe('%PDF-');
    const text = await pdfText(pdf ?? Buffer.alloc(0));
    expectPhrases(text, reportPhrases(model));
    // The collective signature reads in order: authority, the signer's title, the name.
    expect(squash(text)).toMatch(/T\/M BAN THƯỜNG VỤ.*PHÓ BÍ THƯ.*Trần Văn Quang/u);
    for (const phrase of NOT_IN_REPORT) expect(text).not.toContain(phrase);
  }, 180_000);
});
