/**
 * Shared pieces of import validation: rows as records keyed by column, error collection, code and
 * length checks. The checks of each kind (validate-orgs.ts, validate-members.ts) run in memory over
 * snapshots of the database (Maps, no query per row) and turn a valid file into a plan of writes.
 */
import type { OrgKind, OrgNamingOverrides } from '@nennep/core';
import type { Bilingual } from '../../http/errors.ts';
import { columnsOf, type ImportKind } from './columns.ts';
import { type Mapping, mappingErrors } from './mapping.ts';
import type { Sheet, SheetRow } from './parse.ts';

export interface ImportError {
  row: number;
  field: string;
  message: Bilingual;
}

/** Rows of a file with their cells in the order of `keys` (the recognised columns, canonical order). */
export interface ImportRecords {
  kind: ImportKind;
  keys: string[];
  rows: SheetRow[];
}

export interface OrgSnapshot {
  id: number;
  code: string;
  name: string;
  kind: OrgKind;
  category: string | null;
  parentId: number | null;
  path: string;
  status: string;
  naming: OrgNamingOverrides;
}

export interface Problems {
  errors: ImportError[];
  add(row: number, field: string, vi: string, en: string): void;
}

export function problems(): Problems {
  const errors: ImportError[] = [];
  return { errors, add: (row, field, vi, en) => errors.push({ row, field, message: { vi, en } }) };
}

/**
 * Reorders every row's cells into the import's columns as the mapping says (file column → key); the
 * mapping's own problems (a required column fed by none, a column fed twice) are errors on row 1.
 */
export function toRecords(
  kind: ImportKind,
  sheet: Sheet,
  mapping: Mapping,
): { records: ImportRecords; errors: ImportError[] } {
  const { keys, from } = mappedColumns(kind, mapping);
  const rows = sheet.rows.map((r) => ({ row: r.row, cells: from.map((i) => (r.cells[i] ?? '').trim()) }));
  const errors = mappingErrors(kind, mapping).map((e) => ({ row: 1, ...e }));
  return { records: { kind, keys, rows }, errors };
}

/** The import's columns a mapping feeds (`keys`, canonical order) and the file column each is read from. */
export interface MappedColumns {
  keys: string[];
  from: number[];
}

export function mappedColumns(kind: ImportKind, mapping: Mapping): MappedColumns {
  const indexOf = new Map<string, number>();
  for (const c of mapping.columns) if (c.key && !indexOf.has(c.key)) indexOf.set(c.key, c.index);
  const keys = columnsOf(kind)
    .map((c) => c.key)
    .filter((k) => indexOf.has(k));
  return { keys, from: keys.map((k) => indexOf.get(k) ?? -1) };
}

/** Reads cells by column key: `undefined` when the file has no such column. */
export function cellReader(records: ImportRecords) {
  const index = new Map(records.keys.map((k, i) => [k, i]));
  return (row: SheetRow, key: string): string | undefined => {
    const i = index.get(key);
    return i === undefined ? undefined : (row.cells[i] ?? '');
  };
}

/** Errors in the order a reader scans the file: by row, then by column. */
export function sortErrors(kind: ImportKind, errors: ImportError[]): ImportError[] {
  const order = new Map(columnsOf(kind).map((c, i) => [c.key, i]));
  return errors
    .map((e, i) => ({ e, i }))
    .sort(
      (a, b) => a.e.row - b.e.row || (order.get(a.e.field) ?? 99) - (order.get(b.e.field) ?? 99) || a.i - b.i,
    )
    .map(({ e }) => e);
}

const CODE = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

/** A code cell: required, ≤ 40 characters, unaccented letters, digits and . _ - */
export function checkCode(p: Problems, row: number, field: string, value: string | undefined): string | null {
  if (!value) {
    p.add(row, field, 'Không được để trống.', 'Required.');
    return null;
  }
  if (value.length > 40 || !CODE.test(value)) {
    p.add(
      row,
      field,
      `Mã "${value}" không hợp lệ: tối đa 40 ký tự, chỉ gồm chữ không dấu, chữ số và . _ -`,
      `Code "${value}" is invalid: at most 40 characters, unaccented letters, digits and . _ - only.`,
    );
    return null;
  }
  return value;
}

export function checkLength(
  p: Problems,
  row: number,
  field: string,
  value: string,
  min: number,
  max: number,
) {
  if (value.length < min) {
    p.add(
      row,
      field,
      min <= 1 ? 'Không được để trống.' : `Cần ít nhất ${min} ký tự.`,
      min <= 1 ? 'Required.' : `At least ${min} characters.`,
    );
    return false;
  }
  if (value.length > max) {
    p.add(row, field, `Dài quá ${max} ký tự.`, `Longer than ${max} characters.`);
    return false;
  }
  return true;
}

/** Reports a repeated code; returns false for the second and later rows. */
export function firstOccurrence(
  p: Problems,
  seen: Map<string, number>,
  row: number,
  field: string,
  code: string,
) {
  const earlier = seen.get(code);
  if (earlier !== undefined) {
    p.add(row, field, `Mã ${code} trùng với dòng ${earlier}.`, `Code ${code} repeats row ${earlier}.`);
    return false;
  }
  seen.set(code, row);
  return true;
}
