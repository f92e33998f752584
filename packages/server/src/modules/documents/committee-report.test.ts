import { type CommitteeReportModel, QUALITY_LEVELS } from '@nennep/core';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { sampleCommitteeReportModel } from './committee-report-fixtures.ts';
import { COMMITTEE_REPORT_SHEETS } from './committee-report-xlsx.ts';
import { zipEntries } from './deterministic.ts';
import { renderCommitteeReportDocx, renderCommitteeReportXlsx } from './index.ts';
import { docxText, expectPhrases, libreOfficePdfs, pdfText, squash } from './testing.ts';

describe('the sample report (Đảng ủy xã Tân Hội, Quý III/2026)', () => {
  it('has figures that agree with each other', () => {
    const f = sampleCommitteeReportModel().figures;
    const add = (values: number[]) => values.reduce((a, b) => a + b, 0);
    expect(add(f.units.map((u) => u.cells))).toBe(f.cells);
    expect(add(f.units.map((u) => u.expected))).toBe(f.regular.expected);
    expect(add(f.units.map((u) => u.onTime))).toBe(f.regular.onTime);
    expect(add(f.units.map((u) => u.notHeld))).toBe(f.regular.notHeld);
    expect(add(f.units.map((u) => u.held))).toBe(f.regular.onTime + f.regular.late);
    expect(add(f.months.map((m) => m.onTime + m.late + m.notHeld + m.pending))).toBe(f.regular.expected);
    for (const level of QUALITY_LEVELS)
      expect(add(f.units.map((u) => u.levels[level]))).toBe(f.levels[level]);
  });
});

describe('committee report DOCX', () => {
  it('prints the Party header from the model, the number, the sections, recipients and signature', async () => {
    const model = sampleCommitteeReportModel();
    const text = await docxText(await renderCommitteeReportDocx(model));
    expectPhrases(text, [
      'ĐẢNG BỘ TỈNH HỒNG CHÂU',
      'ĐẢNG ỦY XÃ TÂN HỘI',
      'Số 03-BC/ĐU',
      'ĐẢNG CỘNG SẢN VIỆT NAM',
      'Tân Hội, ngày 05 tháng 10 năm 2026',
      'BÁO CÁO',
      'Tình hình sinh hoạt chi bộ quý III năm 2026',
      'Thực hiện chế độ thông tin, báo cáo, Đảng ủy xã Tân Hội báo cáo tình hình sinh hoạt chi bộ quý III ' +
        'năm 2026 (từ ngày 01/07/2026 đến ngày 30/09/2026) như sau:',
      'I. TÌNH HÌNH SINH HOẠT CHI BỘ',
      'Tổng số chi bộ: 4 chi bộ',
      'Chi bộ sinh hoạt thường kỳ đầy đủ các tháng trong kỳ: 3/4 chi bộ (75%)',
      'Tỷ lệ đảng viên dự sinh hoạt bình quân: 87,8%',
      'Chi bộ tổ chức sinh hoạt chuyên đề: 3/4 chi bộ (75%); 3 buổi',
      'Số kiến nghị, đề xuất tiếp nhận: 5 (đã trả lời: 3; đang giải quyết: 2, trong đó quá hạn: 1)',
      'II. ĐÁNH GIÁ CHUNG',
      'Trong quý, 3/4 chi bộ (75%) sinh hoạt thường kỳ đầy đủ 3 tháng',
      'III. HẠN CHẾ, NGUYÊN NHÂN',
      '- Còn 1 lượt chi bộ không sinh hoạt thường kỳ.',
      'IV. PHƯƠNG HƯỚNG, NHIỆM VỤ KỲ TỚI',
      'Nhiệm vụ trọng tâm quý IV năm 2026:',
      'V. KIẾN NGHỊ, ĐỀ XUẤT',
      'Đề nghị Tỉnh ủy sớm ban hành hướng dẫn sinh hoạt chi bộ trực tuyến.',
      'Nơi nhận:',
      '- Tỉnh ủy Hồng Châu (để báo cáo),',
      '- Các chi bộ trực thuộc,',
      '- Lưu VP.',
      'T/M BAN THƯỜNG VỤ',
      'PHÓ BÍ THƯ THƯỜNG TRỰC',
      'Nguyễn Văn Hùng',
    ]);
    // Tables: one cell per line.
    expect(text).toContain('\nTháng 8/2026\n3\n0\n1\n0\n');
    expect(text).toContain('\nCộng\n9\n2\n1\n0\n');
    expect(text).toContain('\nTrung bình\n1\n9,1\n');
    expect(text).toContain('\nQuý III/2026\n4\n3\n1\n1\n');
    expect(text).toContain('\nChi bộ thôn Vĩnh Kỳ\n1\n2/3\n1\n0\n1\n1\n0\n76,4\n');
    expect(text).toContain('\nCộng\n4\n11/12\n9\n6\n4\n1\n0\n87,8\n');
  });

  it('prints a draft with a blank number, and a report without supervision target or units', async () => {
    const base = sampleCommitteeReportModel();
    const model: CommitteeReportModel = {
      ...base,
      header: { ...base.header, number: 'Số    -BC/ĐU', superior: '' },
      recipients: ['Lưu VP'],
      figures: { ...base.figures, supervision: null, units: [] },
      words: { ...base.words, proposals: '  \n ' },
    };
    const text = squash(await docxText(await renderCommitteeReportDocx(model)));
    expect(text).toContain('Số -BC/ĐU');
    expect(text).toContain('Chỉ tiêu dự sinh hoạt chi bộ không tính theo kỳ báo cáo này.');
    expect(text).toContain('V. KIẾN NGHỊ, ĐỀ XUẤT Không có kiến nghị, đề xuất.');
    expect(text).toContain('Nơi nhận: - Lưu VP.');
    expect(text).not.toContain('Kết quả theo đơn vị');
  });
});

