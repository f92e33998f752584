/**
 * The import of results rated on paper (issue 15 point 4): `year, period, subject, code, score, level, notes`
 * from an .xlsx or .csv (read by the imports module's reader within its limits), each row read by core's
 * `parseRatingImportRow`, then decided through the same command as the app (`decide`, source `import`) inside
 * one transaction — who may be rated, the importer's subtree and right to decide, the score within its level,
 * the "xuất sắc" quota per comparison group over the file's rows together with the rows already decided
 * (QĐ 366-QĐ/TW art. 11; HD 43-HD/BTCTW). All or nothing: a single row error rolls the whole file back, and a
 * preview is the same run, always rolled back.
 */
import {
  DEFAULT_RATING_RULES,
  foldForSearch,
  parseRatingImportRow,
  RATING_IMPORT_COLUMNS,
  RATING_LEVELS,
  type RatingImportColumn,
  type RatingImportRow,
  type RatingLevel,
  type RatingRules,
} from '@nennep/core';
import { sql } from 'drizzle-orm';
import { type Db, rows } from '../../db/client.ts';
import type { Actor } from '../../http/access.ts';
import { audit } from '../../http/audit.ts';
import { AppError, type Bilingual, forbidden } from '../../http/errors.ts';
import { DEFAULT_IMPORT_LIMITS, type ImportLimits } from '../imports/limits.ts';
import { readSheet } from '../imports/service.ts';
import { decide } from './commands.ts';

/** A row's problem: the spreadsheet's row (0: the file, 1: the header), the column, the words. */
export interface RatingImportRowError {
  row: number;
  field: string;
  message: Bilingual;
}

export interface RatingImportReport {
  valid: boolean;
  total: number;
  errors: RatingImportRowError[];
  /** Decisions the file makes, by level (those written when committed). */
  byLevel: Record<RatingLevel, number>;
  /** Decisions written; 0 for a preview or a refused file. */
  written: number;
}

/** The column's header as the Vietnamese template prints it (also read back from a file). */
export const RATING_IMPORT_LABELS: Record<RatingImportColumn, Bilingual> = {
  year: { vi: 'Năm', en: 'year' },
  period: { vi: 'Kỳ', en: 'period' },
  subject: { vi: 'Đối tượng', en: 'subject' },
  code: { vi: 'Mã', en: 'code' },
  score: { vi: 'Điểm', en: 'score' },
  level: { vi: 'Mức xếp loại', en: 'level' },
  notes: { vi: 'Ghi chú', en: 'notes' },
};

const fold = (text: string) =>
  foldForSearch(text)
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

/** Other headers a paper committee's sheet may carry for a column, folded. */
const ALIASES: Record<RatingImportColumn, readonly string[]> = {
  year: ['nam'],
  period: ['ky', 'ky danh gia'],
  subject: ['doi tuong', 'loai'],
  code: ['ma', 'ma to chuc', 'ma dang vien', 'ma so'],
  score: ['diem', 'tong diem'],
  level: ['muc xep loai', 'xep loai', 'muc'],
  notes: ['ghi chu', 'ly do'],
};

function headerMap(header: string[]): {
  columns: (RatingImportColumn | null)[];
  errors: RatingImportRowError[];
} {
  const names = new Map<string, RatingImportColumn>();
  for (const key of RATING_IMPORT_COLUMNS) {
    names.set(key, key);
    names.set(fold(RATING_IMPORT_LABELS[key].vi), key);
    for (const alias of ALIASES[key]) names.set(alias, key);
  }
  const errors: RatingImportRowError[] = [];
  const columns = header.map((text) => {
    const key = names.get(fold(text));
    if (!key && text.trim() !== '')
      errors.push({
        row: 1,
        field: text.trim(),
        message: { vi: `Cột "${text.trim()}" không có trong mẫu.`, en: `Unknown column "${text.trim()}".` },
      });
    return key ?? null;
  });
  for (const key of ['year', 'subject', 'code', 'level'] as const) {
    if (!columns.includes(key) && !(key === 'level' && columns.includes('score')))
      errors.push({
        row: 1,
        field: key,
        message: { vi: 'Tệp thiếu cột này.', en: 'The file lacks this column.' },
      });
  }
  return { columns, errors };
}

/** The rules a row is read with; the subject's own rules are applied again by `decide`. */
const READ_RULES: RatingRules = { ...DEFAULT_RATING_RULES, quarters: ['Q1', 'Q2', 'Q3'] };

/**
 * Order of deciding: levels that keep or lower the group's "xuất sắc" share first, the excellent last, so that
 * each check along the way is never stricter than the check of the file's end state (QĐ 366-QĐ/TW art. 11:
 * the quota is of the group as decided, not of the order the rows are written in).
 */
const ORDER: Record<RatingLevel, number> = { good: 0, completed: 1, failed: 1, excellent: 2 };

/** The field an error of `decide` names, as the file's column (`reason` is the file's notes). */
const COLUMN_OF: Record<string, RatingImportColumn> = { reason: 'notes', meetingId: 'code' };

function rowErrorOf(row: number, error: AppError): RatingImportRowError {
  const field = error.fields[0];
  if (field) return { row, field: COLUMN_OF[field.field] ?? field.field, message: field.message };
  if (error.status === 403)
    return {
      row,
      field: 'code',
      message: {
        vi: 'Tài khoản không có quyền quyết định xếp loại đối tượng này (ngoài phạm vi phụ trách).',
        en: 'This account may not decide the rating of this subject (outside its scope).',
      },
    };
  if (error.status === 404)
    return {
      row,
      field: 'code',
      message: { vi: 'Không tìm thấy mã này trong phạm vi của bạn.', en: 'No such code within your scope.' },
    };
  const detail = error.params.detail;
  const message =
    typeof detail === 'object' ? detail : { vi: 'Dòng không hợp lệ.', en: 'The row is not valid.' };
  return { row, field: 'code', message };
}

