/**
 * A committee's periodic report as a workbook, for the committee above to sort and sum: the same figures
 * as the DOCX, numbers as numbers and dates as dates, and the committee's words. Repeatable bytes like
 * the DOCX: the workbook's dates and every zip entry's date are the report's date, never the clock.
 */
import {
  type CommitteeReportModel,
  levelLabel,
  levelTotal,
  QUALITY_LEVELS,
  type ReportWordField,
} from '@nennep/core';
import type ExcelJS from 'exceljs';
import { committeeReportSubject, monthLabel } from './committee-report-docx.ts';
import { add, day, factRows, header, renderWorkbook, sheetOf, type Value } from './xlsx-layout.ts';

export const COMMITTEE_REPORT_SHEETS = ['Tổng hợp', 'Theo tháng', 'Đơn vị', 'Nội dung'] as const;

/** Percent figures (92.5) as fractions (0.925) shown as percentages. */
const fraction = (percent: number | null) => (percent === null ? null : percent / 100);

function summary(workbook: ExcelJS.Workbook, model: CommitteeReportModel) {
  const sheet = sheetOf(workbook, 'Tổng hợp', [52, 24, 14, 14]);
  const f = model.figures;
  const r = f.recommendations;
  header(sheet, ['Nội dung', 'Giá trị']);
  const facts: [label: string, value: Value, numFmt?: string][] = [
    ['Cấp ủy', model.issuerName],
    ['Báo cáo', `${committeeReportSubject(model)} (${model.header.number})`],
    ['Kỳ', model.period.label.vi],
    ['Từ ngày', day(model.period.from)],
    ['Đến ngày', day(model.period.to)],
    ['Số liệu tính đến ngày', day(f.asOf)],
    ['Tổng số chi bộ', f.cells],
    ['Số lượt chi bộ phải sinh hoạt thường kỳ', f.regular.expected],
    ['Sinh hoạt đúng thời gian', f.regular.onTime],
    ['Sinh hoạt muộn', f.regular.late],
    ['Không sinh hoạt', f.regular.notHeld],
    ['Chưa đến hạn', f.regular.pending],
    ['Chi bộ sinh hoạt đầy đủ các tháng', f.regular.fullCells],
    ['Tỷ lệ dự sinh hoạt bình quân', fraction(f.attendancePercent), '0.0%'],
    ['Tỷ lệ phát biểu bình quân', fraction(f.speakingPercent), '0.0%'],
    ['Số buổi sinh hoạt chuyên đề', f.thematic.meetings],
    ['Chi bộ có sinh hoạt chuyên đề', f.thematic.cells],
    ['Kiến nghị, đề xuất tiếp nhận', r.raised],
    ['Kiến nghị đã trả lời', r.answered],
    ['Kiến nghị đang giải quyết', r.open],
    ['Kiến nghị quá hạn', r.overdue],
  ];
  factRows(sheet, facts);
  add(sheet, []);
  header(sheet, ['Xếp loại', 'Số buổi']);
  for (const l of QUALITY_LEVELS) add(sheet, [levelLabel(l, 'vi'), f.levels[l]]);
  add(sheet, ['Cộng', levelTotal(f.levels)]).font = { bold: true };
  if (f.supervision) {
    add(sheet, []);
    header(sheet, ['Dự sinh hoạt (kỳ chỉ tiêu)', 'Chi bộ thuộc chỉ tiêu', 'Đã dự', 'Quá hạn']);
    for (const p of f.supervision.periods) add(sheet, [p.label, p.targetCells, p.visited, p.overdue]);
  }
}

function byMonth(workbook: ExcelJS.Workbook, model: CommitteeReportModel) {
  const sheet = sheetOf(workbook, 'Theo tháng', [16, 16, 12, 16, 14]);
  header(sheet, ['Tháng', 'Đúng thời gian', 'Muộn', 'Không sinh hoạt', 'Chưa đến hạn']);
  for (const m of model.figures.months)
    add(sheet, [monthLabel(m.month), m.onTime, m.late, m.notHeld, m.pending]);
}

function byUnit(workbook: ExcelJS.Workbook, model: CommitteeReportModel) {
  const sheet = sheetOf(workbook, 'Đơn vị', [6, 40, 12, 14, 14, 14, 14, 8, 8, 8, 8, 12]);
  header(sheet, [
    'TT',
    model.figures.unitKind === 'cells' ? 'Chi bộ' : 'Đơn vị',
    'Mã',
    'Số chi bộ',
    'Phải sinh hoạt',
    'Đã sinh hoạt',
    'Đúng thời gian',
    ...QUALITY_LEVELS.map((l) => levelLabel(l, 'vi')),
    'Dự họp (%)',
  ]);
  model.figures.units.forEach((u, i) => {
    const row = add(sheet, [
      i + 1,
      u.name,
      u.code,
      u.cells,
      u.expected,
      u.held,
      u.onTime,
      ...QUALITY_LEVELS.map((l) => u.levels[l]),
      fraction(u.attendancePercent),
    ]);
    row.getCell(12).numFmt = '0.0%';
  });
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: 12 } };
}

const WORD_LABELS: Record<ReportWordField, string> = {
  assessment: 'Đánh giá chung',
  shortcomings: 'Hạn chế, nguyên nhân',
  directions: 'Phương hướng, nhiệm vụ kỳ tới',
  proposals: 'Kiến nghị, đề xuất',
  signerName: 'Người ký',
  signerTitle: 'Chức vụ người ký',
};

function texts(workbook: ExcelJS.Workbook, model: CommitteeReportModel) {
  const sheet = sheetOf(workbook, 'Nội dung', [30, 100]);
  header(sheet, ['Mục', 'Nội dung']);
  for (const [field, label] of Object.entries(WORD_LABELS) as [ReportWordField, string][]) {
    add(sheet, [label, model.words[field]]).getCell(2).alignment = { wrapText: true, vertical: 'top' };
  }
}

/** The report as an .xlsx workbook (`COMMITTEE_REPORT_SHEETS`). Same model, same bytes. */
export function renderCommitteeReportXlsx(model: CommitteeReportModel): Promise<Buffer> {
  const meta = {
    placeDate: model.header.placeDate,
    title: `BÁO CÁO ${committeeReportSubject(model)}`,
    subject: model.header.number,
  };
  return renderWorkbook(meta, (workbook) => {
    summary(workbook, model);
    byMonth(workbook, model);
    byUnit(workbook, model);
    texts(workbook, model);
  });
}