describe('committee report: repeatable bytes', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('DOCX and XLSX: the same model gives the same bytes at two different times', async () => {
    for (const render of [renderCommitteeReportDocx, renderCommitteeReportXlsx]) {
      vi.useFakeTimers({ toFake: ['Date'] });
      vi.setSystemTime(new Date('2031-07-09T10:11:12Z'));
      const first = await render(sampleCommitteeReportModel());
      vi.setSystemTime(new Date('2044-12-30T23:59:58Z'));
      const second = await render(sampleCommitteeReportModel());
      vi.useRealTimers();
      expect(first.equals(second)).toBe(true);
      const zip = await JSZip.loadAsync(first);
      for (const entry of zipEntries(first)) {
        expect(zip.files[entry.name]?.date.toISOString(), entry.name).toBe('2026-10-05T00:00:00.000Z');
      }
    }
    // A different word gives different bytes: the comparison above can fail.
    const other = { ...sampleCommitteeReportModel() };
    other.words = { ...other.words, signerName: 'Trần Văn Bình' };
    const a = await renderCommitteeReportDocx(sampleCommitteeReportModel());
    expect(a.equals(await renderCommitteeReportDocx(other))).toBe(false);
  });
});

describe('committee report XLSX', () => {
  it('has the sheets, figures as numbers and the words', async () => {
    const book = new ExcelJS.Workbook();
    // exceljs declares its own Buffer (an ArrayBuffer); Node's Buffer is read all the same.
    await book.xlsx.load(
      (await renderCommitteeReportXlsx(sampleCommitteeReportModel())) as unknown as ArrayBuffer,
    );
    expect(book.worksheets.map((s) => s.name)).toEqual([...COMMITTEE_REPORT_SHEETS]);
    const find = (sheet: string, first: string) => {
      const ws = book.getWorksheet(sheet) as ExcelJS.Worksheet;
      for (let i = 1; i <= ws.rowCount; i++) {
        const row = ws.getRow(i);
        if (row.getCell(1).value === first || row.getCell(2).value === first) return row;
      }
      throw new Error(`${sheet}: no row ${first}`);
    };
    expect(find('Tổng hợp', 'Tổng số chi bộ').getCell(2).value).toBe(4);
    expect(find('Tổng hợp', 'Tỷ lệ dự sinh hoạt bình quân').getCell(2).value).toBeCloseTo(0.878);
    expect(find('Tổng hợp', 'Kỳ').getCell(2).value).toBe('Quý III/2026');
    expect(find('Theo tháng', 'Tháng 9/2026').getCell(3).value).toBe(1);
    const unit = find('Đơn vị', 'Chi bộ thôn Thúy Hội');
    expect(unit.getCell(6).value).toBe(3);
    expect(unit.getCell(8).value).toBe(3);
    expect(find('Nội dung', 'Người ký').getCell(2).value).toBe('Nguyễn Văn Hùng');
  });
});

// As libreoffice.test.ts: never skipped, CI installs libreoffice-writer-nogui and poppler-utils.
describe('LibreOffice opens the committee report DOCX', () => {
  it('and its header, number and signature survive the conversion to PDF', async () => {
    const [pdf] = await libreOfficePdfs({
      report: await renderCommitteeReportDocx(sampleCommitteeReportModel()),
    });
    expectPhrases(await pdfText(pdf ?? Buffer.alloc(0)), [
      'ĐẢNG ỦY XÃ TÂN HỘI',
      'Số 03-BC/ĐU',
      'Tình hình sinh hoạt chi bộ quý III năm 2026',
      'V. KIẾN NGHỊ, ĐỀ XUẤT',
      'T/M BAN THƯỜNG VỤ',
      'Nguyễn Văn Hùng',
    ]);
  }, 180_000);
});
