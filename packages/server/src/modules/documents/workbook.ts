/**
 * How every .xlsx the application writes begins: a workbook signed by the application and dated by the
 * caller — a fixed date (a template's, the epoch for lists, a report's own date line), never the clock, so
 * that the same data gives the same workbook (`deterministic.ts`) — and list sheets with a bold header row.
 */
import ExcelJS from 'exceljs';
import { PRODUCER } from './party-layout.ts';

/** The date a list export carries (it has no date line of its own): 1 January 1970. */
export const LIST_DATE = new Date(0);

/** Properties a report workbook adds to its document properties (lists leave them empty). */
export type WorkbookProps = Partial<Pick<ExcelJS.Workbook, 'lastModifiedBy' | 'title' | 'subject'>>;

/** A new workbook by the application, created and modified at `date`. */
export function newWorkbook(date: Date, props: WorkbookProps = {}): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = PRODUCER;
  workbook.created = date;
  workbook.modified = date;
  Object.assign(workbook, props);
  return workbook;
}

/** A sheet of rows under a bold header row made from the columns' headers; `frozen` keeps it in view. */
export function listSheet(
  workbook: ExcelJS.Workbook,
  name: string,
  columns: Partial<ExcelJS.Column>[],
  options: { frozen?: boolean } = {},
): ExcelJS.Worksheet {
  const sheet = workbook.addWorksheet(name);
  sheet.columns = columns;
  sheet.getRow(1).font = { bold: true };
  if (options.frozen) sheet.views = [{ state: 'frozen', ySplit: 1 }];
  return sheet;
}

/** The workbook's bytes. */
export async function xlsxBytes(workbook: ExcelJS.Workbook): Promise<Buffer> {
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
