/**
 * `npx nennep import dues-basis FILE` and `npx nennep import dues FILE` (issue 16 point 6): a spreadsheet
 * (.xlsx / .csv, read by the imports module's reader within its limits) of bases or payments, checked row by
 * row by core's parsers (`parseDuesBasisRow`, `parseDuesPaymentRow`) and against the database, and written in
 * one transaction only when every row is valid — all or nothing, each error naming its row and column.
 * The command line is trusted as the members import is (no actor).
 */
import {
  addMonths,
  DUES_BASIS_COLUMNS,
  DUES_FIELD_LABELS,
  DUES_PAYMENT_COLUMNS,
  type DuesBasisRow,
  type DuesPayment,
  foldForSearch,
  isMonth,
  isoDateInVietnam,
  type Locale,
  monthOfDate,
  parseDuesBasisRow,
  parseDuesPaymentRow,
} from '@nennep/core';
import type { Database, Db } from '../../db/client.ts';
import { audit } from '../../http/audit.ts';
import { AppError, type Bilingual } from '../../http/errors.ts';
import { isLimitRefusal } from '../imports/limits.ts';
import { readSheet } from '../imports/service.ts';
import type { SheetRow } from '../imports/sheet.ts';
import { type DuesMemberRow, duesRuleSetsFor, duesRulesOf, lockMembers, paidSoFar } from './queries.ts';
import {
  assertActive,
  assertAfterAdmission,
  checkRelief,
  insertBasis,
  insertPayment,
  insertRelief,
  type ReliefInput,
} from './writes.ts';

export const DUES_IMPORT_KINDS = ['dues-basis', 'dues'] as const;
export type DuesImportKind = (typeof DUES_IMPORT_KINDS)[number];

/** A row's problem: the spreadsheet's row (0: the file, 1: the header), the column, the words. */
export interface DuesImportError {
  row: number;
  field: string;
  message: Bilingual;
}

export interface DuesImportReport {
  valid: boolean;
  total: number;
  errors: DuesImportError[];
  /** Entries written (bases and relief decisions, or payments); 0 when refused. */
  written: number;
}

const COLUMNS: Record<DuesImportKind, readonly string[]> = {
  'dues-basis': DUES_BASIS_COLUMNS,
  dues: DUES_PAYMENT_COLUMNS,
};
/** Columns a file must have (the others may be left out: their cells are then empty). */
const REQUIRED: Record<DuesImportKind, readonly string[]> = {
  'dues-basis': ['member_code', 'from_month', 'category'],
  dues: DUES_PAYMENT_COLUMNS,
};

const fold = (text: string) =>
  foldForSearch(text)
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

/** Which column each header is: its key (`member_code`) or its Vietnamese label ("Mã đảng viên"), folded. */
function mapHeader(kind: DuesImportKind, header: string[]) {
  const names = new Map<string, string>();
  for (const key of COLUMNS[kind]) {
    names.set(fold(key), key);
    const label = DUES_FIELD_LABELS[key];
    if (label) names.set(fold(label.vi), key);
  }
  const errors: DuesImportError[] = [];
  const keys = header.map((h) => {
    const key = h.trim() === '' ? null : (names.get(fold(h)) ?? null);
    if (h.trim() !== '' && key === null)
      errors.push({
        row: 1,
        field: h,
        message: { vi: `Cột "${h}" không có trong mẫu.`, en: `Column "${h}" is not in the template.` },
      });
    return key;
  });
  for (const key of REQUIRED[kind]) {
    if (!keys.includes(key)) {
      const label = DUES_FIELD_LABELS[key] ?? { vi: key, en: key };
      errors.push({
        row: 1,
        field: key,
        message: { vi: `${label.vi}: thiếu cột này.`, en: `${label.en}: the column is missing.` },
      });
    }
  }
  return { keys, errors };
}

const cellsOf = (keys: (string | null)[], row: SheetRow) => {
  const cells: Record<string, string> = {};
  keys.forEach((key, i) => {
    if (key) cells[key] = row.cells[i] ?? '';
  });
  return cells;
};

