/**
 * The quarterly supervision report as a workbook, for the Organisation Committee to sort and sum: the
 * same figures as the DOCX, numbers as numbers and dates as dates. Repeatable bytes like the DOCX: the
 * workbook's dates and every zip entry's date are the report's date (`deterministic.ts`), never the clock.
 */
import { levelLabel, QUALITY_LEVELS, type QualityLevel, type SupervisionReportModel } from '@nennep/core';
import ExcelJS from 'exceljs';
import { documentDate, normaliseZip } from './deterministic.ts';
import { PRODUCER, printable } from './party-layout.ts';
import { documentNumber, gapOf, reportSubject } from './supervision-report-docx.ts';

type Value = string | number | Date | null;

export const SUPERVISION_SHEETS = ['Tổng hợp', 'Lượt dự', 'Người dự', 'Kiến nghị', 'Chưa được dự'] as const;

const DATE_FORMAT = 'dd/mm/yyyy';
const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E1F2' } };

/** An ISO date as a date cell (midnight UTC: exceljs writes the serial from UTC). */
const day = (iso: string) => new Date(`${iso.slice(0, 10)}T00:00:00Z`);
const level = (value: QualityLevel | null) => (value ? levelLabel(value, 'vi') : null);
const total = <T>(items: T[], value: (item: T) => number) =>
  items.reduce((sum, item) => sum + value(item), 0);

/** A sheet with column widths, the first row frozen. */
function sheetOf(workbook: ExcelJS.Workbook, name: string, widths: number[]): ExcelJS.Worksheet {
  const sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = widths.map((width) => ({ width }));
  return sheet;
}

function add(sheet: ExcelJS.Worksheet, values: Value[]): ExcelJS.Row {
  return sheet.addRow(values.map((value) => (typeof value === 'string' ? printable(value) : value)));
}

function header(sheet: ExcelJS.Worksheet, titles: string[]): ExcelJS.Row {
  const row = add(sheet, titles);
  row.font = { bold: true };
  row.alignment = { vertical: 'middle', wrapText: true };
  row.eachCell((cell) => {
    cell.fill = HEADER_FILL;
  });
  return row;
}

function bold(row: ExcelJS.Row): ExcelJS.Row {
  row.font = { bold: true };
  return row;
}

function summary(workbook: ExcelJS.Workbook, model: SupervisionReportModel) {
  const sheet = sheetOf(workbook, 'Tổng hợp', [42, 22, 14, 14, 14]);
  const t = model.totals;
  header(sheet, ['Nội dung', 'Giá trị']);
  const facts: [label: string, value: Value, numFmt?: string][] = [
    ['Cấp ủy', model.committeeName],
    ['Báo cáo', `${reportSubject(model)} (${documentNumber(model.documentNumber)})`],
    ['Kỳ', model.period.label.vi],
    ['Từ ngày', day(model.period.from)],
    ['Đến ngày', day(model.period.to)],
    ['Chỉ tiêu', model.rulesSummary],
    ['Số chi bộ thuộc chỉ tiêu', t.targetCells],
    ['Số chi bộ đã được dự', t.visited],
    ['Tỷ lệ chi bộ đã được dự', t.targetCells > 0 ? t.visited / t.targetCells : null, '0.0%'],
    ['Số chi bộ chưa được dự', t.toVisit],
    ['Số chi bộ đã có lịch dự', t.planned],
    ['Số chi bộ quá hạn chưa dự', t.overdue],
    ['Số lượt dự', t.visits],
    ['Số lượt có mặt dự', t.attended],
    ['Số lượt đã báo cáo', t.reported],
    ['Số báo cáo quá hạn', t.reportsOverdue],
  ];
  for (const [label, value, numFmt] of facts) {
    const cell = add(sheet, [label, value]).getCell(2);
    const format = value instanceof Date ? DATE_FORMAT : numFmt;
    if (format) cell.numFmt = format;
    cell.alignment = { horizontal: 'left' };
  }

  add(sheet, []);
  header(sheet, ['Đơn vị', 'Chi bộ thuộc chỉ tiêu', 'Đã dự', 'Chưa dự', 'Quá hạn']);
  const units = model.byUnit;
  for (const u of units) add(sheet, [u.name, u.targetCells, u.visited, u.toVisit, u.overdue]);
  bold(
    add(sheet, [
      'Cộng',
      total(units, (u) => u.targetCells),
      total(units, (u) => u.visited),
      total(units, (u) => u.toVisit),
      total(units, (u) => u.overdue),
    ]),
  );

  add(sheet, []);
  header(sheet, ['Xếp loại', 'Chi bộ tự xếp loại', 'Người dự xếp loại']);
  const { cell, visitor } = model.levels;
  for (const l of QUALITY_LEVELS) add(sheet, [levelLabel(l, 'vi'), cell[l], visitor[l]]);
  const levels = [...QUALITY_LEVELS];
  bold(add(sheet, ['Cộng', total(levels, (l) => cell[l]), total(levels, (l) => visitor[l])]));
}

