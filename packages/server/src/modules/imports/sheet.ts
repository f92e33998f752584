/** What a spreadsheet reader yields: the header and the non-empty rows, numbered as the spreadsheet shows them. */
import type { Bilingual } from '../../http/errors.ts';

export interface SheetRow {
  row: number;
  cells: string[];
}

export interface Sheet {
  header: string[];
  rows: SheetRow[];
}

/** The file as a whole cannot be read. */
export class FileError extends Error {
  constructor(readonly text: Bilingual) {
    super(text.en);
  }
}

export const unreadable = (vi: string, en: string) => new FileError({ vi, en });

export function finish(records: SheetRow[]): Sheet {
  const rows = records.filter((r) => r.cells.some((c) => c.trim() !== ''));
  const first = rows.shift();
  if (!first) throw unreadable('Tệp không có dữ liệu.', 'The file holds no data.');
  return { header: first.cells.map((c) => c.trim()), rows };
}