/** An error worded by a check that throws (writes.ts), on the import's column, its label first. */
function asRowError(row: number, field: string, error: unknown): DuesImportError {
  if (!(error instanceof AppError) || error.status !== 400) throw error;
  const text = error.fields[0]?.message ?? { vi: 'không hợp lệ', en: 'is not valid' };
  const label = DUES_FIELD_LABELS[field] ?? { vi: field, en: field };
  return { row, field, message: { vi: `${label.vi}: ${text.vi}`, en: `${label.en}: ${text.en}` } };
}

/** The longest common subtree of the paths touched, for the audit event. */
const commonPath = (paths: string[]) =>
  paths.reduce((common, p) => {
    let i = 0;
    while (i < common.length && common[i] === p[i]) i++;
    return common.slice(0, common.lastIndexOf('/', i - 1) + 1) || '/';
  }, paths[0] ?? '/');

type Planned = { member: DuesMemberRow; write: (tx: Db) => Promise<number> };

/** The relief a basis row carries (its `exemption` or `reduction_percent`), or null. */
function reliefOfRow(
  row: DuesBasisRow,
): { kind: ReliefInput['kind']; percent?: number; until?: string } | null {
  const until = row.reductionUntil ?? undefined;
  if (row.exemption) return { kind: row.exemption, until };
  if (row.reductionPercent > 0) return { kind: 'reduction', percent: row.reductionPercent, until };
  return null;
}

/** Reads, checks and (all valid) writes a dues file in one transaction. */
export async function runDuesImport(
  database: Database,
  kind: DuesImportKind,
  buffer: Buffer,
  fileName: string,
  now: Date,
): Promise<DuesImportReport> {
  let read: Awaited<ReturnType<typeof readSheet>>;
  try {
    read = await readSheet(buffer, fileName);
  } catch (error) {
    const refusal = isLimitRefusal(error) ? error.fields[0] : undefined;
    if (!refusal) throw error;
    read = { sheet: null, errors: [{ row: 0, field: 'file', message: refusal.message }] };
  }
  if (!read.sheet) return { valid: false, total: 0, errors: read.errors, written: 0 };
  const sheet = read.sheet;
  const { keys, errors } = mapHeader(kind, sheet.header);
  const total = sheet.rows.length;
  if (errors.length > 0) return { valid: false, total, errors, written: 0 };
  const today = isoDateInVietnam(now);
  return database.db.transaction(async (tx) => {
    const rowsCells = sheet.rows.map((row) => ({ row: row.row, cells: cellsOf(keys, row) }));
    const members = await lockMembers(
      tx,
      rowsCells.map((r) => (r.cells.member_code ?? '').trim()).filter(Boolean),
    );
    const candidates = await duesRuleSetsFor(tx, '/');
    const plan: Planned[] = [];
    const sums =
      kind === 'dues' ? await paidSoFar(tx, paymentPairs(rowsCells, members)) : new Map<string, number>();
    for (const { row, cells } of rowsCells) {
      const code = (cells.member_code ?? '').trim();
      const member = members.get(code);
      if (code !== '' && !member) {
        errors.push(asRowError(row, 'member_code', notAMember(code)));
        continue;
      }
      try {
        if (member) assertActive(member, 'member_code');
        if (kind === 'dues-basis') {
          const month = (cells.from_month ?? '').trim();
          const rules = duesRulesOf(candidates, member?.orgPath ?? '/', month || today.slice(0, 7));
          const parsed = parseDuesBasisRow(cells, rules);
          if (!parsed.ok) {
            for (const e of parsed.errors) errors.push({ row, ...e });
            continue;
          }
          if (!member) continue;
          plan.push(...planBasis(row, member, parsed.value, rules, errors));
        } else {
          const parsed = parseDuesPaymentRow(cells);
          if (!parsed.ok) {
            for (const e of parsed.errors) errors.push({ row, ...e });
            continue;
          }
          if (!member) continue;
          const planned = planPayment(row, member, parsed.value, today, sums, errors);
          if (planned) plan.push(planned);
        }
      } catch (error) {
        errors.push(asRowError(row, 'member_code', error));
      }
    }
    if (errors.length > 0) return { valid: false, total, errors, written: 0 };
    for (const p of plan) await p.write(tx);
    const paths = [...new Set(plan.map((p) => p.member.orgPath))];
    if (plan.length > 0) {
      await audit(tx, null, {
        action: `import.${kind}`,
        entityType: 'import',
        entityId: fileName,
        orgPath: commonPath(paths),
        detail: { fileName, rows: total, written: plan.length },
      });
    }
    return { valid: true, total, errors: [], written: plan.length };
  });
}

