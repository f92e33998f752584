/**
 * The quarterly supervision report as a workbook, for the Organisation Committee to sort and sum: the
 * same figures as the DOCX, numbers as numbers and dates as dates. Repeatable bytes like the DOCX: the
 * workbook's dates and every zip entry's date are the report's date (`deterministic.ts`), never the clock.
 */
import { levelLabel, QUALITY_LEVELS, type QualityLevel, type SupervisionReportModel } from '@nennep/core';
import type ExcelJS from 'exceljs';
import { documentNumber, gapOf, reportSubject } from './supervision-report-docx.ts';
import {
  add,
  DATE_FORMAT,
  day,
  factRows,
  header,
  renderWorkbook,
  sheetOf,
  type Value,
} from './xlsx-layout.ts';

export const SUPERVISION_SHEETS = ['Tổng hợp', 'Lượt dự', 'Người dự', 'Kiến nghị', 'Chưa được dự'] as const;

const level = (value: QualityLevel | null) => (value ? levelLabel(value, 'vi') : null);
const total = <T>(items: T[], value: (item: T) => number) =>
  items.reduce((sum, item) => sum + value(item), 0);

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
  factRows(sheet, facts);

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
export function renderSupervisionReportXlsx(model: SupervisionReportModel): Promise<Buffer> {
  const meta = {
    placeDate: model.placeDateLine,
    title: `BÁO CÁO ${reportSubject(model)}`,
    subject: documentNumber(model.documentNumber),
  };
  return renderWorkbook(meta, (workbook) => {
    summary(workbook, model);
    visits(workbook, model);
    people(workbook, model);
    notes(workbook, model);
    notVisited(workbook, model);
  });
}