function visits(workbook: ExcelJS.Workbook, model: SupervisionReportModel) {
  const sheet = sheetOf(workbook, 'Lượt dự', [6, 32, 26, 12, 26, 10, 12, 14, 12, 14, 12]);
  header(sheet, [
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
  model.visits.forEach((v, i) => {
    const row = add(sheet, [
      i + 1,
      v.cellName,
      v.unitName,
      day(v.date),
      v.visitorName,
      v.attended ? 'Có' : 'Không',
      v.cellTotal,
      level(v.cellLevel),
      v.visitorTotal,
      level(v.visitorLevel),
      gapOf(v),
    ]);
    row.getCell(4).numFmt = DATE_FORMAT;
  });
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: 11 } };
}

function people(workbook: ExcelJS.Workbook, model: SupervisionReportModel) {
  const sheet = sheetOf(workbook, 'Người dự', [6, 36, 22, 14]);
  const table = (who: string, rows: { name: string; planned: number; reported: number }[]) => {
    header(sheet, ['TT', who, 'Số lượt được phân công', 'Đã báo cáo']);
    rows.forEach((r, i) => {
      add(sheet, [i + 1, r.name, r.planned, r.reported]);
    });
    bold(add(sheet, [null, 'Cộng', total(rows, (r) => r.planned), total(rows, (r) => r.reported)]));
  };
  table('Người dự', model.byVisitor);
  if (model.byGroup.length > 0) {
    add(sheet, []);
    table('Tổ công tác', model.byGroup);
  }
}

function notes(workbook: ExcelJS.Workbook, model: SupervisionReportModel) {
  const sheet = sheetOf(workbook, 'Kiến nghị', [6, 26, 32, 80]);
  header(sheet, ['TT', 'Loại', 'Chi bộ', 'Nội dung']);
  const rows = [
    ...model.recommendations.map((n) => ({ kind: 'Kiến nghị, đề xuất của đảng viên', ...n })),
    ...model.issues.map((n) => ({ kind: 'Vấn đề cần cấp ủy chỉ đạo', ...n })),
  ];
  rows.forEach((n, i) => {
    add(sheet, [i + 1, n.kind, n.cellName, n.text]).getCell(4).alignment = { wrapText: true };
  });
}

function notVisited(workbook: ExcelJS.Workbook, model: SupervisionReportModel) {
  const sheet = sheetOf(workbook, 'Chưa được dự', [6, 32, 26, 80]);
  header(sheet, ['TT', 'Chi bộ', 'Đơn vị', 'Lý do']);
  model.notVisited.forEach((n, i) => {
    add(sheet, [i + 1, n.cellName, n.unitName, n.reason]).getCell(4).alignment = { wrapText: true };
  });
}

/** The report as an .xlsx workbook of five sheets (`SUPERVISION_SHEETS`). Same model, same bytes. */
export async function renderSupervisionReportXlsx(model: SupervisionReportModel): Promise<Buffer> {
  const date = documentDate(model.placeDateLine);
  const workbook = new ExcelJS.Workbook();
  workbook.creator = PRODUCER;
  workbook.lastModifiedBy = PRODUCER;
  workbook.created = date;
  workbook.modified = date;
  workbook.title = printable(`BÁO CÁO ${reportSubject(model)}`);
  workbook.subject = printable(documentNumber(model.documentNumber));
  summary(workbook, model);
  visits(workbook, model);
  people(workbook, model);
  notes(workbook, model);
  notVisited(workbook, model);
  const zipped = Buffer.from(await workbook.xlsx.writeBuffer());
  return normaliseZip(zipped, date);
}