/** The members and months a payments file names (well-formed ones), for the sums recorded so far. */
function paymentPairs(rowsCells: { cells: Record<string, string> }[], members: Map<string, DuesMemberRow>) {
  const pairs: { member: DuesMemberRow; month: string }[] = [];
  for (const { cells } of rowsCells) {
    const member = members.get((cells.member_code ?? '').trim());
    const month = (cells.month ?? '').trim();
    if (member && isMonth(month)) pairs.push({ member, month });
  }
  return pairs;
}

const notAMember = (code: string) =>
  new AppError(400, 'validation', {}, [
    { field: 'member_code', message: { vi: `không có đảng viên ${code}`, en: `no member ${code}` } },
  ]);

/** A basis row: the basis, and the relief it carries (from the same month). */
function planBasis(
  row: number,
  member: DuesMemberRow,
  value: DuesBasisRow,
  rules: Parameters<typeof checkRelief>[0],
  errors: DuesImportError[],
): Planned[] {
  try {
    assertAfterAdmission(member, value.from, 'from_month');
  } catch (error) {
    errors.push(asRowError(row, 'from_month', error));
    return [];
  }
  const basis: Planned = {
    member,
    write: (tx) =>
      insertBasis(tx, null, member, {
        from: value.from,
        category: value.category,
        amountVnd: value.amountVnd,
      }),
  };
  const carried = reliefOfRow(value);
  if (!carried) return [basis];
  let relief: ReliefInput;
  try {
    relief = checkRelief(rules, { ...carried, from: value.from });
  } catch (error) {
    const field =
      error instanceof AppError && error.fields[0]?.field === 'percent'
        ? 'reduction_percent'
        : 'reduction_until';
    errors.push(asRowError(row, field, error));
    return [];
  }
  const reason: Record<string, string> = {
    social_pension: 'Hưởng trợ cấp xã hội (nhập từ tệp căn cứ đóng đảng phí)',
    hardship: 'Hoàn cảnh khó khăn (nhập từ tệp căn cứ đóng đảng phí)',
    reduction: 'Giảm đảng phí (nhập từ tệp căn cứ đóng đảng phí)',
  };
  return [
    basis,
    {
      member,
      write: (tx) => insertRelief(tx, null, member, { ...relief, reason: reason[relief.kind] ?? '' }),
    },
  ];
}

/** A payment row: after admission, paid by today, at most a year ahead, a correction not below 0. */
function planPayment(
  row: number,
  member: DuesMemberRow,
  value: DuesPayment,
  today: string,
  sums: Map<string, number>,
  errors: DuesImportError[],
): Planned | null {
  const fail = (field: string, message: Bilingual) => {
    const label = DUES_FIELD_LABELS[field] ?? { vi: field, en: field };
    errors.push({
      row,
      field,
      message: { vi: `${label.vi}: ${message.vi}`, en: `${label.en}: ${message.en}` },
    });
    return null;
  };
  try {
    assertAfterAdmission(member, value.month, 'month');
  } catch (error) {
    errors.push(asRowError(row, 'month', error));
    return null;
  }
  if (value.month > addMonths(monthOfDate(today), 12))
    return fail('month', { vi: 'đóng trước tối đa 12 tháng', en: 'at most 12 months ahead' });
  if (value.paidOn > today)
    return fail('paid_on', { vi: 'không được sau hôm nay', en: 'cannot be after today' });
  const key = `${member.id}|${value.month}`;
  const after = (sums.get(key) ?? 0) + value.paidVnd;
  sums.set(key, after);
  // A correction may not take a month below what was recorded (the database's sums are added before).
  if (after < 0)
    return fail('paid_vnd', {
      vi: 'khoản điều chỉnh lớn hơn số đã ghi cho tháng này',
      en: 'the correction exceeds what was recorded for the month',
    });
  return {
    member,
    write: (tx) =>
      insertPayment(tx, null, member, {
        month: value.month,
        paidVnd: value.paidVnd,
        paidOn: value.paidOn,
        channel: value.channel,
      }),
  };
}

/** An error as the command line prints it, in one language. */
export const renderDuesError = (e: DuesImportError, locale: Locale = 'vi') =>
  `Dòng ${e.row}, cột ${e.field}: ${e.message[locale]}`;