/** The deepest node path every written rating lies under, for the import's audit event. */
async function commonPathOf(tx: Db, ids: number[]): Promise<string> {
  if (ids.length === 0) return '/';
  const found = await rows<{ path: string }>(
    tx,
    sql`SELECT DISTINCT org_path AS path FROM ratings WHERE id IN (${sql.join(
      ids.map((id) => sql`${id}`),
      sql`, `,
    )})`,
  );
  const paths = found.map((f) => f.path);
  let prefix = paths[0] ?? '/';
  for (const path of paths) {
    let i = 0;
    while (i < prefix.length && i < path.length && prefix[i] === path[i]) i++;
    prefix = prefix.slice(0, i);
  }
  return prefix.slice(0, prefix.lastIndexOf('/') + 1) || '/';
}

class RolledBack extends Error {
  constructor(readonly report: RatingImportReport) {
    super('rolled back');
  }
}

const emptyLevels = () => Object.fromEntries(RATING_LEVELS.map((l) => [l, 0])) as Record<RatingLevel, number>;

/** Those who may import results: the deciders (a committee member or administrator above the subjects). */
export function assertMayImportRatings(actor: Actor) {
  if (!actor.grants.some((g) => g.role === 'admin' || g.role === 'committee_member')) throw forbidden();
}

/**
 * Reads, checks and (when `write` and the whole file is valid) writes a results file in one transaction, with
 * one `rating.decided` audit event per row (by `decide`) and one `import.ratings` event for the file.
 */
export async function importRatings(
  db: Db,
  actor: Actor,
  file: { buffer: Buffer; fileName: string },
  now: Date,
  write: boolean,
  limits: ImportLimits = DEFAULT_IMPORT_LIMITS,
): Promise<RatingImportReport> {
  const byLevel = emptyLevels();
  const read = await readSheet(file.buffer, file.fileName, limits);
  if (!read.sheet) return { valid: false, total: 0, errors: read.errors, byLevel, written: 0 };
  const { columns, errors } = headerMap(read.sheet.header);
  const total = read.sheet.rows.length;
  if (errors.length > 0) return { valid: false, total, errors, byLevel, written: 0 };
  if (total === 0)
    return {
      valid: false,
      total,
      errors: [
        { row: 2, field: 'file', message: { vi: 'Tệp không có dòng nào.', en: 'The file has no rows.' } },
      ],
      byLevel,
      written: 0,
    };

  const parsed: { row: number; value: RatingImportRow }[] = [];
  const seen = new Map<string, number>();
  for (const { row, cells } of read.sheet.rows) {
    const raw: Partial<Record<RatingImportColumn, string>> = {};
    columns.forEach((key, i) => {
      if (key) raw[key] = cells[i] ?? '';
    });
    const result = parseRatingImportRow(raw, READ_RULES);
    if (!result.ok) {
      for (const e of result.errors) errors.push({ row, field: e.field, message: e.message });
      continue;
    }
    const key = `${result.row.year}|${result.row.period}|${result.row.subject}|${result.row.code}`;
    const first = seen.get(key);
    if (first !== undefined) {
      errors.push({
        row,
        field: 'code',
        message: {
          vi: `Trùng với dòng ${first}: mỗi đối tượng chỉ một kết quả trong một kỳ.`,
          en: `Same as row ${first}: one result per subject and period.`,
        },
      });
      continue;
    }
    seen.set(key, row);
    parsed.push({ row, value: result.row });
  }
  // The rows read well are checked against the database even when others are not: one preview shows all.
  const ordered = [...parsed].sort((a, b) => ORDER[a.value.level] - ORDER[b.value.level] || a.row - b.row);
  try {
    return await db.transaction(async (tx) => {
      const ids: number[] = [];
      for (const { row, value } of ordered) {
        try {
          ids.push(
            await decide(tx, actor, { ...value, reason: value.notes, disqualified: false }, now, 'import'),
          );
          byLevel[value.level] += 1;
        } catch (error) {
          if (!(error instanceof AppError)) throw error;
          errors.push(rowErrorOf(row, error));
        }
      }
      errors.sort((a, b) => a.row - b.row);
      const report = { valid: errors.length === 0, total, errors, byLevel, written: 0 };
      if (errors.length > 0 || !write) throw new RolledBack(report);
      await audit(tx, actor, {
        action: 'import.ratings',
        entityType: 'import',
        entityId: file.fileName.slice(0, 200),
        orgPath: await commonPathOf(tx, ids),
        detail: { fileName: file.fileName, rows: total, byLevel },
      });
      return { ...report, written: parsed.length };
    });
  } catch (error) {
    if (error instanceof RolledBack) return error.report;
    throw error;
  }
}

/** An error as a person reads it: "Dòng 5, cột level: …" in the language asked. */
export function renderRatingImportError(error: RatingImportRowError, locale: 'vi' | 'en' = 'vi') {
  const column = (RATING_IMPORT_LABELS as Record<string, Bilingual>)[error.field];
  const label = column ? `${error.field} (${column.vi})` : error.field;
  return locale === 'vi'
    ? `Dòng ${error.row}, cột ${label}: ${error.message.vi}`
    : `Row ${error.row}, column ${error.field}: ${error.message.en}`;
}
