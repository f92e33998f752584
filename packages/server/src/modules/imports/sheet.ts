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
