import type { viImports } from './vi-imports';

/** English texts of the column mapping step of imports; mirrors `vi-imports.ts`. */
export const enImports: typeof viImports = {
  importMapping: {
    title: "Match the file's columns",
    intro:
      'This file\'s column names differ from the template\'s — a list exported from the member database (Cơ sở dữ liệu đảng viên), for instance. Say which Nền Nếp column each column of the file holds; choose "Ignore" for columns Nền Nếp does not keep (hometown, ethnicity, religion…). Only matched columns are read; nothing from ignored columns is stored.',
    rules:
      'Dates are read the Vietnamese way, day before month: dd/mm/yyyy, d/m/yyyy, dd.mm.yyyy, yyyy-mm-dd or an Excel date cell. The cell column may hold the code or the name of the cell.',
    remember:
      'When the data is written, the matching is saved for your organisation: next time, a file with exactly these column names matches itself.',
    source: {
      exact: "The columns have the template's names.",
      saved: 'Matched by the matching saved for files of this shape. You can still change it.',
      guessed: 'Nền Nếp guessed the matching from the column names. Check the columns with a low confidence.',
      chosen: 'Using the matching you chose.',
    },
    fileColumn: 'Column in the file',
    example: 'First row',
    appColumn: 'Nền Nếp column',
    confidence: 'Confidence',
    ignore: '— Ignore —',
    required: 'required',
    unnamed: '(column {{letter}}, no name)',
    basis: {
      header: 'Same name',
      saved: 'Saved',
      guess: 'Guess {{percent}}%',
      chosen: 'Your choice',
      none: 'Ignored',
    },
    missing: 'Required columns not matched yet: {{columns}}.',
    twice: 'Column "{{column}}" is chosen for several columns of the file; choose one.',
    apply: 'Apply the matching and check again',
    reset: 'Back to the applied matching',
    notApplied: 'The matching changed: click "Apply the matching and check again" before writing.',
    previewTitle: 'The first rows, as Nền Nếp will read them',
    previewHelp:
      "Dates shown as dd/mm/yyyy, values in the template's words. Red: cannot be read. Grey italics: column just changed, not checked yet.",
    row: 'Row',
    noRows: 'The file has no data rows.',
    noColumns: 'No column matched yet.',
  },
};
