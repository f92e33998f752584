/**
 * What the report workbooks share: sheets with a frozen header row, printable text cells, dates as date
 * cells, and a workbook whose dates — its own and every zip entry's — are the document's date, never the
 * clock, so the same model gives the same bytes (`deterministic.ts`).
 */
import type ExcelJS from 'exceljs';
import { documentDate, normaliseZip } from './deterministic.ts';
import { PRODUCER, printable } from './party-layout.ts';
import { newWorkbook, xlsxBytes } from './workbook.ts';

export type Value = string | number | Date | null;

export const DATE_FORMAT = 'dd/mm/yyyy';
const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E1F2' } };

/** An ISO date as a date cell (midnight UTC: exceljs writes the serial from UTC). */
export const day = (iso: string) => new Date(`${iso.slice(0, 10)}T00:00:00Z`);

/** A sheet with column widths, the first row frozen. */
export function sheetOf(workbook: ExcelJS.Workbook, name: string, widths: number[]): ExcelJS.Worksheet {
  const sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = widths.map((width) => ({ width }));
  return sheet;
}

export function add(sheet: ExcelJS.Worksheet, values: Value[]): ExcelJS.Row {
  return sheet.addRow(values.map((value) => (typeof value === 'string' ? printable(value) : value)));
}

export function header(sheet: ExcelJS.Worksheet, titles: string[]): ExcelJS.Row {
  const row = add(sheet, titles);
  row.font = { bold: true };
  row.alignment = { vertical: 'middle', wrapText: true };
  row.eachCell((cell) => {
    cell.fill = HEADER_FILL;
  });
  return row;
}

/** Label–value rows, dates as date cells and numbers with their format, left-aligned. */
export function factRows(sheet: ExcelJS.Worksheet, facts: [label: string, value: Value, numFmt?: string][]) {
  for (const [label, value, numFmt] of facts) {
    const cell = add(sheet, [label, value]).getCell(2);
    const format = value instanceof Date ? DATE_FORMAT : numFmt;
    if (format) cell.numFmt = format;
    cell.alignment = { horizontal: 'left' };
  }
}

/** A workbook dated by the document's place-date line, filled by `fill`, as repeatable bytes. */
export async function renderWorkbook(
  meta: { placeDate: string; title: string; subject: string },
  fill: (workbook: ExcelJS.Workbook) => void,
): Promise<Buffer> {
  const date = documentDate(meta.placeDate);
  const workbook = newWorkbook(date, {
    lastModifiedBy: PRODUCER,
    title: printable(meta.title),
    subject: printable(meta.subject),
  });
  fill(workbook);
  return normaliseZip(await xlsxBytes(workbook), date);
}
