/**
 * "Sổ thu nộp đảng phí" as a workbook (issue 16 point 5): a sheet of members × months with what each paid,
 * the totals paid and due; a sheet of the remittance per month (due, collected, rate, kept at the levels,
 * kept by this one, sent up — QĐ 01-QĐ/TW; shares of QĐ 342-QĐ/TW (2010) until the 2026 ones); and, for a
 * committee, a sheet of its units. The figures are those of the report (report.ts), same bytes for the same
 * data (the documents module's `renderWorkbook`).
 */
import { type DuesRemittanceFigures, monthsOfYear } from '@nennep/core';
import { add, header, renderWorkbook, sheetOf, type Value } from '../documents/xlsx-layout.ts';
import { type DuesReportModel, duesReportTitle } from './report.ts';

const PERCENT = '0.0';
const MONEY = '#,##0';

export const LEDGER_SHEET = 'Sổ thu';
export const REMIT_SHEET = 'Trích nộp';
export const UNITS_SHEET = 'Đơn vị';

const figures = (f: Omit<DuesRemittanceFigures, 'membersInArrears'>): Value[] => [
  f.expectedVnd,
  f.collectedVnd,
  f.ratePercent,
  f.keptVnd,
  f.ownKeptVnd,
  f.sentVnd,
];
const FIGURE_TITLES = [
  'Phải thu (đồng)',
  'Đã thu (đồng)',
  'Tỷ lệ (%)',
  'Giữ lại các cấp (đồng)',
  'Cấp này giữ lại (đồng)',
  'Nộp cấp trên (đồng)',
];

/** Money columns with thousands, the rate with one decimal, from column `first` on. */
function formatFigures(row: ReturnType<typeof add>, first: number) {
  FIGURE_TITLES.forEach((_, k) => {
    row.getCell(first + k).numFmt = k === 2 ? PERCENT : MONEY;
  });
}

export function renderDuesReportXlsx(model: DuesReportModel): Promise<Buffer> {
  const { data } = model;
  const title = duesReportTitle(model);
  const columns = data.month === null ? monthsOfYear(data.year) : [data.month];
  const counted = new Set(data.months);
  return renderWorkbook(
    {
      placeDate: model.header.placeDate,
      title: `Sổ thu nộp đảng phí — ${title}`,
      subject: model.header.number,
    },
    (workbook) => {
      const ledger = sheetOf(workbook, LEDGER_SHEET, [12, 26, 24, ...columns.map(() => 10), 13, 13]);
      header(ledger, [
        'Mã đảng viên',
        'Họ và tên',
        'Chi bộ',
        ...columns.map((m) => `Tháng ${Number(m.slice(5, 7))}`),
        'Cộng đã nộp',
        'Cộng phải nộp',
      ]);
      for (const member of model.members) {
        const paid = columns.map((m) => (counted.has(m) ? (member.months.get(m)?.paidVnd ?? 0) : null));
        add(ledger, [member.code, member.name, member.cellName, ...paid, member.paidVnd, member.dueVnd]);
      }
      const byMonth = new Map(data.byMonth.map((m) => [m.month, m]));
      add(ledger, [
        'Cộng',
        `${model.members.length} đảng viên`,
        '',
        ...columns.map((m) => (counted.has(m) ? (byMonth.get(m)?.collectedVnd ?? 0) : null)),
        data.org.collectedVnd,
        data.org.expectedVnd,
      ]).font = { bold: true };
      ledger.eachRow((row, n) => {
        if (n > 1) for (let c = 4; c <= 5 + columns.length; c++) row.getCell(c).numFmt = MONEY;
      });

      const remit = sheetOf(workbook, REMIT_SHEET, [14, ...FIGURE_TITLES.map(() => 16)]);
      header(remit, ['Tháng', ...FIGURE_TITLES]);
      for (const m of data.byMonth) formatFigures(add(remit, [m.month, ...figures(m)]), 2);
      const total = add(remit, ['Cộng', ...figures(data.org)]);
      total.font = { bold: true };
      formatFigures(total, 2);
      add(remit, []);
      add(remit, [`${model.committeeName} — ${title}`]);

      if (data.children.length > 0) {
        const units = sheetOf(workbook, UNITS_SHEET, [12, 30, ...FIGURE_TITLES.map(() => 16), 12]);
        header(units, ['Mã', 'Đơn vị', ...FIGURE_TITLES, 'Đảng viên chưa nộp đủ']);
        for (const c of data.children)
          formatFigures(add(units, [c.code, c.name, ...figures(c), c.membersInArrears]), 3);
      }
    },
  );
}
